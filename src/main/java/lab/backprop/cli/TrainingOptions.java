package lab.backprop.cli;

import lab.backprop.data.Batching;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.data.Preset;
import lab.backprop.model.Activation;
import lab.backprop.model.Architecture;
import lab.backprop.model.Initializer;
import lab.backprop.support.Numbers;
import lab.backprop.train.GradientDescent;
import lab.backprop.train.TrainingSetup;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that describe one training run, shared by train, predict and bench, parsed into a {@link TrainingSetup}.
 * Options left out take the data set's {@link Preset} (the settings of the seed it comes from).
 */
public final class TrainingOptions {
    @Spec(Spec.Target.MIXEE) CommandSpec spec;
    @Spec(Spec.Target.SELF) CommandSpec own; // these options alone, without the command's own

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @CommandLine.Mixin DataOptions source = new DataOptions();

    /** Where "--data -" reads from (tests put their own here). */
    static java.util.function.Supplier<java.io.InputStream> standardInput = () -> System.in;

    private Dataset resolved;

    @Option(names = { "--optimizer", "--batching" }, paramLabel = "sgd|batch|minibatch", converter = Converters.BatchingConverter.class,
            description = "Batching: per sample (sgd), full batch or mini-batch (default: sgd for gender, batch for xor).")
    Batching.Mode batching;

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate, > 0 (default: 0.1 for gender, 1 for xor).")
    Double learningRate;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs, >= 0 (default: 1000 for gender, 5000 for xor).")
    Long epochs;

    @Option(names = "--hidden", paramLabel = "N", defaultValue = "2", description = "Hidden neurons, >= 1 (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--layers", paramLabel = "N", defaultValue = "1",
            description = "Hidden layers, 0.." + TrainingOptions.MAX_LAYERS + "; 0 is a single neuron (default: ${DEFAULT-VALUE}).")
    int layers;

    /** The deepest network the CLI offers: the window's. */
    static final int MAX_LAYERS = lab.backprop.train.LabController.Limits.MAX_WINDOW_LAYERS;

    @Option(names = "--activation", paramLabel = "sigmoid|tanh|relu", defaultValue = "sigmoid",
            converter = Converters.ActivationConverter.class,
            description = "Hidden-layer activation; the output is always a sigmoid (default: ${DEFAULT-VALUE}).")
    Activation activation;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed: the same seed gives the same run (default: 1 for gender, 0 for xor).")
    Long seed;

    @Option(names = "--batch-size", paramLabel = "N", description = "Samples per update for minibatch, >= 1 (default: 2).")
    Integer batchSize;

    @Option(names = "--features", paramLabel = "LIST", description = "The network's inputs, made from the two coordinates: any of "
            + "x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2, comma-separated (default: x1,x2).")
    String features;

    @Option(names = "--loss", paramLabel = "mse|cross-entropy", description = "The loss: mean squared error (the seeds') or binary"
            + " cross-entropy, whose error term at a sigmoid output is simply ypred - y (default: mse).")
    String loss;

    @Option(names = "--update", paramLabel = "gd|momentum|nesterov|rmsprop|adam", description = "How gradients change the weights:"
            + " plain gradient descent (the seeds'), momentum, Nesterov momentum, RMSprop or Adam (default: gd).")
    String update;

    @Option(names = "--beta", paramLabel = "B", description = "Momentum's beta, 0 <= B < 1 (default: 0.9).")
    Double beta;

    @Option(names = "--rho", paramLabel = "R", description = "RMSprop's decay of the squared gradients, 0 <= R < 1 (default: 0.9).")
    Double rho;

    @Option(names = "--beta1", paramLabel = "B", description = "Adam's decay of the mean gradient, 0 <= B < 1 (default: 0.9).")
    Double beta1;

    @Option(names = "--beta2", paramLabel = "B", description = "Adam's decay of the squared gradients, 0 <= B < 1 (default: 0.999).")
    Double beta2;

    @Option(names = "--epsilon", paramLabel = "E", description = "RMSprop's and Adam's epsilon, > 0 (default: 1e-8).")
    Double epsilon;

    @Option(names = "--regularization", paramLabel = "none|l1|l2", description = "A penalty on the weights: L1 (rate·Σ|w|) or L2"
            + " (rate·Σw²/2), in every update's gradient and reported beside the loss (default: none).")
    String regularization;

    @Option(names = "--reg-rate", paramLabel = "RATE", description = "The regularization rate, >= 0 (default: 0.001 with --regularization).")
    Double regRate;

    @Option(names = "--test-ratio", paramLabel = "R", description = "Share of the samples held out as a test set, never trained on:"
            + " 0 (none) or 0.1 to 0.9; the loss lines and the end then show the test loss and accuracy (default: 0).")
    Double testRatio;

    @Option(names = "--init", paramLabel = "normal|uniform|zero-one|ones", converter = Converters.InitializerConverter.class,
            description = "Initial weights: standard normal, uniform [0,1), or a fixed start: every w=[0,1] and b=0 (zero-one), "
                    + "all weights 1 and biases 0 (ones) (default: normal for gender, uniform for xor).")
    Initializer init;

    /** The run these options ask for, every value checked; bad values are reported as bad arguments (exit 2). */
    public TrainingSetup setup() {
        Dataset data = dataset();
        Preset d = data.preset();
        Batching.Mode mode = batching != null ? batching : d.batching().mode();
        double lr = learningRate(d.learningRate());
        long n = epochs(d.epochs());
        if (hidden < 1) throw bad("--hidden must be at least 1, got " + hidden);
        if (hidden > 1000) throw bad("--hidden must be at most 1000, got " + hidden);
        if (layers < 0 || layers > MAX_LAYERS) throw bad("--layers must be 0.." + MAX_LAYERS + ", got " + layers);
        if (batchSize != null && mode != Batching.Mode.MINI_BATCH) throw bad("--batch-size applies only to --optimizer minibatch");
        int batch = batchSize != null ? batchSize : Batching.DEFAULT_BATCH_SIZE;
        if (batch < 1) throw bad("--batch-size must be at least 1, got " + batch);
        Initializer in = init != null ? init : d.init();
        double ratio = testRatio != null ? testRatio : 0;
        if (lab.backprop.data.Split.whyNot(ratio) != null) throw bad("--test-ratio: " + lab.backprop.data.Split.whyNot(ratio));
        return new TrainingSetup(data, Architecture.of(layers, hidden, activation), in, seed != null ? seed : d.seed(),
                new Batching(mode, batch), updateRule(), lr, n, lab.backprop.data.Split.of(ratio),
                regularization(lab.backprop.model.Regularization.NONE), lossFunction());
    }

    /** The options a resumed session may take instead of its own values: what the window changes without starting over. */
    static final java.util.Set<String> SESSION_OVERRIDES = java.util.Set.of("--epochs", "--lr", "--regularization", "--reg-rate");

    /**
     * A saved session's setup with {@link #SESSION_OVERRIDES} applied (epochs, rate, regularisation), every value checked.
     * Any other of these options given is refused: the session brings its own network, settings and data.
     */
    TrainingSetup resumed(TrainingSetup saved, String file) {
        for (String given : givenOptions()) {
            if (!SESSION_OVERRIDES.contains(given)) {
                throw bad("--resume " + file + " trains the session's own network on its own data; leave out " + given
                        + " (a resumed run takes only --epochs, --lr, --regularization and --reg-rate)");
            }
        }
        return saved.withEpochs(epochs(saved.epochs())).withLearningRate(learningRate(saved.learningRate()))
                .withRegularization(regularization(saved.regularization()));
    }

    /** The names (as declared first, e.g. --optimizer for --batching) of these options the user typed, in order. */
    private java.util.List<String> givenOptions() {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        java.util.List<String> names = new java.util.ArrayList<>();
        for (CommandLine.Model.OptionSpec o : own.options()) {
            if (!o.usageHelp() && parsed.hasMatchedOption(o)) names.add(o.longestName());
        }
        return names;
    }

    /** --lr, else {@code otherwise}; a positive number. */
    private double learningRate(double otherwise) {
        double lr = learningRate != null ? learningRate : otherwise;
        if (!Double.isFinite(lr) || lr <= 0) throw bad("--lr must be a positive number, got " + Numbers.plain(lr));
        return lr;
    }

    /** --epochs, else {@code otherwise}; 0 or more. */
    private long epochs(long otherwise) {
        long n = epochs != null ? epochs : otherwise;
        if (n < 0) throw bad("--epochs must be 0 or more, got " + n);
        return n;
    }

    /**
     * --regularization with --reg-rate, else {@code otherwise}; --reg-rate alone changes the rate of {@code otherwise},
     * which must then be L1 or L2. A kind given without a rate takes {@code otherwise}'s rate if that is L1 or L2, else 0.001.
     */
    private lab.backprop.model.Regularization regularization(lab.backprop.model.Regularization otherwise) {
        lab.backprop.model.Regularization.Kind kind = otherwise.kind();
        if (regularization != null) {
            try {
                kind = lab.backprop.model.Regularization.Kind.parse(regularization);
            } catch (IllegalArgumentException e) {
                throw bad("--regularization: " + e.getMessage());
            }
        } else if (regRate == null) {
            return otherwise;
        } else if (otherwise.kind() == lab.backprop.model.Regularization.Kind.NONE) {
            throw bad("--reg-rate needs --regularization l1 or l2");
        }
        double rate = regRate != null ? regRate : otherwise.kind() != lab.backprop.model.Regularization.Kind.NONE ? otherwise.rate() : 0.001;
        if (!(rate >= 0) || !Double.isFinite(rate)) throw bad("--reg-rate must be 0 or more, got " + Numbers.plain(rate));
        return new lab.backprop.model.Regularization(kind, rate);
    }

    private lab.backprop.model.LossFunction lossFunction() {
        try {
            return loss == null ? lab.backprop.model.LossFunction.MSE : lab.backprop.model.LossFunction.parse(loss);
        } catch (IllegalArgumentException e) {
            throw bad("--loss: " + e.getMessage());
        }
    }

    /** --update with its hyper-parameters (each only where the rule has it). */
    private lab.backprop.train.UpdateRule updateRule() {
        java.util.Map<String, Double> given = new java.util.LinkedHashMap<>();
        if (beta != null) given.put("beta", beta);
        if (rho != null) given.put("rho", rho);
        if (beta1 != null) given.put("beta1", beta1);
        if (beta2 != null) given.put("beta2", beta2);
        if (epsilon != null) given.put("epsilon", epsilon);
        try {
            lab.backprop.train.UpdateRule rule = update == null ? GradientDescent.INSTANCE : lab.backprop.train.UpdateRule.parse(update);
            return lab.backprop.train.UpdateRule.withParameters(rule, given);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw bad(m.contains(" has no hyper-parameter ") ? "--update " + m.replace(" has no hyper-parameter ", " takes no --") : "--update: " + m);
        }
    }

    /** The data set to train on: --data, else --dataset, else gender, with its --features. A bad file is a bad argument. */
    Dataset dataset() {
        if (resolved != null) return resolved;
        Dataset d = plainDataset();
        if (features == null) return resolved = d;
        try {
            return resolved = d.withFeatures(lab.backprop.data.Feature.parse(features));
        } catch (IllegalArgumentException e) {
            throw bad("--features: " + e.getMessage());
        }
    }

    private Dataset plainDataset() {
        try {
            Dataset d = source.read(standardInput);
            return d != null ? d : BuiltinDatasets.gender();
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    /** True when the user named a data set or file. */
    boolean namesData() { return source.namesData(); }

    /** Loss-line interval when the user gives none: the data set's preset. */
    long defaultLogEvery() { return dataset().preset().logEvery(); }

    CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
