package lab.backprop.train;

import java.util.Locale;

/**
 * Whether a run has stopped learning: its loss has stayed (almost) where it is over the last part of the run while
 * still far from zero, as seed 000's XOR does when it sticks at 0.125, or a network of dead ReLUs at 0.25. Says so in
 * words with what to try.
 */
public final class StuckCheck {
    /** Epochs of the run's end that are looked at, at least. */
    public static final long WINDOW = 300;
    /** A loss that moved less than this over the window has stopped moving... */
    public static final double FLAT = 1e-4;
    /** ...and so has one that moved less than this fraction of itself (XOR's plateau creeps: 0.1260 to 0.1255). */
    public static final double FLAT_FRACTION = 0.01;
    /** A loss at or below this is learnt well enough, flat or not. */
    public static final double LEARNT = 0.02;

    private StuckCheck() { }

    /**
     * A sentence saying the run is stuck, or null. Looks at the epochs of the last half of the history (at least
     * {@link #WINDOW} of them): too few recorded, or a loss that still moves, or a low loss, is not stuck.
     */
    public static String check(LossHistory.View v) {
        if (v.size() < 2) return null;
        long first = v.firstEpoch()[0], last = v.firstEpoch()[v.size() - 1] + v.span() - 1;
        long window = Math.max(WINDOW, (last - first) / 2);
        if (last - first < window) return null;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.size(); i++) {
            if (v.firstEpoch()[i] + v.span() - 1 < last - window) continue;
            lo = Math.min(lo, v.min()[i]);
            hi = Math.max(hi, v.max()[i]);
        }
        double now = v.last()[v.size() - 1];
        if (!(hi - lo < Math.max(FLAT, FLAT_FRACTION * now)) || !(now > LEARNT)) return null;
        return String.format(Locale.ROOT, "The loss has stayed at %.4f for the last %d epochs: this run is stuck. Try another seed"
                + " (type one and press Reset), a larger or smaller learning rate, more hidden neurons, or another activation"
                + " (a ReLU that outputs 0 for every sample passes no gradient back).", now, window);
    }
}
