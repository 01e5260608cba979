package lab.backprop.model;

import java.util.random.RandomGenerator;

/**
 * How fresh weights and biases are set: drawn at random (the seeds' two ways), or one of the fixed starts the
 * tutorials work by hand. Each constant says how it fills the network; a new start is one more constant.
 */
public enum Initializer {
    /** Seeds 001 and 002: np.random.normal(). */
    STANDARD_NORMAL("normal", "normal (0, 1)") {
        @Override public double draw(RandomGenerator rng) { return rng.nextGaussian(); }
    },
    /** Seed 000: np.random.rand(), uniform in [0, 1). */
    UNIFORM_0_1("uniform", "uniform [0, 1)") {
        @Override public double draw(RandomGenerator rng) { return rng.nextDouble(); }
    },
    /**
     * Seed 001's worked forward pass: every neuron's weights are w = [0, 1] (for a neuron with more inputs
     * 0, 1, 0, 1, ...: each odd-numbered input weighted 0, each even-numbered one 1) and every bias is 0.
     */
    ZERO_ONE("zero-one", "every w=[0,1], b=0") {
        @Override public double draw(RandomGenerator rng) { return 0; }
        @Override public void fill(Layout layout, double[] weights, double[] biases, RandomGenerator rng) {
            for (int l = 1; l < layout.layerCount(); l++) {
                for (int j = 0; j < layout.size(l); j++) {
                    for (int i = 0; i < layout.size(l - 1); i++) weights[layout.weightIndex(l, j, i)] = i % 2;
                }
            }
            java.util.Arrays.fill(biases, 0);
        }
    },
    /** Seed 001's worked dL/dw1 example: all weights 1, biases 0. */
    ONES("ones", "all weights 1, biases 0") {
        @Override public double draw(RandomGenerator rng) { return 0; }
        @Override public void fill(Layout layout, double[] weights, double[] biases, RandomGenerator rng) {
            java.util.Arrays.fill(weights, 1);
            java.util.Arrays.fill(biases, 0);
        }
    };

    private final String label;
    private final String description;

    Initializer(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** One random value (fixed starts do not draw: see {@link #fill}). */
    public abstract double draw(RandomGenerator rng);

    /** Sets every weight, then every bias (random starts draw w1..wN, then b1..bM, as seed 001 does). */
    public void fill(Layout layout, double[] weights, double[] biases, RandomGenerator rng) {
        for (int i = 0; i < weights.length; i++) weights[i] = draw(rng);
        for (int i = 0; i < biases.length; i++) biases[i] = draw(rng);
    }

    /** Whether the start is drawn at random, so that the seed matters. */
    public boolean isRandom() { return this == STANDARD_NORMAL || this == UNIFORM_0_1; }

    /** The name the CLI and session files use. */
    public String label() { return label; }

    /** What the window's choice says. */
    public String description() { return description; }

    @Override public String toString() { return label; }
}
