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
    final double[] weights;
    final double[] biases;

    public Network(Layout layout, Activation hidden, Activation output) {
        this.layout = Objects.requireNonNull(layout);
        this.hidden = Objects.requireNonNull(hidden);
        this.output = Objects.requireNonNull(output);
        this.weights = new double[layout.weightCount()];
        this.biases = new double[layout.biasCount()];
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

    /** Draws every weight, then every bias, from the initializer (seed 001 draws w1..w6, then b1..b3). */
    public void initialize(Initializer init, RandomGenerator rng) {
        for (int i = 0; i < weights.length; i++) weights[i] = init.draw(rng);
        for (int i = 0; i < biases.length; i++) biases[i] = init.draw(rng);
    }

    /** Forward pass: fills the workspace with every z and activation. Allocates nothing. */
    public void forward(double[] x, Workspace ws) {
        if (x.length != layout.inputSize()) {
            throw new IllegalArgumentException("expected " + layout.inputSize() + " inputs, got " + x.length);
        }
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
        int last = layout.layerCount() - 1;
        int outputs = layout.outputSize();
        double[] a = ws.a, z = ws.z, delta = ws.delta;
        int base = layout.neuronIndex(last, 0);
        for (int k = 0; k < outputs; k++) {
            double yhat = a[base + k];
            double dLdy = scale * -2.0 * (y[k] - yhat) / outputs;
            delta[base + k] = dLdy * output.derivative(z[base + k], yhat);
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

    /** w -= lr * gW, b -= lr * gB. */
    public void step(double learningRate, double[] gradW, double[] gradB) {
        for (int i = 0; i < weights.length; i++) weights[i] -= learningRate * gradW[i];
        for (int i = 0; i < biases.length; i++) biases[i] -= learningRate * gradB[i];
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
        return n;
    }

    /** An immutable copy for other threads. */
    public Snapshot snapshot(long epoch, double loss) {
        return new Snapshot(layout, hidden, output, weights.clone(), biases.clone(), epoch, loss);
    }

    private static double requireFinite(double v, String name) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException(name + " must be a finite number, got " + v);
        return v;
    }
}
