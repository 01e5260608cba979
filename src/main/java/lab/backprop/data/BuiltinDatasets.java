package lab.backprop.data;

import java.util.List;
import java.util.Locale;

/** The data sets of the seeds. */
public final class BuiltinDatasets {
    /** Seed 001 shifts weight by -135 lb and height by -66 in. */
    public static final double[] GENDER_SHIFT = { -135, -66 };

    private BuiltinDatasets() { }

    /** Seed 000's XOR truth table. */
    public static Dataset xor() {
        return new Dataset("xor", List.of("x1", "x2"), new double[] { 0, 0 }, List.of(
                new Dataset.Sample("0 xor 0", new double[] { 0, 0 }, 0),
                new Dataset.Sample("0 xor 1", new double[] { 0, 1 }, 1),
                new Dataset.Sample("1 xor 0", new double[] { 1, 0 }, 1),
                new Dataset.Sample("1 xor 1", new double[] { 1, 1 }, 0)), "1", "0");
    }

    /** Seed 001's people in raw pounds and inches; F = 1, M = 0. */
    public static Dataset gender() {
        return new Dataset("gender", List.of("weight (lb)", "height (in)"), GENDER_SHIFT, List.of(
                new Dataset.Sample("Alice", new double[] { 133, 65 }, 1),
                new Dataset.Sample("Bob", new double[] { 160, 72 }, 0),
                new Dataset.Sample("Charlie", new double[] { 152, 70 }, 0),
                new Dataset.Sample("Diana", new double[] { 120, 60 }, 1)), "F", "M");
    }

    public static List<String> names() { return List.of("xor", "gender"); }

    /** "xor" or "gender" (any case). */
    public static Dataset byName(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "xor" -> xor();
            case "gender" -> gender();
            default -> throw new IllegalArgumentException("unknown dataset '" + name + "' (choose xor or gender)");
        };
    }
}
