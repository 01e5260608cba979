package lab.backprop.ui.advanced;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import lab.backprop.support.Numbers;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.train.LossHistory;
import lab.backprop.train.Setups;
import lab.backprop.data.Batching;
import lab.backprop.train.Trainer;
import lab.backprop.train.Job;
import lab.backprop.train.TwinRun;
import lab.backprop.ui.FxTestSupport;
import lab.backprop.ui.LabViewModel;
import lab.backprop.ui.chart.LossChart;

@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class TwinRunViewTest {
    private TwinRunView view;
    private Snapshot start;
    private LabViewModel vm;

    @Start void start(Stage stage) {
        vm = new LabViewModel();
        vm.editSetup(s -> s.withSeed(9)); // the window shows a 2-2-1 drawn from seed 9: the twins start from it
        start = vm.snapshot();
        assertArrayEquals(Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 9).weightsCopy(), start.weights(), 0.0);
        view = new TwinRunView(vm);
        stage.setScene(new Scene(view, 700, 520));
        stage.show();
    }

    @AfterEach void stop() { FxTestSupport.fxRun(vm::dispose); }

    private Job.State state() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> view.jobProperty().get() == null ? null : view.jobProperty().get().state()).get();
    }

    private void runAndWait(FxRobot robot) throws Exception {
        robot.clickOn("#twin-run");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> state() != null
                && state() == Job.State.DONE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int pixelsLike(FxRobot robot, Color target) {
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = view.chart().snapshot(null, null));
        int n = 0;
        // only the plot area, not the legend
        javafx.geometry.Bounds plot = view.chart().plotArea();
        for (int x = (int) plot.getMinX() + 2; x < plot.getMaxX() - 2; x++) {
            for (int y = (int) plot.getMinY() + 2; y < plot.getMaxY() - 2; y++) {
                Color c = img[0].getPixelReader().getColor(x, y);
                if (Math.abs(c.getRed() - target.getRed()) < 0.15 && Math.abs(c.getGreen() - target.getGreen()) < 0.15
                        && Math.abs(c.getBlue() - target.getBlue()) < 0.15) n++;
            }
        }
        return n;
    }

    @Test
    void sgdVersusBatchDrawsTwoDifferentCurvesFromTheSameStart(FxRobot robot) throws Exception {
        robot.clickOn("#twin-paced");
        robot.doubleClickOn("#twin-epochs").write("300");
        runAndWait(robot);
        TwinRun twins = view.twinRunProperty().get();
        assertEquals(300, twins.epoch());
        LossHistory.View a = twins.history(0).view(), b = twins.history(1).view();
        assertEquals(a.last()[0], b.last()[0], 0.0, "identical weights at the start");
        double startLoss = Setups.trainer(start.toNetwork(), BuiltinDatasets.gender(), Batching.Mode.PER_SAMPLE, 0.1, 4, 0).loss();
        assertEquals(startLoss, a.last()[0], 0.0, "the start is the supplied network");
        assertNotEquals(a.last()[a.size() - 1], b.last()[b.size() - 1], "the switch makes a difference");
        lab.backprop.ui.Palette pal = lab.backprop.ui.Palette.current();
        int red = pixelsLike(robot, pal.get(lab.backprop.ui.Palette.Key.CURVE)), blue = pixelsLike(robot, pal.get(lab.backprop.ui.Palette.Key.CURVE_SECOND));
        assertTrue(red > 50 && blue > 50, "both curves drawn: " + red + " red, " + blue + " blue pixels");
        String status = robot.lookup("#twin-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("done after 300 epochs: SGD loss " + Numbers.sig3(twins.latestLoss(0))
                + ";  full batch loss " + Numbers.sig3(twins.latestLoss(1))), status);
    }

    @Test
    void twoLearningRatesOnTheChosenOptimizer(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.modeChooser().setValue(TwinRunView.TWO_RATES);
            view.pacedBox().setSelected(false);
        });
        assertTrue(robot.lookup("#twin-rate-b").query().isVisible());
        robot.doubleClickOn("#twin-rate-a").write("0.05");
        robot.doubleClickOn("#twin-rate-b").write("0.5");
        robot.doubleClickOn("#twin-epochs").write("200");
        runAndWait(robot);
        TwinRun twins = view.twinRunProperty().get();
        assertEquals(0.05, twins.side(0).setup().learningRate());
        assertEquals(0.5, twins.side(1).setup().learningRate());
        assertEquals(twins.side(0).setup().batching(), twins.side(1).setup().batching());
        assertTrue(twins.latestLoss(1) < twins.latestLoss(0), "the larger rate learns faster here");
    }

    /** Gradient descent against Adam from the same weights; each side trains as a trainer of its own would, bit for bit. */
    @Test
    void twoUpdateRulesFromTheSameWeights(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.modeChooser().setValue(TwinRunView.TWO_RULES);
            view.pacedBox().setSelected(false);
        });
        assertTrue(robot.lookup("#twin-rule-b").query().isVisible());
        assertTrue(!robot.lookup("#twin-rate-b").query().isVisible(), "one rate for both");
        robot.doubleClickOn("#twin-rate-a").write("0.05");
        robot.doubleClickOn("#twin-epochs").write("200");
        runAndWait(robot);
        TwinRun twins = view.twinRunProperty().get();
        assertEquals("gd", twins.side(0).setup().update().name());
        assertEquals(new lab.backprop.train.Adam(0.9, 0.999, 1e-8), twins.side(1).setup().update());
        for (int i = 0; i < 2; i++) {
            lab.backprop.train.Trainer alone = twins.side(i).setup().newTrainer(start.toNetwork());
            alone.runEpochs(200);
            assertArrayEquals(alone.network().weightsCopy(), twins.trainer(i).network().weightsCopy(), 0.0, twins.side(i).label());
        }
        assertNotEquals(twins.latestLoss(0), twins.latestLoss(1), "the rule makes a difference");
    }

    @Test
    void mseAgainstCrossEntropyFromTheSameWeights(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.modeChooser().setValue(TwinRunView.TWO_LOSSES);
            view.pacedBox().setSelected(false);
        });
        robot.doubleClickOn("#twin-epochs").write("100");
        runAndWait(robot);
        TwinRun twins = view.twinRunProperty().get();
        assertEquals(lab.backprop.model.LossFunction.MSE, twins.side(0).setup().loss());
        assertEquals(lab.backprop.model.LossFunction.CROSS_ENTROPY, twins.side(1).setup().loss());
        lab.backprop.train.Trainer alone = twins.side(1).setup().newTrainer(start.toNetwork());
        alone.runEpochs(100);
        assertArrayEquals(alone.network().weightsCopy(), twins.trainer(1).network().weightsCopy(), 0.0);
    }

    @Test
    void badRateIsRefusedWithAMessageAndNothingRuns(FxRobot robot) {
        robot.doubleClickOn("#twin-rate-a").write("fast");
        robot.clickOn("#twin-run");
        assertEquals("the learning rate must be a number, got 'fast'", robot.lookup("#twin-status").queryAs(Label.class).getText());
        assertEquals(null, view.jobProperty().get());
    }

    @Test
    void pacedRunCanBeStopped(FxRobot robot) throws Exception {
        robot.doubleClickOn("#twin-epochs").write("1000000");
        robot.clickOn("#twin-run");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.twinRunProperty().get() != null && view.twinRunProperty().get().epoch() > 0);
        robot.clickOn("#twin-stop");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> state() == Job.State.CANCELLED);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.twinRunProperty().get().epoch() < 1_000_000);
        assertTrue(robot.lookup("#twin-status").queryAs(Label.class).getText().startsWith("stopped after"));
    }
}
