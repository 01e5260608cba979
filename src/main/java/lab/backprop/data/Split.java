package lab.backprop.data;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A train/test split: the share of samples held out as a test set (0 for none, else 10 to 90 %) and the seed that
 * picks them. The test samples are never trained on; their loss beside the training loss shows overfitting. The same
 * split of the same data picks the same samples, whatever else changes.
 */
public record Split(double testRatio, long seed) {
    public static final double MIN_RATIO = 0.1, MAX_RATIO = 0.9;
    /** No test set: every sample is trained on (the seeds' way). */
    public static final Split NONE = new Split(0, 1);

    public Split {
        String why = whyNot(testRatio);
        if (why != null) throw new IllegalArgumentException(why);
    }

    /** A test share of {@code ratio} picked with seed 1. */
    public static Split of(double ratio) { return ratio == 0 ? NONE : new Split(ratio, 1); }

    /** Why {@code ratio} cannot be a test share, or null. */
    public static String whyNot(double ratio) {
        if (ratio == 0 || ratio >= MIN_RATIO && ratio <= MAX_RATIO) return null;
        return "the test share must be 0 (no test set) or 0.1 to 0.9 (10 to 90 %), got " + lab.backprop.support.Numbers.plain(ratio);
    }

    public boolean isNone() { return testRatio == 0; }

    /** Test samples of a set of {@code n}: the share rounded, at least one and at most n - 1 (none without a split or below 2). */
    public int testCount(int n) {
        if (isNone() || n < 2) return 0;
        return (int) Math.max(1, Math.min(n - 1, Math.round(n * testRatio)));
    }

    /** Which of {@code n} samples are test samples: {@link #testCount} of them, picked by the seed. */
    public boolean[] testMask(int n) {
        boolean[] test = new boolean[n];
        int k = testCount(n);
        if (k == 0) return test;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom r = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
        for (int i = 0; i < k; i++) { // a partial Fisher-Yates shuffle: the first k are the test samples
            int j = i + r.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            test[order[i]] = true;
        }
        return test;
    }

    /** "test 20 %" or "no test set". */
    public String describe() {
        return isNone() ? "no test set" : String.format(Locale.ROOT, "test %d %%", Math.round(testRatio * 100));
    }
}
