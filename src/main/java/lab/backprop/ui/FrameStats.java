package lab.backprop.ui;

import java.util.Arrays;
import java.util.Locale;

/**
 * Frame-time statistics from frame timestamps (nanoseconds, e.g. an AnimationTimer's {@code now}).
 * Pure Java, no JavaFX, and no allocation per frame: intervals go into preallocated arrays.
 *
 * <p>Every {@link #frame} adds the interval since the previous frame. When at least one second has passed
 * since the current window began, {@link #frame} closes the window and returns true; {@link #windowFps()} and
 * {@link #windowP99Millis()} then describe that window. Over the whole run a histogram with
 * {@link #BUCKET_NANOS} resolution gives the run's percentile for {@link #summary()}.
 *
 * <p>Percentiles are nearest-rank: the smallest interval that at least p% of the intervals do not exceed.
 */
public final class FrameStats {
    public static final long WINDOW_NANOS = 1_000_000_000L;
    /** Resolution of the whole-run histogram: 0.1 ms. */
    public static final long BUCKET_NANOS = 100_000L;
    /** Intervals of 2 s or more share the last bucket. */
    private static final int BUCKETS = 20_000;

    private final long[] ring;
    private final long[] sorted;
    private final int[] histogram = new int[BUCKETS + 1];
    private int ringNext;
    private int windowFrames; // intervals in the current window (may exceed the ring's capacity)
    private long windowStart;
    private long previous;
    private boolean started;

    private long runStart;
    private long runIntervals;
    private long runMaxInterval;
    private int windows;
    private double worstWindowFps = Double.NaN;
    private double worstWindowP99Millis = Double.NaN;

    private double lastFps = Double.NaN;
    private double lastP99Millis = Double.NaN;
    private double lastMaxMillis = Double.NaN;
    private int lastFrames;

    /** Keeps up to 1024 intervals per window (far more than 60 fps needs). */
    public FrameStats() { this(1024); }

    /** Keeps up to {@code capacity} intervals per window; beyond that the newest are kept for the percentile. */
    public FrameStats(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        ring = new long[capacity];
        sorted = new long[capacity];
    }

    /**
     * Records a frame at time {@code nanos} (monotonic). Returns true when this frame closed a window of at
     * least one second; the window's figures are then in {@link #windowFps()} and friends.
     */
    public boolean frame(long nanos) {
        if (!started) {
            started = true;
            previous = nanos;
            windowStart = nanos;
            runStart = nanos;
            return false;
        }
        long interval = nanos - previous;
        previous = nanos;
        ring[ringNext] = interval;
        ringNext = (ringNext + 1) % ring.length;
        windowFrames++;
        histogram[(int) Math.min(BUCKETS, interval / BUCKET_NANOS)]++;
        runIntervals++;
        runMaxInterval = Math.max(runMaxInterval, interval);
        if (nanos - windowStart < WINDOW_NANOS) return false;
        closeWindow(nanos);
        return true;
    }

    private void closeWindow(long nanos) {
        int n = Math.min(windowFrames, ring.length);
        // The newest n intervals end just before ringNext.
        for (int i = 0; i < n; i++) sorted[i] = ring[Math.floorMod(ringNext - n + i, ring.length)];
        Arrays.sort(sorted, 0, n);
        lastFrames = windowFrames;
        lastFps = windowFrames * 1e9 / (nanos - windowStart);
        lastP99Millis = sorted[nearestRank(n, 99) - 1] / 1e6;
        lastMaxMillis = sorted[n - 1] / 1e6;
        windows++;
        if (!(lastFps >= worstWindowFps)) worstWindowFps = lastFps;
        if (!(lastP99Millis <= worstWindowP99Millis)) worstWindowP99Millis = lastP99Millis;
        windowFrames = 0;
        windowStart = nanos;
    }

    /** 1-based nearest rank of percentile {@code p} among {@code n} values. */
    static int nearestRank(long n, int p) {
        return (int) Math.max(1, (n * p + 99) / 100);
    }

    /** Frames per second of the last closed window (intervals in it / its length). */
    public double windowFps() { return lastFps; }
    /** 99th-percentile frame interval of the last closed window, in milliseconds. */
    public double windowP99Millis() { return lastP99Millis; }
    /** Longest frame interval of the last closed window, in milliseconds. */
    public double windowMaxMillis() { return lastMaxMillis; }
    /** Frame intervals in the last closed window. */
    public int windowFrames() { return lastFrames; }

    /** Frame intervals recorded over the whole run. */
    public long frames() { return runIntervals; }
    /** Closed one-second windows. */
    public int windows() { return windows; }
    /** Frames per second over the whole run, from the first to the last frame. */
    public double runFps() { return runIntervals == 0 ? Double.NaN : runIntervals * 1e9 / (previous - runStart); }
    /** Lowest frames per second of any closed window. */
    public double worstWindowFps() { return worstWindowFps; }
    /** Highest 99th percentile of any closed window, in milliseconds. */
    public double worstWindowP99Millis() { return worstWindowP99Millis; }
    /** Longest interval of the whole run, in milliseconds. */
    public double runMaxMillis() { return runMaxInterval / 1e6; }

    /** Percentile {@code p} (1..100) of every interval of the run, in milliseconds, as the upper edge of its 0.1 ms bucket. */
    public double runPercentileMillis(int p) {
        if (p < 1 || p > 100) throw new IllegalArgumentException("percentile must be 1..100");
        if (runIntervals == 0) return Double.NaN;
        long rank = nearestRank(runIntervals, p);
        long seen = 0;
        for (int b = 0; b <= BUCKETS; b++) {
            seen += histogram[b];
            if (seen >= rank) return b == BUCKETS ? runMaxMillis() : (b + 1) * BUCKET_NANOS / 1e6;
        }
        return runMaxMillis();
    }

    /** One line for the last closed window, e.g. "fps 60.0 p99 17.1 ms max 18.0 ms frames 60". */
    public String windowLine() {
        return String.format(Locale.ROOT, "fps %.1f p99 %.1f ms max %.1f ms frames %d",
                lastFps, lastP99Millis, lastMaxMillis, lastFrames);
    }

    /** One line for the whole run. */
    public String summary() {
        return String.format(Locale.ROOT,
                "summary: frames %d over %.1f s, fps %.1f, p99 %.1f ms, max %.1f ms; of %d one-second windows the worst fps %.1f, worst p99 %.1f ms",
                runIntervals, started ? (previous - runStart) / 1e9 : 0.0, runFps(), runPercentileMillis(99), runMaxMillis(),
                windows, worstWindowFps, worstWindowP99Millis);
    }
}
