package lab.backprop.ui.advanced;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lab.backprop.data.BuiltinDatasets;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Snapshot;
import lab.backprop.train.NetworkFactory;
import lab.backprop.train.Optimizer;
import lab.backprop.train.ParameterHistory;
import lab.backprop.train.Trainer;

@ExtendWith(ApplicationExtension.class)
class HistoryViewTest {
    private HistoryView view;
    private final ParameterHistory history = new ParameterHistory(64);
    private final Map<Long, Snapshot> truth = new HashMap<>();
    private final List<Snapshot> rewinds = new ArrayList<>();

    @Start void start(Stage stage) throws Exception {
        Trainer t = new Trainer(NetworkFactory.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 5),
                BuiltinDatasets.gender(), Optimizer.SGD, 0.1, 4, 0);
        history.record(t);
        truth.put(0L, t.snapshot());
        for (int e = 0; e < 200; e++) {
            t.runEpoch();
            history.record(t);
            truth.put(t.epoch(), t.snapshot());
        }
        view = new HistoryView(history);
        view.setOnRewind(rewinds::add);
        stage.setScene(new Scene(view, 700, 500));
        stage.show();
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
        assertEquals(1, rewinds.size());
        assertEquals(s, rewinds.get(0));
        assertTrue(robot.lookup("#history-epoch").queryAs(Label.class).getText().startsWith("epoch " + kept + ", loss "));
        assertEquals(Numbers.sig(truth.get(kept).weight(0), 4), robot.lookup("#spark-value-w1").queryAs(Label.class).getText());
    }

    @Test
    void keyboardOnTheBarRewindsToTheFirstEpoch(FxRobot robot) {
        robot.clickOn("#history-scrub").type(KeyCode.HOME);
        Snapshot s = view.selectedSnapshotProperty().get();
        assertEquals(0, s.epoch());
        assertArrayEquals(truth.get(0L).weights(), s.weights(), 0.0);
        assertEquals(s, rewinds.get(rewinds.size() - 1));
        robot.type(KeyCode.END);
        assertArrayEquals(truth.get(200L).weights(), view.selectedSnapshotProperty().get().weights(), 0.0);
    }

    @Test
    void oneSparklinePerParameterDrawnInColour(FxRobot robot) {
        List<Canvas> lines = view.sparklines();
        assertEquals(9, lines.size());
        assertEquals(List.of("w1", "w2", "w3", "w4", "w5", "w6", "b1", "b2", "b3"),
                lines.stream().map(c -> c.getId().substring("spark-".length())).toList());
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = lines.get(0).snapshot(null, null));
        int blueish = 0;
        for (int x = 0; x < img[0].getWidth(); x++) {
            for (int y = 0; y < img[0].getHeight(); y++) {
                Color c = img[0].getPixelReader().getColor(x, y);
                if (c.getBlue() > c.getRed() + 0.2) blueish++;
            }
        }
        assertTrue(blueish > 100, "the line is drawn: " + blueish + " blue pixels");
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
        assertEquals(0, rewinds.size(), "following the latest epoch is not a rewind");
    }

    @Test
    void aNewNetworkShapeGetsItsOwnSparklines(FxRobot robot) {
        history.clear();
        robot.interact(view::refresh);
        assertEquals(0, view.sparklines().size());
        assertEquals("nothing recorded yet", robot.lookup("#history-epoch").queryAs(Label.class).getText());
        history.record(0, 0.3, lab.backprop.model.Network.sigmoid(2, 3, 1));
        robot.interact(view::refresh);
        assertEquals(13, view.sparklines().size());
        assertEquals("spark-b4", view.sparklines().get(12).getId());
    }
}
