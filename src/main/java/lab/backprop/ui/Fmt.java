package lab.backprop.ui;

import java.util.Locale;

/** Number formats used across the window, so every view shows numbers the same way. */
final class Fmt {
    private Fmt() { }

    /** Short form for edges and neurons: 3 significant digits, no exponent for ordinary sizes. */
    static String shortNum(double v) {
        if (Double.isNaN(v)) return "-";
        double a = Math.abs(v);
        if (a != 0 && (a < 0.001 || a >= 10000)) return String.format(Locale.ROOT, "%.2e", v);
        if (a >= 100) return String.format(Locale.ROOT, "%.1f", v);
        if (a >= 10) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** Full form for tooltips and editors. */
    static String full(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** A typed-looking number: 133, 0.5, -1.25 (no exponent, no trailing zeros). */
    static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A loss value. */
    static String loss(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.6f", v);
    }

    /** A learning rate: up to 4 significant digits, no trailing zeros. */
    static String rate(double v) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) return s;
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }

    /** Parses a number as a person types it; null if it is not a finite number. */
    static Double parse(String text) {
        if (text == null) return null;
        String t = text.trim().replace(',', '.');
        if (t.isEmpty()) return null;
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
