package lab.backprop.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import lab.backprop.train.DivergenceException;
import lab.backprop.train.Trainer;
import lab.backprop.train.TrainingSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * bench: a quick figure without JMH. Trains for a warm-up, then times a few rounds of epochs
 * and prints the median parameter updates ("steps") per second; for SGD one step is one sample.
 * The JMH benchmarks (README, performance) are the careful measurement.
 */
@Command(name = "bench",
        description = "Print training steps per second (per-sample SGD on the 2-2-1 gender network by default):"
                + " warm-up, then timed rounds, median.")
final class BenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin TrainingOptions options;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "2", description = "Warm-up time (default: ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "5", description = "Timed rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--round", paramLabel = "SECONDS", defaultValue = "1", description = "Length of one round (default: ${DEFAULT-VALUE}).")
    double roundSeconds;

    @Option(names = "--csv", paramLabel = "FILE.csv", description = "Time reading this CSV file instead of training: rows per second"
            + " (thread CPU time, median of the rounds after one warm-up read), heap per row kept after the read (after GC) and"
            + " the peak heap while reading.")
    java.nio.file.Path csv;

    @Override public Integer call() {
        if (!(warmupSeconds >= 0) || warmupSeconds > 600) throw options.bad("--warmup must be between 0 and 600 seconds");
        if (rounds < 1 || rounds > 1000) throw options.bad("--rounds must be between 1 and 1000, got " + rounds);
        if (!(roundSeconds > 0) || roundSeconds > 600) throw options.bad("--round must be between 0 and 600 seconds");
        if (csv != null) return benchCsv(spec.commandLine().getOut());
        TrainingSetup setup = options.setup();
        PrintWriter out = spec.commandLine().getOut();
        Trainer trainer = setup.newTrainer();
        out.println("Benchmark " + setup.describe().replaceAll(", \\d+ epochs", ""));
        double[] rates = new double[rounds];
        long allocated;
        try {
            timeRound(trainer, warmupSeconds);
            long before = allocatedBytes();
            for (int r = 0; r < rounds; r++) {
                rates[r] = timeRound(trainer, roundSeconds);
            }
            allocated = allocatedBytes() - before;
        } catch (DivergenceException e) {
            spec.commandLine().getErr().println("Error: " + e.getMessage());
            return BackpropCli.EXIT_FAILED;
        }
        // Printed after timing so that formatting does not count as allocation of the training loop.
        for (int r = 0; r < rounds; r++) out.printf(Locale.ROOT, "round %d: %,.0f steps/s%n", r + 1, rates[r]);
        Arrays.sort(rates);
        double median = rounds % 2 == 1 ? rates[rounds / 2] : (rates[rounds / 2 - 1] + rates[rounds / 2]) / 2;
        out.printf(Locale.ROOT, "median: %,.0f steps/s (%s, %d samples per epoch)%n", median, setup.batching().mode(), trainer.sampleCount());
        if (allocated >= 0) out.printf(Locale.ROOT, "allocated while timed: %,d bytes%n", allocated);
        return 0;
    }

    /** Reads {@link #csv} once to warm up, then {@link #rounds} times; prints rows/s, kept bytes per row and the peak heap. */
    private int benchCsv(PrintWriter out) {
        lab.backprop.data.CsvDatasetReader reader = new lab.backprop.data.CsvDatasetReader();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try {
            lab.backprop.data.Dataset d = reader.read(csv);
            int rows = d.size();
            d = null;
            double[] cpu = new double[rounds];
            long kept = Long.MAX_VALUE, peak = 0;
            for (int r = 0; r < rounds; r++) {
                long before = HeapMeter.usedBytesAfterGc();
                resetPeaks();
                long t0 = threads.getCurrentThreadCpuTime();
                d = reader.read(csv);
                cpu[r] = (threads.getCurrentThreadCpuTime() - t0) / 1e9;
                peak = Math.max(peak, peakHeap() - before);
                kept = Math.min(kept, HeapMeter.usedBytesAfterGc() - before);
                if (d.size() != rows) throw new IllegalStateException("read " + d.size() + " rows, then " + rows);
                d = null;
            }
            Arrays.sort(cpu);
            double median = cpu[rounds / 2];
            out.printf(Locale.ROOT, "read %s: %,d rows in %.3f s of CPU (median of %d): %,.0f rows/s%n", csv.getFileName(), rows, median,
                    rounds, rows / median);
            out.printf(Locale.ROOT, "heap kept per row: %.1f bytes (%.1f beyond the row's two doubles); peak while reading: %.1f MiB"
                    + " (%.1f bytes per row)%n", kept / (double) rows, kept / (double) rows - 16, peak / 1048576.0, peak / (double) rows);
            return 0;
        } catch (lab.backprop.data.DataFormatException e) {
            throw options.bad(e.getMessage());
        }
    }

    private static void resetPeaks() {
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) pool.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peaks since {@link #resetPeaks} (an upper bound of the heap's own peak). */
    private static long peakHeap() {
        long sum = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }

    /** Runs epochs for about {@code seconds}; returns steps per second. */
    private static double timeRound(Trainer trainer, double seconds) throws DivergenceException {
        long budget = (long) (seconds * 1e9);
        long steps0 = trainer.steps();
        long start = System.nanoTime(), now;
        do {
            for (int i = 0; i < 256; i++) trainer.runEpoch();
            now = System.nanoTime();
        } while (now - start < budget);
        return (trainer.steps() - steps0) / ((now - start) / 1e9);
    }

    /** Bytes this thread has allocated so far, or -1 where the JVM cannot tell. */
    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported()) {
            return t.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }
}
