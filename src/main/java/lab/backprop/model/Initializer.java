package lab.backprop.model;

import java.util.random.RandomGenerator;

/** How fresh weights and biases are drawn. */
public enum Initializer {
    /** Seeds 001 and 002: np.random.normal(). */
    STANDARD_NORMAL("normal") {
        @Override public double draw(RandomGenerator rng) { return rng.nextGaussian(); }
    },
    /** Seed 000: np.random.rand(), uniform in [0, 1). */
    UNIFORM_0_1("uniform") {
        @Override public double draw(RandomGenerator rng) { return rng.nextDouble(); }
    };

    private final String label;

    Initializer(String label) { this.label = label; }

    public abstract double draw(RandomGenerator rng);

    public String label() { return label; }

    @Override public String toString() { return label; }
}
