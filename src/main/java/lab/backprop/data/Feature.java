package lab.backprop.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The network's inputs made from a sample's two (shifted) coordinates, as TensorFlow Playground offers them: the
 * coordinates themselves, their squares, their product and their sines. A data set trains on the features it is
 * given ({@link Dataset#withFeatures}); the decision map and Predict still work in the two original coordinates.
 * A new feature is one more constant.
 */
public enum Feature {
    X1("x1", "x1") { @Override public double of(double a, double b) { return a; } },
    X2("x2", "x2") { @Override public double of(double a, double b) { return b; } },
    X1_SQUARED("x1sq", "x1²") { @Override public double of(double a, double b) { return a * a; } },
    X2_SQUARED("x2sq", "x2²") { @Override public double of(double a, double b) { return b * b; } },
    X1_X2("x1x2", "x1·x2") { @Override public double of(double a, double b) { return a * b; } },
    SIN_X1("sinx1", "sin x1") { @Override public double of(double a, double b) { return Math.sin(a); } },
    SIN_X2("sinx2", "sin x2") { @Override public double of(double a, double b) { return Math.sin(b); } };

    /** The two coordinates as they are: what every data set trains on unless told otherwise. */
    public static final List<Feature> PLAIN = List.of(X1, X2);

    private final String id;
    private final String label;

    Feature(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The value for a sample at (a, b), its shifted coordinates. */
    public abstract double of(double a, double b);

    /** The name the CLI's --features takes ("x1x2"). */
    public String id() { return id; }

    /** How the window writes it ("x1·x2"). */
    public String label() { return label; }

    @Override public String toString() { return label; }

    /** Every feature's id, for messages. */
    public static String ids() {
        List<String> all = new ArrayList<>();
        for (Feature f : values()) all.add(f.id);
        return String.join(", ", all);
    }

    /**
     * "x1,x2,x1x2" (any case, spaces allowed; x1^2, x1*x2 and sin(x1) are read too) as features in the order given.
     *
     * @throws IllegalArgumentException naming what is unknown, repeated or missing
     */
    public static List<Feature> parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("give at least one feature (from " + ids() + ")");
        List<Feature> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String t = part.trim().toLowerCase(Locale.ROOT).replace(" ", "").replace("^2", "sq").replace("²", "sq")
                    .replace("*", "").replace("·", "").replace("(", "").replace(")", "");
            Feature found = null;
            for (Feature f : values()) if (f.id.equals(t)) found = f;
            if (found == null) {
                throw new IllegalArgumentException("unknown feature '" + lab.backprop.support.Texts.quote(part.trim()) + "' (choose from " + ids() + ")");
            }
            if (out.contains(found)) throw new IllegalArgumentException("feature " + found.id + " is given twice");
            out.add(found);
        }
        return List.copyOf(out);
    }

    /** "x1,x2,x1x2" */
    public static String idsOf(List<Feature> features) {
        return String.join(",", features.stream().map(Feature::id).toList());
    }
}
