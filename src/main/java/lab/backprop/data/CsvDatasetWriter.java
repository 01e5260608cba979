package lab.backprop.data;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import lab.backprop.support.Numbers;
import lab.backprop.support.AtomicFiles;

/**
 * Writes a data set as CSV that {@link CsvDatasetReader} reads back to an equal data set:
 * header {@code name,<feature 1>,<feature 2>,label (P=1 N=0)}, one row per sample, raw values,
 * numbers in Java's shortest exact form (integers without ".0"), UTF-8, "\n" line ends.
 * The shift is not written: it comes back as zero, or as seed 001's for the gender features
 * (the session JSON keeps any shift).
 */
public final class CsvDatasetWriter {
    private static final Pattern CLASS_NAME = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private CsvDatasetWriter() { }

    /** Writes atomically: the old file stays whole if anything fails. */
    public static void write(Dataset data, Path file) throws IOException {
        AtomicFiles.writeString(file, toCsv(data));
    }

    public static String toCsv(Dataset data) {
        if (data.featureCount() != 2) throw new IllegalArgumentException("CSV files hold 2 features, this data set has " + data.featureCount());
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord("name", data.featureNames().get(0), data.featureNames().get(1), labelHeader(data));
            for (Dataset.Sample s : data.samples()) {
                printer.printRecord(s.name() == null ? "" : s.name(), Numbers.plain(s.raw(0)), Numbers.plain(s.raw(1)), Numbers.plain(s.label()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static String labelHeader(Dataset data) {
        String p = data.positiveClass(), n = data.negativeClass();
        boolean plain = p.equals("1") && n.equals("0");
        if (!plain && !p.equals(n) && CLASS_NAME.matcher(p).matches() && CLASS_NAME.matcher(n).matches()) {
            return "label (" + p + "=1 " + n + "=0)";
        }
        return "label";
    }
}
