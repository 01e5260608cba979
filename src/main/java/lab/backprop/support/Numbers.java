package lab.backprop.support;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How the whole app writes and reads numbers: one formatter per purpose and one parser. Text a person types is read
 * with a dot for decimals; a decimal comma ("1,5") is refused with a message saying so, because in CSV files and
 * lists the comma separates values and "1,000" could mean either. Everything uses {@link Locale#ROOT}.
 */
public final class Numbers {
    private Numbers() { }

    // ---- Writing ---------------------------------------------------------------------------------------------

    /**
     * A number as a person typed it: 133 rather than 133.0; anything else as {@link Double#toString}, so the text
     * always reads back to the same double (whole numbers below 1e15; -0.0 stays "-0.0").
     */
    public static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) return Long.toString((long) v);
        return Double.toString(v);
    }

    /** Short form for edges and neurons: 3 significant digits, no exponent for ordinary sizes; "-" for NaN. */
    public static String brief(double v) {
        if (Double.isNaN(v)) return "-";
        double a = Math.abs(v);
        if (a != 0 && (a < 0.001 || a >= 10000)) return String.format(Locale.ROOT, "%.2e", v);
        if (a >= 100) return String.format(Locale.ROOT, "%.1f", v);
        if (a >= 10) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** Six significant digits, for tooltips and editors. */
    public static String full(double v) { return String.format(Locale.ROOT, "%.6g", v); }

    /** A loss: six decimals; "-" for NaN. */
    public static String loss(double v) { return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.6f", v); }

    /** A learning rate: up to 4 significant digits, no trailing zeros. */
    public static String rate(double v) { return trimmed(v, 4); }

    /** Up to {@code digits} significant digits ({@code %g}), trailing zeros dropped (0.0214695, 1); exponents as %g writes them. */
    public static String trimmed(double v, int digits) {
        String s = String.format(Locale.ROOT, "%." + digits + "g", v);
        if (s.contains("e")) return s;
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }

    /** Three significant digits, as the seeds print them (0.0214, -0.952, 1.00). */
    public static String sig3(double v) { return sig(v, 3); }

    /** {@code digits} significant digits, trailing zeros kept; plain notation from 1e-4 to 1e4, else an exponent. */
    public static String sig(double v, int digits) {
        if (v == 0) return "0";
        if (!Double.isFinite(v)) return Double.toString(v);
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e4) return new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)).toPlainString();
        return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
    }

    /** {@code v} rounded to {@code digits} significant digits, as a number (for arithmetic "by hand", as a tutorial does). */
    public static double round(double v, int digits) {
        if (v == 0 || !Double.isFinite(v)) return v;
        return new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)).doubleValue();
    }

    // ---- Reading ---------------------------------------------------------------------------------------------

    /** The number in {@code text} (surrounding blanks ignored), or null if it is not a finite number. */
    public static Double parse(String text) {
        return whyNot(text) == null ? Double.parseDouble(text.trim()) : null;
    }

    /**
     * Why {@code text} is not a finite number, in words ("empty", "not a number", "too large", "use a dot for decimals
     * (1.5, not 1,5)"), or null if it is one.
     */
    public static String whyNot(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) return "empty";
        if (t.matches("[+-]?\\d+,\\d+")) return "use a dot for decimals (" + t.replace(',', '.') + ", not " + t + ")";
        if (!t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) return "not a number";
        double v = Double.parseDouble(t);
        if (!Double.isFinite(v)) return "too large";
        return null;
    }

    /** The number in {@code text}; otherwise an IllegalArgumentException saying "{@code what} must be a number, got '...'". */
    public static double parse(String text, String what) {
        String why = whyNot(text);
        if (why == null) return Double.parseDouble(text.trim());
        String t = text == null ? "" : text.trim();
        throw new IllegalArgumentException(what + " must be a number, got '" + Texts.quote(t) + "'" + (why.startsWith("use") ? ": " + why : ""));
    }

    /** A whole number in [min, max]; otherwise an IllegalArgumentException naming {@code what} and the range. */
    public static long parseWhole(String text, String what, long min, long max) {
        String t = text == null ? "" : text.trim();
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            if (t.matches("[+-]?\\d+")) throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", got " + t);
            throw new IllegalArgumentException(what + " must be a whole number, got '" + Texts.quote(t) + "'");
        }
        if (v < min || v > max) throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", got " + v);
        return v;
    }
}
