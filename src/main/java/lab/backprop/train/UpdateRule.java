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
    static List<UpdateRule> known() {
        return List.of(GradientDescent.INSTANCE, new Momentum(Momentum.DEFAULT_BETA, false), new Momentum(Momentum.DEFAULT_BETA, true),
                new RmsProp(RmsProp.DEFAULT_RHO, RmsProp.DEFAULT_EPSILON),
                new Adam(Adam.DEFAULT_BETA1, Adam.DEFAULT_BETA2, Adam.DEFAULT_EPSILON));
    }

    /** Short name the CLI and session files use, e.g. "gd". */
    String name();

    /** What the window and the CLI's header say, e.g. "gradient descent". */
    String title();

    /** The rule with its hyper-parameters, as session files keep it and {@link #parse} reads it: "adam(beta1=0.9,beta2=0.999,epsilon=1e-08)". */
    default String spec() { return name(); }

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

    /**
     * The rule named {@code text} (any case) with its default hyper-parameters, or a {@link #spec()} such as
     * "adam(beta1=0.9,beta2=0.99)" (left-out ones take their defaults); the message names what is wrong.
     */
    static UpdateRule parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        int open = t.indexOf('(');
        String name = open < 0 ? t : t.substring(0, open);
        java.util.Map<String, Double> given = new java.util.HashMap<>();
        if (open >= 0) {
            if (!t.endsWith(")")) throw new IllegalArgumentException("'" + lab.backprop.support.Texts.quote(text) + "': a ')' is missing");
            String inside = t.substring(open + 1, t.length() - 1);
            for (String part : inside.isEmpty() ? new String[0] : inside.split(",")) {
                String[] kv = part.split("=", 2);
                Double v = kv.length == 2 ? lab.backprop.support.Numbers.parse(kv[1]) : null;
                if (v == null) throw new IllegalArgumentException("'" + lab.backprop.support.Texts.quote(part) + "' is not name=number");
                given.put(kv[0], v);
            }
        }
        UpdateRule found = null;
        for (UpdateRule r : known()) if (r.name().equals(name)) found = r;
        if (found == null) {
            throw new IllegalArgumentException("unknown update rule '" + lab.backprop.support.Texts.quote(text) + "' (choose "
                    + String.join(", ", known().stream().map(UpdateRule::name).toList()) + ")");
        }
        return withParameters(found, given);
    }

    /** {@code rule} with the hyper-parameters in {@code given} (by name: beta, rho, beta1, beta2, epsilon). */
    static UpdateRule withParameters(UpdateRule rule, java.util.Map<String, Double> given) {
        java.util.Map<String, Double> left = new java.util.HashMap<>(given);
        UpdateRule made;
        if (rule instanceof Momentum m) {
            made = new Momentum(take(left, "beta", m.beta()), m.nesterov());
        } else if (rule instanceof RmsProp r) {
            made = new RmsProp(take(left, "rho", r.rho()), take(left, "epsilon", r.epsilon()));
        } else if (rule instanceof Adam a) {
            made = new Adam(take(left, "beta1", a.beta1()), take(left, "beta2", a.beta2()), take(left, "epsilon", a.epsilon()));
        } else {
            made = rule;
        }
        if (!left.isEmpty()) {
            throw new IllegalArgumentException(rule.name() + " has no hyper-parameter " + String.join(", ", new java.util.TreeSet<>(left.keySet())));
        }
        return made;
    }

    private static double take(java.util.Map<String, Double> left, String key, double otherwise) {
        Double v = left.remove(key);
        return v == null ? otherwise : v;
    }
}
