package lab.backprop.ui;

import static lab.backprop.ui.FxTestSupport.fx;
import static lab.backprop.ui.FxTestSupport.fxRun;
import static lab.backprop.ui.FxTestSupport.settle;
import static lab.backprop.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lab.backprop.lesson.Lesson;
import lab.backprop.lesson.Lessons;
import lab.backprop.model.Snapshot;
import lab.backprop.train.RunState;
import lab.backprop.train.StepSize;

/** Issue 12: the lessons in the window, every step's numbers as shown, against the seeds' printed values and exact ones. */
@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class LessonPanelTest {
    private LabViewModel vm;
    private MainWindow window;

    @Start void start(Stage stage) {
        vm = new LabViewModel();
        window = new MainWindow(vm);
        window.setErrorDialogs(false);
        BackpropLabApp.show(stage, window);
    }

    @AfterEach void stop() { fxRun(vm::dispose); }

    /** What each step shows at its start: the seeds' printed values (to their precision) and exact values. */
    private static final Map<String, List<List<String>>> EXPECTED = Map.of(
            "000", List.of(
                    List.of("E = |21 − 8| = 13", "E = |21 − 33| = 12", "E = |21 − 23| = 2", "E = |21 − 20.5| = 0.5", "E = |21 − 21| = 0"),
                    List.of("1.0   0.731059   1.000000   0.761594", "The hidden neurons use sigmoid now."),
                    List.of("w = 2.0: sigmoid(2.0·1) = 0.880797", "w = 0.5: sigmoid(0.5·1) = 0.622459", "= 0.880797"),
                    List.of("b = −5: sigmoid(1·1 − 5) = 0.017986", "Now: o1 = sigmoid(w1·x1 + w2·x2 + b1) = sigmoid(1·1 + 0·0 + -5) = 0.017986"),
                    List.of("hidden_weight =  (2x2)", "w1 w3", "w2 w4", "hidden_bias =  (1x2)", "output_weight =  (2x1)", "output_bias =  (1x1)"),
                    List.of("MSE over the four rows: 0.2"),
                    List.of("(0 ^ 0) = 0.019", "(0 ^ 1) = 0.983", "(1 ^ 0) = 0.983", "(1 ^ 1) = 0.017")),
            "001", List.of(
                    List.of("(w·x) + b = 0·2 + 1·3 + 4 = 7", "y = f(7) = 0.9990889488055994"),
                    List.of("h1 = f(3) = 0.9526", "h2 = f(3) = 0.9526", "0.7216   (0.7216325609518421)"),
                    List.of("Alice       133     65           -2           -1  F (1)", "Diana       120     60          -15           -6  F (1)"),
                    List.of("MSE of always 0 = (1 + 0 + 0 + 1) / 4 = 0.5"),
                    List.of("ypred = 0.524", "dL/dw1 = -0.952 * 0.249 * -0.0904 = 0.0214", "exactly: dL/dw1 = 0.02146953526581111"),
                    List.of("w1  1 − 0.1·(0.0214695) = 0.997853", "b3  0 − 0.1·(-0.237618) = 0.0237618"),
                    List.of("MSE over the four people: 0.1"),
                    List.of("Emily: 0.9", "- F", "Frank: 0.0", "- M")));

    @Test void everyStepShowsItsNumbers(FxRobot robot) {
        for (String n : List.of("000", "001", "002")) {
            Lesson lesson = Lessons.byNumber(n);
            List<List<String>> expected = EXPECTED.get(n.equals("002") ? "001" : n); // 002 is 001's lesson as a notebook
            fxRun(() -> window.openLesson(lesson));
            for (int i = 0; i < lesson.steps().size(); i++) {
                int step = i;
                fxRun(() -> window.lesson().go(step));
                settle();
                String shown = fx(() -> window.lesson().numbersText());
                for (String e : expected.get(i)) assertTrue(shown.contains(e), n + " step " + (i + 1) + ": no '" + e + "' in\n" + shown);
                assertEquals(lesson.steps().get(i).title(), fx(() -> window.lesson().titleLabel().getText()));
            }
        }
    }

    @Test void aStepSetsTheWindowUpAndResetStepPutsItBack(FxRobot robot) {
        Lesson lesson = Lessons.byNumber("001");
        fxRun(() -> { window.openLesson(lesson); window.lesson().go(5); }); // one SGD update on Alice
        settle();
        Snapshot start = lesson.steps().get(5).start().get().network();
        assertArrayEquals(start.weights(), fx(vm::snapshot).weights(), 0.0);
        assertEquals("Alice alone", fx(() -> vm.dataset().name()));
        assertEquals(StepSize.UPDATE, fx(() -> vm.stepSizeProperty().get()));
        assertEquals("Step through", fx(() -> window.views().selected()));
        // Step trains one sample: w1 becomes 1 - 0.1 * 0.02146953526581111, the table shows the next update
        fxRun(vm::step);
        waitUntil("one update", 5, () -> vm.snapshot().weight(0) != 1.0);
        settle();
        assertEquals(1 - 0.1 * 0.02146953526581111, fx(() -> vm.snapshot().weight(0)), 1e-15);
        assertTrue(fx(() -> window.lesson().numbersText()).contains("w1  0.997853 − 0.1·"), fx(() -> window.lesson().numbersText()));
        fxRun(() -> vm.setParameter(3, 7.5));
        waitUntil("the edit", 5, () -> vm.snapshot().weight(3) == 7.5);
        robot.clickOn("#lessonReset");
        settle();
        assertArrayEquals(start.weights(), fx(vm::snapshot).weights(), 0.0);
        assertArrayEquals(start.biases(), fx(vm::snapshot).biases(), 0.0);
        assertEquals(0, fx(() -> vm.snapshot().epoch()));
    }

    @Test void backNextAndTheArrowKeysWalkTheStepsAndRestoreEach(FxRobot robot) {
        Lesson lesson = Lessons.byNumber("001");
        fxRun(() -> window.openLesson(lesson));
        settle();
        robot.clickOn("#lessonNext");
        settle();
        assertEquals(1, fx(() -> window.lesson().stepIndex()));
        fxRun(() -> window.lesson().requestFocus());
        robot.type(KeyCode.RIGHT);
        settle();
        assertEquals(2, fx(() -> window.lesson().stepIndex()));
        robot.type(KeyCode.LEFT);
        robot.clickOn("#lessonBack");
        settle();
        assertEquals(0, fx(() -> window.lesson().stepIndex()));
        Snapshot first = lesson.steps().get(0).start().get().network();
        assertArrayEquals(first.weights(), fx(vm::snapshot).weights(), 0.0);
        assertEquals("2-1", fx(() -> vm.snapshot().layout().toString()));
        assertTrue(fx(() -> window.lesson().numbersText()).contains("0.9990889488055994"));
        // a typed bias changes the step's numbers at once
        fxRun(() -> assertEquals(null, vm.editParameter(2, "0")));
        waitUntil("b1 = 0", 5, () -> vm.snapshot().bias(0) == 0);
        settle();
        assertTrue(fx(() -> window.lesson().numbersText()).contains("y = f(3) = " + (1 / (1 + Math.exp(-3)))), fx(() -> window.lesson().numbersText()));
        fxRun(window::closeLesson);
        assertTrue(!fx(window::isLessonOpen));
    }

    @Test void theTrainingStepLogsTheSeedsLossLines(FxRobot robot) {
        Lesson lesson = Lessons.byNumber("001");
        fxRun(() -> { window.openLesson(lesson); window.lesson().go(6); });
        settle();
        assertTrue(fx(() -> window.lesson().logText()).contains("press Train"));
        fxRun(() -> { vm.epochsPerSecondProperty().set(0); vm.train(); });
        waitUntil("trained", 30, () -> vm.state() == RunState.IDLE && vm.snapshot().epoch() == 1000);
        settle();
        String log = fx(() -> window.lesson().logText());
        List<String> lines = List.of(log.split("\n"));
        assertEquals(100, lines.size(), log);
        assertEquals(lab.backprop.lesson.Lesson.class, lesson.getClass());
        List<String> cli = new java.util.ArrayList<>();
        try {
            for (String l : lab.backprop.lesson.Lesson.trainAndReport(lesson.steps().get(6))) if (l.startsWith("Epoch ")) cli.add(l);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals(cli, lines); // the window's run is the CLI's, line for line
        assertNotEquals(lines.get(0), lines.get(99));
    }
}
