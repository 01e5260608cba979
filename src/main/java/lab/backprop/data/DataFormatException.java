package lab.backprop.data;

/**
 * A data file could not be read. The message names the file, the line (1-based) and, where it
 * applies, the column (1-based), and says what to fix; {@link #line()} is 0 when the problem is
 * the whole file (too large, empty, unreadable).
 */
public final class DataFormatException extends Exception {
    private final String source;
    private final int line;
    private final int column;

    public DataFormatException(String source, int line, int column, String problem) {
        super(describe(source, line, column, problem));
        this.source = source;
        this.line = line;
        this.column = column;
    }

    public DataFormatException(String source, String problem, Throwable cause) {
        super(describe(source, 0, 0, problem), cause);
        this.source = source;
        this.line = 0;
        this.column = 0;
    }

    private static String describe(String source, int line, int column, String problem) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) sb.append(" line ").append(line);
        if (column > 0) sb.append(", column ").append(column);
        return sb.append(": ").append(problem).toString();
    }

    /** File name (or another label) of what was read. */
    public String source() { return source; }
    /** 1-based line of the problem, 0 for the whole file. */
    public int line() { return line; }
    /** 1-based column of the problem, 0 if it is not about one value. */
    public int column() { return column; }
}
