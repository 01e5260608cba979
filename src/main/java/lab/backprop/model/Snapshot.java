package lab.backprop.model;

/**
 * An immutable picture of a network at one moment of training, safe to hand to any thread.
 * The arrays are private copies; accessors never expose them.
 */
public final class Snapshot {
    private final Layout layout;
    private final Activation hidden;
    private final Activation output;
    private final double[] weights;
    private final double[] biases;
    private final long epoch;
    private final double loss;
    private final double testLoss;

    Snapshot(Layout layout, Activation hidden, Activation output, double[] weights, double[] biases, long epoch, double loss, double testLoss) {
        this.layout = layout;
        this.hidden = hidden;
        this.output = output;
        this.weights = weights;
        this.biases = biases;
        this.epoch = epoch;
        this.loss = loss;
        this.testLoss = testLoss;
    }

    public Layout layout() { return layout; }
    public Activation hiddenActivation() { return hidden; }
    public Activation outputActivation() { return output; }
    public long epoch() { return epoch; }
    /** MSE over the training data at this moment (NaN if not yet measured). */
    public double loss() { return loss; }
    /** MSE over the held-out test samples at this moment (NaN without a test split or when not measured). */
    public double testLoss() { return testLoss; }
    public double weight(int i) { return weights[i]; }
    public double bias(int i) { return biases[i]; }
    public int weightCount() { return weights.length; }
    public int biasCount() { return biases.length; }
    public double[] weights() { return weights.clone(); }
    public double[] biases() { return biases.clone(); }

    /** A fresh, independent network with these parameters. */
    public Network toNetwork() {
        Network n = new Network(layout, hidden, output);
        System.arraycopy(weights, 0, n.weights, 0, weights.length);
        System.arraycopy(biases, 0, n.biases, 0, biases.length);
        return n;
    }
}
