package lab.backprop.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Every computation of one training step, in the order the engine does them, with the engine's own values: for each
 * sample of the batch the forward pass (each neuron's {@code z = w.x + b}, then {@code a = f(z)}), its loss, then the
 * backward pass (each neuron's delta {@code dL/dz}, output first, and each edge's and bias's gradient, summed over the
 * batch as the trainer sums them); then every update {@code p <- p - lr * dL/dp}.
 *
 * <p>The values are read from {@link Network#forward} and {@link Network#backward} (the trainer's calls) and the new
 * parameters come from {@link Network#step} on a copy, so {@link #after()} is bit for bit what one training step on
 * the same samples with the same scale gives. Usage: {@code StepTrace.of(net, inputs, targets, scale, lr).steps()}.
 */
public final class StepTrace {
    /** What a computation is. */
    public enum Kind { SUM, ACTIVATION, LOSS, DELTA, GRADIENT, UPDATE }

    /**
     * One computation.
     *
     * @param kind      what it computes
     * @param sample    the batch position it belongs to (-1 for updates)
     * @param neuron    the neuron it writes (index among all neurons), or -1
     * @param parameter the parameter it writes (weights first, then biases), or -1
     * @param reads     the neurons it reads (indices among all neurons)
     * @param equation  the equation with its numbers, e.g. "z_h1 = w1·x1 + w2·x2 + b1 = 1·-2 + 1·-1 + 0 = -3"
     * @param value     the value it writes
     */
    public record Computation(Kind kind, int sample, int neuron, int parameter, int[] reads, String equation, double value) {
        public Computation {
            reads = reads.clone();
        }

        @Override public int[] reads() { return reads.clone(); }
    }

    private final List<Computation> steps;
    private final Network after;
    private final double[] gradW, gradB;

    private StepTrace(List<Computation> steps, Network after, double[] gradW, double[] gradB) {
        this.steps = List.copyOf(steps);
        this.after = after;
        this.gradW = gradW;
        this.gradB = gradB;
    }

    /** The computations in order. */
    public List<Computation> steps() { return steps; }

    /** The network after the step's updates (a new network; the traced one is unchanged). */
    public Network after() { return after.copy(); }

    /** The batch's gradient of each weight, as the update used it. */
    public double[] weightGradients() { return gradW.clone(); }

    public double[] biasGradients() { return gradB.clone(); }

    /**
     * Traces one step of {@code net} on the given samples (a batch of one for SGD), with the trainer's loss scale
     * (1 per sample; the trainer's full batch uses 0.5, its mini-batches 1/size) and learning rate.
     */
    public static StepTrace of(Network net, double[][] inputs, double[] targets, double scale, double lr) {
        return of(net, inputs, targets, scale, lr, Regularization.NONE);
    }

    /** As {@link #of(Network, double[][], double[], double, double)}, with the trainer's regularisation added to each weight's gradient. */
    public static StepTrace of(Network net, double[][] inputs, double[] targets, double scale, double lr, Regularization reg) {
        Layout l = net.layout();
        Workspace ws = new Workspace(l);
        double[] gW = new double[l.weightCount()], gB = new double[l.biasCount()];
        List<Computation> out = new ArrayList<>();
        int last = l.layerCount() - 1;
        boolean batch = inputs.length > 1;
        for (int s = 0; s < inputs.length; s++) {
            net.forward(inputs[s], ws);
            String at = batch ? " [sample " + (s + 1) + "]" : "";
            for (int layer = 1; layer <= last; layer++) {
                int in = l.size(layer - 1);
                int[] reads = new int[in];
                for (int i = 0; i < in; i++) reads[i] = l.neuronIndex(layer - 1, i);
                for (int j = 0; j < l.size(layer); j++) {
                    String n = l.neuronName(layer, j);
                    StringBuilder names = new StringBuilder(), nums = new StringBuilder();
                    for (int i = 0; i < in; i++) {
                        int w = l.weightIndex(layer, j, i);
                        names.append(i > 0 ? " + " : "").append(l.weightName(w)).append('·').append(l.neuronName(layer - 1, i));
                        nums.append(i > 0 ? " + " : "").append(f(net.weight(w))).append('·').append(f(ws.activation(layer - 1, i)));
                    }
                    int b = l.biasIndex(layer, j);
                    double z = ws.preActivation(layer, j), a = ws.activation(layer, j);
                    out.add(new Computation(Kind.SUM, s, l.neuronIndex(layer, j), -1, reads, "z_" + n + " = " + names + " + " + l.biasName(b)
                            + " = " + nums + " + " + f(net.bias(b)) + " = " + f(z) + at, z));
                    out.add(new Computation(Kind.ACTIVATION, s, l.neuronIndex(layer, j), -1, new int[] { l.neuronIndex(layer, j) },
                            n + " = " + net.activation(layer).label() + "(" + f(z) + ") = " + f(a) + at, a));
                }
            }
            double y = targets[s], yhat = ws.output(0);
            int o = l.neuronIndex(last, 0);
            boolean mse = net.loss() == LossFunction.MSE;
            double sampleLoss = net.loss().of(y, yhat);
            out.add(new Computation(Kind.LOSS, s, o, -1, new int[] { o }, mse
                    ? "L = (y - ypred)² = (" + f(y) + " - " + f(yhat) + ")² = " + f(sampleLoss) + at
                    : "L = -(y·ln ypred + (1 - y)·ln(1 - ypred)) = -(" + f(y) + "·ln " + f(yhat) + " + " + f(1 - y) + "·ln " + f(1 - yhat)
                            + ") = " + f(sampleLoss) + at, sampleLoss));
            double[] beforeW = gW.clone(), beforeB = gB.clone();
            net.backward(new double[] { y }, scale, ws, gW, gB);
            String scaled = scale == 1 ? "" : f(scale) + " · ";
            for (int layer = last; layer >= 1; layer--) {
                for (int j = 0; j < l.size(layer); j++) {
                    int k = l.neuronIndex(layer, j);
                    String n = l.neuronName(layer, j);
                    double d = ws.delta(layer, j), fp = net.activation(layer).derivative(ws.preActivation(layer, j), ws.activation(layer, j));
                    if (layer == last && !mse && net.activation(layer) == Activation.SIGMOID) {
                        out.add(new Computation(Kind.DELTA, s, k, -1, new int[] { k }, "δ_" + n + " = dL/dz = " + scaled + "(ypred - y) = "
                                + scaled + "(" + f(yhat) + " - " + f(y) + ") = " + f(d) + at
                                + "  (cross-entropy's 1/(ypred(1 - ypred)) cancels the sigmoid's f'(z) = " + f(fp) + ")", d));
                    } else if (layer == last && !mse) {
                        out.add(new Computation(Kind.DELTA, s, k, -1, new int[] { k }, "δ_" + n + " = dL/dz = " + scaled
                                + "(-y/ypred + (1 - y)/(1 - ypred)) · f'(z) = " + f(d) + at, d));
                    } else if (layer == last) {
                        out.add(new Computation(Kind.DELTA, s, k, -1, new int[] { k }, "δ_" + n + " = dL/dz = " + scaled + "-2(y - ypred) · f'(z) = "
                                + scaled + f(-2 * (y - yhat)) + " · " + f(fp) + " = " + f(d) + at, d));
                    } else {
                        int next = l.size(layer + 1);
                        int[] reads = new int[next];
                        StringBuilder sum = new StringBuilder();
                        for (int q = 0; q < next; q++) {
                            reads[q] = l.neuronIndex(layer + 1, q);
                            sum.append(q > 0 ? " + " : "").append(f(net.weight(l.weightIndex(layer + 1, q, j)))).append('·')
                                    .append(f(ws.delta(layer + 1, q)));
                        }
                        out.add(new Computation(Kind.DELTA, s, k, -1, reads, "δ_" + n + " = Σ w·δ_next · f'(z) = (" + sum + ") · " + f(fp)
                                + " = " + f(d) + at, d));
                    }
                }
                for (int j = 0; j < l.size(layer); j++) {
                    int k = l.neuronIndex(layer, j);
                    for (int i = 0; i < l.size(layer - 1); i++) {
                        int w = l.weightIndex(layer, j, i);
                        out.add(new Computation(Kind.GRADIENT, s, -1, w, new int[] { k, l.neuronIndex(layer - 1, i) },
                                "dL/d" + l.weightName(w) + (batch ? " += " : " = ") + "δ_" + l.neuronName(layer, j) + " · "
                                        + l.neuronName(layer - 1, i) + " = " + f(ws.delta(layer, j)) + " · " + f(ws.activation(layer - 1, i))
                                        + (batch ? " → " + f(gW[w]) : " = " + f(gW[w] - beforeW[w])) + at, gW[w]));
                    }
                    int b = l.biasIndex(layer, j);
                    out.add(new Computation(Kind.GRADIENT, s, -1, l.weightCount() + b, new int[] { k }, "dL/d" + l.biasName(b)
                            + (batch ? " += δ_" : " = δ_") + l.neuronName(layer, j) + " = " + f(ws.delta(layer, j))
                            + (batch ? " → " + f(gB[b]) : "") + at, gB[b] - (batch ? 0 : beforeB[b])));
                }
            }
        }
        if (!reg.isNone()) { // once per update, as the trainer adds it
            double[] data = gW.clone();
            net.regularize(reg, gW);
            String term = reg.kind() == Regularization.Kind.L1 ? "λ·sign(" : "λ·";
            for (int w = 0; w < gW.length; w++) {
                String name = l.weightName(w);
                out.add(new Computation(Kind.GRADIENT, -1, -1, w, new int[] { l.neuronOfWeight(w) }, "dL/d" + name + " += " + term + name
                        + (reg.kind() == Regularization.Kind.L1 ? ")" : "") + " (" + reg.kind() + ") = " + f(data[w]) + " + " + f(reg.rate())
                        + " · " + f(reg.kind() == Regularization.Kind.L1 ? Math.signum(net.weight(w)) : net.weight(w)) + " = " + f(gW[w]), gW[w]));
            }
        }
        Network after = net.copy();
        after.step(lr, gW, gB);
        int count = l.parameterCount();
        for (int p = 0; p < count; p++) {
            double g = p < l.weightCount() ? gW[p] : gB[p - l.weightCount()];
            String name = net.parameterName(p);
            int owner = p < l.weightCount() ? l.neuronOfWeight(p) : l.neuronOfBias(p - l.weightCount());
            out.add(new Computation(Kind.UPDATE, -1, -1, p, new int[] { owner }, name + " ← " + name + " - lr · dL/d" + name + " = " + f(net.parameter(p))
                    + " - " + f(lr) + " · " + f(g) + " = " + f(after.parameter(p)), after.parameter(p)));
        }
        return new StepTrace(out, after, gW, gB);
    }

    /** Six significant digits, as the graph's tooltips, without trailing zeros ("0" for either zero). */
    private static String f(double v) { return v == 0 ? "0" : lab.backprop.support.Numbers.trimmed(v, 6); }
}
