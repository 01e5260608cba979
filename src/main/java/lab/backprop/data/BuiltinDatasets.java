package lab.backprop.data;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The registry of built-in data sets: one row each, with its name and how it is made; each set carries its
 * {@link Preset} (seed 000's for XOR, seed 001's for gender). A new data set is one more row in {@link #ENTRIES}.
 */
public final class BuiltinDatasets {
    /** Seed 001 shifts weight by -135 lb and height by -66 in. */
    public static final double[] GENDER_SHIFT = { -135, -66 };

    /** One built-in data set: its name (what the CLI's --dataset and the window's choice take) and its maker. */
    public record Entry(String name, String description, Supplier<Dataset> make) { }

    /** Every built-in data set, in the order the window and the CLI's help list them. */
    public static final List<Entry> ENTRIES = java.util.stream.Stream.concat(java.util.stream.Stream.of(
            new Entry("xor", "seed 000's XOR truth table", BuiltinDatasets::xor),
            new Entry("gender", "seed 001's four people, weight and height", BuiltinDatasets::gender)),
            java.util.Arrays.stream(Generator.values()).map(BuiltinDatasets::generated)).toList(); // every shape, in its order

    private static Entry generated(Generator g) {
        return new Entry(g.id(), g.description() + " (generated: --points, --noise, --data-seed)", () -> Generator.Spec.of(g).make());
    }

    private BuiltinDatasets() { }

    /** Seed 000's XOR truth table, trained as seed 000 does. */
    public static Dataset xor() {
        return new Dataset("xor", List.of("x1", "x2"), new double[] { 0, 0 }, List.of(
                new Dataset.Sample("0 xor 0", new double[] { 0, 0 }, 0),
                new Dataset.Sample("0 xor 1", new double[] { 0, 1 }, 1),
                new Dataset.Sample("1 xor 0", new double[] { 1, 0 }, 1),
                new Dataset.Sample("1 xor 1", new double[] { 1, 1 }, 0)), "1", "0", Preset.SEED_000);
    }

    /** Seed 001's people in raw pounds and inches; F = 1, M = 0; trained as seed 001 does. */
    public static Dataset gender() {
        return new Dataset("gender", List.of("weight (lb)", "height (in)"), GENDER_SHIFT, List.of(
                new Dataset.Sample("Alice", new double[] { 133, 65 }, 1),
                new Dataset.Sample("Bob", new double[] { 160, 72 }, 0),
                new Dataset.Sample("Charlie", new double[] { 152, 70 }, 0),
                new Dataset.Sample("Diana", new double[] { 120, 60 }, 1)), "F", "M", Preset.SEED_001);
    }

    public static List<String> names() { return ENTRIES.stream().map(Entry::name).toList(); }

    /** A built-in data set by name (any case); the message lists the names. */
    public static Dataset byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Entry e : ENTRIES) if (e.name().equals(n)) return e.make().get();
        throw new IllegalArgumentException("unknown dataset '" + lab.backprop.support.Texts.quote(name) + "' (choose " + String.join(", ", names()) + ")");
    }
}
