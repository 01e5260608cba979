package lab.backprop.train;

import java.util.SplittableRandom;

import lab.backprop.data.Batching;
import lab.backprop.data.Dataset;
import lab.backprop.data.Preset;
import lab.backprop.data.Split;
import lab.backprop.model.Architecture;
import lab.backprop.model.Initializer;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;
import lab.backprop.model.LossFunction;
import lab.backprop.model.Regularization;
import lab.backprop.support.Numbers;

/**
 * Everything that says how to train, in one immutable record: the data, the network's shape, how its first weights
 * are drawn, the batching, the update rule, the learning rate and the number of epochs. The command line parses its
 * options into one, sessions save one, the window edits one, twin runs and the seed sweep vary one; and it makes the
 * trainer ({@link #newTrainer()}).
 *
 * @param seed   seeds the first weights and the mini-batch shuffle: the same setup gives the same run, bit for bit
 * @param epochs what a run trains (0 or more); a trainer's epoch count is its own
 */
public record TrainingSetup(Dataset data, Architecture architecture, Initializer init, long seed, Batching batching,
                            UpdateRule update, double learningRate, long epochs, Split split, Regularization regularization,
                            LossFunction loss) {
    /** With the seeds' loss, MSE. */
    public TrainingSetup(Dataset data, Architecture architecture, Initializer init, long seed, Batching batching,
                         UpdateRule update, double learningRate, long epochs, Split split, Regularization regularization) {
        this(data, architecture, init, seed, batching, update, learningRate, epochs, split, regularization, LossFunction.MSE);
    }

    /** Without a test split or regularisation: every sample is trained on, the loss is the data's alone. */
    public TrainingSetup(Dataset data, Architecture architecture, Initializer init, long seed, Batching batching,
                         UpdateRule update, double learningRate, long epochs) {
        this(data, architecture, init, seed, batching, update, learningRate, epochs, Split.NONE, Regularization.NONE);
    }

    /** Without regularisation. */
    public TrainingSetup(Dataset data, Architecture architecture, Initializer init, long seed, Batching batching,
                         UpdateRule update, double learningRate, long epochs, Split split) {
        this(data, architecture, init, seed, batching, update, learningRate, epochs, split, Regularization.NONE);
    }

    public TrainingSetup {
        if (regularization == null) throw new IllegalArgumentException("a training setup needs a regularization (NONE for none)");
        if (loss == null) throw new IllegalArgumentException("a training setup needs a loss function");
        if (split == null) throw new IllegalArgumentException("a training setup needs a split (Split.NONE for none)");
        if (data == null) throw new IllegalArgumentException("the data set is missing");
        if (data.isEmpty()) throw new IllegalArgumentException("the data set '" + data.name() + "' has no samples");
        if (architecture == null || init == null || batching == null || update == null) {
            throw new IllegalArgumentException("a training setup needs an architecture, an initialisation, a batching and an update rule");
        }
        LearningRate.check(learningRate);
        if (epochs < 0) throw new IllegalArgumentException("epochs must be 0 or more, got " + epochs);
    }

    /** The data's own preset with the seeds' 2-2-1 sigmoid network. */
    public static TrainingSetup forData(Dataset data) { return forData(data, Architecture.SEEDS); }

    /** The data's own preset (batching, start, rate, epochs) with the given network shape. */
    public static TrainingSetup forData(Dataset data, Architecture architecture) {
        Preset p = data.preset();
        return new TrainingSetup(data, architecture, p.init(), p.seed(), p.batching(), GradientDescent.INSTANCE, p.learningRate(),
                p.epochs());
    }

    /** The samples trained on: all of them, or those the split does not hold out (a new set each call). */
    public Dataset trainingData() { return split.isNone() ? data : data.part(split.testMask(data.size()), false); }

    /** The held-out test samples (an empty set without a split; a new set each call). */
    public Dataset testData() { return data.part(split.testMask(data.size()), true); }

    /**
     * The factor of each sample's squared error in a full-batch update over {@code n} training samples: 0.5, the
     * sum of (y - ypred)² / 2 as seed 000's numpy code adds the whole batch (its data and the seeds'), or 1/n, the
     * mean, for own and generated data (a sum grows with the data and diverges on large sets).
     */
    public double fullBatchScale(int n) { return data.preset().sumsFullBatch() ? 0.5 : 1.0 / n; }

    /** The network's layout: the data's inputs, the hidden layers, one output. */
    public Layout layout() { return architecture.layout(data.inputCount()); }

    /** A fresh network drawn from {@link #init()} with {@link #seed()}: the same setup, the same weights. */
    public Network newNetwork() {
        Network net = architecture.newNetwork(data.inputCount());
        net.initialize(init, new SplittableRandom(seed));
        return net;
    }

    /** A trainer on a fresh network ({@link #newNetwork()}). */
    public Trainer newTrainer() { return new Trainer(newNetwork(), this); }

    /** A trainer that trains {@code start} (not copied) with these settings, e.g. a loaded session's network. */
    public Trainer newTrainer(Network start) { return new Trainer(start, this); }

    public TrainingSetup withData(Dataset d) { return new TrainingSetup(d, architecture, init, seed, batching, update, learningRate, epochs, split, regularization, loss); }
    public TrainingSetup withArchitecture(Architecture a) { return new TrainingSetup(data, a, init, seed, batching, update, learningRate, epochs, split, regularization, loss); }
    public TrainingSetup withInit(Initializer i) { return new TrainingSetup(data, architecture, i, seed, batching, update, learningRate, epochs, split, regularization, loss); }
    public TrainingSetup withSeed(long s) { return new TrainingSetup(data, architecture, init, s, batching, update, learningRate, epochs, split, regularization, loss); }
    public TrainingSetup withBatching(Batching b) { return new TrainingSetup(data, architecture, init, seed, b, update, learningRate, epochs, split, regularization, loss); }
    public TrainingSetup withUpdate(UpdateRule u) { return new TrainingSetup(data, architecture, init, seed, batching, u, learningRate, epochs, split, regularization, loss); }
    public TrainingSetup withLearningRate(double r) { return new TrainingSetup(data, architecture, init, seed, batching, update, r, epochs, split, regularization, loss); }
    public TrainingSetup withEpochs(long n) { return new TrainingSetup(data, architecture, init, seed, batching, update, learningRate, n, split, regularization, loss); }

    public TrainingSetup withSplit(Split sp) { return new TrainingSetup(data, architecture, init, seed, batching, update, learningRate, epochs, sp, regularization, loss); }

    public TrainingSetup withRegularization(Regularization r) {
        return new TrainingSetup(data, architecture, init, seed, batching, update, learningRate, epochs, split, r, loss);
    }

    public TrainingSetup withLoss(LossFunction l) {
        return new TrainingSetup(data, architecture, init, seed, batching, update, learningRate, epochs, split, regularization, l);
    }

    /** Whether {@code other} differs from this one only in what a running trainer can take at once (rate, epochs). */
    public boolean sameNetworkAs(TrainingSetup other) {
        return data == other.data && architecture.equals(other.architecture) && init == other.init && seed == other.seed
                && batching.equals(other.batching) && update.equals(other.update) && split.equals(other.split) && loss == other.loss;
    }

    /** "2-2-1 sigmoid on gender: sgd, lr 0.1, 1000 epochs, normal init, seed 1" (and the rule when it is not plain GD). */
    public String describe() {
        String made = data.generated() == null ? "" : " (" + data.generated().describe().substring(data.name().length() + 2) + ")";
        String inputs = data.features() == null || data.features().equals(lab.backprop.data.Feature.PLAIN) ? ""
                : " with inputs " + String.join(", ", data.inputNames());
        String batch = batching.mode() != Batching.Mode.FULL_BATCH ? "" : data.preset().sumsFullBatch()
                ? " (summed gradient, as seed 000)" : " (mean gradient)";
        String standardized = data.isStandardized() ? ", inputs standardized" : "";
        return architecture.describe(data.inputCount()) + " on " + data.name() + made + inputs + standardized + ": "
                + batching.describe() + batch
                + (update.isPlainGradientDescent() ? "" : ", " + update.title())
                + ", lr " + Numbers.plain(learningRate) + ", " + epochs + " epochs, " + init + " init, seed " + seed
                + (split.isNone() ? "" : ", " + split.describe() + " (" + split.testCount(data.size()) + " of " + data.size() + " samples)")
                + (regularization.isNone() ? "" : ", regularization " + regularization.describe())
                + (loss == LossFunction.MSE ? "" : ", loss " + loss);
    }
}
