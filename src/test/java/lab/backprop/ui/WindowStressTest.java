package lab.backprop.ui;

import static lab.backprop.ui.FxTestSupport.fx;
import static lab.backprop.ui.FxTestSupport.fxRun;
import static lab.backprop.ui.FxTestSupport.sleep;
import static lab.backprop.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;

import javafx.stage.Stage;
import lab.backprop.train.RunState;
import lab.backprop.data.Dataset;
import lab.backprop.model.Loss;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.support.ErrorReporting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window under a restless hand: while training runs, the learning-rate and bias sliders are dragged and weights
 * are typed thousands of times. Nothing may reach the uncaught-exception handler, and every snapshot the window shows
 * must be whole: its loss is the MSE of its own weights.
 */
@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class WindowStressTest {
    private static final int MOVES = 2400;
    private static final int BATCH = 40;
    private LabViewModel vm;
    private MainWindow window;
    private ErrorReporting.Installation errors;
    private final ConcurrentLinkedQueue<Throwable> reported = new ConcurrentLinkedQueue<>();

    @Start void start(Stage stage) throws IOException {
        errors = ErrorReporting.install(Files.createTempDirectory("backprop-stress-log"), r -> reported.add(r.error()));
        vm = new LabViewModel();
        window = new MainWindow(vm);
        window.setErrorDialogs(false);
        BackpropLabApp.show(stage, window);
    }

    @AfterEach void stop() {
        fxRun(() -> vm.dispose());
        errors.close();
    }

    @Test void slidersAndEditsWhileTrainingNeverCrashOrTearASnapshot() {
        List<Snapshot> seen = new ArrayList<>();
        List<String> torn = new ArrayList<>();
        fxRun(() -> {
            vm.snapshotProperty().addListener((o, a, s) -> {
                seen.add(s);
                double mse = mse(s, vm.dataset());
                if (!(Math.abs(mse - s.loss()) <= 1e-12)) torn.add("epoch " + s.epoch() + ": loss " + s.loss() + ", MSE " + mse);
            });
            vm.epochsPerSecondProperty().set(0);
            vm.editSetup(s -> s.withEpochs(100_000_000));
            vm.train();
        });
        Snapshot start = fx(() -> vm.snapshot());
        SplittableRandom rng = new SplittableRandom(5);
        int params = fx(() -> vm.layout().parameterCount());
        int rateMoves = 0, biasMoves = 0, edits = 0, restarts = 0;
        for (int done = 0; done < MOVES; done += BATCH) {
            long[] seeds = { rng.nextLong() };
            boolean blowUp = done % (8 * BATCH) == 7 * BATCH;
            int[] counts = fx(() -> {
                SplittableRandom r = new SplittableRandom(seeds[0]);
                int[] c = new int[4];
                if (vm.state() != RunState.RUNNING) { // a rate near 10 may blow up: train on, as a user would
                    vm.train();
                    c[3]++;
                }
                for (int i = 0; i < BATCH; i++) {
                    window.controls().rate.setValue(r.nextDouble(-3, 1)); // 0.001 .. 10 on the log slider
                    c[0]++;
                    window.sigmoid().biasSlider().setValue(r.nextDouble(-5, 5));
                    c[1]++;
                    String text = String.format(Locale.ROOT, "%.4f", r.nextDouble(-4, 4));
                    String problem = vm.editParameter(r.nextInt(params), text);
                    if (problem != null) throw new AssertionError(problem);
                    c[2]++;
                }
                if (blowUp) { // now and then a rate of 1000 typed into the field: training stops and rolls back
                    // From random edits the sigmoids may already be saturated, where even 1000 moves nothing;
                    // put the starting weights back first, from which a rate of 1000 always overshoots.
                    for (int p = 0; p < params; p++) {
                        double v = p < start.weightCount() ? start.weight(p) : start.bias(p - start.weightCount());
                        vm.setParameter(p, v);
                    }
                    window.controls().rateField.setText("1000");
                    window.controls().rateField.getOnAction().handle(new javafx.event.ActionEvent());
                }
                return c;
            });
            if (blowUp) {
                // Give the trainer time to run an epoch at that rate before the next strokes move the slider
                // again; on a busy machine 17 ms (or, seen in CI, 2 s) may pass without the training thread being scheduled.
                waitUntilQuietly(() -> vm.state() != RunState.RUNNING, 10_000);
            }
            rateMoves += counts[0];
            biasMoves += counts[1];
            edits += counts[2];
            restarts += counts[3];
            sleep(17); // about a frame: the trainer runs epochs and the window shows one between strokes
        }
        fxRun(vm::pause);
        waitUntil("paused", 10, () -> vm.state() != RunState.RUNNING);
        sleep(50);
        List<Throwable> errorsSeen = List.copyOf(reported);
        assertEquals(List.of(), errorsSeen, "uncaught exceptions");
        int shown = fx(seen::size);
        List<String> tornSeen = fx(() -> List.copyOf(torn));
        assertEquals(List.of(), tornSeen);
        long epoch = fx(() -> vm.snapshot().epoch());
        assertTrue(shown > 20, "snapshots shown: " + shown);
        assertTrue(epoch > 100, "epochs trained: " + epoch);
        assertTrue(rateMoves >= 2000 && biasMoves >= 2000 && edits >= 2000);
        assertTrue(restarts > 0, "a rate of 1000 stopped training at least once");
        System.out.println("window stress: " + rateMoves + " rate moves, " + biasMoves + " bias moves, " + edits + " edits, "
                + epoch + " epochs, " + shown + " snapshots checked, " + restarts + " restarts after a blow-up");
    }

    /** Waits up to {@code ms} for the condition (checked on the FX thread); returns quietly either way. */
    private static void waitUntilQuietly(java.util.function.BooleanSupplier condition, long ms) {
        long end = System.nanoTime() + ms * 1_000_000L;
        while (System.nanoTime() < end && !fx(condition::getAsBoolean)) sleep(5);
    }

    private static double mse(Snapshot s, Dataset data) {
        Network n = s.toNetwork();
        double[][] x = data.inputs();
        double[] y = data.labels(), yhat = new double[y.length];
        for (int i = 0; i < x.length; i++) yhat[i] = n.predict(x[i])[0];
        return Loss.mse(y, yhat);
    }
}
