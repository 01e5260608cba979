package lab.backprop.model;

/** The activation functions of seed 000: sigmoid, tanh and ReLU. */
public enum Activation {
    SIGMOID("sigmoid") {
        @Override public double apply(double z) { return 1.0 / (1.0 + Math.exp(-z)); }
        // f'(z) = f(z) * (1 - f(z)): cheaper from the output we already have.
        @Override public double derivative(double z, double a) { return a * (1.0 - a); }
    },
    TANH("tanh") {
        @Override public double apply(double z) { return Math.tanh(z); }
        @Override public double derivative(double z, double a) { return 1.0 - a * a; }
    },
    RELU("relu") {
        @Override public double apply(double z) { return z > 0 ? z : 0.0; }
        @Override public double derivative(double z, double a) { return z > 0 ? 1.0 : 0.0; }
    };

    private final String label;

    Activation(String label) { this.label = label; }

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
        throw new IllegalArgumentException("unknown activation '" + text + "' (choose sigmoid, tanh or relu)");
    }

    @Override public String toString() { return label; }
}
