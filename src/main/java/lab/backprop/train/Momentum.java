package lab.backprop.train;

import lab.backprop.model.Layout;

/**
 * Gradient descent with momentum: a velocity {@code v <- beta·v + g} per parameter, then {@code w <- w - lr·v}; with
 * Nesterov's correction the step looks ahead, {@code w <- w - lr·(g + beta·v)}. State: one velocity per parameter
 * (weights, then biases), in a flat array.
 */
public record Momentum(double beta, boolean nesterov) implements UpdateRule {
    public static final double DEFAULT_BETA = 0.9;

    public Momentum {
        if (!(beta >= 0 && beta < 1)) throw new IllegalArgumentException("beta must be 0 or more and below 1, got " + beta);
    }

    @Override public String name() { return nesterov ? "nesterov" : "momentum"; }
    @Override public String title() { return (nesterov ? "Nesterov momentum" : "momentum") + " (beta " + lab.backprop.support.Numbers.plain(beta) + ")"; }
    @Override public String spec() { return name() + "(beta=" + lab.backprop.support.Numbers.plain(beta) + ")"; }

    @Override public Stepper newStepper(Layout layout) {
        int nw = layout.weightCount(), n = layout.parameterCount();
        double[] v = new double[n];
        return new FlatStepper(v) {
            @Override public void apply(double lr, double[] weights, double[] gradW, double[] biases, double[] gradB) {
                for (int i = 0; i < weights.length; i++) weights[i] -= lr * step(i, gradW[i]);
                for (int i = 0; i < biases.length; i++) biases[i] -= lr * step(nw + i, gradB[i]);
            }

            private double step(int k, double g) {
                double vk = beta * v[k] + g;
                v[k] = vk;
                return nesterov ? g + beta * vk : vk;
            }
        };
    }
}
