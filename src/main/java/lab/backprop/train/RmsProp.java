package lab.backprop.train;

import lab.backprop.model.Layout;

/**
 * RMSprop: a running mean of squared gradients {@code s <- rho·s + (1 - rho)·g²} per parameter, then
 * {@code w <- w - lr·g / (sqrt(s) + epsilon)}: each parameter gets a step size of its own. State: one mean per
 * parameter (weights, then biases), in a flat array.
 */
public record RmsProp(double rho, double epsilon) implements UpdateRule {
    public static final double DEFAULT_RHO = 0.9, DEFAULT_EPSILON = 1e-8;

    public RmsProp {
        if (!(rho >= 0 && rho < 1)) throw new IllegalArgumentException("rho must be 0 or more and below 1, got " + rho);
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
    }

    @Override public String name() { return "rmsprop"; }
    @Override public String title() { return "RMSprop (rho " + lab.backprop.support.Numbers.plain(rho) + ")"; }
    @Override public String spec() {
        return "rmsprop(rho=" + lab.backprop.support.Numbers.plain(rho) + ",epsilon=" + lab.backprop.support.Numbers.plain(epsilon) + ")";
    }

    @Override public Stepper newStepper(Layout layout) {
        int nw = layout.weightCount();
        double[] s = new double[layout.parameterCount()];
        return new FlatStepper(s) {
            @Override public void apply(double lr, double[] weights, double[] gradW, double[] biases, double[] gradB) {
                for (int i = 0; i < weights.length; i++) weights[i] -= lr * step(i, gradW[i]);
                for (int i = 0; i < biases.length; i++) biases[i] -= lr * step(nw + i, gradB[i]);
            }

            private double step(int k, double g) {
                double sk = rho * s[k] + (1 - rho) * g * g;
                s[k] = sk;
                return g / (Math.sqrt(sk) + epsilon);
            }
        };
    }
}
