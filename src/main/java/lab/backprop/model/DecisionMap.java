package lab.backprop.model;

import java.util.List;

import lab.backprop.data.Dataset;

/**
 * The network's output (and every hidden neuron's output) over a grid of the input plane, in the
 * data set's raw units (pounds and inches for gender). Cell (col, row) is sampled at its centre;
 * row 0 is the top of the picture, i.e. the largest value of the second feature.
 *
 * <p>One forward pass per cell fills the output map and all hidden-neuron maps at once, and the
 * computation allocates nothing per cell. Not thread-safe (one scratch workspace): one per thread.
 */
public final class DecisionMap {
    private final Dataset data;
    private final int cols;
    private final int rows;
    private final double xMin, xMax, yMin, yMax;
    private final double[] x;
    private Workspace ws;

    public DecisionMap(Dataset data, int cols, int rows, double xMin, double xMax, double yMin, double yMax) {
        if (data.featureCount() != 2) {
            throw new IllegalArgumentException("a decision map needs exactly 2 features, '" + data.name() + "' has "
                    + data.featureCount());
        }
        if (cols < 1 || rows < 1) throw new IllegalArgumentException("the grid needs at least 1x1 cells, got " + cols + "x" + rows);
        if (!(xMax > xMin) || !(yMax > yMin)) {
            throw new IllegalArgumentException("empty plane: x " + xMin + ".." + xMax + ", y " + yMin + ".." + yMax);
        }
        this.data = data;
        this.cols = cols;
        this.rows = rows;
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
        this.x = new double[data.inputCount()];
    }

    /**
     * A grid over the samples' raw bounding box widened by {@code margin} of its size on every side
     * (at least 1 raw unit wide), so every point sits inside the picture.
     */
    public static DecisionMap around(Dataset data, int cols, int rows, double margin) {
        if (data.featureCount() != 2) {
            throw new IllegalArgumentException("a decision map needs exactly 2 features, '" + data.name() + "' has "
                    + data.featureCount());
        }
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (Dataset.Sample s : data.samples()) {
            x0 = Math.min(x0, s.raw(0));
            x1 = Math.max(x1, s.raw(0));
            y0 = Math.min(y0, s.raw(1));
            y1 = Math.max(y1, s.raw(1));
        }
        if (data.isEmpty()) { x0 = 0; x1 = 1; y0 = 0; y1 = 1; }
        double wx = Math.max(x1 - x0, 1), wy = Math.max(y1 - y0, 1);
        double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
        double hx = wx / 2 + margin * wx, hy = wy / 2 + margin * wy;
        return new DecisionMap(data, cols, rows, cx - hx, cx + hx, cy - hy, cy + hy);
    }

    public Dataset dataset() { return data; }
    public int cols() { return cols; }
    public int rows() { return rows; }
    public double xMin() { return xMin; }
    public double xMax() { return xMax; }
    public double yMin() { return yMin; }
    public double yMax() { return yMax; }
    public List<String> axisNames() { return data.featureNames(); }

    /** Raw value of the first feature at the centre of column {@code col}. */
    public double rawX(int col) { return xMin + (col + 0.5) * (xMax - xMin) / cols; }

    /** Raw value of the second feature at the centre of row {@code row} (row 0 is the top, the largest value). */
    public double rawY(int row) { return yMax - (row + 0.5) * (yMax - yMin) / rows; }

    /** Where a raw point falls, as a fraction 0..1 of the width (left to right). */
    public double fractionX(double raw) { return (raw - xMin) / (xMax - xMin); }

    /** Where a raw point falls, as a fraction 0..1 of the height (top to bottom). */
    public double fractionY(double raw) { return (yMax - raw) / (yMax - yMin); }

    /** Number of hidden neurons over all hidden layers: the length {@code hidden} needs in {@link #compute}. */
    public static int hiddenNeuronCount(Layout layout) {
        int n = 0;
        for (int l = 1; l < layout.layerCount() - 1; l++) n += layout.size(l);
        return n;
    }

    /**
     * Fills {@code output} (length cols*rows, row-major, may be null) with the network's first output and
     * {@code hidden[k]} (may be null) with the k-th hidden neuron's activation, counting layer by layer.
     */
    public void compute(Network net, double[] output, double[][] hidden) {
        Layout layout = net.layout();
        if (layout.inputSize() != x.length) {
            throw new IllegalArgumentException("the network takes " + layout.inputSize() + " inputs, the map's data " + x.length);
        }
        int cells = cols * rows;
        if (output != null && output.length != cells) throw new IllegalArgumentException("output needs " + cells + " cells");
        int hiddenCount = hiddenNeuronCount(layout);
        if (hidden != null) {
            if (hidden.length != hiddenCount) throw new IllegalArgumentException("expected " + hiddenCount + " hidden maps, got " + hidden.length);
            for (double[] h : hidden) if (h.length != cells) throw new IllegalArgumentException("every hidden map needs " + cells + " cells");
        }
        if (ws == null || !ws.layout().equals(layout)) ws = new Workspace(layout);
        int lastHidden = layout.layerCount() - 2;
        for (int r = 0; r < rows; r++) {
            double ry = rawY(r);
            for (int c = 0; c < cols; c++) {
                data.toInput(rawX(c), ry, x); // the features of this point of the plane
                net.forward(x, ws);
                int cell = r * cols + c;
                if (output != null) output[cell] = ws.output(0);
                if (hidden != null) {
                    int k = 0;
                    for (int l = 1; l <= lastHidden; l++) {
                        for (int j = 0, n = layout.size(l); j < n; j++) hidden[k++][cell] = ws.activation(l, j);
                    }
                }
            }
        }
    }

    /** The output map alone, in a fresh array (allocates; for tests and one-offs). */
    public double[] output(Network net) {
        double[] out = new double[cols * rows];
        compute(net, out, null);
        return out;
    }
}
