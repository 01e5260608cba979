package lab.backprop.ui;

import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Options the window accepts on its command line (all start with "-", so the Launcher opens the window),
 * mostly for measuring without a human: {@code --stats --train --exit-after 20}. Pure parsing, no JavaFX.
 */
@Command(name = "backprop-lab", description = "Opens the Backprop Lab window.")
public final class WindowOptions {
    @CommandLine.Parameters(arity = "0..1", paramLabel = "FILE",
            description = "A session (.json, .bplab) or a data CSV to open, as a file manager passes it.")
    java.nio.file.Path file;

    @Option(names = "--stats", description = "Print frames per second and the 99th-percentile frame time every second, "
            + "the start-up time, and a summary at exit.")
    boolean stats;

    @Option(names = "--train", description = "Start training at full speed at launch, for as many epochs as it takes.")
    boolean train;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs that --train runs (default: as many as it takes).")
    Long epochs;

    @Option(names = "--speed", paramLabel = "EPOCHS_PER_SECOND",
            description = "Pace of --train in epochs per second; 0 is full speed (default: 0).")
    Double speed;

    @Option(names = "--exit-when-trained", description = "Quit when the --train run has finished (with --stats: print the summary first).")
    boolean exitWhenTrained;

    @Option(names = "--exit-after", paramLabel = "SECONDS", description = "Quit after this many seconds (with --stats: print the summary first).")
    Double exitAfterSeconds;

    @CommandLine.Mixin lab.backprop.cli.DataOptions source = new lab.backprop.cli.DataOptions();

    @Option(names = "--activation", paramLabel = "sigmoid|tanh|relu", description = "Activation of the hidden neurons.")
    String activation;

    private lab.backprop.data.Dataset data;

    @Option(names = "--hidden", paramLabel = "N", description = "Neurons per hidden layer, 1.." + LabViewModel.MAX_HIDDEN_NEURONS + ".")
    Integer hidden;

    @Option(names = "--layers", paramLabel = "N", description = "Hidden layers, 0.." + LabViewModel.MAX_HIDDEN_LAYERS + " (0: a single neuron).")
    Integer layers;

    @Option(names = "--lesson", paramLabel = "N", description = "Open the lesson of seed N (000, 001 or 002) at step 1, or at step S with N:S.")
    String lesson;

    /** Epochs that {@code --train} asks for: more than any measurement runs (about 3 years at 10^4 epochs/s). */
    public static final long TRAIN_EPOCHS = 1_000_000_000_000L;

    /**
     * Reads the window's arguments. Throws {@link IllegalArgumentException} with a message naming the bad
     * argument (unknown option, missing or bad value).
     */
    public static WindowOptions parse(List<String> args) {
        WindowOptions o = new WindowOptions();
        try {
            new CommandLine(o).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (o.exitAfterSeconds != null && !(o.exitAfterSeconds > 0 && Double.isFinite(o.exitAfterSeconds))) {
            throw new IllegalArgumentException("--exit-after must be a positive number of seconds, got " + o.exitAfterSeconds);
        }
        if (o.epochs != null && o.epochs < 1) throw new IllegalArgumentException("--epochs must be at least 1, got " + o.epochs);
        if (o.speed != null && !(o.speed >= 0 && Double.isFinite(o.speed))) {
            throw new IllegalArgumentException("--speed must be 0 (full speed) or a positive number of epochs per second, got " + o.speed);
        }
        if ((o.epochs != null || o.exitWhenTrained || o.speed != null) && !o.train) {
            throw new IllegalArgumentException((o.epochs != null ? "--epochs" : o.speed != null ? "--speed" : "--exit-when-trained") + " needs --train");
        }
        o.data = o.source.read(() -> { throw new IllegalArgumentException("the window reads its data from a file, not from standard input: --data FILE.csv"); });
        if (o.activation != null) o.hiddenActivation(); // says which exist
        if (o.hidden != null && (o.hidden < 1 || o.hidden > LabViewModel.MAX_HIDDEN_NEURONS)) {
            throw new IllegalArgumentException("--hidden must be 1.." + LabViewModel.MAX_HIDDEN_NEURONS + ", got " + o.hidden);
        }
        if (o.layers != null && (o.layers < 0 || o.layers > LabViewModel.MAX_HIDDEN_LAYERS)) {
            throw new IllegalArgumentException("--layers must be 0.." + LabViewModel.MAX_HIDDEN_LAYERS + ", got " + o.layers);
        }
        if (o.lesson != null) o.lessonStep(); // says which lessons and steps exist
        return o;
    }

    /** The lesson to open, or null. */
    public lab.backprop.lesson.Lesson lesson() { return lesson == null ? null : lab.backprop.lesson.Lessons.byNumber(lesson.split(":", 2)[0]); }

    /** The 0-based step of {@link #lesson()} to open. */
    public int lessonStep() {
        if (lesson == null) return 0;
        lab.backprop.lesson.Lesson l = lesson();
        String[] parts = lesson.split(":", 2);
        if (parts.length == 1) return 0;
        int n = l.steps().size();
        try {
            int s = Integer.parseInt(parts[1].trim());
            if (s >= 1 && s <= n) return s - 1;
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--lesson " + l.number() + " has steps 1.." + n + ", got '"
                + lab.backprop.support.Texts.quote(parts[1]) + "'");
    }

    /** Usage text for a bad command line. */
    public static String usage() {
        return new CommandLine(new WindowOptions()).getUsageMessage();
    }

    /** The file to open at start (a session or a CSV), or null. */
    public java.nio.file.Path file() { return file; }
    public boolean stats() { return stats; }
    public boolean train() { return train; }
    /** Epochs that {@code --train} runs. */
    public long epochs() { return epochs == null ? TRAIN_EPOCHS : epochs; }
    public boolean exitWhenTrained() { return exitWhenTrained; }
    /** Epochs per second for {@code --train}; 0 is full speed. */
    public double speed() { return speed == null ? 0 : speed; }
    /** Seconds until the window quits, or 0 for never. */
    public double exitAfterSeconds() { return exitAfterSeconds == null ? 0 : exitAfterSeconds; }
    /** The built-in data set named by --dataset (lower case), or null. */
    public String dataset() { return source.named() == null ? null : source.named().name(); }

    /** The data set to start on (--dataset with its generation options, or --data), or null for the default. */
    public lab.backprop.data.Dataset data() { return data; }

    /** The hidden activation asked for, or null for the default. */
    public lab.backprop.model.Activation hiddenActivation() {
        if (activation == null) return null;
        for (lab.backprop.model.Activation a : lab.backprop.model.Activation.values()) {
            if (a.name().equalsIgnoreCase(activation.trim()) || a.toString().equalsIgnoreCase(activation.trim())) return a;
        }
        throw new IllegalArgumentException("--activation must be sigmoid, tanh or relu, got '" + lab.backprop.support.Texts.quote(activation) + "'");
    }
    /** Neurons per hidden layer, or 0 for the default. */
    public int hidden() { return hidden == null ? 0 : hidden; }
    /** Hidden layers (0 is a single neuron), or -1 for the default. */
    public int layers() { return layers == null ? -1 : layers; }
}
