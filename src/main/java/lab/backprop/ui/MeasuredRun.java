package lab.backprop.ui;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.train.RunState;

/**
 * What {@link WindowOptions} ask of a running window: settings before the window is built, then after it is
 * shown the frame statistics ({@link FrameStats}, printed to stdout once a second), training at full speed,
 * and quitting after a time. Lines are plain text so that a script can read them.
 */
final class MeasuredRun {
    private final WindowOptions options;
    private final PrintStream out;
    private final FrameStats stats = new FrameStats();
    private LabViewModel vm;
    private long startNanos;
    private boolean exiting;
    // Where the FX thread's time goes, summed per second: animation timers (the view-model's snapshot copy and
    // every view redrawn by its listeners), then CSS + layout. Rendering runs on the renderer thread.
    private long pulseStart;
    private long preLayout;
    private long animationNanos;
    private long layoutNanos;
    private int phaseFrames;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long[] cpuIds = new long[3];
    private final long[] cpuBefore = new long[3];
    private long cpuWall;

    MeasuredRun(WindowOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Data set, network shape and full-speed training settings; call before the window is built from {@code vm}. */
    void configure(LabViewModel vm) {
        this.vm = vm;
        if (options.data() != null) {
            String problem = vm.loadDataset(options.data());
            if (problem != null) throw new IllegalArgumentException(options.data().name() + ": " + problem);
        }
        if (options.layers() >= 0 || options.hidden() > 0 || options.hiddenActivation() != null) {
            lab.backprop.model.Architecture a = vm.setup().architecture();
            int layers = options.layers() >= 0 ? options.layers() : a.hiddenLayers();
            int hidden = options.hidden() > 0 ? options.hidden() : Math.max(1, a.firstHiddenSize());
            lab.backprop.model.Activation f = options.hiddenActivation() != null ? options.hiddenActivation() : a.hidden();
            String problem = vm.editSetup(s -> s.withArchitecture(lab.backprop.model.Architecture.of(layers, hidden, f)));
            if (problem != null) throw new IllegalArgumentException(problem);
        }
        if (options.train()) {
            vm.epochsPerSecondProperty().set(options.speed());
            vm.editSetup(s -> s.withEpochs(options.epochs()));
        }
    }

    /** Starts what happens after {@code scene}'s stage is shown: start-up line, frame statistics, training, exit timer. */
    void shown(Scene scene) {
        if (options.stats()) {
            // The first pulse after show() lays out and hands the first frame of the window to the renderer.
            Runnable[] firstPulse = new Runnable[1];
            firstPulse[0] = () -> {
                scene.removePostLayoutPulseListener(firstPulse[0]);
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                out.println("startup: " + ms + " ms");
                out.println("pipeline: " + pipeline() + "; layout " + vm.layout() + ", data set " + vm.dataset().name()
                        + ", " + vm.setup().batching());
                out.println("heap at start: " + heapLine());
                if (options.train()) startTraining(); // after the start-up figures, so that they are the window's alone
            };
            scene.addPostLayoutPulseListener(firstPulse[0]);
            scene.addPreLayoutPulseListener(() -> preLayout = System.nanoTime());
            scene.addPostLayoutPulseListener(() -> {
                if (pulseStart == 0 || preLayout < pulseStart) return;
                animationNanos += preLayout - pulseStart;
                layoutNanos += System.nanoTime() - preLayout;
                phaseFrames++;
            });
        }
        startNanos = System.nanoTime();
        new AnimationTimer() {
            @Override public void handle(long now) { tick(this, now); }
        }.start();
        if (options.train() && !options.stats()) startTraining();
    }

    /** At the pace set in {@link #configure}; says when the run is over, and quits then if asked to. */
    private void startTraining() {
        long trainStart = System.nanoTime();
        vm.stateProperty().addListener((o, a, b) -> {
            if (a != RunState.RUNNING || b == RunState.RUNNING || exiting) return;
            out.println(String.format(Locale.ROOT, "trained: %d epochs in %.1f s (%s)",
                    vm.snapshot().epoch(), (System.nanoTime() - trainStart) / 1e9, b));
            if (options.exitWhenTrained()) exit();
        });
        vm.train();
    }

    /** Heap in use after a full collection, and what the histories hold. */
    private String heapLine() {
        // A System.gc() is skipped while the renderer holds the GC locker; the lowest of three is the figure.
        long used = Long.MAX_VALUE;
        java.lang.management.MemoryUsage heap = null;
        for (int i = 0; i < 3; i++) {
            System.gc();
            heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            used = Math.min(used, heap.getUsed());
        }
        return String.format(Locale.ROOT, "%.1f MiB used after GC (committed %.1f MiB), epoch %d, loss history %d buckets, parameter history %d records",
                used / 1048576.0, heap.getCommitted() / 1048576.0, vm.snapshot().epoch(),
                vm.lossHistory().size(), vm.parameterHistory().size());
    }

    private void exit() {
        if (exiting) return;
        exiting = true;
        if (options.stats()) {
            out.println(stats.summary() + String.format(Locale.ROOT, " | epoch %d", vm.snapshot().epoch()));
            out.println("heap at exit: " + heapLine());
        }
        out.flush();
        Platform.exit();
    }

    private void tick(AnimationTimer timer, long now) {
        if (exiting) return;
        pulseStart = now; // the pulse's own time stamp, taken before any animation timer ran
        if (options.stats() && stats.frame(now)) {
            out.println(stats.windowLine() + String.format(Locale.ROOT, " | epoch %d, %.0f steps/s | %s",
                    vm.snapshot().epoch(), vm.stepsPerSecondProperty().get(), threadLine(now)));
        }
        double limit = options.exitAfterSeconds();
        if (limit > 0 && now - startNanos >= limit * 1e9) {
            timer.stop();
            exit();
        }
    }

    /** Mean FX-thread phases per frame and CPU use of the FX, renderer and training threads since the last line. */
    private String threadLine(long now) {
        String phases = phaseFrames == 0 ? "" : String.format(Locale.ROOT, "fx per frame: timers %.1f ms, css+layout %.1f ms; ",
                animationNanos / 1e6 / phaseFrames, layoutNanos / 1e6 / phaseFrames);
        animationNanos = layoutNanos = 0;
        phaseFrames = 0;
        if (cpuIds[0] == 0) {
            cpuIds[0] = Thread.currentThread().getId();
            for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t == null) continue;
                if (t.getThreadName().startsWith("QuantumRenderer")) cpuIds[1] = t.getThreadId();
                if (t.getThreadName().equals("backprop-trainer")) cpuIds[2] = t.getThreadId();
            }
            for (int i = 0; i < 3; i++) cpuBefore[i] = cpuIds[i] == 0 ? -1 : threads.getThreadCpuTime(cpuIds[i]);
            cpuWall = now;
            return phases + "cpu: measuring";
        }
        StringBuilder b = new StringBuilder(phases).append("cpu");
        String[] names = { " fx ", " render ", " trainer " };
        for (int i = 0; i < 3; i++) {
            long t = cpuIds[i] == 0 ? -1 : threads.getThreadCpuTime(cpuIds[i]);
            if (t < 0 || cpuBefore[i] < 0) b.append(names[i]).append('?');
            else {
                b.append(names[i]).append(String.format(Locale.ROOT, "%.0f%%", (t - cpuBefore[i]) * 100.0 / (now - cpuWall)));
                // CPU per frame depends much less than fps on how much of the machine others leave us.
                if (i < 2) b.append(String.format(Locale.ROOT, " (%.1f ms/frame)", (t - cpuBefore[i]) / 1e6 / Math.max(1, stats.windowFrames())));
            }
            cpuBefore[i] = t;
        }
        cpuWall = now;
        return b.toString();
    }

    /** The Prism pipeline in use (e.g. "sw" or "es2"), for reading the figures. */
    private static String pipeline() {
        try {
            Object p = Class.forName("com.sun.prism.GraphicsPipeline").getMethod("getPipeline").invoke(null);
            return p == null ? "unknown" : p.getClass().getSimpleName();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "unknown";
        }
    }
}
