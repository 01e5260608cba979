package lab.backprop.ui.advanced;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lab.backprop.support.Numbers;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Snapshot;
import lab.backprop.train.Setups;
import lab.backprop.data.Batching;
import lab.backprop.train.ParameterHistory;
import lab.backprop.train.Trainer;
import lab.backprop.ui.FxTestSupport;
import lab.backprop.ui.LabViewModel;

@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class HistoryViewTest {
    private HistoryView view;
    private ParameterHistory history;
    private final Map<Long, Snapshot> truth = new HashMap<>();
    private LabViewModel vm;

    @Start void start(Stage stage) throws Exception {
        // The lab trains 200 epochs of gender from seed 5's weights; the same setup trained here gives every epoch's truth.
        vm = new LabViewModel();
        vm.editSetup(s -> s.withSeed(5).withEpochs(200));
        vm.epochsPerSecondProperty().set(0);
        Trainer t = vm.setup().newTrainer();
        assertArrayEquals(Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 5).weightsCopy(), t.network().weightsCopy(), 0.0);
        truth.put(0L, t.snapshot());
        for (int e = 0; e < 200; e++) {
            t.runEpoch();
            truth.put(t.epoch(), t.snapshot());
        }
        vm.train();
        assertTrue(vm.controller().awaitQueued(20, TimeUnit.SECONDS));
        history = vm.parameterHistory();
        assertEquals(201, history.size());
        view = new HistoryView(vm);
        stage.setScene(new Scene(view, 700, 500));
        stage.show();
    }

    @AfterEach void stop() { FxTestSupport.fxRun(vm::dispose); }

    /** What the lab shows after the view asked it to rewind. */
    private Snapshot shown() {
        FxTestSupport.settle();
        return FxTestSupport.fx(vm::snapshot);
    }

    @Test
    void theBarSpansTheRecordedEpochsAndStartsAtTheLatest(FxRobot robot) {
        Slider bar = robot.lookup("#history-scrub").queryAs(Slider.class);
        assertEquals(0, bar.getMin());
        assertEquals(200, bar.getMax());
        assertEquals(200, bar.getValue());
        assertEquals("epoch 200 (latest)", robot.lookup("#history-epoch").queryAs(Label.class).getText());
    }

    @Test
    void movingTheBarEmitsThatEpochsWeights(FxRobot robot) {
        robot.interact(() -> view.scrubTo(120));
        long kept = history.nearestEpoch(120);
        Snapshot s = view.selectedSnapshotProperty().get();
        assertNotNull(s);
        assertEquals(kept, s.epoch());
        assertArrayEquals(truth.get(kept).weights(), s.weights(), 0.0);
        assertArrayEquals(truth.get(kept).biases(), s.biases(), 0.0);
        FxTestSupport.waitUntil("the lab rewound", 5, () -> vm.snapshot().epoch() == kept);
        assertArrayEquals(s.weights(), shown().weights(), 0.0, "the lab shows that epoch's weights");
        assertTrue(robot.lookup("#history-epoch").queryAs(Label.class).getText().startsWith("epoch " + kept + ", loss "));
        assertEquals(Numbers.sig(truth.get(kept).weight(0), 4), robot.lookup("#spark-value-w1").queryAs(Label.class).getText());
    }

    @Test
    void keyboardOnTheBarRewindsToTheFirstEpoch(FxRobot robot) {
        robot.clickOn("#history-scrub").type(KeyCode.HOME);
        Snapshot s = view.selectedSnapshotProperty().get();
        assertEquals(0, s.epoch());
        assertArrayEquals(truth.get(0L).weights(), s.weights(), 0.0);
        FxTestSupport.waitUntil("the lab rewound to 0", 5, () -> vm.snapshot().epoch() == 0);
        assertArrayEquals(s.weights(), shown().weights(), 0.0);
        robot.type(KeyCode.END);
        assertArrayEquals(truth.get(200L).weights(), view.selectedSnapshotProperty().get().weights(), 0.0);
        FxTestSupport.waitUntil("and forward again: the later epochs were kept", 5, () -> vm.snapshot().epoch() == 200);
        assertArrayEquals(truth.get(200L).weights(), shown().weights(), 0.0);
    }

    @Test
    void oneSparklinePerParameterDrawnInColour(FxRobot robot) {
        List<Canvas> lines = view.sparklines();
        assertEquals(9, lines.size());
        assertEquals(List.of("w1", "w2", "w3", "w4", "w5", "w6", "b1", "b2", "b3"),
                lines.stream().map(c -> c.getId().substring("spark-".length())).toList());
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = lines.get(0).snapshot(null, null));
        // The line runs across the whole sparkline: nearly every pixel column holds a pixel nearer the curve colour
        // than the background (the line is anti-aliased, so few pixels are exactly its colour).
        Color line = lab.backprop.ui.Palette.current().get(lab.backprop.ui.Palette.Key.CURVE);
        Color background = lab.backprop.ui.Palette.current().get(lab.backprop.ui.Palette.Key.PLOT_BACKGROUND);
        int width = (int) img[0].getWidth(), columns = 0;
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < img[0].getHeight(); y++) {
                Color c = img[0].getPixelReader().getColor(x, y);
                if (distance(c, line) < distance(c, background)) {
                    columns++;
                    break;
                }
            }
        }
        assertTrue(columns > 0.8 * width, "the line is drawn: " + columns + " of " + width + " columns in the curve colour");
    }

    @Test
    void itFollowsNewEpochsWhileAtTheEnd(FxRobot robot) throws Exception {
        Snapshot last = truth.get(200L);
        lab.backprop.model.Network net = last.toNetwork();
        net.setWeight(0, 42);
        history.record(260, 0.01, net);
        robot.interact(view::refresh);
        Slider bar = robot.lookup("#history-scrub").queryAs(Slider.class);
        assertEquals(260, bar.getMax());
        assertEquals(260, bar.getValue());
        assertEquals("42", robot.lookup("#spark-value-w1").queryAs(Label.class).getText());
        Snapshot now = shown();
        assertEquals(200, now.epoch(), "following the latest epoch is not a rewind");
        assertArrayEquals(last.weights(), now.weights(), 0.0);
    }

    @Test
    void aNewNetworkShapeGetsItsOwnSparklines(FxRobot robot) {
        history.clear();
        robot.interact(view::refresh);
        assertEquals(0, view.sparklines().size());
        assertEquals("nothing recorded yet", robot.lookup("#history-epoch").queryAs(Label.class).getText());
        robot.interact(() -> vm.editSetup(s -> s.withArchitecture(lab.backprop.model.Architecture.of(1, 3, Activation.SIGMOID))));
        robot.interact(view::refresh);
        assertEquals(13, view.sparklines().size());
        assertEquals("spark-b4", view.sparklines().get(12).getId());
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue());
    }
}
