package lab.backprop.ui;

/**
 * Steps per second of a run, from the controller's step count sampled at most every half second (a steadier number
 * than a per-frame difference). Used by the view-model once per frame; no threads, no JavaFX.
 */
final class RateMeter {
    static final long PERIOD_NANOS = 500_000_000L;
    private long nanos;
    private long steps;

    /** A run starts (or resumes) at {@code now} with {@code steps} done. */
    void start(long now, long steps) {
        this.nanos = now;
        this.steps = steps;
    }

    /** The rate since the last sample if half a second has passed (and starts the next period), else NaN. */
    double sample(long now, long stepsNow) {
        if (now - nanos < PERIOD_NANOS) return Double.NaN;
        double rate = (stepsNow - steps) * 1e9 / (now - nanos);
        start(now, stepsNow);
        return rate;
    }
}
