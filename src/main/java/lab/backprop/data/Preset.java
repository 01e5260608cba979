package lab.backprop.data;

import lab.backprop.model.Initializer;

/**
 * How a data set is trained when it is chosen afresh (the seeds' settings for their data): batching, start,
 * learning rate, epochs, and how often the command line prints the loss. Every {@link Dataset} carries one;
 * {@code train.TrainingSetup.forData} applies it.
 *
 * @param logEvery epochs between loss lines of {@code train} (0 for none)
 */
public record Preset(Batching batching, Initializer init, long seed, double learningRate, long epochs, long logEvery,
                     boolean sumsFullBatch) {
    /** A preset whose full batch sums the samples' gradients, as seed 000 does. */
    public Preset(Batching batching, Initializer init, long seed, double learningRate, long epochs, long logEvery) {
        this(batching, init, seed, learningRate, epochs, logEvery, true);
    }

    /** Seed 001 (gender, and any own data): per-sample SGD, standard normal start, seed 1, rate 0.1, 1000 epochs, loss every 10. */
    public static final Preset SEED_001 = new Preset(Batching.perSample(), Initializer.STANDARD_NORMAL, 1, 0.1, 1000, 10);
    /** Seed 000 (XOR): full batch, uniform [0,1) start, seed 0, rate 1, 5000 epochs (it prints no loss; we log every 500). */
    public static final Preset SEED_000 = new Preset(Batching.fullBatch(), Initializer.UNIFORM_0_1, 0, 1.0, 5000, 500);
    /**
     * Generated sets (spiral, circle, ...): per-sample SGD from a standard normal start, seed 1, rate 0.1, 300 epochs;
     * a full batch takes the mean gradient, so that no size diverges.
     */
    public static final Preset GENERATED = new Preset(Batching.perSample(), Initializer.STANDARD_NORMAL, 1, 0.1, 300, 10, false);
    /**
     * Own data (a CSV, points added by hand): seed 001's settings, but a full batch takes the mean gradient (a sum
     * grows with the data and diverges on large sets); its inputs are standardised by the reader.
     */
    public static final Preset OWN_DATA = new Preset(Batching.perSample(), Initializer.STANDARD_NORMAL, 1, 0.1, 1000, 10, false);

    public Preset {
        if (batching == null || init == null) throw new IllegalArgumentException("a preset needs a batching and an initialisation");
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        if (epochs < 0 || logEvery < 0) throw new IllegalArgumentException("epochs and log interval must be 0 or more");
    }
}
