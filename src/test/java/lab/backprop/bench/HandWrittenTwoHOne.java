package lab.backprop.bench;

import lab.backprop.model.Network;

/**
 * The reference: a 2-H-1 sigmoid network trained with plain local arrays and loops, no Layout,
 * no Workspace, no virtual calls. Same math as the engine (seed 001's SGD on (y - yhat)^2, seed 000's
 * full batch on sum (y - yhat)^2 / 2, sigmoid'(z) taken as a(1 - a)), so it shows what this CPU can do.
 */
final class HandWrittenTwoHOne {
    private final int h;
    private final double[] wIn;   // wIn[2j], wIn[2j+1] feed hidden j (seed order w1, w2 -> h1)
    private final double[] bH;
    private final double[] wOut;
    private double bO;
    private final double[] x0, x1, y;
    // Scratch for one sample and the batch gradient, made once.
    private final double[] a, gIn, gBH, gOut;
    private double gBO;

    /** Starts from the engine network's parameters (layout 2-H-1, weights then biases in seed order). */
    HandWrittenTwoHOne(Network net, double[][] inputs, double[] labels) {
        h = net.layout().size(1);
        if (net.layout().layerCount() != 3 || net.layout().inputSize() != 2 || net.layout().outputSize() != 1) {
            throw new IllegalArgumentException("2-H-1 only, got " + net.layout());
        }
        wIn = new double[2 * h];
        bH = new double[h];
        wOut = new double[h];
        for (int i = 0; i < 2 * h; i++) wIn[i] = net.weight(i);
        for (int j = 0; j < h; j++) wOut[j] = net.weight(2 * h + j);
        for (int j = 0; j < h; j++) bH[j] = net.bias(j);
        bO = net.bias(h);
        x0 = new double[inputs.length];
        x1 = new double[inputs.length];
        for (int s = 0; s < inputs.length; s++) { x0[s] = inputs[s][0]; x1[s] = inputs[s][1]; }
        y = labels.clone();
        a = new double[h];
        gIn = new double[2 * h];
        gBH = new double[h];
        gOut = new double[h];
    }

    /** Parameters in the engine's order: weights (input->hidden, hidden->output), then biases. */
    double[] parameters() {
        double[] p = new double[4 * h + 1];
        System.arraycopy(wIn, 0, p, 0, 2 * h);
        System.arraycopy(wOut, 0, p, 2 * h, h);
        System.arraycopy(bH, 0, p, 3 * h, h);
        p[4 * h] = bO;
        return p;
    }

    private static double sigmoid(double z) { return 1.0 / (1.0 + Math.exp(-z)); }

    /** Forward pass into a[]; returns the output. */
    private double forward(double u, double v) {
        double zo = bO;
        for (int j = 0; j < h; j++) {
            double aj = sigmoid(wIn[2 * j] * u + wIn[2 * j + 1] * v + bH[j]);
            a[j] = aj;
            zo += wOut[j] * aj;
        }
        return sigmoid(zo);
    }

    /** One epoch of per-sample SGD: one update per sample, in data order. */
    void sgdEpoch(double lr) {
        for (int s = 0; s < x0.length; s++) {
            double u = x0[s], v = x1[s];
            double o = forward(u, v);
            double dO = -2.0 * (y[s] - o) * o * (1.0 - o);
            for (int j = 0; j < h; j++) {
                double aj = a[j];
                double dH = wOut[j] * dO * aj * (1.0 - aj); // uses w_out before its update, as backprop must
                wOut[j] -= lr * dO * aj;
                wIn[2 * j] -= lr * dH * u;
                wIn[2 * j + 1] -= lr * dH * v;
                bH[j] -= lr * dH;
            }
            bO -= lr * dO;
        }
    }

    /** One full-batch step: the gradient of sum (y - yhat)^2 / 2 over all samples, then one update. */
    void batchEpoch(double lr) {
        java.util.Arrays.fill(gIn, 0);
        java.util.Arrays.fill(gBH, 0);
        java.util.Arrays.fill(gOut, 0);
        gBO = 0;
        for (int s = 0; s < x0.length; s++) {
            double u = x0[s], v = x1[s];
            double o = forward(u, v);
            double dO = -(y[s] - o) * o * (1.0 - o);
            gBO += dO;
            for (int j = 0; j < h; j++) {
                double aj = a[j];
                double dH = wOut[j] * dO * aj * (1.0 - aj);
                gOut[j] += dO * aj;
                gIn[2 * j] += dH * u;
                gIn[2 * j + 1] += dH * v;
                gBH[j] += dH;
            }
        }
        for (int j = 0; j < h; j++) {
            wOut[j] -= lr * gOut[j];
            wIn[2 * j] -= lr * gIn[2 * j];
            wIn[2 * j + 1] -= lr * gIn[2 * j + 1];
            bH[j] -= lr * gBH[j];
        }
        bO -= lr * gBO;
    }

    /** MSE over all samples, as the engine measures after every epoch. */
    double loss() {
        double sum = 0;
        for (int s = 0; s < x0.length; s++) {
            double d = y[s] - forward(x0[s], x1[s]);
            sum += d * d;
        }
        return sum / x0.length;
    }

    double outputBias() { return bO; }
}
