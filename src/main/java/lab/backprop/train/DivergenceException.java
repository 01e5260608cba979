package lab.backprop.train;

/** Training blew up; the network has been rolled back to its last finite state. */
public final class DivergenceException extends Exception {
    private final long firstEpoch;
    private final long epoch;
    private final String parameter;
    private final double badValue;
    private final long restoredEpoch;
    private final double restoredLoss;

    /**
     * @param what how it blew up, e.g. "w5 became NaN" or "w5 jumped by 41.0 in one epoch while the loss rose
     *             from 0.28 to 0.50"
     */
    public DivergenceException(long epoch, String parameter, double badValue, String what, long restoredEpoch, double restoredLoss) {
        this(epoch, epoch, parameter, badValue, what, restoredEpoch, restoredLoss);
    }

    /**
     * Divergence found after a run of epochs ({@link Trainer#runEpochs}), checked only after the last of them.
     *
     * @param firstEpoch the first epoch of the run
     * @param epoch      the last epoch of the run, after which it was found
     */
    public DivergenceException(long firstEpoch, long epoch, String parameter, double badValue, String what, long restoredEpoch,
            double restoredLoss) {
        super("Training diverged in " + (firstEpoch == epoch ? "epoch " + epoch : "epochs " + firstEpoch + " to " + epoch)
                + ": " + what
                + ". Weights rolled back to epoch " + restoredEpoch + " (loss " + String.format(java.util.Locale.ROOT, "%.4g", restoredLoss)
                + "); try a smaller learning rate.");
        this.firstEpoch = firstEpoch;
        this.epoch = epoch;
        this.parameter = parameter;
        this.badValue = badValue;
        this.restoredEpoch = restoredEpoch;
        this.restoredLoss = restoredLoss;
    }

    /** The epoch after which it was found (the last of a run of epochs). */
    public long epoch() { return epoch; }
    /** The first epoch of the run in which it happened; {@link #epoch()} when one epoch was run. */
    public long firstEpoch() { return firstEpoch; }
    /** Seed-style name of the parameter that blew up first, e.g. "w5". */
    public String parameter() { return parameter; }
    public double badValue() { return badValue; }
    public long restoredEpoch() { return restoredEpoch; }
    public double restoredLoss() { return restoredLoss; }
}
