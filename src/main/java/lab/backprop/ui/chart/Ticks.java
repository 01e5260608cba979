package lab.backprop.ui.chart;

import java.math.BigDecimal;

/** Round tick values for an axis: steps of 1, 2 or 5 times a power of ten, never past the data. */
public final class Ticks {
    private Ticks() { }

    /** The 1-2-5 step nearest to {@code rough} (at least {@code minStep}). */
    public static double step(double rough, double minStep) {
        if (!(rough > minStep)) return minStep;
        double p = Math.pow(10, Math.floor(Math.log10(rough)));
        double m = rough / p;
        return Math.max(minStep, (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p);
    }

    /**
     * The multiples of a round step in [lo, hi], about {@code target} of them (at least 2 when the range allows);
     * {@code minStep} keeps e.g. epochs whole.
     */
    public static double[] within(double lo, double hi, int target, double minStep) {
        if (!(hi > lo)) return new double[] { lo };
        double step = step((hi - lo) / Math.max(1, target), minStep);
        long first = (long) Math.ceil(lo / step - 1e-9), last = (long) Math.floor(hi / step + 1e-9);
        int n = (int) Math.max(0, Math.min(1000, last - first + 1));
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = clean((first + i) * step);
        return t;
    }

    /** Removes float noise (0.30000000000000004 becomes 0.3) and the sign of a zero. */
    static double clean(double v) {
        if (v == 0) return 0;
        return new BigDecimal(v).round(new java.math.MathContext(12)).doubleValue();
    }

    /** A tick label: no trailing zeros, no "-0", an exponent only for very large or small values. */
    public static String label(double v) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e6 || a < 1e-4) {
            // as many digits as the value needs (1.5e7, not "2e7" beside a true 2e7), up to four
            String s = String.format(java.util.Locale.ROOT, "%.3e", v);
            String mantissa = s.substring(0, s.indexOf('e')), exponent = s.substring(s.indexOf('e'));
            if (mantissa.contains(".")) mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
            return (mantissa + exponent).replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
        }
        return BigDecimal.valueOf(clean(v)).stripTrailingZeros().toPlainString();
    }
}
