package lab.backprop.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A fully connected multilayer perceptron with weights and biases in flat arrays.
 *
 * <p>Mutable and not thread-safe: one thread (the trainer) owns it. Other threads read
 * {@link Snapshot}s instead.
 */
public final class Network {
    private final Layout layout;
    private final Activation hidden;
    private final Activation output;
    private LossFunction loss = LossFunction.MSE; // what backward differentiates (the trainer sets the setup's)
    final double[] weights;
    final double[] biases;
    private final boolean twoHOne;

    public Network(Layout layout, Activation hidden, Activation output) {
        this(layout, hidden, output, true);
    }

    /** {@code fastPath} false keeps 2-h-1 networks on the general loops: for tests that compare the two. */
    Network(Layout layout, Activation hidden, Activation output, boolean fastPath) {
        this.layout = Objects.requireNonNull(layout);
        this.hidden = Objects.requireNonNull(hidden);
        this.output = Objects.requireNonNull(output);
        this.weights = new double[layout.weightCount()];
        this.biases = new double[layout.biasCount()];
        this.twoHOne = fastPath && layout.layerCount() == 3 && layout.inputSize() == 2 && layout.outputSize() == 1;
    }

    /** A network with sigmoid everywhere, as in the seeds. */
    public static Network sigmoid(int... sizes) {
        return new Network(new Layout(sizes), Activation.SIGMOID, Activation.SIGMOID);
    }

    public Layout layout() { return layout; }
    public Activation hiddenActivation() { return hidden; }
    public Activation outputActivation() { return output; }

    /** Activation of layer l (1..L). */
    public Activation activation(int layer) { return layer == layout.layerCount() - 1 ? output : hidden; }

    public double weight(int i) { return weights[i]; }
    public double bias(int i) { return biases[i]; }
    public void setWeight(int i, double v) { weights[i] = requireFinite(v, layout.weightName(i)); }
    public void setBias(int i, double v) { biases[i] = requireFinite(v, layout.biasName(i)); }

    /** Parameter {@code p} counting weights first, then biases. */
    public double parameter(int p) { return p < weights.length ? weights[p] : biases[p - weights.length]; }

    public void setParameter(int p, double v) {
        if (p < weights.length) setWeight(p, v); else setBias(p - weights.length, v);
    }

    public String parameterName(int p) {
        return p < weights.length ? layout.weightName(p) : layout.biasName(p - weights.length);
    }

    /** Sets every weight and every bias to the given values (seed 002's "all w=[0,1], b=0" style). */
    public void fill(double weight, double bias) {
        Arrays.fill(weights, weight);
        Arrays.fill(biases, bias);
    }

    public void setWeights(double[] w) {
        if (w.length != weights.length) throw new IllegalArgumentException("expected " + weights.length + " weights, got " + w.length);
        for (int i = 0; i < w.length; i++) requireFinite(w[i], layout.weightName(i));
        System.arraycopy(w, 0, weights, 0, w.length);
    }

    public void setBiases(double[] b) {
        if (b.length != biases.length) throw new IllegalArgumentException("expected " + biases.length + " biases, got " + b.length);
        for (int i = 0; i < b.length; i++) requireFinite(b[i], layout.biasName(i));
        System.arraycopy(b, 0, biases, 0, b.length);
    }

    public double[] weightsCopy() { return weights.clone(); }
    public double[] biasesCopy() { return biases.clone(); }

    /** Sets every weight, then every bias, as the initializer says (seed 001 draws w1..w6, then b1..b3). */
    public void initialize(Initializer init, RandomGenerator rng) {
        init.fill(layout, weights, biases, rng);
    }

    /** Forward pass: fills the workspace with every z and activation. Allocates nothing. */
    public void forward(double[] x, Workspace ws) {
        checkInputCount(x);
        if (twoHOne) forwardTwoHOne(x, ws); else forwardAnyShape(x, ws);
    }

    // The general loops, kept out of forward and backward so that those stay small enough for the JIT to inline
    // into the training loop (it saves a fifth of a 2-2-1 full-batch step).
    private void forwardAnyShape(double[] x, Workspace ws) {
        double[] a = ws.a, z = ws.z;
        System.arraycopy(x, 0, a, 0, x.length);
        int layers = layout.layerCount();
        for (int l = 1; l < layers; l++) {
            Activation f = activation(l);
            int in = layout.size(l - 1), out = layout.size(l);
            int inBase = layout.neuronIndex(l - 1, 0), outBase = layout.neuronIndex(l, 0);
            int w = layout.weightOffset(l), b = layout.biasOffset(l);
            for (int j = 0; j < out; j++) {
                double sum = 0;
                for (int i = 0; i < in; i++) sum += weights[w++] * a[inBase + i];
                sum += biases[b + j];
                z[outBase + j] = sum;
                a[outBase + j] = f.apply(sum);
            }
        }
    }

    /** True for the seeds' shape 2-h-1 (two inputs, one hidden layer, one output), which has a fast path. */
    public boolean isTwoHOne() { return twoHOne; }

    /*
     * The fast path for 2-h-1, the seeds' shape: the general loops written out for two inputs, with no layout
     * look-ups and no inner loops. Every value is computed with the same operations in the same order as there, but
     * the general loops start each sum from 0.0. Adding 0.0 changes only the sign of a zero: backward's hidden deltas
     * add it too, as they stay in the workspace; elsewhere a -0.0 could reach a parameter only through a parameter that
     * is exactly -0.0, which training never makes (x - y is -0.0 only when x is). So: the same bits.
     */

    private double forwardTwoHOne(double[] x, Workspace ws) {
        final double[] w = weights, b = biases, a = ws.a, z = ws.z;
        final int h = b.length - 1, wo = 2 * h;
        final double x0 = x[0], x1 = x[1];
        a[0] = x0;
        a[1] = x1;
        double zo = 0;
        for (int j = 0; j < h; j++) {
            double zj = w[2 * j] * x0 + w[2 * j + 1] * x1 + b[j];
            double aj = hidden.apply(zj);
            z[2 + j] = zj;
            a[2 + j] = aj;
            zo += w[wo + j] * aj;
        }
        zo += b[h];
        double yo = output.apply(zo);
        z[2 + h] = zo;
        a[2 + h] = yo;
        return yo;
    }

    private void backwardTwoHOne(double y, double scale, Workspace ws, double[] gradW, double[] gradB) {
        final double[] w = weights, a = ws.a, z = ws.z, delta = ws.delta;
        final int h = biases.length - 1, wo = 2 * h, o = 2 + h;
        final double x0 = a[0], x1 = a[1], yhat = a[o];
        final double dO = loss.outputDelta(y, yhat, z[o], output, scale, 1); // MSE's "/ 1" is exact: the seeds' bits
        delta[o] = dO;
        gradB[h] += dO;
        for (int j = 0; j < h; j++) {
            double aj = a[2 + j];
            double dH = (0.0 + w[wo + j] * dO) * hidden.derivative(z[2 + j], aj); // 0.0 +: a zero delta keeps its sign
            delta[2 + j] = dH;
            gradW[wo + j] += dO * aj;
            gradW[2 * j] += dH * x0;
            gradW[2 * j + 1] += dH * x1;
            gradB[j] += dH;
        }
    }

    /**
     * Seed 001's per-sample SGD step, w -= lr * dL/dw on L = (y - ypred)^2, fused: each gradient is applied as it
     * is computed, with no gradient arrays. Gives the same bits as forward + backward(scale 1) + step.
     * Only for {@link #isTwoHOne()} networks. Allocates nothing.
     */
    public void sgdStep(double[] x, double y, double learningRate, Workspace ws) {
        if (!twoHOne) throw new IllegalStateException("sgdStep needs a 2-h-1 network, not " + layout);
        if (loss != LossFunction.MSE) throw new IllegalStateException("sgdStep is MSE's step, not " + loss + "'s");
        checkInputCount(x);
        final double yo = forwardTwoHOne(x, ws);
        final double[] w = weights, b = biases, a = ws.a, z = ws.z;
        final int h = b.length - 1, wo = 2 * h;
        final double x0 = x[0], x1 = x[1], lr = learningRate;
        final double dO = -2.0 * (y - yo) * output.derivative(z[2 + h], yo);
        for (int j = 0; j < h; j++) {
            double aj = a[2 + j];
            double dH = w[wo + j] * dO * hidden.derivative(z[2 + j], aj); // the output weight before its update
            w[wo + j] -= lr * (dO * aj);
            w[2 * j] -= lr * (dH * x0);
            w[2 * j + 1] -= lr * (dH * x1);
            b[j] -= lr * dH;
        }
        b[h] -= lr * dO;
    }

    /** Output of the network for one input; allocates, so not for the training loop. */
    public double[] predict(double... x) {
        Workspace ws = new Workspace(layout);
        forward(x, ws);
        double[] y = new double[layout.outputSize()];
        for (int k = 0; k < y.length; k++) y[k] = ws.output(k);
        return y;
    }

    /**
     * Backward pass after {@link #forward}: adds {@code scale * d(sum_k (y_k - yhat_k)^2 / K)/dparam}
     * to the gradient arrays. Scale 1 is seed 001's per-sample loss (y - yhat)^2.
     */
    public void backward(double[] y, double scale, Workspace ws, double[] gradW, double[] gradB) {
        if (twoHOne) backwardTwoHOne(y[0], scale, ws, gradW, gradB); else backwardAnyShape(y, scale, ws, gradW, gradB);
    }

    /** The loss {@link #backward} differentiates (MSE, the seeds', unless set). */
    public LossFunction loss() { return loss; }

    /** Sets the loss {@link #backward} differentiates; {@link #sgdStep} is MSE's alone. */
    public void setLoss(LossFunction l) { loss = java.util.Objects.requireNonNull(l); }

    private void backwardAnyShape(double[] y, double scale, Workspace ws, double[] gradW, double[] gradB) {
        int last = layout.layerCount() - 1;
        int outputs = layout.outputSize();
        double[] a = ws.a, z = ws.z, delta = ws.delta;
        int base = layout.neuronIndex(last, 0);
        for (int k = 0; k < outputs; k++) {
            double yhat = a[base + k];
            delta[base + k] = loss.outputDelta(y[k], yhat, z[base + k], output, scale, outputs);
        }
        for (int l = last; l >= 1; l--) {
            int in = layout.size(l - 1), out = layout.size(l);
            int inBase = layout.neuronIndex(l - 1, 0), outBase = layout.neuronIndex(l, 0);
            int wOff = layout.weightOffset(l), bOff = layout.biasOffset(l);
            for (int j = 0; j < out; j++) {
                double d = delta[outBase + j];
                gradB[bOff + j] += d;
                int w = wOff + j * in;
                for (int i = 0; i < in; i++) gradW[w + i] += d * a[inBase + i];
            }
            if (l > 1) {
                // Errors flow back through the weights as they were in the forward pass.
                Activation f = activation(l - 1);
                for (int i = 0; i < in; i++) {
                    double sum = 0;
                    for (int j = 0; j < out; j++) sum += weights[wOff + j * in + i] * delta[outBase + j];
                    delta[inBase + i] = sum * f.derivative(z[inBase + i], a[inBase + i]);
                }
            }
        }
    }

    /** Adds the regularisation's gradient at the current weights to {@code gradW}. Allocates nothing. */
    public void regularize(Regularization r, double[] gradW) { r.addGradient(weights, gradW); }

    /** The regularisation's term at the current weights (0 for none). */
    public double regularizationTerm(Regularization r) { return r.term(weights); }

    /** w -= lr * gW, b -= lr * gB: plain gradient descent. */
    public void step(double learningRate, double[] gradW, double[] gradB) {
        for (int i = 0; i < weights.length; i++) weights[i] -= learningRate * gradW[i];
        for (int i = 0; i < biases.length; i++) biases[i] -= learningRate * gradB[i];
    }

    /** One step by an update rule, which gets the parameter arrays and their gradients. */
    public void step(ParameterUpdate rule, double learningRate, double[] gradW, double[] gradB) {
        rule.apply(learningRate, weights, gradW, biases, gradB);
    }

    /** Index of the first parameter (weights first) that is NaN or infinite, or -1. */
    public int firstNonFiniteParameter() {
        for (int i = 0; i < weights.length; i++) if (!Double.isFinite(weights[i])) return i;
        for (int i = 0; i < biases.length; i++) if (!Double.isFinite(biases[i])) return weights.length + i;
        return -1;
    }

    /** Copies every parameter of {@code other} (same layout) into this network without allocating. */
    public void copyParametersFrom(Network other) {
        if (!layout.equals(other.layout)) throw new IllegalArgumentException("layouts differ: " + layout + " vs " + other.layout);
        System.arraycopy(other.weights, 0, weights, 0, weights.length);
        System.arraycopy(other.biases, 0, biases, 0, biases.length);
    }

    public Network copy() {
        Network n = new Network(layout, hidden, output);
        n.copyParametersFrom(this);
        n.loss = loss;
        return n;
    }

    /** An immutable copy for other threads. */
    public Snapshot snapshot(long epoch, double loss) { return snapshot(epoch, loss, Double.NaN); }

    /** A snapshot that also carries the loss over the held-out test samples. */
    public Snapshot snapshot(long epoch, double loss, double testLoss) {
        return new Snapshot(layout, hidden, output, weights.clone(), biases.clone(), epoch, loss, testLoss);
    }

    private void checkInputCount(double[] x) {
        if (x.length != layout.inputSize()) {
            throw new IllegalArgumentException("expected " + layout.inputSize() + " inputs, got " + x.length);
        }
    }

    private static double requireFinite(double v, String name) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException(name + " must be a finite number, got " + v);
        return v;
    }
}
