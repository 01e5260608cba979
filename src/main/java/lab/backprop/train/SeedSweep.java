package lab.backprop.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.model.Architecture;
import lab.backprop.model.Network;

/**
 * N random starts of one {@link TrainingSetup} (by default seed 000's XOR: 2-2-1 sigmoid, uniform [0,1) weights,
 * full batch, learning rate 1, 5000 epochs) and how many of them get stuck: a run is stuck when, after training, some
 * sample is on the wrong side of 0.5, or its loss is above the stuck-loss threshold, or it diverged. Seed s of a sweep
 * is exactly {@link #runOne} of the setup with seed s.
 */
public final class SeedSweep {
    /** Above this MSE a finished run counts as stuck (seed 000's stuck XOR runs sit at 0.125 or more). */
    public static final double STUCK_LOSS = 0.1;

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

    private final TrainingSetup setup;
    private final double stuckLoss;

    /** Every start trains {@code setup} with its own seed; stuck above {@code stuckLoss}. */
    public SeedSweep(TrainingSetup setup, double stuckLoss) {
        this.setup = Objects.requireNonNull(setup);
        if (setup.epochs() < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + setup.epochs());
        if (!(stuckLoss > 0)) throw new IllegalArgumentException("the stuck-loss threshold must be positive, got " + stuckLoss);
        this.stuckLoss = stuckLoss;
    }

    /** Seed 000's XOR sweep: 2-2-1 sigmoid, np.random.rand() init, full batch at rate 1, 5000 epochs; stuck above MSE 0.1. */
    public static SeedSweep xor() { return new SeedSweep(seed000(), STUCK_LOSS); }

    /** Seed 000's set-up: XOR with its preset on the seeds' 2-2-1 sigmoid network. */
    public static TrainingSetup seed000() { return TrainingSetup.forData(BuiltinDatasets.xor(), Architecture.SEEDS); }

    public Dataset dataset() { return setup.data(); }
    public TrainingSetup setup() { return setup; }
    public double stuckLoss() { return stuckLoss; }

    /** The same sweep with another update rule (gradient descent against Adam: which gets stuck less often?). */
    public SeedSweep withUpdate(UpdateRule rule) { return new SeedSweep(setup.withUpdate(rule), stuckLoss); }

    /**
     * The same sweep minimising another loss. A start is stuck when a sample is on the wrong side of 0.5 or its MSE
     * is above the threshold, whichever loss it was trained on.
     */
    public SeedSweep withLoss(lab.backprop.model.LossFunction loss) { return new SeedSweep(setup.withLoss(loss), stuckLoss); }

    /**
     * Seeds {@code firstSeed .. firstSeed + n - 1} until done or cancelled, side by side on every core (this thread and
     * one helper per further core, each taking every k-th seed); each run is its seed's own, so the result is the same
     * on any number of cores. A cancelled sweep keeps the runs of the seeds before the first one not done.
     */
    public Result run(long firstSeed, int n, BooleanSupplier cancelled, Progress progress) {
        if (n < 1) throw new IllegalArgumentException("the number of starts must be at least 1, got " + n);
        Run[] out = new Run[n];
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        int workers = Math.max(1, Math.min(n, Runtime.getRuntime().availableProcessors()));
        List<Thread> helpers = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failed = new java.util.concurrent.atomic.AtomicReference<>();
        for (int k = 1; k < workers; k++) {
            int first = k;
            Thread t = new Thread(() -> {
                try {
                    work(first, workers, firstSeed, n, out, done, stop, cancelled, progress);
                } catch (RuntimeException e) {
                    failed.compareAndSet(null, e);
                    stop.set(true);
                }
            }, "seed-sweep-" + k);
            t.setDaemon(true);
            helpers.add(t);
            t.start();
        }
        work(0, workers, firstSeed, n, out, done, stop, cancelled, progress);
        for (Thread t : helpers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                stop.set(true);
                Thread.currentThread().interrupt();
            }
        }
        if (failed.get() != null) throw failed.get();
        List<Run> runs = new ArrayList<>(n);
        for (Run r : out) {
            if (r == null) break; // cancelled: the seeds in order up to the first not done
            runs.add(r);
        }
        return new Result(List.copyOf(runs), n, runs.size() == n);
    }

    private void work(int first, int step, long firstSeed, int n, Run[] out, java.util.concurrent.atomic.AtomicInteger done,
                      java.util.concurrent.atomic.AtomicBoolean stop, BooleanSupplier cancelled, Progress progress) {
        for (int i = first; i < n; i += step) {
            if (stop.get() || cancelled != null && cancelled.getAsBoolean()) { stop.set(true); return; }
            Run r = runOne(setup.withSeed(firstSeed + i), stuckLoss, cancelled);
            if (r == null) { stop.set(true); return; }
            out[i] = r;
            int d = done.incrementAndGet();
            if (progress != null) {
                synchronized (progress) { progress.update(d, n); }
            }
        }
    }

    /** One start of {@code setup} (its seed draws the weights). */
    public static Run runOne(TrainingSetup setup, double stuckLoss) {
        return runOne(setup, stuckLoss, null);
    }

    /** Returns null if cancelled part way. */
    private static Run runOne(TrainingSetup s, double stuckLoss, BooleanSupplier cancelled) {
        Trainer t = s.newTrainer();
        Network net = t.network();
        Dataset data = s.data();
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
        if (s.loss() != lab.backprop.model.LossFunction.MSE) { // judged by its MSE, as every other start
            loss = 0;
            for (int i = 0; i < x.length; i++) loss += (y[i] - out[i]) * (y[i] - out[i]) / x.length;
        }
        String reason = diverged != null ? "diverged"
                : wrong > 0 ? wrong + " of " + x.length + " samples on the wrong side of 0.5"
                : loss > stuckLoss ? "loss " + loss + " above " + stuckLoss
                : null;
        return new Run(s.seed(), loss, out, reason != null, reason);
    }
}
