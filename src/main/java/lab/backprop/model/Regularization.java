package lab.backprop.model;

import java.util.Locale;

/**
 * A penalty on the weights added to the loss, as TensorFlow Playground offers it: none, L1 (rate · Σ|w|) or L2
 * (rate · Σ w² / 2). Its gradient (rate · sign(w), or rate · w) is added to every update's weight gradient, once per
 * update; biases are not penalised. The term is reported apart from the data's loss, so the loss curve stays the
 * MSE the tutorials print.
 */
public record Regularization(Kind kind, double rate) {
    /** The penalty's shape; each says its term and its derivative. */
    public enum Kind {
        NONE("none") {
            @Override double term(double w) { return 0; }
            @Override double derivative(double w) { return 0; }
        },
        L1("L1") {
            @Override double term(double w) { return Math.abs(w); }
            @Override double derivative(double w) { return Math.signum(w); }
        },
        L2("L2") {
            @Override double term(double w) { return w * w / 2; }
            @Override double derivative(double w) { return w; }
        };

        private final String label;

        Kind(String label) { this.label = label; }

        abstract double term(double w);

        abstract double derivative(double w);

        public String label() { return label; }

        @Override public String toString() { return label; }

        /** "none", "l1" or "l2" (any case). */
        public static Kind parse(String text) {
            for (Kind k : values()) if (k.label.equalsIgnoreCase(text.trim())) return k;
            throw new IllegalArgumentException("unknown regularization '" + lab.backprop.support.Texts.quote(text) + "' (choose none, l1 or l2)");
        }
    }

    public static final Regularization NONE = new Regularization(Kind.NONE, 0);

    public Regularization {
        if (kind == null) throw new IllegalArgumentException("a regularization needs a kind (NONE for none)");
        if (!(rate >= 0) || !Double.isFinite(rate)) throw new IllegalArgumentException("the regularization rate must be 0 or more, got " + rate);
    }

    public boolean isNone() { return kind == Kind.NONE || rate == 0; }

    /** rate · Σ term(w) over the weights (0 for none). */
    public double term(double[] weights) {
        if (isNone()) return 0;
        double sum = 0;
        for (double w : weights) sum += kind.term(w);
        return rate * sum;
    }

    /** Adds rate · term'(w) to each weight's gradient. Allocates nothing. */
    public void addGradient(double[] weights, double[] gradW) {
        if (isNone()) return;
        for (int i = 0; i < gradW.length; i++) gradW[i] += rate * kind.derivative(weights[i]);
    }

    /** "L2 0.01" or "none". */
    public String describe() { return isNone() ? "none" : kind + " " + String.format(Locale.ROOT, "%s", lab.backprop.support.Numbers.plain(rate)); }
}
