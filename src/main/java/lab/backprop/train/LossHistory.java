package lab.backprop.train;

import java.util.Arrays;

/**
 * The loss of every epoch in bounded memory: a fixed number of buckets, each holding the min, max
 * and last loss of a run of epochs. When the buckets are full, neighbours merge and each bucket
 * covers twice as many epochs, so a run of ten million epochs still takes a few kilobytes and the
 * curve keeps its spikes. With a test split it keeps the test loss in the same buckets. It also keeps the last {@link #MARKS} marks of things that changed the loss without
 * training (an edit, new data, a rewind) or stopped it (a divergence), for the curve to show where they happened.
 * Written by the training thread, read by others: all methods synchronized.
 */
public final class LossHistory {
    private final int capacity;
    private final long[] firstEpoch;
    private final double[] min;
    private final double[] max;
    private final double[] last;
    private final double[] testMin, testMax, testLast; // the test loss in the same buckets (NaN where none)
    private boolean hasTest;
    private int count;
    private long span = 1;
    private long recorded;
    private long latestEpoch = -1;

    /** Marks kept, at most (the oldest go first). */
    public static final int MARKS = 64;

    /** Something that changed the loss at an epoch without training, or stopped training. */
    public record Mark(long epoch, double loss, Kind kind) {
        /** A weight or bias typed or dragged; points added or removed; a rewind to this epoch; a blow-up. */
        public enum Kind { EDIT, DATA, REWIND, DIVERGED }
    }

    /** An immutable copy of the buckets and marks for drawing; {@code test} is the test loss's, or null without one. */
    public record View(long[] firstEpoch, double[] min, double[] max, double[] last, long span, long recorded, java.util.List<Mark> marks,
                       View test) {
        public View(long[] firstEpoch, double[] min, double[] max, double[] last, long span, long recorded) {
            this(firstEpoch, min, max, last, span, recorded, java.util.List.of(), null);
        }

        public View(long[] firstEpoch, double[] min, double[] max, double[] last, long span, long recorded, java.util.List<Mark> marks) {
            this(firstEpoch, min, max, last, span, recorded, marks, null);
        }

        public int size() { return firstEpoch.length; }
    }

    private final java.util.ArrayDeque<Mark> marks = new java.util.ArrayDeque<>();

    /** Adds a mark (the oldest goes when there are {@link #MARKS}). */
    public synchronized void mark(long epoch, double loss, Mark.Kind kind) {
        if (marks.size() == MARKS) marks.removeFirst();
        marks.addLast(new Mark(epoch, loss, kind));
    }

    public LossHistory(int capacity) {
        if (capacity < 2 || capacity % 2 != 0) throw new IllegalArgumentException("capacity must be even and at least 2");
        this.capacity = capacity;
        firstEpoch = new long[capacity];
        min = new double[capacity];
        max = new double[capacity];
        last = new double[capacity];
        testMin = new double[capacity];
        testMax = new double[capacity];
        testLast = new double[capacity];
    }

    public LossHistory() { this(4096); }

    /** Adds the loss measured after {@code epoch}; epochs must come in increasing order. */
    public synchronized void record(long epoch, double loss) { record(epoch, loss, Double.NaN); }

    /** Adds the training and the test loss measured after {@code epoch} (test NaN without a test split). */
    public synchronized void record(long epoch, double loss, double test) {
        recorded++;
        latestEpoch = epoch;
        if (!Double.isNaN(test)) hasTest = true;
        if (count > 0 && epoch < firstEpoch[count - 1] + span) {
            int b = count - 1;
            if (loss < min[b]) min[b] = loss;
            if (loss > max[b]) max[b] = loss;
            last[b] = loss;
            if (!Double.isNaN(test)) {
                testMin[b] = Double.isNaN(testMin[b]) ? test : Math.min(testMin[b], test);
                testMax[b] = Double.isNaN(testMax[b]) ? test : Math.max(testMax[b], test);
                testLast[b] = test;
            }
            return;
        }
        if (count == capacity) halve();
        firstEpoch[count] = epoch;
        min[count] = loss;
        max[count] = loss;
        last[count] = loss;
        testMin[count] = test;
        testMax[count] = test;
        testLast[count] = test;
        count++;
    }

    private void halve() {
        int half = capacity / 2;
        for (int i = 0; i < half; i++) {
            int a = 2 * i, b = a + 1;
            firstEpoch[i] = firstEpoch[a];
            min[i] = Math.min(min[a], min[b]);
            max[i] = Math.max(max[a], max[b]);
            last[i] = last[b];
            testMin[i] = nanMin(testMin[a], testMin[b]);
            testMax[i] = -nanMin(-testMax[a], -testMax[b]);
            testLast[i] = Double.isNaN(testLast[b]) ? testLast[a] : testLast[b];
        }
        count = half;
        span *= 2;
    }

    private static double nanMin(double a, double b) { return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b); }

    public synchronized void clear() {
        marks.clear();
        hasTest = false;
        count = 0;
        span = 1;
        recorded = 0;
        latestEpoch = -1;
    }

    /**
     * Forgets the epochs after {@code epoch} (training goes on from a rewound network). Buckets that start after it go;
     * a bucket that covers it and later epochs (a long run, compressed) stays whole, its min and max then still include
     * those later epochs. Exact while every bucket is one epoch (runs of up to {@code capacity} epochs).
     */
    public synchronized void truncateAfter(long epoch) {
        while (count > 0 && firstEpoch[count - 1] > epoch) count--;
        marks.removeIf(m -> m.epoch() > epoch);
        latestEpoch = count == 0 ? -1 : Math.min(latestEpoch, epoch);
    }

    /** The epoch of the latest record, or -1 if none. */
    public synchronized long latestEpoch() { return latestEpoch; }

    public synchronized int size() { return count; }
    public synchronized long recorded() { return recorded; }

    /** The loss of the latest epoch, or NaN if none. */
    public synchronized double latest() { return count == 0 ? Double.NaN : last[count - 1]; }

    public synchronized View view() {
        long[] first = Arrays.copyOf(firstEpoch, count);
        View test = !hasTest ? null : new View(first, Arrays.copyOf(testMin, count), Arrays.copyOf(testMax, count),
                Arrays.copyOf(testLast, count), span, recorded);
        return new View(first, Arrays.copyOf(min, count), Arrays.copyOf(max, count),
                Arrays.copyOf(last, count), span, recorded, java.util.List.copyOf(marks), test);
    }

    /** The test loss of the latest epoch, or NaN if none. */
    public synchronized double latestTest() { return count == 0 ? Double.NaN : testLast[count - 1]; }
}
