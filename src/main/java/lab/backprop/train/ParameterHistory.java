package lab.backprop.train;

import java.util.Arrays;

import lab.backprop.model.Activation;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;

/**
 * Every parameter's value over the epochs, in bounded memory. Epochs are kept at a stride: a record is
 * kept when it is at least {@code stride} epochs after the last kept one; when the store is full every
 * other entry is dropped and the stride doubles (so a run of consecutive epochs from 0 keeps exactly the
 * multiples of the stride). The latest record is always kept too, so the end of a scrub bar is "now".
 *
 * <p>One writer (the training thread) and any number of readers: every method is synchronized, and
 * {@link #record(long, double, Network)} allocates nothing.
 */
public final class ParameterHistory {
    private final int capacity;
    private Layout layout;
    private Activation hidden;
    private Activation output;
    private int params;
    private long[] epochs;
    private double[] losses;
    private double[] values;    // entry-major: values[entry * params + p]
    private int count;          // strided entries
    private boolean hasTail;    // entry at index count is the latest record, off the stride
    private long stride = 1;

    public ParameterHistory(int capacity) {
        if (capacity < 2 || capacity % 2 != 0) throw new IllegalArgumentException("capacity must be even and at least 2, got " + capacity);
        this.capacity = capacity;
    }

    /** Keeps up to 1024 strided epochs. */
    public ParameterHistory() { this(1024); }

    /**
     * Records the parameters of {@code net} after {@code epoch}. Epochs must increase; an epoch at or before the
     * latest recorded one is ignored (returns false), so re-publishing a rewound picture never corrupts the past.
     * A different layout or activation throws: call {@link #clear()} first.
     */
    public synchronized boolean record(long epoch, double loss, Network net) {
        adopt(net.layout(), net.hiddenActivation(), net.outputActivation());
        if (size() > 0 && epoch <= latestEpoch()) return false;
        hasTail = false;
        if (onStride(epoch)) {
            if (count == capacity) thin();
            if (onStride(epoch)) {
                write(count++, epoch, loss, net);
                return true;
            }
        }
        write(count, epoch, loss, net);
        hasTail = true;
        return true;
    }

    /** Records a snapshot (allocates a network; use the other overloads on the training thread). */
    public synchronized boolean record(Snapshot s) {
        return record(s.epoch(), s.loss(), s.toNetwork());
    }

    /** Records the trainer's network now; call from the training thread after an epoch. */
    public boolean record(Trainer t) {
        return record(t.epoch(), t.loss(), t.network());
    }

    private void adopt(Layout l, Activation h, Activation o) {
        if (layout == null) {
            layout = l;
            hidden = h;
            output = o;
            params = l.parameterCount();
            epochs = new long[capacity + 1];
            losses = new double[capacity + 1];
            values = new double[(capacity + 1) * params];
        } else if (!layout.equals(l) || hidden != h || output != o) {
            throw new IllegalArgumentException("this history is of a " + layout + " " + hidden + " network, not " + l + " " + h
                    + "; clear it first");
        }
    }

    private boolean onStride(long epoch) { return count == 0 || epoch - epochs[count - 1] >= stride; }

    private void write(int entry, long epoch, double loss, Network net) {
        epochs[entry] = epoch;
        losses[entry] = loss;
        int base = entry * params;
        for (int p = 0; p < params; p++) values[base + p] = net.parameter(p);
    }

    /** Drops every other entry (keeping the first) and doubles the stride. */
    private void thin() {
        int half = count / 2;
        for (int i = 1; i < half; i++) {
            int from = 2 * i;
            epochs[i] = epochs[from];
            losses[i] = losses[from];
            System.arraycopy(values, from * params, values, i * params, params);
        }
        count = half;
        stride *= 2;
    }

    /**
     * Forgets the records at and after {@code epoch}, e.g. when training resumes from a rewound or reset network,
     * so that the history stays one line of time. The stride is kept.
     */
    public synchronized void truncateFrom(long epoch) {
        if (layout == null) return;
        if (hasTail && epochs[count] < epoch) return; // the latest is kept, so is everything before it
        hasTail = false;
        while (count > 0 && epochs[count - 1] >= epoch) count--;
    }

    /** Forgets everything, including the layout. */
    public synchronized void clear() {
        layout = null;
        count = 0;
        hasTail = false;
        stride = 1;
    }

    /** Number of recorded epochs kept, including the latest. */
    public synchronized int size() { return count + (hasTail ? 1 : 0); }

    public synchronized boolean isEmpty() { return size() == 0; }

    /** Epochs between kept entries now (1, 2, 4, ...). */
    public synchronized long stride() { return stride; }

    public int capacity() { return capacity; }

    /** The layout recorded, or null when empty. */
    public synchronized Layout layout() { return layout; }

    public synchronized long firstEpoch() { requireData(); return epochs[0]; }

    public synchronized long latestEpoch() { requireData(); return epochs[size() - 1]; }

    /** The kept epochs, in increasing order (a fresh array). */
    public synchronized long[] epochs() { return layout == null ? new long[0] : Arrays.copyOf(epochs, size()); }

    /** The loss at every kept epoch (a fresh array). */
    public synchronized double[] losses() { return layout == null ? new double[0] : Arrays.copyOf(losses, size()); }

    /** Parameter {@code p}'s value (weights first, then biases) at every kept epoch: a sparkline. */
    public synchronized double[] series(int p) {
        if (layout == null) return new double[0];
        if (p < 0 || p >= params) throw new IndexOutOfBoundsException("no parameter " + p + " (there are " + params + ")");
        int n = size();
        double[] s = new double[n];
        for (int i = 0; i < n; i++) s[i] = values[i * params + p];
        return s;
    }

    /** A consistent copy of everything kept, for drawing: epochs, losses and one series per parameter. */
    public record View(Layout layout, long[] epochs, double[] losses, double[][] series) {
        public int size() { return epochs.length; }
    }

    /** Everything kept, copied under one lock so the arrays agree with each other. */
    public synchronized View view() {
        if (layout == null) return new View(null, new long[0], new double[0], new double[0][]);
        double[][] all = new double[params][];
        for (int p = 0; p < params; p++) all[p] = series(p);
        return new View(layout, epochs(), losses(), all);
    }

    /** Seed-style name of parameter {@code p} ("w1", "b3"). */
    public synchronized String parameterName(int p) {
        requireData();
        return p < layout.weightCount() ? layout.weightName(p) : layout.biasName(p - layout.weightCount());
    }

    public synchronized int parameterCount() { return layout == null ? 0 : params; }

    /** The kept epoch nearest to {@code epoch} (the earlier one on a tie). */
    public synchronized long nearestEpoch(long epoch) { requireData(); return epochs[nearest(epoch)]; }

    /** The parameters at the kept epoch nearest to {@code epoch}, with that epoch and its loss. */
    public synchronized Snapshot at(long epoch) {
        requireData();
        int i = nearest(epoch);
        Network net = new Network(layout, hidden, output);
        int w = layout.weightCount();
        int base = i * params;
        net.setWeights(Arrays.copyOfRange(values, base, base + w));
        net.setBiases(Arrays.copyOfRange(values, base + w, base + params));
        return net.snapshot(epochs[i], losses[i]);
    }

    private int nearest(long epoch) {
        int n = size();
        int i = Arrays.binarySearch(epochs, 0, n, epoch);
        if (i >= 0) return i;
        int after = -i - 1;
        if (after == 0) return 0;
        if (after == n) return n - 1;
        return epoch - epochs[after - 1] <= epochs[after] - epoch ? after - 1 : after;
    }

    private void requireData() {
        if (layout == null || size() == 0) throw new IllegalStateException("no epochs recorded yet");
    }
}
