package lab.backprop.ui;

import static lab.backprop.ui.FxTestSupport.fx;
import static lab.backprop.ui.FxTestSupport.fxRun;
import static lab.backprop.ui.FxTestSupport.settle;
import static lab.backprop.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lab.backprop.data.Generator;
import lab.backprop.data.Split;
import lab.backprop.ui.advanced.DecisionMapView;

/** Issue 14 in the window: generated sets made again, the test split, the batch size, the discretised map. */
@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class DataToolsTest {
    private LabViewModel vm;
    private MainWindow window;

    @Start void start(Stage stage) {
        vm = new LabViewModel();
        window = new MainWindow(vm);
        window.setErrorDialogs(false);
        BackpropLabApp.show(stage, window);
    }

    @AfterEach void stop() { fxRun(vm::dispose); }

    @Test void aGeneratedSetIsChosenAndMadeAgainWithItsNewSettings(FxRobot robot) {
        DataBar bar = fx(window::dataBar);
        assertFalse(fx(bar::showsGeneration), "gender is not generated: no points to set");
        fxRun(() -> window.controls().dataset.setValue("spiral"));
        settle();
        assertEquals(Generator.Spec.of(Generator.SPIRAL), fx(() -> vm.dataset().generated()));
        assertTrue(fx(bar::showsGeneration));
        double[] weights = fx(() -> vm.snapshot().weights());
        robot.doubleClickOn("#pointsField").write("500").type(javafx.scene.input.KeyCode.ENTER);
        waitUntil("500 points", 5, () -> vm.dataset().size() == 500);
        fxRun(() -> bar.dataSeed.setText("8"));
        fxRun(() -> bar.noise.setValue(30));
        robot.clickOn("#regenerateButton");
        waitUntil("remade", 5, () -> vm.dataset().generated().seed() == 8);
        settle();
        assertEquals(new Generator.Spec(Generator.SPIRAL, 500, 0.3, 8), fx(() -> vm.dataset().generated()));
        assertEquals(new Generator.Spec(Generator.SPIRAL, 500, 0.3, 8).make().samples(), fx(() -> vm.dataset().samples()),
                "the same points as the CLI's --points 500 --noise 0.3 --data-seed 8");
        assertArrayEquals(weights, fx(() -> vm.snapshot().weights()), 0.0, "new points, the same network");
        assertEquals("30 %", fx(() -> bar.noiseLabel.getText()));
        // a bad count is refused with a reason and changes nothing
        fxRun(() -> { bar.points.setText("5"); bar.regenerate(); });
        assertEquals("points must be 10 to 100,000, got 5", fx(window::lastError));
        assertEquals(500, fx(() -> vm.dataset().size()));
    }

    @Test void aTestSplitIsHeldOutDrawnAsRingsAndItsLossDrawnBesideTheTrainingLoss(FxRobot robot) {
        fxRun(() -> window.controls().dataset.setValue("circle"));
        fxRun(() -> window.views().select("Decision map"));
        settle();
        DataBar bar = fx(window::dataBar);
        fxRun(() -> bar.testShare.setValue(30));
        settle();
        assertEquals(new Split(0.3, 1), fx(() -> vm.setup().split()));
        assertEquals(140, fx(() -> vm.controller().trainingData().size()), "200 points, 60 held out");
        assertTrue(fx(() -> window.view(DecisionMapView.class).showsTestPoints()));
        fxRun(() -> { vm.editSetup(s -> s.withEpochs(30)); vm.train(); });
        waitUntil("trained", 20, () -> vm.state() == lab.backprop.train.RunState.IDLE && vm.snapshot().epoch() == 30);
        settle();
        double test = fx(() -> vm.snapshot().testLoss());
        assertTrue(Double.isFinite(test));
        String header = fx(() -> ((javafx.scene.control.Label) window.lookup("#lossLatest")).getText());
        assertTrue(header.contains(" · test " + lab.backprop.support.Numbers.loss(test) + " at epoch 30"), header);
        assertTrue(fx(() -> window.status().loss.getText()).endsWith("test " + lab.backprop.support.Numbers.loss(test)));
        assertEquals(2, fx(() -> window.lossCurve().chart().curves().size()), "training and test loss");
        fxRun(() -> window.view(DecisionMapView.class).testPointsToggle().setSelected(false));
        assertFalse(fx(() -> window.view(DecisionMapView.class).showsTestPoints()));
        // back to none: one curve, no test loss
        fxRun(() -> bar.testShare.setValue(0));
        settle();
        assertTrue(Double.isNaN(fx(() -> vm.snapshot().testLoss())));
        assertEquals(1, fx(() -> window.lossCurve().chart().curves().size()));
        assertFalse(fx(() -> window.view(DecisionMapView.class).testPointsToggle().isVisible()), "no split: no test points to show");
    }

    @Test void theDiscretisedMapHasOneColourPerClass(FxRobot robot) {
        fxRun(() -> window.views().select("Decision map"));
        settle();
        DecisionMapView map = fx(() -> window.view(DecisionMapView.class));
        long smooth = Arrays.stream(fx(map::cellColours)).distinct().count();
        fxRun(() -> map.discretizeToggle().setSelected(true));
        settle();
        long discrete = Arrays.stream(fx(map::cellColours)).distinct().count();
        assertTrue(smooth > 10, "a smooth map has many shades: " + smooth);
        assertTrue(discrete <= 2, "one colour per class: " + discrete);
    }

    @Test void regularisationActsAtOnceAndItsTermIsShownBesideTheLoss(FxRobot robot) {
        RegularizationChoice reg = fx(() -> (RegularizationChoice) window.lookup("#regularizationGroup"));
        assertTrue(fx(() -> reg.rate.isDisabled()), "no rate to set without a regularisation");
        double[] weights = fx(() -> vm.snapshot().weights());
        fxRun(() -> reg.kind.setValue(lab.backprop.model.Regularization.Kind.L2));
        fxRun(() -> reg.rate.setValue(0.01));
        settle();
        assertEquals(new lab.backprop.model.Regularization(lab.backprop.model.Regularization.Kind.L2, 0.01), fx(() -> vm.setup().regularization()));
        assertArrayEquals(weights, fx(() -> vm.snapshot().weights()), 0.0, "the same network");
        double term = new lab.backprop.model.Regularization(lab.backprop.model.Regularization.Kind.L2, 0.01).term(weights);
        String header = fx(() -> ((javafx.scene.control.Label) window.lookup("#lossLatest")).getText());
        assertTrue(header.contains(" · L2 term " + lab.backprop.support.Numbers.loss(term) + " at epoch 0"), header);
    }

    @Test void anUpdateRuleIsChosenWithOnlyItsOwnHyperParameters(FxRobot robot) {
        UpdateRuleChoice choice = fx(() -> (UpdateRuleChoice) window.lookup("#updateRuleGroup"));
        assertFalse(fx(() -> window.lookup("#update-beta1").getParent().isVisible()), "gradient descent has none");
        fxRun(() -> choice.rule.setValue(choice.rule.getItems().stream().filter(r -> r.name().equals("adam")).findFirst().orElseThrow()));
        settle();
        assertEquals(new lab.backprop.train.Adam(0.9, 0.999, 1e-8), fx(() -> vm.setup().update()));
        assertTrue(fx(() -> window.lookup("#update-beta1").getParent().isVisible()));
        assertFalse(fx(() -> window.lookup("#update-beta").getParent().isVisible()), "beta is momentum's");
        robot.doubleClickOn("#update-beta2").write("0.99").type(javafx.scene.input.KeyCode.ENTER);
        settle();
        assertEquals(new lab.backprop.train.Adam(0.9, 0.99, 1e-8), fx(() -> vm.setup().update()));
        fxRun(() -> { ((javafx.scene.control.TextField) window.lookup("#update-beta1")).setText("1.5");
            ((javafx.scene.control.TextField) window.lookup("#update-beta1")).fireEvent(new javafx.event.ActionEvent()); });
        settle();
        assertEquals("beta1 must be 0 or more and below 1, got 1.5", fx(window::lastError));
        assertEquals(new lab.backprop.train.Adam(0.9, 0.99, 1e-8), fx(() -> vm.setup().update()), "a bad value changes nothing");
        assertEquals("0.9", fx(() -> ((javafx.scene.control.TextField) window.lookup("#update-beta1")).getText()));
    }

    @Test void theBatchSizeIsAControlForMiniBatch(FxRobot robot) {
        DataBar bar = fx(window::dataBar);
        assertFalse(fx(bar::showsBatchSize));
        fxRun(() -> vm.editSetup(s -> s.withBatching(lab.backprop.data.Batching.miniBatch(2))));
        settle();
        assertTrue(fx(bar::showsBatchSize));
        fxRun(() -> bar.batchSize.getValueFactory().setValue(3));
        settle();
        assertEquals(3, fx(() -> vm.setup().batching().batchSize()));
        assertEquals(4, fx(() -> ((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) bar.batchSize.getValueFactory()).getMax()),
                "1 to all samples");
    }
}
