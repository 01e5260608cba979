package lab.backprop.model;

/** The activation functions of seed 000: sigmoid, tanh and ReLU. */
public enum Activation {
    SIGMOID("sigmoid", 0, 1) {
        @Override public double apply(double z) { return 1.0 / (1.0 + Math.exp(-z)); }
        // f'(z) = f(z) * (1 - f(z)): cheaper from the output we already have.
        @Override public double derivative(double z, double a) { return a * (1.0 - a); }
    },
    TANH("tanh", -1, 1) {
        @Override public double apply(double z) { return Math.tanh(z); }
        @Override public double derivative(double z, double a) { return 1.0 - a * a; }
    },
    RELU("relu", 0, Double.POSITIVE_INFINITY) {
        @Override public double apply(double z) { return z > 0 ? z : 0.0; }
        @Override public double derivative(double z, double a) { return z > 0 ? 1.0 : 0.0; }
    };

    private final String label;
    private final double low;
    private final double high;

    Activation(String label, double low, double high) {
        this.label = label;
        this.low = low;
        this.high = high;
    }

    /** The outputs f can give: [0, 1] for sigmoid, [-1, 1] for tanh, [0, infinity) for ReLU. */
    public Range range() { return new Range(low, high); }

    /** An interval of outputs; {@code high} may be infinite. */
    public record Range(double low, double high) {
        /** Where {@code a} lies from low (0) to high (1); an unbounded range uses {@code scale} as its visible top. */
        public double fraction(double a, double scale) {
            double top = Double.isInfinite(high) ? low + scale : high;
            return Math.max(0, Math.min(1, (a - low) / (top - low)));
        }
    }

    /** f(z). */
    public abstract double apply(double z);

    /** f'(z), given both the input z and the output a = f(z). */
    public abstract double derivative(double z, double a);

    public String label() { return label; }

    /** Parses "sigmoid", "tanh" or "relu" (any case); throws IllegalArgumentException naming the choices. */
    public static Activation parse(String text) {
        for (Activation a : values()) {
            if (a.label.equalsIgnoreCase(text.trim())) return a;
        }
        throw new IllegalArgumentException("unknown activation '" + lab.backprop.support.Texts.quote(text) + "' (choose sigmoid, tanh or relu)");
    }

    @Override public String toString() { return label; }
}
