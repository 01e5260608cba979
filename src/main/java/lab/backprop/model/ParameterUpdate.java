package lab.backprop.model;

/**
 * How one training step changes the parameters from their gradients: {@code w -= lr * g} for plain gradient descent,
 * more for the rules that keep state (momentum, Adam: {@code train.UpdateRule}). {@link Network#step} hands it the
 * network's flat arrays. Must not allocate: it runs once per step.
 */
@FunctionalInterface
public interface ParameterUpdate {
    /** Updates {@code weights} and {@code biases} in place from their gradients at learning rate {@code lr}. */
    void apply(double lr, double[] weights, double[] gradW, double[] biases, double[] gradB);
}
