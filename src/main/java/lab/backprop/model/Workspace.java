package lab.backprop.model;

/**
 * Scratch arrays for one forward and backward pass, allocated once per network shape
 * so that the training loop allocates nothing per step. Not thread-safe: one per thread.
 */
public final class Workspace {
    final double[] z;      // weighted input of every neuron (input layer unused)
    final double[] a;      // output of every neuron; the input layer holds x
    final double[] delta;  // dL/dz of every neuron
    private final Layout layout;

    public Workspace(Layout layout) {
        this.layout = layout;
        int n = layout.neuronCount();
        z = new double[n];
        a = new double[n];
        delta = new double[n];
    }

    public Layout layout() { return layout; }

    /** Output of neuron {@code j} of layer {@code l} after the last forward pass. */
    public double activation(int l, int j) { return a[layout.neuronIndex(l, j)]; }

    /** Weighted input z = w.x + b of neuron {@code j} of layer {@code l} after the last forward pass. */
    public double preActivation(int l, int j) { return z[layout.neuronIndex(l, j)]; }

    /** dL/dz of neuron {@code j} of layer {@code l} after the last backward pass. */
    public double delta(int l, int j) { return delta[layout.neuronIndex(l, j)]; }

    /** Output {@code k} of the network after the last forward pass. */
    public double output(int k) { return activation(layout.layerCount() - 1, k); }
}
