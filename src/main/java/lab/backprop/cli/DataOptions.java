package lab.backprop.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Supplier;

import lab.backprop.data.CsvDatasetReader;
import lab.backprop.data.DataFormatException;
import lab.backprop.data.Dataset;
import lab.backprop.data.Generator;
import picocli.CommandLine.Option;

/**
 * Which data a run starts on: a built-in or generated set ({@code --dataset} with {@code --points}, {@code --noise},
 * {@code --data-seed}) or own data ({@code --data FILE.csv}). One picocli mixin for the commands' options
 * ({@link TrainingOptions}) and the window's ({@code ui.WindowOptions}), so both take the same words and say the same
 * things about bad ones.
 * <pre>{@code
 * @Mixin DataOptions data;
 * Dataset d = data.read(() -> System.in);   // null when none was named; IllegalArgumentException says what is wrong
 * }</pre>
 */
public final class DataOptions {
    @Option(names = "--dataset", paramLabel = "NAME", converter = Converters.DatasetConverter.class,
            description = "Built-in data set: xor, gender (the seeds'), or generated: circle, xor-cloud, gaussians, spiral, sine,"
                    + " moons (default: gender).")
    Dataset dataset;

    @Option(names = "--points", paramLabel = "N", description = "Points of a generated data set, " + Generator.MIN_POINTS + " to "
            + Generator.MAX_POINTS + " (default: " + Generator.DEFAULT_POINTS + ").")
    Integer points;

    @Option(names = "--noise", paramLabel = "X", description = "Noise of a generated data set, 0 to 0.5 (default: 0).")
    Double noise;

    @Option(names = "--data-seed", paramLabel = "N", description = "Seed of a generated data set: the same seed, the same points (default: 1).")
    Long dataSeed;

    @Option(names = "--data", paramLabel = "FILE.csv",
            description = "Own data instead of a built-in: two numeric feature columns and a 0/1 label, header optional;"
                    + " - reads it from standard input.")
    Path dataFile;

    /** True when a data set or a file was named. */
    public boolean namesData() { return dataFile != null || dataset != null; }

    /** True when any of these options was given. */
    public boolean given() { return namesData() || points != null || noise != null || dataSeed != null; }

    /** The built-in data set named by --dataset, or null. */
    public Dataset named() { return dataset; }

    /**
     * The data asked for: --data (from {@code stdin} for "-"), else --dataset or gender with the generation options
     * applied; null when none of these options was given. Throws {@link IllegalArgumentException} saying what is wrong
     * (both given, generation options with a file, a bad file or value).
     */
    public Dataset read(Supplier<InputStream> stdin) {
        if (!given()) return null;
        if (dataFile != null && dataset != null) throw new IllegalArgumentException("give either --dataset or --data, not both");
        if (dataFile != null && (points != null || noise != null || dataSeed != null)) {
            throw new IllegalArgumentException("--points, --noise and --data-seed apply only to a generated --dataset, not to --data");
        }
        try {
            if (dataFile == null) return Generator.remade(dataset != null ? dataset : lab.backprop.data.BuiltinDatasets.gender(), points, noise, dataSeed);
            if (dataFile.toString().equals("-")) {
                return new CsvDatasetReader().read(stdin.get(), "stdin", CsvDatasetReader.Options.AUTO.withName("stdin"));
            }
            return new CsvDatasetReader().read(dataFile);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
