package lab.backprop.ui;

import static lab.backprop.ui.FxTestSupport.fx;
import static lab.backprop.ui.FxTestSupport.fxRun;
import static lab.backprop.ui.FxTestSupport.settle;
import static lab.backprop.ui.FxTestSupport.sleep;
import static lab.backprop.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lab.backprop.support.Numbers;
import lab.backprop.train.RunState;
import lab.backprop.data.Batching;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window as a user meets it: clicks, drags and typing, with assertions on what is shown. */
@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private LabViewModel vm;
    private MainWindow window;

    @Start void start(Stage stage) {
        vm = new LabViewModel();
        window = new MainWindow(vm);
        BackpropLabApp.show(stage, window);
    }

    @AfterEach void stop() {
        fxRun(() -> vm.dispose());
    }

    private String text(FxRobot robot, String query) {
        return fx(() -> ((Label) robot.lookup(query).query()).getText());
    }

    private void trainToEnd(FxRobot robot, long epochs) {
        fxRun(() -> {
            vm.epochsPerSecondProperty().set(0); // full speed
            vm.editSetup(s -> s.withEpochs(epochs));
        });
        long start = fx(() -> vm.snapshot().epoch());
        robot.clickOn("#trainButton");
        waitUntil("training finished", 30, () -> vm.state() == RunState.IDLE && vm.snapshot().epoch() == start + epochs);
    }

    @Test void trainChangesTheShownWeightsAndTheLossFalls(FxRobot robot) {
        String w1Before = fx(() -> window.graph().edgeLabel("w1"));
        String w5Before = fx(() -> window.graph().edgeLabel("w5"));
        double lossBefore = fx(() -> vm.snapshot().loss());
        String statusBefore = text(robot, "#statusLoss");
        trainToEnd(robot, 300);
        settle();
        assertNotEquals(w1Before, fx(() -> window.graph().edgeLabel("w1")), "w1 on the graph");
        assertNotEquals(w5Before, fx(() -> window.graph().edgeLabel("w5")), "w5 on the graph");
        double lossAfter = fx(() -> vm.snapshot().loss());
        assertTrue(lossAfter < lossBefore / 2, "loss fell from " + lossBefore + " to " + lossAfter);
        assertNotEquals(statusBefore, text(robot, "#statusLoss"));
        assertEquals("Epoch 300", text(robot, "#statusEpoch"));
        // The loss curve holds every epoch (300 + the start) in its buckets.
        assertEquals(301, fx(() -> vm.lossHistory().recorded()));
        assertTrue(fx(() -> window.lossCurve().drawnBuckets()) > 100);
        // The shown number is the snapshot's weight.
        assertEquals(Numbers.brief(fx(() -> vm.snapshot().weight(0))), fx(() -> window.graph().edgeLabel("w1")));
    }

    @Test void draggingTheLearningRateSliderChangesTheTrainersRateWhileTraining(FxRobot robot) {
        fxRun(() -> {
            vm.epochsPerSecondProperty().set(20);
            vm.editSetup(s -> s.withEpochs(100_000));
        });
        robot.clickOn("#trainButton");
        waitUntil("running", 5, () -> vm.state() == RunState.RUNNING);
        double before = fx(() -> vm.trainerLearningRate());
        assertEquals(0.1, before, 1e-12);
        Node thumb = robot.lookup("#learningRateSlider .thumb").query();
        robot.drag(thumb).moveBy(60, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        double after = fx(() -> vm.trainerLearningRate());
        assertTrue(after > before * 1.5, "rate went from " + before + " to " + after);
        assertEquals(fx(() -> vm.setup().learningRate()), after, 1e-12);
        assertEquals(Numbers.rate(after), fx(() -> ((TextField) robot.lookup("#learningRateField").query()).getText()));
        double sliderLog = fx(() -> ((Slider) robot.lookup("#learningRateSlider").query()).getValue());
        assertEquals(after, Math.pow(10, sliderLog), after * 0.01, "log scale");
        assertEquals(RunState.RUNNING, fx(() -> vm.state()), "still training");
    }

    @Test void typingALearningRateSetsItAndBadTextChangesNothing(FxRobot robot) {
        robot.doubleClickOn("#learningRateField").eraseText(8).write("2.5").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2.5, fx(() -> vm.trainerLearningRate()), 1e-12);
        robot.doubleClickOn("#learningRateField").eraseText(8).write("fast").type(KeyCode.ENTER);
        sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2.5, fx(() -> vm.trainerLearningRate()), 1e-12);
        TextField field = robot.lookup("#learningRateField").query();
        assertTrue(fx(() -> window.controls().validation().getHighestMessage(field).isPresent()), "marked invalid");
    }

    @Test void movingTheBiasSliderSlidesTheCurveAndChangesThePrediction(FxRobot robot) {
        robot.clickOn("#neuron-h1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new NeuronRef(1, 0), fx(() -> vm.selectedNeuronProperty().get()));
        // Diana (120 lb, 60 in) sits on the steep part of h1's curve for seed 1.
        robot.doubleClickOn("#predictInput0").eraseText(6).write("135");
        robot.doubleClickOn("#predictInput1").eraseText(6).write("66");
        settle();
        double midBefore = fx(() -> window.sigmoid().curveMidpoint());
        double[] curveBefore = fx(() -> window.sigmoid().curveF());
        String outputBefore = text(robot, "#predictOutput");
        double biasBefore = fx(() -> vm.snapshot().bias(0));
        Node thumb = robot.lookup("#biasSlider .thumb").query();
        robot.drag(thumb).moveBy(90, 0).drop();
        waitUntil("bias applied", 5, () -> vm.snapshot().bias(0) > biasBefore + 1);
        settle();
        double biasAfter = fx(() -> vm.snapshot().bias(0));
        assertEquals(biasAfter, fx(() -> window.sigmoid().biasSlider().getValue()), 1e-9, "slider shows the bias");
        double midAfter = fx(() -> window.sigmoid().curveMidpoint());
        assertEquals(-biasAfter, midAfter, 1e-9);
        assertTrue(midAfter < midBefore - 1, "curve slid left: " + midBefore + " -> " + midAfter);
        assertFalse(java.util.Arrays.equals(curveBefore, fx(() -> window.sigmoid().curveF())), "curve redrawn");
        assertNotEquals(outputBefore, text(robot, "#predictOutput"), "prediction changed");
        assertEquals(biasBefore, fx(() -> vm.referenceBiasProperty().get()), 1e-12, "dashed curve keeps the old bias");
        assertEquals("b=" + Numbers.brief(biasAfter), fx(() -> window.graph().biasText("h1")));
    }

    @Test void afterTrainingEmilyIsFemaleAndFrankIsMale(FxRobot robot) {
        trainToEnd(robot, 1000);
        robot.doubleClickOn("#predictInput0").eraseText(6).write("128");
        robot.doubleClickOn("#predictInput1").eraseText(6).write("63");
        settle();
        assertEquals("F", text(robot, "#predictClass"), "Emily, 128 lb 63 in");
        double emily = Double.parseDouble(text(robot, "#predictOutput"));
        assertTrue(emily > 0.9, "Emily's output " + emily);
        // The graph shows Emily's activations: x1 is her shifted weight.
        assertEquals("-7.000", fx(() -> window.graph().neuronText("x1")));
        robot.doubleClickOn("#predictInput0").eraseText(6).write("155");
        robot.doubleClickOn("#predictInput1").eraseText(6).write("68");
        settle();
        assertEquals("M", text(robot, "#predictClass"), "Frank, 155 lb 68 in");
    }

    @Test void invalidInputIsMarkedAndChangesNothing(FxRobot robot) {
        settle();
        String output = text(robot, "#predictOutput");
        double[] probe = fx(() -> vm.probeInputProperty().get().clone());
        double[] params = FxTestSupport.parameters(vm);
        TextField field = robot.lookup("#predictInput0").query();
        robot.doubleClickOn(field).eraseText(6).write("abc");
        sleep(300); // ValidationSupport decorates asynchronously
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> window.predict().validation().getHighestMessage(field).isPresent()), "validation mark");
        assertTrue(fx(() -> window.predict().validation().isInvalid()));
        assertArrayEquals(probe, fx(() -> vm.probeInputProperty().get()));
        assertEquals("—", text(robot, "#predictOutput"), "no answer for text that is not a number (it was " + output + ")");
        assertEquals("", text(robot, "#predictClass"));
        assertEquals("not a number", text(robot, "#predictReason0"));
        assertArrayEquals(params, FxTestSupport.parameters(vm));
        for (String[] typed : new String[][] { { "", "empty" }, { "-", "not a number" }, { "NaN", "not a number" }, { "1e400", "too large" },
                { "1,5", "use a dot for decimals (1.5, not 1,5)" } }) {
            robot.doubleClickOn(field).eraseText(8).write(typed[0]);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(typed[1], text(robot, "#predictReason0"), "'" + typed[0] + "'");
            assertEquals("—", text(robot, "#predictOutput"), "'" + typed[0] + "' shows no answer, not the one for an earlier keystroke");
        }
        // Fixing it clears the mark.
        robot.doubleClickOn(field).eraseText(6).write("140");
        sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> window.predict().validation().getHighestMessage(field).isPresent()));
        assertEquals(140, fx(() -> vm.probeInputProperty().get()[0]));
        assertEquals("", text(robot, "#predictReason0"));
        assertEquals(Numbers.full(fx(() -> vm.probeProperty().get().output())), text(robot, "#predictOutput"), "the answer is back");
    }

    @Test void pauseStopsTheWeightsChangingAndResumeGoesOn(FxRobot robot) {
        fxRun(() -> {
            vm.epochsPerSecondProperty().set(100);
            vm.editSetup(s -> s.withEpochs(100_000));
        });
        robot.clickOn("#trainButton");
        waitUntil("some epochs", 5, () -> vm.snapshot().epoch() > 5);
        robot.clickOn("#pauseButton");
        waitUntil("paused", 5, () -> vm.state() == RunState.PAUSED);
        assertEquals("Resume", fx(() -> window.controls().pause.getText()));
        settle();
        double[] paused = FxTestSupport.parameters(vm);
        String w1 = fx(() -> window.graph().edgeLabel("w1"));
        long epoch = fx(() -> vm.snapshot().epoch());
        sleep(400);
        settle();
        assertArrayEquals(paused, FxTestSupport.parameters(vm));
        assertEquals(w1, fx(() -> window.graph().edgeLabel("w1")));
        assertEquals(epoch, fx(() -> vm.snapshot().epoch()));
        robot.clickOn("#pauseButton");
        waitUntil("running again", 5, () -> vm.snapshot().epoch() > epoch + 3);
        assertEquals(RunState.RUNNING, fx(() -> vm.state()));
    }

    @Test void stepRunsExactlyOneEpoch(FxRobot robot) {
        double[] before = FxTestSupport.parameters(vm);
        robot.clickOn("#stepButton");
        waitUntil("one epoch", 5, () -> vm.snapshot().epoch() == 1);
        settle();
        assertEquals(1, fx(() -> vm.snapshot().epoch()));
        assertFalse(java.util.Arrays.equals(before, FxTestSupport.parameters(vm)));
        assertEquals("Epoch 1", text(robot, "#statusEpoch"));
    }

    @Test void clickAnEdgeToTypeANewWeight(FxRobot robot) {
        double[] before = FxTestSupport.parameters(vm);
        // On the edge's number (drawn where no other edge crosses it).
        javafx.geometry.Point2D spot = fx(() -> window.graph().localToScreen(window.graph().edgePoint("w2")));
        robot.clickOn(spot);
        TextField editor = robot.lookup("#edgeEditor").query();
        assertTrue(fx(() -> editor.getParent().isVisible()), "editor open");
        robot.doubleClickOn(editor).eraseText(20).write("heavy").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#edgeEditorError").contains("not a number"));
        settle();
        assertArrayEquals(before, FxTestSupport.parameters(vm), "nothing changed");
        robot.doubleClickOn(editor).eraseText(20).write("-1.5").type(KeyCode.ENTER);
        waitUntil("edit applied", 5, () -> vm.snapshot().weight(1) == -1.5);
        settle();
        assertEquals("-1.500", fx(() -> window.graph().edgeLabel("w2")));
        assertFalse(fx(() -> editor.getParent().isVisible()), "editor closed");
        assertTrue(fx(() -> window.graph().edgeTooltip("w2")).startsWith("w2 = -1.50000"));
    }

    /** Issue 12: a bias is typed as a weight is, with the same check, and reaches exactly 0 (the slider never does). */
    @Test void clickABiasToTypeIt(FxRobot robot) {
        double[] before = FxTestSupport.parameters(vm);
        int b1 = fx(() -> vm.snapshot().weightCount());
        robot.clickOn("#bias-h1");
        TextField editor = robot.lookup("#edgeEditor").query();
        assertTrue(fx(() -> editor.getParent().isVisible()), "editor open");
        robot.doubleClickOn(editor).eraseText(20).write("1e999").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(text(robot, "#edgeEditorError").isEmpty(), "a reason is shown");
        settle();
        assertArrayEquals(before, FxTestSupport.parameters(vm), "nothing changed");
        robot.doubleClickOn(editor).eraseText(20).write("0").type(KeyCode.ENTER);
        waitUntil("bias typed", 5, () -> vm.snapshot().bias(0) == 0.0);
        settle();
        assertEquals(0.0, fx(() -> vm.snapshot().bias(0)));
        assertEquals(before[b1 + 1], FxTestSupport.parameters(vm)[b1 + 1], 0.0, "only b1 changed");
        robot.clickOn("#namesToggle");
        settle();
        assertEquals("b1=0.000", fx(() -> window.graph().biasText("h1")));
        assertTrue(fx(() -> window.graph().edgeLabel("w2")).startsWith("w2 "), fx(() -> window.graph().edgeLabel("w2")));
    }

    @Test void gradientToggleShowsGradientsOnTheEdges(FxRobot robot) {
        assertFalse(fx(() -> window.graph().edgeLabel("w1")).startsWith("∂"));
        robot.clickOn("#gradientToggle");
        settle();
        double[] g = fx(() -> vm.gradientsProperty().get());
        assertNotNull(g);
        assertEquals("∂" + Numbers.brief(g[0]), fx(() -> window.graph().edgeLabel("w1")));
        // Checked against a finite difference of the summed loss over the data set.
        double h = 1e-6;
        lab.backprop.model.Network net = fx(() -> vm.snapshot().toNetwork());
        double[][] x = vm.dataset().inputs();
        double[] y = vm.dataset().labels();
        net.setWeight(0, net.weight(0) + h);
        double up = 0;
        for (int i = 0; i < x.length; i++) up += Math.pow(y[i] - net.predict(x[i])[0], 2);
        net.setWeight(0, net.weight(0) - 2 * h);
        double down = 0;
        for (int i = 0; i < x.length; i++) down += Math.pow(y[i] - net.predict(x[i])[0], 2);
        assertEquals((up - down) / (2 * h), g[0], 1e-6);
    }

    @Test void theGraphFollowsTheArchitecture(FxRobot robot) {
        fxRun(() -> {
            vm.editSetup(s -> s.withArchitecture(lab.backprop.model.Architecture.of(s.architecture().hiddenLayers(), 5, s.architecture().hidden())));
            vm.editSetup(s -> s.withArchitecture(lab.backprop.model.Architecture.of(3, s.architecture().firstHiddenSize(), s.architecture().hidden())));
        });
        settle();
        assertEquals(2 + 15 + 1, fx(() -> window.graph().neuronCount()));
        assertEquals(10 + 25 + 25 + 5, fx(() -> window.graph().edgeCount()));
        assertNotNull(robot.lookup("#neuron-h3_5").query());
        assertEquals(Numbers.brief(fx(() -> vm.snapshot().weight(64))), fx(() -> window.graph().edgeLabel("w65")));
        assertTrue(fx(() -> window.graph().isEdgeLabelled("w65")), "5 edges into o1: numbers on them");
        assertFalse(fx(() -> window.graph().isEdgeLabelled("w30")), "between 5 and 5 neurons the numbers are in the tooltips");
        assertTrue(fx(() -> window.graph().isCompact()));
        for (String n : new String[] { "h1_1", "h2_5", "h3_3", "o1" }) {
            assertTrue(fx(() -> window.graph().biasText(n)).startsWith("b="), "every neuron shows its bias: " + n);
        }
        trainToEnd(robot, 20);
        assertEquals(20, fx(() -> vm.snapshot().epoch()));
    }

    @Test void switchingToXorAppliesItsPreset(FxRobot robot) {
        robot.clickOn("#datasetChoice").clickOn("xor");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("xor", fx(() -> vm.dataset().name()));
        assertEquals(lab.backprop.data.Batching.Mode.FULL_BATCH, fx(() -> vm.setup().batching().mode()));
        assertEquals(lab.backprop.model.Initializer.UNIFORM_0_1, fx(() -> vm.setup().init()));
        assertEquals(1.0, fx(() -> vm.trainerLearningRate()));
        assertEquals("0", fx(() -> ((TextField) robot.lookup("#seedField").query()).getText()));
        assertEquals("1", fx(() -> ((TextField) robot.lookup("#learningRateField").query()).getText()));
        // Uniform [0,1) start: every weight is in [0, 1).
        for (double p : FxTestSupport.parameters(vm)) assertTrue(p >= 0 && p < 1, "uniform start " + p);
        assertEquals(4, fx(() -> window.data().table().getItems().size()));
    }

    @Test void divergenceStopsTrainingAndSaysWhichParameterBlewUp(FxRobot robot) {
        robot.doubleClickOn("#learningRateField").eraseText(8).write("1000").type(KeyCode.ENTER);
        trainStart(robot);
        waitUntil("notification", 30, () -> window.banner().isShowing());
        String message = fx(() -> window.banner().getText());
        assertEquals(Banner.Kind.PROBLEM, fx(() -> window.banner().kind()));
        String named = message.replaceAll("(?s).*?\\b([wb]\\d+)\\b.*", "$1");
        assertEquals(named, fx(() -> window.graph().highlighted()), "the parameter it names is marked on the graph");
        // The chart draws on the next frame after the banner.
        waitUntil("the blow-up marked on the loss curve", 5, () -> window.lossCurve().chart().drawnMarks() >= 1);
        assertTrue(message.contains("diverged") && message.matches("(?s).*\\b[wb]\\d+\\b.*"), message);
        assertEquals(RunState.IDLE, fx(() -> vm.state()));
        for (double p : FxTestSupport.parameters(vm)) assertTrue(Double.isFinite(p) && Math.abs(p) <= 1e6, "rolled back: " + p);
        // Training again with a sane rate works.
        fxRun(() -> vm.setLearningRate(0.1));
        trainToEnd(robot, 10);
    }

    private void trainStart(FxRobot robot) {
        fxRun(() -> {
            vm.epochsPerSecondProperty().set(0);
            vm.editSetup(s -> s.withEpochs(100_000));
        });
        robot.clickOn("#trainButton");
    }

    @Test void hoveringAnEdgeShowsItsValueUpdatingLive(FxRobot robot) {
        String tip = fx(() -> window.graph().edgeTooltip("w5"));
        assertTrue(tip.startsWith("w5 = " + Numbers.full(fx(() -> vm.snapshot().weight(4)))), tip);
        javafx.geometry.Point2D spot = fx(() -> window.graph().localToScreen(window.graph().edgePoint("w5")));
        robot.moveTo(spot);
        waitUntil("tooltip shown", 5, () -> robot.lookup(".tooltip").tryQuery().isPresent());
        trainToEnd(robot, 50);
        settle();
        String after = fx(() -> window.graph().edgeTooltip("w5"));
        assertTrue(after.startsWith("w5 = " + Numbers.full(fx(() -> vm.snapshot().weight(4)))), after);
        assertNotEquals(tip, after);
    }

    @Test void logScaleToggleRedrawsTheLossCurve(FxRobot robot) {
        trainToEnd(robot, 100);
        assertFalse(fx(() -> window.lossCurve().isLogScale()));
        robot.clickOn("#logScaleToggle");
        assertTrue(fx(() -> window.lossCurve().isLogScale()));
        assertEquals(101, fx(() -> window.lossCurve().drawnBuckets()));
    }

    @Test void everyRegisteredViewHasAButtonWithItsTooltipAndIsMadeWhenFirstShown(FxRobot robot) {
        java.util.List<String> titles = fx(() -> window.views().titles());
        assertEquals(Views.SIDE_PANEL.size(), titles.size());
        assertEquals(java.util.List.of(SigmoidShiftView.class), fx(() -> window.madeViews()), "only the view shown is made at start");
        for (int i = 0; i < titles.size(); i++) {
            Views.Entry e = Views.SIDE_PANEL.get(i);
            assertEquals(e.title(), titles.get(i));
            assertEquals(e.tooltip(), fx(() -> window.views().button(e.title()).getTooltip().getText()));
            robot.clickOn("#" + fx(() -> window.views().button(e.title()).getId()));
            assertEquals(e.title(), fx(() -> window.views().selected()));
            javafx.scene.Node view = fx(() -> window.view(e.type()));
            assertTrue(e.type().isInstance(view));
            assertTrue(fx(() -> view.getScene() != null), e.title() + " is shown");
        }
        assertEquals(java.util.List.of("Sigmoid", "Data"), titles.subList(0, 2));
    }

}
