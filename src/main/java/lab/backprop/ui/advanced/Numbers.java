package lab.backprop.ui.advanced;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** How the advanced panels print numbers: three significant digits, as the seeds do (0.0214, -0.952). */
final class Numbers {
    private Numbers() { }

    /** Three significant digits, plain notation from 1e-4 to 1e4 ("0.0214", "-0.952", "1.00"). */
    static String sig3(double v) { return sig(v, 3); }

    /** {@code digits} significant digits, trailing zeros kept. */
    static String sig(double v, int digits) {
        if (v == 0) return "0";
        if (!Double.isFinite(v)) return Double.toString(v);
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e4) {
            return new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)).toPlainString();
        }
        return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
    }


    /** Parses a number typed by a person; a clear message on failure. */
    static double parse(String text, String what) {
        try {
            double v = Double.parseDouble(text.trim());
            if (!Double.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, got '" + text.trim() + "'");
        }
    }

    /** Parses a whole number in [min, max]; a clear message on failure. */
    static int parseInt(String text, String what, int min, int max) {
        int v;
        try {
            v = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, got '" + text.trim() + "'");
        }
        if (v < min || v > max) throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", got " + v);
        return v;
    }
}
