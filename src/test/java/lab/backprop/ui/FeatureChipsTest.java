package lab.backprop.ui;

import static lab.backprop.ui.FxTestSupport.fx;
import static lab.backprop.ui.FxTestSupport.fxRun;
import static lab.backprop.ui.FxTestSupport.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lab.backprop.data.Feature;
import lab.backprop.ui.advanced.DecisionMapView;

/** The feature chips on the graph's input side: the input layer follows, the map and Predict stay in two coordinates. */
@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class FeatureChipsTest {
    private LabViewModel vm;
    private MainWindow window;

    @Start void start(Stage stage) {
        vm = new LabViewModel();
        window = new MainWindow(vm);
        window.setErrorDialogs(false);
        BackpropLabApp.show(stage, window);
    }

    @AfterEach void stop() { fxRun(vm::dispose); }

    @Test void turningChipsOnAndOffChangesTheInputs(FxRobot robot) {
        fxRun(() -> window.controls().dataset.setValue("xor"));
        fxRun(() -> window.views().select("Decision map"));
        settle();
        robot.clickOn("#feature-x1x2");
        settle();
        assertEquals(List.of(Feature.X1, Feature.X2, Feature.X1_X2), fx(() -> vm.dataset().features()));
        assertEquals(3, fx(() -> vm.snapshot().layout().inputSize()));
        assertEquals("x1·x2", fx(() -> window.graph().inputCaption("x3")));
        assertTrue(fx(() -> window.view(DecisionMapView.class).cellColours()).length > 0, "the map still draws, over x1 and x2");
        assertEquals(List.of("x1", "x2"), fx(() -> vm.dataset().featureNames()), "Predict still asks for the two coordinates");
        double p = fx(() -> vm.probeProperty().get().output());
        assertEquals(fx(() -> vm.snapshot().toNetwork().predict(vm.dataset().toInput(vm.probeInputProperty().get()))[0]), p, 0.0);
        robot.clickOn("#feature-x1").clickOn("#feature-x2");
        settle();
        assertEquals(List.of(Feature.X1_X2), fx(() -> vm.dataset().features()));
        assertEquals("1-2-1", fx(() -> vm.snapshot().layout().toString()));
        // the last one stays on: a network needs an input
        robot.clickOn("#feature-x1x2");
        settle();
        assertEquals("keep at least one input feature on", fx(window::lastError));
        assertTrue(fx(() -> window.featureChips().chip(Feature.X1_X2).isSelected()));
        assertEquals(List.of(Feature.X1_X2), fx(() -> vm.dataset().features()));
        // back to the seed's data set: it keeps the features chosen for it
        fxRun(() -> window.controls().dataset.setValue("gender"));
        fxRun(() -> window.controls().dataset.setValue("xor"));
        settle();
        assertEquals(List.of(Feature.X1_X2), fx(() -> vm.dataset().features()));
        assertFalse(fx(() -> window.featureChips().chip(Feature.X1).isSelected()));
    }
}
