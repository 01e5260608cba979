package lab.backprop.train;

import lab.backprop.model.Layout;

/** Plain gradient descent, {@code w <- w - lr * dL/dw}, as every seed does. No state. */
public final class GradientDescent implements UpdateRule {
    public static final GradientDescent INSTANCE = new GradientDescent();

    private static final Stepper STEPPER = new Stepper() {
        @Override public void apply(double lr, double[] weights, double[] gradW, double[] biases, double[] gradB) {
            for (int i = 0; i < weights.length; i++) weights[i] -= lr * gradW[i];
            for (int i = 0; i < biases.length; i++) biases[i] -= lr * gradB[i];
        }

        @Override public double[] state() { return new double[0]; }

        @Override public void restoreState(double[] state) {
            if (state.length != 0) throw new IllegalArgumentException("gradient descent keeps no state, got " + state.length + " numbers");
        }
    };

    private GradientDescent() { }

    @Override public String name() { return "gd"; }
    @Override public String title() { return "gradient descent"; }
    @Override public Stepper newStepper(Layout layout) { return STEPPER; }
    @Override public boolean isPlainGradientDescent() { return true; }
    @Override public String toString() { return name(); }
}
