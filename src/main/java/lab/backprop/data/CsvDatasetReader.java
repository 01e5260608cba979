package lab.backprop.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import lab.backprop.support.RegularFiles;
import lab.backprop.support.Texts;

/**
 * Reads a data set from a CSV file, strictly: every problem is a {@link DataFormatException}
 * naming the line (and column), and nothing is returned unless the whole file is good.
 *
 * <p>Format: UTF-8 (a BOM is fine), commas between values, any line ending, blank lines and lines
 * starting with {@code #} skipped. Each row is {@code x1,x2,label} or {@code name,x1,x2,label};
 * the label is 0 or 1. The first row is a header when none of its value columns is a number; its
 * feature names become the data set's. A header label like {@code label (F=1 M=0)} names the
 * classes. Features are stored raw and shifted by zero, unless the header names the gender
 * features ({@code weight (lb)}, {@code height (in)}): then it is seed 001's set, shifted by
 * -135/-66 with classes F and M. {@link Options} overrides the name, shift and class names.
 *
 * <p>Limits: {@value #MAX_BYTES} bytes and {@value #MAX_ROWS} data rows; a larger file is refused
 * before it is read into memory. Commons CSV splits the whole text into records (quotes, escapes, any line end); the
 * reader checks each record as it comes, with the exact line number (quoted values that run over a line are refused),
 * and refuses control characters (a NUL byte, a terminal escape) inside values, quoting them back escaped.
 */
public final class CsvDatasetReader {
    /** Largest file accepted (1 MiB, far more than a hand-made data set needs). */
    public static final int MAX_BYTES = 64 << 20;
    /** Most data rows accepted (the window draws every point; the trainer visits each per epoch). */
    public static final int MAX_ROWS = 1_000_000;

    /** Overrides; a null field means "decide from the file". */
    public record Options(String name, double[] shift, String positiveClass, String negativeClass) {
        public static final Options AUTO = new Options(null, null, null, null);

        public Options {
            if (shift != null) {
                if (shift.length != 2) throw new IllegalArgumentException("shift needs 2 values (one per feature), got " + shift.length);
                for (double s : shift) if (!Double.isFinite(s)) throw new IllegalArgumentException("shift must be finite, got " + s);
                shift = shift.clone();
            }
            if ((positiveClass == null) != (negativeClass == null)) {
                throw new IllegalArgumentException("give both class names or neither");
            }
        }

        public Options withName(String n) { return new Options(n, shift, positiveClass, negativeClass); }
        public Options withShift(double... s) { return new Options(name, s, positiveClass, negativeClass); }
        public Options withClasses(String positive, String negative) { return new Options(name, shift, positive, negative); }
    }

    /** Commas, quotes as in RFC 4180, blank lines kept (skipped by the reader, which counts lines). No trimming by the
     * parser: values are stripped of whitespace here, after control characters (which a trim would remove) are refused. */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(false).get();
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");
    private static final Pattern NOT_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity|∞)");
    private static final Pattern POSITIVE_NAME = Pattern.compile("([\\p{L}\\p{N}_]+)\\s*=\\s*1(?![\\d.])");
    private static final Pattern NEGATIVE_NAME = Pattern.compile("([\\p{L}\\p{N}_]+)\\s*=\\s*0(?![\\d.])");
    private static final int FEATURES = 2;

    private final int maxBytes;
    private final int maxRows;

    public CsvDatasetReader() { this(MAX_BYTES, MAX_ROWS); }

    /** A reader with other limits (tests use small ones). */
    public CsvDatasetReader(int maxBytes, int maxRows) {
        if (maxBytes < 1 || maxRows < 1) throw new IllegalArgumentException("limits must be positive");
        this.maxBytes = maxBytes;
        this.maxRows = maxRows;
    }

    /** Reads a file with automatic name (file name without extension), shift and class names. */
    public Dataset read(Path file) throws DataFormatException {
        return read(file, Options.AUTO);
    }

    public Dataset read(Path file, Options options) throws DataFormatException {
        String source = String.valueOf(file.getFileName());
        String special = RegularFiles.whyNotReadable(file); // a named pipe would block the read for ever
        if (special != null) throw new DataFormatException(source, 0, 0, special);
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) throw tooLarge(source);
            try (InputStream in = Files.newInputStream(file)) {
                bytes = readBounded(in, source);
            }
        } catch (NoSuchFileException e) {
            throw new DataFormatException(source, "no such file (" + file.toAbsolutePath() + ")", e);
        } catch (IOException e) {
            throw new DataFormatException(source, "cannot read the file: " + e.getMessage(), e);
        }
        String name = options.name() != null ? options.name() : baseName(source);
        return parse(bytes, source, name, options);
    }

    /** Reads from a stream (not closed), reading at most the byte limit plus one. */
    public Dataset read(InputStream in, String name, Options options) throws DataFormatException {
        byte[] bytes;
        try {
            bytes = readBounded(in, name);
        } catch (IOException e) {
            throw new DataFormatException(name, "cannot read: " + e.getMessage(), e);
        }
        return parse(bytes, name, options.name() != null ? options.name() : name, options);
    }

    /** Parses CSV text already in memory (tests, paste). */
    public Dataset parse(String text, String name) throws DataFormatException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) throw tooLarge(name);
        return parse(bytes, name, name, Options.AUTO);
    }

    private byte[] readBounded(InputStream in, String source) throws IOException, DataFormatException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) throw tooLarge(source);
        return bytes;
    }

    private DataFormatException tooLarge(String source) {
        return new DataFormatException(source, 0, 0, "the file is larger than " + maxBytes
                + " bytes; data sets here are small (at most " + maxRows + " rows)");
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private Dataset parse(byte[] bytes, String source, String name, Options options) throws DataFormatException {
        int pos = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) pos = 3;
        else if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
            throw new DataFormatException(source, 1, 0, "the file is UTF-16 text; save it as UTF-8 (or plain) CSV");
        }
        String text = decode(bytes, pos, source);
        Rows rows = new Rows(source, options);
        // Commons CSV reads the whole text; each record is checked as it comes. Blank lines are kept as records (so
        // that the parser's line count stays the file's) and skipped here, as are comment lines.
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            long lineBefore = 0;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) break;
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
                    throw new DataFormatException(source, (int) lineBefore + 1, 0,
                            "cannot split this line into values: a quote (\") is not closed or is followed by text");
                }
                int line = (int) lineBefore + 1;
                long lineAfter = parser.getCurrentLineNumber();
                if (lineAfter - lineBefore > 1) {
                    throw new DataFormatException(source, line, 0, "a quoted value runs over more than one line; keep every row on one line");
                }
                lineBefore = lineAfter;
                if (!startsWithHash(text, record.getCharacterPosition())) rows.accept(line, record.values());
            }
        } catch (IOException e) {
            throw new DataFormatException(source, "cannot read: " + e.getMessage(), e);
        }
        return rows.finish(name);
    }

    /** A comment line: its first character (after blanks) is #, not quoted (a quoted "#1" is a name). */
    private static boolean startsWithHash(String text, long position) {
        int i = (int) position;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
        return i < text.length() && text.charAt(i) == '#';
    }

    /** The bytes as UTF-8 text; a byte sequence that is not UTF-8 is refused with its line. */
    private static String decode(byte[] bytes, int from, String source) throws DataFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(bytes.length - from);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) r = decoder.flush(out);
        if (r.isError()) {
            int line = 1;
            for (int i = from; i < in.position(); i++) {
                if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n')) line++;
            }
            throw new DataFormatException(source, line, 0, "this line is not UTF-8 text; save the file as UTF-8 CSV");
        }
        return out.flip().toString();
    }

    /** The state of one read: columns decided by the first row, then every row checked against them. */
    private final class Rows {
        private final String source;
        private final Options options;
        private int columns; // 0 until the first row; then 3 or 4
        private boolean named;
        private List<String> header;
        private final List<Dataset.Sample> samples = new ArrayList<>();

        Rows(String source, Options options) {
            this.source = source;
            this.options = options;
        }

        void accept(int line, String[] values) throws DataFormatException {
            List<String> fields = new ArrayList<>(values.length);
            for (String v : values) fields.add(v.strip());
            if (fields.isEmpty() || fields.size() == 1 && fields.get(0).isEmpty()) return; // a blank line
            String text = String.join(",", values);
            for (int c = 0; c < values.length; c++) {
                for (int i = 0; i < values[c].length(); i++) {
                    char ch = values[c].charAt(i);
                    if (Character.isISOControl(ch) && ch != '\t') {
                        throw error(line, c + 1, "the value '" + Texts.quote(values[c].strip()) + "' holds a control character ("
                                + Texts.escape(String.valueOf(ch)) + "); save the file as plain text");
                    }
                }
            }
            if (columns == 0) {
                decideColumns(line, text, fields);
                if (isHeader(fields)) {
                    header = fields;
                    return;
                }
            }
            if (fields.size() != columns) {
                throw error(line, 0, (fields.size() < columns ? "missing column(s)" : "extra column(s)") + ": expected "
                        + columns + " values (" + columnList() + "), found " + fields.size() + delimiterHint(text));
            }
            if (samples.size() >= maxRows) {
                throw error(line, 0, "more than " + maxRows + " data rows; the limit is " + maxRows);
            }
            int first = named ? 1 : 0;
            double[] raw = new double[FEATURES];
            for (int f = 0; f < FEATURES; f++) raw[f] = number(line, first + f, fields.get(first + f), text);
            double label = label(line, first + FEATURES, fields.get(first + FEATURES), text);
            String sampleName = named && !fields.get(0).isEmpty() ? fields.get(0) : null; // shown as p1, p2, ... (Dataset.nameOf)
            samples.add(new Dataset.Sample(sampleName, raw, label));
        }

        private void decideColumns(int line, String text, List<String> fields) throws DataFormatException {
            int n = fields.size();
            if (n == 1) {
                String hint = delimiterHint(text);
                throw error(line, 0, hint.isEmpty()
                        ? "only one value; expected x1, x2, label (optionally a name first) separated by commas"
                        : "only one value found" + hint);
            }
            if (n == 2) throw error(line, 0, "missing column(s): expected x1, x2, label (optionally a name first), found 2 values");
            if (n > 4) throw error(line, 0, "extra column(s): expected x1, x2, label (optionally a name first), found " + n + " values");
            columns = n;
            named = n == 4;
        }

        private boolean isHeader(List<String> fields) {
            for (int c = columns - 3; c < columns; c++) if (looksNumeric(fields.get(c))) return false;
            return true;
        }

        private String columnList() {
            List<String> names = new ArrayList<>();
            if (named) names.add("name");
            names.addAll(featureNames());
            names.add("label");
            return String.join(", ", names);
        }

        private List<String> featureNames() {
            List<String> names = new ArrayList<>();
            int first = named ? 1 : 0;
            for (int f = 0; f < FEATURES; f++) {
                String h = header == null ? "" : header.get(first + f);
                names.add(h.isEmpty() ? "x" + (f + 1) : h);
            }
            return names;
        }

        private String columnName(int col) {
            int first = named ? 1 : 0;
            if (named && col == 0) return "name";
            if (col == first + FEATURES) return "label";
            return featureNames().get(col - first);
        }

        private double number(int line, int col, String field, String text) throws DataFormatException {
            String where = " (" + columnName(col) + ")";
            if (field.isEmpty()) throw error(line, col + 1, "the value" + where + " is empty" + delimiterHint(text));
            if (NOT_FINITE.matcher(field).matches()) {
                throw error(line, col + 1, "'" + field + "'" + where + " is not allowed: every value must be a finite number");
            }
            if (!NUMBER.matcher(field).matches()) {
                String hint = delimiterHint(text);
                if (hint.isEmpty() && field.matches("[+-]?\\d+,\\d+")) hint = "; use a dot for decimals (1.5, not 1,5)";
                throw error(line, col + 1, "'" + shorten(field) + "'" + where + " is not a number" + hint);
            }
            double v = Double.parseDouble(field);
            if (!Double.isFinite(v)) throw error(line, col + 1, "'" + shorten(field) + "'" + where + " is too large");
            return v;
        }

        private double label(int line, int col, String field, String text) throws DataFormatException {
            if (NUMBER.matcher(field).matches()) {
                double v = Double.parseDouble(field);
                if (v == 0 || v == 1) return v == 0 ? 0.0 : 1.0; // -0 becomes 0
            }
            throw error(line, col + 1, "the label must be 0 or 1, got '" + shorten(field) + "'" + delimiterHint(text));
        }

        Dataset finish(String name) throws DataFormatException {
            if (samples.isEmpty()) {
                throw error(0, 0, header != null ? "there is a header but no data rows" : "the file has no data rows (it is empty)");
            }
            List<String> features = featureNames();
            double[] shift = new double[FEATURES];
            String positive = "1", negative = "0";
            if (header != null && isGender(features)) {
                shift = BuiltinDatasets.GENDER_SHIFT.clone();
                positive = "F";
                negative = "M";
            }
            if (header != null) {
                String labelHeader = header.get(columns - 1);
                Matcher p = POSITIVE_NAME.matcher(labelHeader), n = NEGATIVE_NAME.matcher(labelHeader);
                if (p.find() && n.find() && !p.group(1).equals(n.group(1))) {
                    positive = p.group(1);
                    negative = n.group(1);
                }
            }
            boolean gender = header != null && isGender(features);
            if (options.shift() != null) shift = options.shift();
            if (options.positiveClass() != null) {
                positive = options.positiveClass();
                negative = options.negativeClass();
            }
            Dataset read = gender ? new Dataset(name, features, shift, samples, positive, negative, Preset.SEED_001)
                    : new Dataset(name, features, shift, samples, positive, negative);
            // Own data: standardised (mean 0, sd 1), whatever its units and size; seed 001's people and a given shift stay as they are.
            return gender || options.shift() != null ? read : read.standardized();
        }

        private DataFormatException error(int line, int column, String problem) {
            return new DataFormatException(source, line, column, problem);
        }
    }

    private static boolean isGender(List<String> features) {
        List<String> gender = BuiltinDatasets.gender().featureNames();
        for (int f = 0; f < FEATURES; f++) {
            if (!normalize(features.get(f)).equals(normalize(gender.get(f)))) return false;
        }
        return true;
    }

    private static String normalize(String s) { return s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT); }

    private static boolean looksNumeric(String field) {
        return NUMBER.matcher(field).matches() || NOT_FINITE.matcher(field).matches();
    }

    /** "use commas" when the line is separated by something else. */
    private static String delimiterHint(String line) {
        for (char c : new char[] { ';', '\t', '|' }) {
            if (line.indexOf(c) >= 0) {
                String what = c == '\t' ? "tabs" : "'" + c + "'";
                return "; the values seem separated by " + what + ": use commas (,) between values";
            }
        }
        return "";
    }

    private static String shorten(String s) { return Texts.quote(s); }

    @Override public String toString() { return "CsvDatasetReader(maxBytes=" + maxBytes + ", maxRows=" + maxRows + ")"; }
}
