package lab.backprop.model;

/** How a number reads when a person typed it: 133 rather than 133.0, anything else as Java prints it. */
public final class PlainNumber {
    private PlainNumber() { }

    /**
     * Whole numbers below 1e15 without ".0" (but -0.0 stays "-0.0"); anything else as {@link Double#toString},
     * so the text always reads back to the same double.
     */
    public static String of(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) return Long.toString((long) v);
        return Double.toString(v);
    }
}
