package lab.backprop.train;

import lab.backprop.data.Batching;

/** How far one press of Step trains: one update (one sample in SGD, one mini-batch, or the full batch), or one epoch. */
public enum StepSize {
    UPDATE {
        @Override public String describe(Batching b) {
            return switch (b.mode()) {
                case PER_SAMPLE -> "one sample";
                case MINI_BATCH -> "one batch (" + b.batchSize() + ")";
                case FULL_BATCH -> "one batch (all)";
            };
        }
    },
    EPOCH {
        @Override public String describe(Batching b) { return "one epoch"; }
    };

    /** What one step is under this batching ("one sample"). */
    public abstract String describe(Batching b);
}
