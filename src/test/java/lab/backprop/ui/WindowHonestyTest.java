package lab.backprop.ui;

import static lab.backprop.ui.FxTestSupport.fx;
import static lab.backprop.ui.FxTestSupport.fxRun;
import static lab.backprop.ui.FxTestSupport.settle;
import static lab.backprop.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lab.backprop.model.Activation;
import lab.backprop.model.Architecture;
import lab.backprop.model.Snapshot;
import lab.backprop.support.Numbers;
import lab.backprop.train.LossHistory;
import lab.backprop.train.RunState;
import lab.backprop.train.SeedSweep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 11's "numbers that are always current" and "messages belong to their context", as a user sees them: every
 * number on the screen is the network's as it is now, after an edit, a rewind or a new network, and notices say what
 * happened and go away when they no longer apply.
 */
@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class WindowHonestyTest {
    private LabViewModel vm;
    private MainWindow window;

    @Start void start(Stage stage) {
        vm = new LabViewModel();
        window = new MainWindow(vm);
        BackpropLabApp.show(stage, window);
    }

    @AfterEach void stop() {
        fxRun(() -> { vm.dispose(); Presenter.scaleProperty().set(1); });
    }

    private String text(FxRobot robot, String query) {
        return fx(() -> ((Label) robot.lookup(query).query()).getText());
    }

    private void trainToEnd(long epochs) {
        long start = fx(() -> vm.snapshot().epoch());
        fxRun(() -> {
            vm.epochsPerSecondProperty().set(0); // full speed
            vm.editSetup(s -> s.withEpochs(epochs));
            vm.train();
        });
        waitUntil("training finished", 30, () -> vm.state() == RunState.IDLE && vm.snapshot().epoch() == start + epochs);
        settle();
    }

    private List<LossHistory.Mark.Kind> marks() {
        return fx(() -> vm.lossHistory().view().marks().stream().map(LossHistory.Mark::kind).toList());
    }

    @Test void afterABiasDragTheStatusBarAndTheCurveHeaderShowTheSameNewLossAndTheCurveMarksTheEdit(FxRobot robot) {
        trainToEnd(50);
        String trainedLoss = text(robot, "#statusLoss");
        int b1 = fx(() -> vm.snapshot().weightCount()); // the first bias, h1's
        fxRun(() -> vm.setParameter(b1, 2.5));
        waitUntil("the edit reaches the view", 5, () -> vm.snapshot().bias(0) == 2.5);
        settle();
        Snapshot now = fx(vm::snapshot);
        String loss = Numbers.loss(now.loss());
        assertNotEquals(trainedLoss, "Loss " + loss, "a bias of 2.5 changes the loss");
        assertEquals("Loss " + loss, text(robot, "#statusLoss"));
        assertEquals("now " + loss + " at epoch 50", text(robot, "#lossLatest"), "the curve header shows the same loss");
        assertEquals("Epoch 50", text(robot, "#statusEpoch"), "an edit is not an epoch");
        assertEquals(List.of(LossHistory.Mark.Kind.EDIT), marks());
        waitUntil("the edit drawn on the curve", 5, () -> window.lossCurve().chart().drawnMarks() == 1);
    }

    @Test void addingAPointShowsTheLossOnTheNewDataEverywhereAndMarksIt(FxRobot robot) {
        trainToEnd(30);
        lab.backprop.data.Dataset more = fx(() -> vm.dataset().with(new lab.backprop.data.Dataset.Sample("Eve", new double[] { 200, 75 }, 0)));
        assertEquals(null, fx(() -> vm.replaceData(more)));
        waitUntil("the new data is shown", 5, () -> vm.dataset().size() == 5);
        settle();
        // The loss of the same network over the five samples, by hand.
        Snapshot now = fx(vm::snapshot);
        lab.backprop.model.Network net = now.toNetwork();
        double sum = 0;
        for (int i = 0; i < more.size(); i++) {
            double d = more.sample(i).label() - net.predict(more.toInput(more.sample(i).raw()))[0];
            sum += d * d;
        }
        assertEquals(sum / more.size(), now.loss(), 1e-12, "the shown loss is over the new data");
        assertEquals("Loss " + Numbers.loss(now.loss()), text(robot, "#statusLoss"));
        assertEquals("now " + Numbers.loss(now.loss()) + " at epoch 30", text(robot, "#lossLatest"));
        assertEquals(List.of(LossHistory.Mark.Kind.DATA), marks());
    }

    @Test void rewindingSetsTheEpochEverywhereAndTrainingOnSaysTheLaterEpochsAreReplaced(FxRobot robot) {
        trainToEnd(40);
        Snapshot at10 = fx(() -> vm.parameterHistory().at(10));
        assertTrue(fx(() -> vm.restoreParameters(at10)));
        waitUntil("rewound", 5, () -> vm.snapshot().epoch() == 10);
        settle();
        assertEquals("Epoch 10", text(robot, "#statusEpoch"));
        assertTrue(text(robot, "#lossLatest").endsWith(" at epoch 10"), text(robot, "#lossLatest"));
        assertEquals("Loss " + Numbers.loss(fx(vm::snapshot).loss()), text(robot, "#statusLoss"));
        robot.clickOn("#stepButton");
        waitUntil("one epoch on from 10", 5, () -> vm.snapshot().epoch() == 11);
        waitUntil("a notice says so", 5, () -> window.banner().isShowing());
        assertEquals(Banner.Kind.NOTICE, fx(() -> window.banner().kind()));
        assertEquals("Training on from epoch 10: epochs 11 to 40 of the earlier run are replaced by the new ones.",
                fx(() -> window.banner().getText()));
        assertEquals("Epoch 11", text(robot, "#statusEpoch"));
        assertEquals(11, fx(() -> vm.lossHistory().latestEpoch()), "the curve ends at the new epoch: no spike back to 40");
        // A new network is not that run: the notice goes.
        robot.clickOn("#resetButton");
        waitUntil("the notice is gone", 5, () -> !window.banner().isShowing());
        assertEquals("Epoch 0", text(robot, "#statusEpoch"));
    }

    @Test void aStuckXorRunSaysSoAndWhatToTryAndANewSeedClearsIt(FxRobot robot) {
        // Seed 9 of seed 000's XOR sticks at a loss of 0.125 (see StuckCheckTest).
        fxRun(() -> vm.selectDataset(vm.knownDataset("xor")));
        assertEquals(null, fx(() -> vm.editSetup(s -> s.withSeed(9))));
        assertEquals(SeedSweep.seed000().withSeed(9).describe(), fx(() -> vm.setup().describe()), "seed 000's XOR, seed 9");
        trainToEnd(5000);
        waitUntil("the stuck notice", 5, () -> window.banner().isShowing());
        String notice = fx(() -> window.banner().getText());
        assertEquals(Banner.Kind.NOTICE, fx(() -> window.banner().kind()));
        assertTrue(notice.contains("stuck") && notice.contains("0.125") && notice.contains("Try another seed"), notice);
        robot.doubleClickOn("#seedField").eraseText(4).write("0").type(KeyCode.ENTER);
        robot.clickOn("#resetButton");
        waitUntil("a new network clears the notice", 5, () -> !window.banner().isShowing());
        trainToEnd(5000);
        assertFalse(fx(() -> window.banner().isShowing()), "seed 0 learns XOR: no notice");
    }

    @Test void deadReluNetworkIsCalledStuck(FxRobot robot) {
        assertEquals(null, fx(() -> vm.editSetup(s -> s.withArchitecture(Architecture.of(3, 8, Activation.RELU))
                .withLearningRate(0.5).withSeed(1))));
        trainToEnd(1000);
        waitUntil("the stuck notice", 5, () -> window.banner().isShowing());
        assertTrue(fx(() -> window.banner().getText()).contains("ReLU"));
        // issue 13: the notice names the neurons that pass no gradient, and the graph marks them
        String notice = fx(() -> window.banner().getText());
        assertTrue(notice.contains("Marked on the graph:"), notice);
        settle();
        long marked = fx(() -> java.util.stream.IntStream.range(0, 24).mapToObj(k -> window.graph().troubleBadge("h" + (k / 8 + 1) + "_" + (k % 8 + 1)))
                .filter(b -> b.equals("dead")).count());
        assertTrue(marked > 0, "a dead neuron is marked: " + notice);
    }

    @Test void aStatusMessageAndTheSigmoidsReferenceBiasBelongToTheNetworkTheyWereAbout(FxRobot robot) {
        fxRun(() -> window.status().showMessage("Opened session lesson.json (epoch 0)"));
        assertEquals("Opened session lesson.json (epoch 0)", text(robot, "#statusMessage"));
        trainToEnd(20);
        assertEquals("Opened session lesson.json (epoch 0)", text(robot, "#statusMessage"), "training the same network keeps it");
        double reference = fx(() -> vm.referenceBiasProperty().get());
        assertEquals(fx(() -> vm.snapshot().bias(0)), reference, 0.0, "the dashed bias is where training last stopped");
        assertTrue(text(robot, "#sigmoidLegend").contains("dashed: bias " + Numbers.brief(reference) + " "),
                "and the legend says that number: " + text(robot, "#sigmoidLegend"));
        fxRun(() -> vm.editSetup(s -> s.withSeed(5)));
        waitUntil("a new network", 5, () -> vm.snapshot().epoch() == 0);
        settle();
        assertEquals("", text(robot, "#statusMessage"), "a new network clears the note about the old one");
        assertEquals(fx(() -> vm.snapshot().bias(0)), fx(() -> vm.referenceBiasProperty().get()), 0.0,
                "the dashed reference bias follows the new network");
    }

    @Test void theSigmoidAxisStaysPutWhileTheBiasIsDraggedAndFitRescales(FxRobot robot) {
        SigmoidShiftView sigmoid = fx(window::sigmoid);
        double[] axis = fx(sigmoid::axis);
        double midBefore = fx(sigmoid::curveMidpoint);
        int b1 = fx(() -> vm.snapshot().weightCount());
        for (double b : new double[] { 5, 10, 25, 40 }) {
            // Dragged on the slider up to its end (10), then typed on the graph (a click on the bias).
            if (b <= 10) fxRun(() -> sigmoid.biasSlider().setValue(b)); else fxRun(() -> vm.setParameter(b1, b));
            waitUntil("bias " + b, 5, () -> vm.snapshot().bias(0) == b);
            settle();
            assertEquals(axis[0], fx(sigmoid::axis)[0], 0.0, "the axis stays while dragging");
            assertEquals(axis[1], fx(sigmoid::axis)[1], 0.0);
        }
        assertTrue(fx(sigmoid::curveMidpoint) < midBefore - 39, "the curve slid left by the bias: " + fx(sigmoid::curveMidpoint));
        assertTrue(fx(sigmoid::axis)[0] > -40, "its middle, u = -40, is off the fixed axis now");
        robot.clickOn("#sigmoidFit");
        settle();
        double[] fitted = fx(sigmoid::axis);
        assertTrue(fitted[0] != axis[0] || fitted[1] != axis[1], "Fit rescales around the new bias");
        assertTrue(fitted[0] < -40, "the moved middle -40 is on the new axis: " + fitted[0] + ".." + fitted[1]);
    }

    @Test void aSampleTheWeightsMoveOffTheFixedAxisIsAnArrowAtTheEdgeUntilFit(FxRobot robot) {
        SigmoidShiftView sigmoid = fx(window::sigmoid);
        double[] axis = fx(sigmoid::axis);
        assertEquals(List.of("Alice", "Bob", "Charlie", "Diana"), fx(sigmoid::drawnLabels).stream().sorted().toList());
        fxRun(() -> vm.setParameter(0, 5)); // w1 = 5: h1's u for Bob (x1 = 160 - 135 = 25) is past 100
        waitUntil("w1 = 5", 5, () -> vm.snapshot().weight(0) == 5);
        settle();
        assertEquals(axis[1], fx(sigmoid::axis)[1], 0.0, "the axis stays");
        List<String> labels = fx(sigmoid::drawnLabels);
        assertTrue(labels.stream().anyMatch(l -> l.contains("Bob →")), "Bob is off to the right, and says so: " + labels);
        robot.clickOn("#sigmoidFit");
        settle();
        assertTrue(fx(sigmoid::axis)[1] > 100, "Fit takes him in");
        assertTrue(fx(sigmoid::drawnLabels).stream().noneMatch(l -> l.contains("→") || l.contains("←")), fx(sigmoid::drawnLabels).toString());
    }

    @Test void whenTrainingStopsTheAxisTakesInTheSamplesTheRunMovedOffIt(FxRobot robot) {
        fxRun(() -> vm.selectDataset(vm.knownDataset("xor")));
        SigmoidShiftView sigmoid = fx(window::sigmoid);
        double[] start = fx(sigmoid::axis);
        fxRun(() -> { vm.epochsPerSecondProperty().set(200); vm.editSetup(s -> s.withEpochs(1_000_000)); vm.train(); });
        waitUntil("some epochs", 10, () -> vm.snapshot().epoch() >= 20);
        settle();
        assertEquals(start[0], fx(sigmoid::axis)[0], 0.0, "the axis stays while training runs");
        assertEquals(start[1], fx(sigmoid::axis)[1], 0.0);
        fxRun(() -> { vm.pause(); vm.epochsPerSecondProperty().set(0); vm.editSetup(s -> s.withEpochs(5000)); });
        waitUntil("paused", 5, () -> vm.state() == RunState.PAUSED);
        fxRun(vm::reset);
        trainToEnd(5000); // seed 0 learns XOR: h1's weights grow to about 6.6, far past the first axis
        double[] axis = fx(sigmoid::axis);
        for (double u : fx(sigmoid::sampleU)) assertTrue(u >= axis[0] && u <= axis[1], u + " on " + axis[0] + ".." + axis[1]);
        assertTrue(fx(sigmoid::drawnLabels).stream().noneMatch(l -> l.contains("→") || l.contains("←")), fx(sigmoid::drawnLabels).toString());
    }

    @Test void xorSamplesOnOnePointShareOneLabel(FxRobot robot) {
        fxRun(() -> vm.selectDataset(vm.knownDataset("xor")));
        SigmoidShiftView sigmoid = fx(window::sigmoid);
        // Equal input weights put "0 xor 1" and "1 xor 0" on the same u for every hidden neuron.
        for (int w = 0; w < 4; w++) { int p = w; fxRun(() -> vm.setParameter(p, 0.7)); }
        waitUntil("the weights set", 5, () -> vm.snapshot().weight(3) == 0.7);
        settle();
        List<String> labels = fx(sigmoid::drawnLabels);
        assertEquals(3, labels.size(), "three points, three labels: " + labels);
        assertTrue(labels.contains("0 xor 1, 1 xor 0"), labels.toString());
    }

    @Test void spaceTrainsFromAFocusedButtonButTypesASpaceInATextField(FxRobot robot) {
        fxRun(() -> vm.editSetup(s -> s.withEpochs(1_000_000)));
        fxRun(() -> ((Button) robot.lookup("#stepButton").query()).requestFocus());
        robot.type(KeyCode.SPACE);
        waitUntil("Space on the focused Step button trains", 5, () -> vm.state() == RunState.RUNNING);
        // Step is disabled while training: the focus goes to Pause, so the next Space pauses (and does not type a
        // space into the Epochs field, the next control in line).
        assertEquals("pauseButton", fx(() -> window.getScene().getFocusOwner().getId()));
        robot.type(KeyCode.SPACE);
        waitUntil("and pauses", 5, () -> vm.state() == RunState.PAUSED);
        TextField epochs = robot.lookup("#epochsField").queryAs(TextField.class);
        robot.clickOn(epochs);
        robot.type(KeyCode.END).type(KeyCode.SPACE);
        settle();
        assertEquals(RunState.PAUSED, fx(vm::state), "in a text field Space is a space");
        assertTrue(fx(epochs::getText).endsWith(" "), "'" + fx(epochs::getText) + "'");
    }

    @Test void presenterKeysScaleTheWholeWindowAndZeroResets(FxRobot robot) {
        double before = fx(() -> window.graph().getWidth());
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        assertEquals(1.1, fx(Presenter::scale), 1e-9);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(1.25, fx(Presenter::scale), 1e-9, "Ctrl++ (Shift and =) too");
        robot.press(KeyCode.CONTROL, KeyCode.ADD).release(KeyCode.ADD, KeyCode.CONTROL);
        assertEquals(1.5, fx(Presenter::scale), 1e-9, "and the number pad's +");
        settle();
        double scaled = fx(() -> window.graph().getWidth());
        assertTrue(scaled < before, "the same window holds less at 150 %: " + before + " -> " + scaled);
        robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        assertEquals(1.25, fx(Presenter::scale), 1e-9);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        assertEquals(1.0, fx(Presenter::scale), 1e-9);
        settle();
        assertEquals(before, fx(() -> window.graph().getWidth()), 1.0, "back to the same layout");
    }
}
