package lab.backprop.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;

/**
 * N random starts of one set-up (by default seed 000's XOR: 2-2-1 sigmoid, uniform [0,1) weights,
 * full batch, learning rate 1, 5000 epochs) and how many of them get stuck: a run is stuck when, after
 * training, some sample is on the wrong side of 0.5, or its loss is above {@link Settings#stuckLoss()},
 * or it diverged. Seed s of a sweep is exactly {@link #runOne} with seed s.
 */
public final class SeedSweep {
    /** One set-up. */
    public record Settings(Layout layout, Activation hidden, Initializer init, Optimizer optimizer,
                           double learningRate, long epochs, double stuckLoss) {
        public Settings {
            Objects.requireNonNull(layout);
            Objects.requireNonNull(hidden);
            Objects.requireNonNull(init);
            Objects.requireNonNull(optimizer);
            LearningRate.check(learningRate);
            if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
            if (!(stuckLoss > 0)) throw new IllegalArgumentException("the stuck-loss threshold must be positive, got " + stuckLoss);
        }

        /** Seed 000: 2-2-1 sigmoid, np.random.rand() init, full batch at rate 1, 5000 epochs; stuck above MSE 0.1. */
        public static Settings seed000() {
            return new Settings(new Layout(2, 2, 1), Activation.SIGMOID, Initializer.UNIFORM_0_1, Optimizer.BATCH, 1.0, 5000, 0.1);
        }

        public Settings withEpochs(long n) { return new Settings(layout, hidden, init, optimizer, learningRate, n, stuckLoss); }
    }

    /** One start: its seed, final MSE, outputs per sample, and whether it got stuck (and why). */
    public record Run(long seed, double finalLoss, double[] outputs, boolean stuck, String reason) { }

    /** A sweep's runs in seed order; {@code complete} is false when it was cancelled part way. */
    public record Result(List<Run> runs, int requested, boolean complete) {
        public int size() { return runs.size(); }
        public int stuckCount() { return (int) runs.stream().filter(Run::stuck).count(); }
        public double[] finalLosses() { return runs.stream().mapToDouble(Run::finalLoss).toArray(); }
    }

    /** Called after each run with how many are done of how many. */
    @FunctionalInterface
    public interface Progress { void update(int done, int total); }

    private final Dataset data;
    private final Settings settings;

    public SeedSweep(Dataset data, Settings settings) {
        if (data.isEmpty()) throw new IllegalArgumentException("the data set '" + data.name() + "' has no samples");
        this.data = data;
        this.settings = Objects.requireNonNull(settings);
    }

    /** Seed 000's XOR sweep. */
    public static SeedSweep xor() { return new SeedSweep(BuiltinDatasets.xor(), Settings.seed000()); }

    public Dataset dataset() { return data; }
    public Settings settings() { return settings; }

    /** Seeds {@code firstSeed .. firstSeed + n - 1}, one after another, until done or cancelled. */
    public Result run(long firstSeed, int n, BooleanSupplier cancelled, Progress progress) {
        if (n < 1) throw new IllegalArgumentException("the number of starts must be at least 1, got " + n);
        List<Run> runs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (cancelled != null && cancelled.getAsBoolean()) return new Result(List.copyOf(runs), n, false);
            Run r = runOne(data, settings, firstSeed + i, cancelled);
            if (r == null) return new Result(List.copyOf(runs), n, false);
            runs.add(r);
            if (progress != null) progress.update(i + 1, n);
        }
        return new Result(List.copyOf(runs), n, true);
    }

    /** One start from {@code seed}. */
    public static Run runOne(Dataset data, Settings s, long seed) {
        return runOne(data, s, seed, null);
    }

    /** Returns null if cancelled part way. */
    private static Run runOne(Dataset data, Settings s, long seed, BooleanSupplier cancelled) {
        Network net = NetworkFactory.create(s.layout(), s.hidden(), Activation.SIGMOID, s.init(), seed);
        Trainer t = new Trainer(net, data, s.optimizer(), s.learningRate(), data.size(), seed);
        String diverged = null;
        try {
            for (long e = 0; e < s.epochs(); e++) {
                if ((e & 1023) == 0 && cancelled != null && cancelled.getAsBoolean()) return null;
                t.runEpoch();
            }
        } catch (DivergenceException ex) {
            diverged = ex.getMessage();
        }
        double[][] x = data.inputs();
        double[] y = data.labels();
        double[] out = new double[x.length];
        int wrong = 0;
        for (int i = 0; i < x.length; i++) {
            out[i] = net.predict(x[i])[0];
            if ((out[i] >= 0.5) != (y[i] >= 0.5)) wrong++;
        }
        double loss = t.loss();
        String reason = diverged != null ? "diverged"
                : wrong > 0 ? wrong + " of " + x.length + " samples on the wrong side of 0.5"
                : loss > s.stuckLoss() ? "loss " + loss + " above " + s.stuckLoss()
                : null;
        return new Run(seed, loss, out, reason != null, reason);
    }
}
