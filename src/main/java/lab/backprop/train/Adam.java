package lab.backprop.train;

import lab.backprop.model.Layout;

/**
 * Adam: running means of the gradient {@code m <- beta1·m + (1 - beta1)·g} and of its square
 * {@code v <- beta2·v + (1 - beta2)·g²}, corrected for their zero start ({@code m / (1 - beta1^t)},
 * {@code v / (1 - beta2^t)} at step t), then {@code w <- w - lr·m̂ / (sqrt(v̂) + epsilon)}. State: m and v per
 * parameter (weights, then biases) and the step count, in one flat array.
 */
public record Adam(double beta1, double beta2, double epsilon) implements UpdateRule {
    public static final double DEFAULT_BETA1 = 0.9, DEFAULT_BETA2 = 0.999, DEFAULT_EPSILON = 1e-8;

    public Adam {
        if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("beta1 must be 0 or more and below 1, got " + beta1);
        if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("beta2 must be 0 or more and below 1, got " + beta2);
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
    }

    @Override public String name() { return "adam"; }
    @Override public String title() {
        return "Adam (beta1 " + lab.backprop.support.Numbers.plain(beta1) + ", beta2 " + lab.backprop.support.Numbers.plain(beta2) + ")";
    }
    @Override public String spec() {
        return "adam(beta1=" + lab.backprop.support.Numbers.plain(beta1) + ",beta2=" + lab.backprop.support.Numbers.plain(beta2)
                + ",epsilon=" + lab.backprop.support.Numbers.plain(epsilon) + ")";
    }

    @Override public Stepper newStepper(Layout layout) {
        int n = layout.parameterCount(), nw = layout.weightCount();
        double[] state = new double[2 * n + 1]; // m, then v, then the step count t
        return new FlatStepper(state) {
            private double c1, c2; // 1 - beta^t of this step

            @Override public void apply(double lr, double[] weights, double[] gradW, double[] biases, double[] gradB) {
                double t = state[2 * n] + 1;
                state[2 * n] = t;
                c1 = 1 - Math.pow(beta1, t);
                c2 = 1 - Math.pow(beta2, t);
                for (int i = 0; i < weights.length; i++) weights[i] -= lr * step(i, gradW[i]);
                for (int i = 0; i < biases.length; i++) biases[i] -= lr * step(nw + i, gradB[i]);
            }

            private double step(int k, double g) {
                double m = beta1 * state[k] + (1 - beta1) * g;
                double v = beta2 * state[n + k] + (1 - beta2) * g * g;
                state[k] = m;
                state[n + k] = v;
                return (m / c1) / (Math.sqrt(v / c2) + epsilon);
            }
        };
    }
}
