package lab.backprop.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import lab.backprop.train.LabController;
import lab.backprop.train.RunState;

/**
 * Edit-to-snapshot latency of the lab while it trains: the time from {@link LabController#setParameter} to the first
 * published snapshot that shows the new value (at full speed the network trains on at once, so: within 0.5 of it, an
 * edit of 5), at full speed and at 0.3 epochs per second (slow motion, 3.3 s between epochs). Edits come at random moments; the median, 90th percentile and maximum are printed.
 * <pre>./mvnw -q -Pbench test-compile -Dbench.main=lab.backprop.bench.EditLatencyProbe -Djmh.args="40"</pre>
 * Argument: edits per pace (default 40).
 */
public final class EditLatencyProbe {
    public static void main(String[] args) throws Exception {
        int edits = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        System.out.printf(Locale.ROOT, "java %s, load average %.2f%n", System.getProperty("java.version"),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (double pace : new double[] { 0, 0.3 }) probe(pace, edits);
    }

    private static void probe(double epochsPerSecond, int edits) throws InterruptedException {
        try (LabController lab = new LabController(LabController.defaultSetup())) {
            lab.changeSetup(lab.setup().withEpochs(Long.MAX_VALUE / 2));
            lab.setEpochsPerSecond(epochsPerSecond);
            lab.train();
            SplittableRandom rng = new SplittableRandom(7);
            double[] ms = new double[edits];
            for (int i = 0; i < edits; i++) {
                Thread.sleep(20 + rng.nextInt(80)); // a random moment of the epoch (or of the pause between two)
                double value = lab.latest().weight(0) + (i % 2 == 0 ? 5 : -5);
                long t0 = System.nanoTime();
                lab.setParameter(0, value);
                long end = t0 + TimeUnit.SECONDS.toNanos(10);
                while (Math.abs(lab.latest().weight(0) - value) > 0.5) {
                    if (System.nanoTime() > end) throw new IllegalStateException("edit " + i + " not shown after 10 s");
                    Thread.onSpinWait();
                }
                ms[i] = (System.nanoTime() - t0) / 1e6;
                if (lab.state() != RunState.RUNNING) throw new IllegalStateException("training stopped: " + lab.alert());
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "%-22s %d edits: median %.2f ms, p90 %.2f ms, max %.2f ms%n",
                    epochsPerSecond == 0 ? "full speed" : epochsPerSecond + " epochs/s", edits, ms[edits / 2], ms[edits * 9 / 10],
                    ms[edits - 1]);
            lab.pause();
            lab.awaitQueued(10, TimeUnit.SECONDS);
        }
    }
}
