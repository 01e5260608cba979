package lab.backprop.bench;

import lab.backprop.model.Network;

/** Seed 001's training loop written out in scalars (w1..w6, b1..b3), the tightest 2-2-1 SGD on this CPU. */
final class HandWritten221 {
    private double w1, w2, w3, w4, w5, w6, b1, b2, b3;
    private final double[] x0, x1, y;

    /** Starts from a 2-2-1 engine network's parameters. */
    HandWritten221(Network net, double[][] inputs, double[] labels) {
        if (!net.layout().toString().equals("2-2-1")) throw new IllegalArgumentException("2-2-1 only, got " + net.layout());
        w1 = net.weight(0); w2 = net.weight(1); w3 = net.weight(2);
        w4 = net.weight(3); w5 = net.weight(4); w6 = net.weight(5);
        b1 = net.bias(0); b2 = net.bias(1); b3 = net.bias(2);
        x0 = new double[inputs.length];
        x1 = new double[inputs.length];
        for (int s = 0; s < inputs.length; s++) { x0[s] = inputs[s][0]; x1[s] = inputs[s][1]; }
        y = labels.clone();
    }

    double[] parameters() { return new double[] { w1, w2, w3, w4, w5, w6, b1, b2, b3 }; }

    double outputBias() { return b3; }

    private static double sigmoid(double z) { return 1.0 / (1.0 + Math.exp(-z)); }

    void sgdEpoch(double lr) {
        for (int s = 0; s < x0.length; s++) {
            double u = x0[s], v = x1[s];
            double h1 = sigmoid(w1 * u + w2 * v + b1);
            double h2 = sigmoid(w3 * u + w4 * v + b2);
            double o1 = sigmoid(w5 * h1 + w6 * h2 + b3);
            double dLdy = -2 * (y[s] - o1);
            double dO = o1 * (1 - o1);
            double dH1 = w5 * dO * h1 * (1 - h1);
            double dH2 = w6 * dO * h2 * (1 - h2);
            w1 -= lr * dLdy * dH1 * u;
            w2 -= lr * dLdy * dH1 * v;
            b1 -= lr * dLdy * dH1;
            w3 -= lr * dLdy * dH2 * u;
            w4 -= lr * dLdy * dH2 * v;
            b2 -= lr * dLdy * dH2;
            w5 -= lr * dLdy * h1 * dO;
            w6 -= lr * dLdy * h2 * dO;
            b3 -= lr * dLdy * dO;
        }
    }

    double loss() {
        double sum = 0;
        for (int s = 0; s < x0.length; s++) {
            double h1 = sigmoid(w1 * x0[s] + w2 * x1[s] + b1);
            double h2 = sigmoid(w3 * x0[s] + w4 * x1[s] + b2);
            double d = y[s] - sigmoid(w5 * h1 + w6 * h2 + b3);
            sum += d * d;
        }
        return sum / x0.length;
    }
}
