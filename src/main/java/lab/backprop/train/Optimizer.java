package lab.backprop.train;

import java.util.Locale;

/** The training styles. */
public enum Optimizer {
    /**
     * Seed 001: one update per sample, in data order, on the per-sample loss (y - ypred)^2.
     */
    SGD("sgd"),
    /**
     * Seed 000: one update per epoch with the gradient of sum over samples of (y - ypred)^2 / 2,
     * exactly as its numpy code; so its learning rate 1 equals n/2 on the mean squared error.
     */
    BATCH("batch"),
    /** Shuffled batches (seeded); the gradient of the batch's mean squared error. */
    MINIBATCH("minibatch");

    private final String label;

    Optimizer(String label) { this.label = label; }

    public String label() { return label; }

    public static Optimizer parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Optimizer o : values()) if (o.label.equals(t)) return o;
        if (t.equals("full-batch") || t.equals("fullbatch")) return BATCH;
        if (t.equals("mini-batch")) return MINIBATCH;
        throw new IllegalArgumentException("unknown optimizer '" + text + "' (choose sgd, batch or minibatch)");
    }

    @Override public String toString() { return label; }
}
