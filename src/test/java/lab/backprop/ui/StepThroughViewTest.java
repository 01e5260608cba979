package lab.backprop.ui;

import static lab.backprop.ui.FxTestSupport.fx;
import static lab.backprop.ui.FxTestSupport.fxRun;
import static lab.backprop.ui.FxTestSupport.settle;
import static lab.backprop.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lab.backprop.lesson.Lessons;
import lab.backprop.model.StepTrace;
import lab.backprop.ui.advanced.StepThroughView;

/** Issue 13: a full 2-2-1 SGD step on Alice from all weights 1, biases 0, computation by computation, on the graph. */
@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class StepThroughViewTest {
    private LabViewModel vm;
    private MainWindow window;

    @Start void start(Stage stage) {
        vm = new LabViewModel();
        window = new MainWindow(vm);
        BackpropLabApp.show(stage, window);
    }

    @AfterEach void stop() { fxRun(vm::dispose); }

    private String equation() { return fx(() -> window.view(StepThroughView.class).equationText()); }

    @Test void aliceStepByStepThenApplied(FxRobot robot) {
        fxRun(() -> { window.openLesson(Lessons.byNumber("001")); window.lesson().go(4); window.views().select("Step through"); });
        settle();
        StepThroughView view = fx(() -> window.view(StepThroughView.class));
        List<StepTrace.Computation> all = fx(() -> view.trace().steps());
        assertEquals(28, all.size());
        assertEquals("z_h1 = w1·x1 + w2·x2 + b1 = 1·-2 + 1·-1 + 0 = -3", equation());
        assertEquals(equation(), fx(() -> window.graph().traceCurrent()), "the graph highlights the same computation");
        robot.clickOn("#stepThroughNext");
        assertTrue(equation().startsWith("h1 = sigmoid(-3) = 0.0474259"), equation());
        fxRun(() -> view.requestFocus());
        robot.type(KeyCode.RIGHT, 4); // z_h2, h2, z_o1, o1
        assertTrue(equation().startsWith("o1 = sigmoid(0.0948517) = 0.523695"), equation());
        robot.type(KeyCode.RIGHT, 2); // the loss, then δ_o1
        assertTrue(equation().contains("-2(y - ypred) · f'(z) = -0.95261 · 0.249439 = -0.237618"), equation());
        robot.type(KeyCode.LEFT);
        assertTrue(equation().startsWith("L = (y - ypred)² = (1 - 0.523695)²"), equation());
        robot.type(KeyCode.END);
        assertTrue(equation().startsWith("b3 ← b3 - lr · dL/db3 = 0 - 0.1 · -0.237618 = 0.0237618"), equation());
        StepTrace.Computation w1 = all.stream().filter(c -> c.kind() == StepTrace.Kind.UPDATE && c.parameter() == 0).findFirst().orElseThrow();
        assertEquals("w1 ← w1 - lr · dL/dw1 = 1 - 0.1 · 0.0214695 = 0.997853", w1.equation());
        StepTrace.Computation dw1 = all.stream().filter(c -> c.kind() == StepTrace.Kind.GRADIENT && c.parameter() == 0).findFirst().orElseThrow();
        assertEquals(0.02146953526581111, dw1.value(), 1e-15);
        // the whole chain of a gradient: the detail view below the step-through, opened on that parameter and sample
        int dw1At = all.indexOf(dw1);
        fxRun(() -> view.go(dw1At));
        assertTrue(!fx(view::isChainShown));
        robot.clickOn("#stepThroughChain");
        settle();
        assertTrue(fx(view::isChainShown));
        assertEquals("Step through", fx(() -> window.views().selected()));
        assertEquals("w1", fx(() -> view.chainView().trace().parameterName()));
        assertEquals(dw1.value(), fx(() -> view.chainView().trace().gradient()), 1e-15);
        assertEquals(dw1At, fx(view::index), "the step-through stays where it was");
        fxRun(() -> view.requestFocus());
        robot.type(KeyCode.HOME);
        assertTrue(equation().startsWith("z_h1"));
        // autoplay moves on by itself
        robot.clickOn("#stepThroughPlay");
        waitUntil("played on", 5, () -> view.index() >= 3);
        robot.clickOn("#stepThroughPlay");
        // Space, with the view focused, plays it too (and does not train)
        fxRun(() -> view.requestFocus());
        robot.type(KeyCode.SPACE);
        assertTrue(fx(view::isPlaying));
        robot.type(KeyCode.SPACE);
        assertTrue(!fx(view::isPlaying));
        assertEquals(lab.backprop.train.RunState.IDLE, fx(vm::state));
        assertEquals(0, fx(() -> vm.snapshot().epoch()));
        // Apply trains exactly the traced update
        double[] expectedW = fx(() -> view.trace().after().weightsCopy()), expectedB = fx(() -> view.trace().after().biasesCopy());
        robot.clickOn("#stepThroughApply");
        waitUntil("the step trained", 5, () -> vm.snapshot().epoch() == 1);
        settle();
        assertArrayEquals(expectedW, fx(() -> vm.snapshot().weights()), 0.0);
        assertArrayEquals(expectedB, fx(() -> vm.snapshot().biases()), 0.0);
    }

    @Test void leavingAfterSteppingInAsksWhetherToApplyOrDiscard(FxRobot robot) {
        fxRun(() -> window.views().select("Step through"));
        settle();
        StepThroughView view = fx(() -> window.view(StepThroughView.class));
        double[] before = fx(() -> vm.snapshot().weights());
        // at the first computation nothing was stepped into: leaving asks nothing
        fxRun(() -> window.views().select("Sigmoid"));
        settle();
        assertTrue(robot.lookup("#leaveStepThroughDialog").tryQuery().isEmpty(), "no question before stepping in");
        // stepped in, then left: discard keeps the network as it was
        fxRun(() -> { window.views().select("Step through"); view.go(5); });
        fxRun(() -> window.views().select("Sigmoid"));
        settle();
        robot.clickOn("Discard it");
        settle();
        assertArrayEquals(before, fx(() -> vm.snapshot().weights()), 0.0);
        assertEquals(List.of(), fx(() -> vm.traceDoneProperty().get()), "the graph no longer shows the trace");
        // stepped in again, then left: apply trains exactly the traced update
        fxRun(() -> { window.views().select("Step through"); view.go(9); });
        double[] traced = fx(() -> view.trace().after().weightsCopy());
        fxRun(() -> window.views().select("Data"));
        settle();
        robot.clickOn("Apply the step");
        waitUntil("the traced step trained", 5, () -> vm.snapshot().weight(0) != before[0]);
        settle();
        assertArrayEquals(traced, fx(() -> vm.snapshot().weights()), 0.0);
        assertEquals(1, fx(() -> vm.controller().cursor()), "one SGD update: the trainer's next sample is the second");
        assertEquals("Data", fx(() -> window.views().selected()));
    }

    @Test void aMiniBatchIsTracedOnTheTrainersOwnNextBatchAndApplyTrainsIt(FxRobot robot) {
        fxRun(() -> {
            vm.editSetup(s -> s.withBatching(lab.backprop.data.Batching.miniBatch(3)).withSeed(5));
            window.views().select("Step through");
        });
        settle();
        StepThroughView view = fx(() -> window.view(StepThroughView.class));
        for (int update = 0; update < 4; update++) { // batches of 3 and 1, then a new epoch's shuffle
            waitUntil("traced", 5, view::tracesCurrentNetwork);
            int expectedSize = update % 2 == 0 ? 3 : 1;
            String note = fx(view::batchNoteText);
            assertTrue(note.contains("mean over the " + expectedSize + " samples the trainer takes next"), note);
            double[] expected = fx(() -> view.trace().after().weightsCopy());
            long steps = fx(vm.controller()::steps);
            robot.clickOn("#stepThroughApply");
            waitUntil("trained", 5, () -> vm.controller().steps() == steps + 1);
            settle();
            assertArrayEquals(expected, fx(() -> vm.snapshot().weights()), 0.0, "mini-batch update " + update);
        }
    }

    @Test void gradientsFlowBackwardAlongTheEdgesWhileTraining(FxRobot robot) {
        fxRun(() -> { vm.epochsPerSecondProperty().set(0.5); vm.showGradientsProperty().set(true); });
        assertTrue(fx(() -> window.graph().gradientFlow()).isEmpty(), "no flow before training");
        fxRun(vm::train);
        // each pulse as big as its edge's |dL/dw| against the largest (read with the gradients it was drawn from)
        waitUntil("pulses sized by the gradients", 10, () -> {
            java.util.Map<String, Double> flow = window.graph().gradientFlow();
            double[] g = vm.gradientsProperty().get();
            if (flow.isEmpty() || g == null) return false;
            lab.backprop.model.Layout l = vm.snapshot().layout();
            double max = 0;
            for (int w = 0; w < l.weightCount(); w++) max = Math.max(max, Math.abs(g[w]));
            for (int w = 0; w < l.weightCount(); w++) {
                double rel = Math.abs(g[w]) / max;
                Double r = flow.get(l.weightName(w));
                if (rel < 0.02 ? r != null : r == null || Math.abs(r - (1.5 + 4 * Math.sqrt(rel))) > 1e-9) return false;
            }
            return true;
        });
        fxRun(vm::pause);
        waitUntil("no pulses when paused", 5, () -> window.graph().gradientFlow().isEmpty());
        fxRun(() -> { vm.showGradientsProperty().set(false); vm.train(); });
        FxTestSupport.sleep(300);
        settle();
        assertTrue(fx(() -> window.graph().gradientFlow()).isEmpty(), "no pulses without the gradients shown");
        fxRun(vm::pause);
    }

    @Test void aDeadReluIsNamedWithWhyItsGradientsVanish(FxRobot robot) {
        fxRun(() -> {
            vm.editSetup(s -> s.withArchitecture(lab.backprop.model.Architecture.of(1, 2, lab.backprop.model.Activation.RELU)));
            window.views().select("Step through");
        });
        settle();
        fxRun(() -> vm.setParameter(0, 0));
        fxRun(() -> vm.setParameter(1, 0));
        fxRun(() -> vm.setParameter(vm.snapshot().weightCount(), -1)); // h1: z = -1 for every sample
        waitUntil("dead", 5, () -> vm.snapshot().bias(0) == -1 && vm.snapshot().weight(1) == 0);
        settle();
        fxRun(() -> window.view(StepThroughView.class).restart());
        String why = fx(() -> window.view(StepThroughView.class).troubleText());
        assertTrue(why.contains("h1 is a dead ReLU"), why);
        assertEquals("dead", fx(() -> window.graph().troubleBadge("h1")));
        assertEquals("", fx(() -> window.graph().troubleBadge("h2")));
    }
}
