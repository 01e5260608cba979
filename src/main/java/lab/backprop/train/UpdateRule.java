package lab.backprop.train;

import java.util.List;
import java.util.Locale;

import lab.backprop.model.Layout;
import lab.backprop.model.ParameterUpdate;

/**
 * How a step turns gradients into new parameters, apart from which samples the gradients come from (that is the
 * batching). Plain gradient descent is {@link GradientDescent}; a rule with state (momentum, RMSprop, Adam) is one
 * more class implementing this interface and one more row in {@link #known()}. An {@code UpdateRule} is an immutable
 * setting (it goes into a {@link TrainingSetup}); the {@link Stepper} it makes holds the state for one network, in
 * flat arrays, and must not allocate per step.
 */
public interface UpdateRule {
    /**
     * Every rule the CLI and session files know, by {@link #name()}. (A method, not a constant: a constant here would
     * be set while an implementing class is still being initialised.)
     */
    static List<UpdateRule> known() { return List.of(GradientDescent.INSTANCE); }

    /** Short name the CLI and session files use, e.g. "gd". */
    String name();

    /** What the window and the CLI's header say, e.g. "gradient descent". */
    String title();

    /** A stepper with fresh (zero) state for a network of this layout. */
    Stepper newStepper(Layout layout);

    /** Whether this is plain {@code w -= lr * g}, which the trainer may fuse into the backward pass (seed 001's step). */
    default boolean isPlainGradientDescent() { return false; }

    /** The rule's state for one network: what {@link ParameterUpdate#apply} reads and writes besides the parameters. */
    interface Stepper extends ParameterUpdate {
        /** A copy of the state (velocities, moments, step count) as one flat array; empty for a rule without state. */
        double[] state();

        /** Puts back a state from {@link #state()} of a stepper of the same rule and layout. */
        void restoreState(double[] state);
    }

    /** The rule named {@code text} (any case); the message lists the choices. */
    static UpdateRule parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (UpdateRule r : known()) if (r.name().equals(t)) return r;
        throw new IllegalArgumentException("unknown update rule '" + lab.backprop.support.Texts.quote(text) + "' (choose "
                + String.join(", ", known().stream().map(UpdateRule::name).toList()) + ")");
    }
}
