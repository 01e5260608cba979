package lab.backprop.data;

import java.util.Locale;

/**
 * How one epoch walks the data set: which samples go into each update. Like a data loader's batch size, it belongs
 * to the data; the trainer ({@code train.Trainer}) applies it. The batch size is kept whatever the mode, so switching
 * to mini-batch and back keeps it.
 *
 * @param mode      per sample, full batch or mini-batch
 * @param batchSize samples per update in {@link Mode#MINI_BATCH} (1 or more; ignored by the other modes)
 */
public record Batching(Mode mode, int batchSize) {
    /** The mini-batch size when none is given. */
    public static final int DEFAULT_BATCH_SIZE = 2;

    /** The three ways of batching, with the labels the CLI and session files use. */
    public enum Mode {
        /** Seed 001: one update per sample, in data order, on the per-sample loss (y - ypred)^2. */
        PER_SAMPLE("sgd", "SGD (per sample)"),
        /**
         * Seed 000: one update per epoch with the gradient of sum over samples of (y - ypred)^2 / 2, exactly as its
         * numpy code; so its learning rate 1 equals n/2 on the mean squared error.
         */
        FULL_BATCH("batch", "full batch"),
        /** Shuffled batches (seeded); the gradient of the batch's mean squared error. */
        MINI_BATCH("minibatch", "mini-batch");

        private final String label;
        private final String title;

        Mode(String label, String title) {
            this.label = label;
            this.title = title;
        }

        /** "sgd", "batch", "minibatch": what the CLI takes and session files hold. */
        public String label() { return label; }

        /** "SGD (per sample)", "full batch", "mini-batch": what the window shows. */
        public String title() { return title; }

        /** Parses a label (any case; "full-batch" and "mini-batch" too); the message names the choices. */
        public static Mode parse(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            for (Mode m : values()) if (m.label.equals(t)) return m;
            if (t.equals("full-batch") || t.equals("fullbatch")) return FULL_BATCH;
            if (t.equals("mini-batch")) return MINI_BATCH;
            throw new IllegalArgumentException("unknown batching '" + lab.backprop.support.Texts.quote(text) + "' (choose sgd, batch or minibatch)");
        }

        @Override public String toString() { return label; }
    }

    public Batching {
        if (mode == null) throw new IllegalArgumentException("the batching mode is missing");
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }

    public static Batching perSample() { return new Batching(Mode.PER_SAMPLE, DEFAULT_BATCH_SIZE); }
    public static Batching fullBatch() { return new Batching(Mode.FULL_BATCH, DEFAULT_BATCH_SIZE); }
    public static Batching miniBatch(int size) { return new Batching(Mode.MINI_BATCH, size); }

    /** The same batch size in another mode. */
    public Batching withMode(Mode m) { return new Batching(m, batchSize); }

    /** "sgd", "batch", "minibatch (batch size 2)". */
    public String describe() {
        return mode == Mode.MINI_BATCH ? mode.label() + " (batch size " + batchSize + ")" : mode.label();
    }

    @Override public String toString() { return describe(); }
}
