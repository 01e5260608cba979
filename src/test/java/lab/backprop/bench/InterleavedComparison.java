package lab.backprop.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Network;
import lab.backprop.train.DivergenceException;
import lab.backprop.train.Setups;
import lab.backprop.data.Batching;
import lab.backprop.train.Trainer;

/**
 * Engine against the hand-written loops in short alternating rounds within one JVM, so that a busy machine
 * (other builds on the same two cores) slows both sides of each comparison alike: the ratio of each round
 * pair is taken, and the median over many rounds is reported. Complements the JMH scores, whose absolute
 * numbers swing with the machine's load. Rounds are timed in this thread's CPU time, so time spent
 * descheduled does not count.
 *
 * <p>The engine runs two ways: {@link Trainer#runEpochs} of {@code CHUNK} epochs (the loss measured once per chunk,
 * as the CLI's train does; also 10 epochs, as train with its default --log-every 10), to compare with the bare
 * hand-written loop; and {@link Trainer#runEpoch()} (the loss after
 * every epoch, as the window does), to compare with the hand-written loop that also measures the loss.
 *
 * <pre>./mvnw -q -Pbench test-compile -Dbench.main=lab.backprop.bench.InterleavedComparison -Djmh.args="2 8"</pre>
 * Arguments: hidden sizes (default 2 8).
 */
public final class InterleavedComparison {
    private static final int SAMPLES = 4;
    private static final double LR = 0.1;
    private static final int EPOCHS_PER_ROUND = 20_000;
    private static final int ROUNDS = 40;
    /** Epochs per {@link Trainer#runEpochs} call: the loss is measured once per chunk. */
    private static final int CHUNK = TrainingBenchmark.CHUNK;
    // CPU time of this thread, not wall time: time spent descheduled while others build does not count.
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private interface Variant { double epochs(int n) throws DivergenceException; }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] { 2, 8 } : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf(Locale.ROOT, "java %s, %d cores, load average %.2f%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int hidden : sizes) compare(hidden);
    }

    private static Network fresh(int hidden) {
        return Setups.twoHOne(hidden, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1);
    }

    private static void compare(int hidden) throws Exception {
        Dataset data = BuiltinDatasets.gender();
        double[][] x = data.inputs();
        double[] y = data.labels();
        Map<String, Variant> v = new LinkedHashMap<>();
        Trainer chunked = Setups.trainer(fresh(hidden), data, Batching.Mode.PER_SAMPLE, LR, 1, 1);
        v.put("engine SGD, runEpochs(" + CHUNK + ")", chunked(chunked, CHUNK));
        Trainer engine = Setups.trainer(fresh(hidden), data, Batching.Mode.PER_SAMPLE, LR, 1, 1);
        v.put("engine SGD, runEpoch() (loss each)", n -> { double s = 0; for (int i = 0; i < n; i++) s += engine.runEpoch(); return s; });
        Trainer tens = Setups.trainer(fresh(hidden), data, Batching.Mode.PER_SAMPLE, LR, 1, 1);
        v.put("engine SGD, runEpochs(10)", chunked(tens, 10));
        HandWrittenTwoHOne arrays = new HandWrittenTwoHOne(fresh(hidden), x, y);
        v.put("hand-written arrays SGD", n -> { for (int i = 0; i < n; i++) arrays.sgdEpoch(LR); return arrays.outputBias(); });
        HandWrittenTwoHOne arraysL = new HandWrittenTwoHOne(fresh(hidden), x, y);
        v.put("hand-written arrays SGD + loss", n -> { double s = 0; for (int i = 0; i < n; i++) { arraysL.sgdEpoch(LR); s += arraysL.loss(); } return s; });
        if (hidden == 2) {
            HandWritten221 scalar = new HandWritten221(fresh(2), x, y);
            v.put("hand-written scalars SGD", n -> { for (int i = 0; i < n; i++) scalar.sgdEpoch(LR); return scalar.outputBias(); });
            HandWritten221 scalarL = new HandWritten221(fresh(2), x, y);
            v.put("hand-written scalars SGD + loss", n -> { double s = 0; for (int i = 0; i < n; i++) { scalarL.sgdEpoch(LR); s += scalarL.loss(); } return s; });
        }
        run("per-sample SGD", hidden, v);

        Map<String, Variant> b = new LinkedHashMap<>();
        Trainer batchChunked = Setups.trainer(fresh(hidden), data, Batching.Mode.FULL_BATCH, LR, 1, 1);
        b.put("engine batch, runEpochs(" + CHUNK + ")", chunked(batchChunked, CHUNK));
        Trainer batch = Setups.trainer(fresh(hidden), data, Batching.Mode.FULL_BATCH, LR, 1, 1);
        b.put("engine batch, runEpoch() (loss each)", n -> { double s = 0; for (int i = 0; i < n; i++) s += batch.runEpoch(); return s; });
        Trainer batchTens = Setups.trainer(fresh(hidden), data, Batching.Mode.FULL_BATCH, LR, 1, 1);
        b.put("engine batch, runEpochs(10)", chunked(batchTens, 10));
        HandWrittenTwoHOne arraysB = new HandWrittenTwoHOne(fresh(hidden), x, y);
        b.put("hand-written arrays batch", n -> { for (int i = 0; i < n; i++) arraysB.batchEpoch(LR); return arraysB.outputBias(); });
        HandWrittenTwoHOne arraysBL = new HandWrittenTwoHOne(fresh(hidden), x, y);
        b.put("hand-written arrays batch + loss", n -> { double s = 0; for (int i = 0; i < n; i++) { arraysBL.batchEpoch(LR); s += arraysBL.loss(); } return s; });
        run("full-batch", hidden, b);
    }

    private static Variant chunked(Trainer t, int chunk) {
        return n -> { double s = 0; for (int i = 0; i < n; i += chunk) s += t.runEpochs(chunk); return s; };
    }

    /**
     * Times the variants in rotating order. The first two are the engine (runEpochs, runEpoch); each row gives the
     * engine's speed as a share of that row's, as the median of the per-round ratios.
     */
    private static void run(String what, int hidden, Map<String, Variant> v) throws Exception {
        boolean perSample = what.startsWith("per-sample");
        int stepsPerEpoch = perSample ? SAMPLES : 1;
        List<String> names = new ArrayList<>(v.keySet());
        double sink = 0;
        for (int w = 0; w < 10; w++) for (String name : names) sink += v.get(name).epochs(EPOCHS_PER_ROUND); // warm-up
        double[][] nsPerStep = new double[names.size()][ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            for (int k = 0; k < names.size(); k++) {
                int idx = (k + r) % names.size(); // rotate the order so no variant always runs first
                long t0 = CPU.getCurrentThreadCpuTime();
                sink += v.get(names.get(idx)).epochs(EPOCHS_PER_ROUND);
                nsPerStep[idx][r] = (CPU.getCurrentThreadCpuTime() - t0) / (double) (EPOCHS_PER_ROUND * stepsPerEpoch);
            }
        }
        System.out.printf(Locale.ROOT, "%n2-%d-1 %s on gender, %d rounds of %d epochs (sink %.1f)%n", hidden, what, ROUNDS, EPOCHS_PER_ROUND, sink % 10);
        System.out.printf(Locale.ROOT, "%-38s %12s %14s %16s %16s%n", "variant", "CPU ns/step", "steps/CPU-s",
                "runEpochs/this", "runEpoch/this");
        for (int k = 0; k < names.size(); k++) {
            double ns = median(nsPerStep[k]);
            System.out.printf(Locale.ROOT, "%-38s %12.1f %,14.0f %15.0f%% %15.0f%%%n", names.get(k), ns, 1e9 / ns,
                    100 * medianRatio(nsPerStep[k], nsPerStep[0]), 100 * medianRatio(nsPerStep[k], nsPerStep[1]));
        }
    }

    /** Median over rounds of engine speed / variant speed. */
    private static double medianRatio(double[] variantNs, double[] engineNs) {
        double[] ratio = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) ratio[r] = variantNs[r] / engineNs[r];
        return median(ratio);
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
