package lab.backprop.model;

import java.util.Locale;

/**
 * What a sample's error costs, and the error term at the output it starts backprop with. MSE is the seeds':
 * (y - ypred)², whose δ = -2(y - ypred)·f'(z). Binary cross-entropy, -(y·ln ypred + (1 - y)·ln(1 - ypred)), with a
 * sigmoid output has δ = ypred - y: the sigmoid's f'(z) = ypred(1 - ypred) cancels the loss's 1 / (ypred(1 - ypred)),
 * so a saturated output still learns. A new loss is one more constant.
 */
public enum LossFunction {
    MSE("mse", "MSE") {
        @Override public double of(double y, double a) {
            double d = y - a;
            return d * d;
        }

        @Override public double dLda(double y, double a) { return -2.0 * (y - a); }

        @Override public double outputDelta(double y, double a, double z, Activation f, double scale, int outputs) {
            return scale * -2.0 * (y - a) / outputs * f.derivative(z, a); // the seeds' arithmetic, in this order
        }
    },
    CROSS_ENTROPY("cross-entropy", "cross-entropy") {
        @Override public double of(double y, double a) {
            double p = Math.min(1 - EDGE, Math.max(EDGE, a)); // ln 0 would be -∞: the output is kept inside (0, 1)
            return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
        }

        @Override public double dLda(double y, double a) {
            double p = Math.min(1 - EDGE, Math.max(EDGE, a));
            return -(y / p) + (1 - y) / (1 - p);
        }

        @Override public double outputDelta(double y, double a, double z, Activation f, double scale, int outputs) {
            if (f == Activation.SIGMOID) return scale * (a - y) / outputs; // f'(z) cancels
            return scale * dLda(y, a) / outputs * f.derivative(z, a);
        }
    };

    /** How close to 0 and 1 an output is taken for the logarithms. */
    static final double EDGE = 1e-15;

    private final String id;
    private final String label;

    LossFunction(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** One sample's loss for target {@code y} and output {@code a}. */
    public abstract double of(double y, double a);

    /** dL/dypred: the loss's slope at output {@code a} (the chain rule's first factor). */
    public abstract double dLda(double y, double a);

    /** dL/dz at an output of value {@code a} and pre-activation {@code z}, times {@code scale}, over {@code outputs} outputs. */
    public abstract double outputDelta(double y, double a, double z, Activation f, double scale, int outputs);

    /** "mse" or "cross-entropy": what the CLI and session files take. */
    public String id() { return id; }

    @Override public String toString() { return label; }

    /** "mse", "cross-entropy" (also "ce", "bce"), any case. */
    public static LossFunction parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("ce") || t.equals("bce") || t.equals("crossentropy")) return CROSS_ENTROPY;
        for (LossFunction l : values()) if (l.id.equals(t)) return l;
        throw new IllegalArgumentException("unknown loss '" + lab.backprop.support.Texts.quote(text) + "' (choose mse or cross-entropy)");
    }
}
