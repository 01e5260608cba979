package lab.backprop.ui;

import static lab.backprop.ui.FxTestSupport.fx;
import static lab.backprop.ui.FxTestSupport.fxRun;
import static lab.backprop.ui.FxTestSupport.settle;
import static lab.backprop.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Tab;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lab.backprop.train.RunState;
import lab.backprop.train.LossHistory;
import lab.backprop.ui.advanced.DecisionMapView;

/** What keeps the window smooth at full training speed: hidden panels wait, the loss curve is bounded by its pixels. */
@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class SmoothWindowTest {
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

    private void select(String title) {
        fxRun(() -> window.views().select(title));
        settle();
    }

    private void train(long epochs) {
        fxRun(() -> {
            vm.epochsPerSecondProperty().set(0);
            vm.editSetup(s -> s.withEpochs(epochs));
        });
        long start = fx(() -> vm.snapshot().epoch());
        fxRun(() -> vm.train());
        waitUntil("training finished", 30, () -> vm.state() == RunState.IDLE && vm.snapshot().epoch() == start + epochs);
        settle();
    }

    @Test void aHiddenDecisionMapSkipsSnapshotsAndRedrawsWhenItsTabIsShown() {
        select("Data");
        DecisionMapView map = fx(() -> window.view(DecisionMapView.class));
        long before = fx(map::redrawCount);
        train(300);
        assertEquals(before, fx(map::redrawCount), "no redraw while hidden");
        assertTrue(fx(map::isRedrawPending), "a redraw is owed");
        select("Decision map");
        assertFalse(fx(map::isRedrawPending), "caught up when shown");
        assertTrue(fx(map::redrawCount) > before);
        long epoch = fx(() -> vm.snapshot().epoch());
        assertTrue(fx(() -> map.caption().getText()).endsWith("epoch " + epoch), fx(() -> map.caption().getText()));
    }

    @Test void theSigmoidPlotCatchesUpWhenShownAgain() {
        select("Data");
        double midBefore = fx(() -> window.sigmoid().curveMidpoint());
        train(300);
        select("Sigmoid");
        double bias = fx(() -> vm.snapshot().bias(0));
        assertTrue(midBefore != -bias, "training moved the bias");
        assertEquals(bias, fx(() -> window.sigmoid().biasSlider().getValue()), 1e-9, "slider shows the new bias");
    }

    @Test void theLossCurveDrawsAtMostTwoPointsPerPixelColumn(FxRobot robot) {
        fxRun(() -> {
            LossHistory h = vm.lossHistory();
            h.clear();
            for (int e = 0; e < 4096; e++) h.record(e, 1.0 / (e + 1) + (e % 2) * 0.1); // jagged, so every column has a range
        });
        robot.clickOn("#logScaleToggle"); // redraws
        settle();
        assertEquals(4096, fx(() -> window.lossCurve().drawnBuckets()));
        double width = fx(() -> window.lossCurve().getWidth());
        int points = fx(() -> window.lossCurve().drawnPoints());
        assertTrue(width < 2048, "the canvas is narrower than the buckets: " + width);
        assertTrue(points <= 2 * width, points + " points on " + width + " px");
        assertTrue(points > width / 2, "still a line across the plot: " + points);
    }
}
