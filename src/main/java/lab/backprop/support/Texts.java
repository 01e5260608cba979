package lab.backprop.support;

/** Quoting input back to the user: control characters escaped (a terminal escape shows as \u001b), long text cut. */
public final class Texts {
    private Texts() { }

    /** {@code s} with every control character (and other invisible format characters) written as a Java escape. */
    public static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean hidden = Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || c == '\u2028' || c == '\u2029';
            if (hidden) {
                if (sb == null) sb = new StringBuilder(s.length() + 8).append(s, 0, i);
                switch (c) {
                    case '\t' -> sb.append("\\t");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append(String.format("\\u%04x", (int) c));
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** At most {@code max} characters: longer text is cut and ends in "...". */
    public static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    /** Escaped and cut to 40 characters: how a value from a file is quoted in a message. */
    public static String quote(String s) { return escape(shorten(s, 40)); }
}
