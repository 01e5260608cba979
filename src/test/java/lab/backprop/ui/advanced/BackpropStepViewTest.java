package lab.backprop.ui.advanced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lab.backprop.support.Numbers;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.model.ChainRuleTrace;
import lab.backprop.model.Network;
import lab.backprop.ui.FxTestSupport;
import lab.backprop.ui.LabViewModel;

@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class BackpropStepViewTest {
    private BackpropStepView view;
    private Network seed001;
    private LabViewModel vm;

    @Start void start(Stage stage) {
        // Seed 001's worked example: 2-2-1 sigmoid, every weight 1, every bias 0, gender data.
        seed001 = Network.sigmoid(2, 2, 1);
        seed001.fill(1, 0);
        vm = new LabViewModel();
        assertNull(vm.install(vm.setup(), seed001.snapshot(0, Double.NaN)));
        view = new BackpropStepView(vm);
        stage.setScene(new Scene(view, 800, 420));
        stage.show();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void showsSeed001sChainForAliceAndW1(FxRobot robot) {
        assertTrue(view.sampleChooser().getValue().startsWith("Alice"));
        assertEquals("w1", view.parameterChooser().getValue());
        assertEquals("= -0.952", text(robot, "#step-factor-0"));
        assertEquals("= 0.249", text(robot, "#step-factor-1"));
        assertEquals("= -0.0904", text(robot, "#step-factor-2"));
        String product = text(robot, "#step-product");
        assertTrue(product.startsWith("dL/dw1 = -0.952 * 0.249 * -0.0904 = 0.0214"), product);
        ChainRuleTrace exact = ChainRuleTrace.of(seed001, BuiltinDatasets.gender().toInput(133, 65), 1, 0, 0.1);
        assertTrue(text(robot, "#step-prediction").startsWith("ypred = 0.524"), text(robot, "#step-prediction"));
        assertEquals("exact " + Numbers.sig(exact.factors().get(0).value(), 6), text(robot, "#step-factor-exact-0"));
        assertTrue(text(robot, "#step-product-exact").startsWith("exact dL/dw1 = " + Numbers.sig(exact.gradient(), 6)));
        String update = text(robot, "#step-update");
        assertEquals("w1 <- w1 - lr * dL/dw1 = 1 - 0.1 * " + Numbers.sig(exact.gradient(), 6) + " = "
                + Numbers.sig(exact.updated(), 7), update);
        assertTrue(update.contains("0.0214"), update);
    }

    @AfterEach void stop() { FxTestSupport.fxRun(vm::dispose); }

    @Test
    void choosingAnotherParameterAndSampleShowsTheirTrace(FxRobot robot) {
        robot.clickOn("#step-parameter").clickOn("w5");
        ChainRuleTrace w5 = ChainRuleTrace.of(seed001, BuiltinDatasets.gender().toInput(133, 65), 1, 4, 0.1);
        assertEquals(2, w5.factors().size());
        assertEquals("exact " + Numbers.sig(w5.factors().get(1).value(), 6), text(robot, "#step-factor-exact-1"));
        assertEquals("= " + Numbers.sig3(w5.factors().get(1).value()), text(robot, "#step-factor-1"));
        assertTrue(text(robot, "#step-product-exact").startsWith("exact dL/dw5 = " + Numbers.sig(w5.gradient(), 6)));
        assertTrue(robot.lookup("#step-factor-2").tryQuery().isEmpty(), "an output weight has two factors");

        robot.clickOn("#step-sample").clickOn(robot.lookup(".list-cell").match(n -> n instanceof Labeled l && l.getText() != null
                && l.getText().startsWith("Bob")).queryLabeled());
        ChainRuleTrace bob = ChainRuleTrace.of(seed001, BuiltinDatasets.gender().toInput(160, 72), 0, 4, 0.1);
        assertEquals("exact " + Numbers.sig(bob.factors().get(0).value(), 6), text(robot, "#step-factor-exact-0"));
        assertTrue(text(robot, "#step-prediction").contains("y = 0"));
    }

    @Test
    void applyButtonSetsTheParameterToTheUpdatedValue(FxRobot robot) {
        Button apply = robot.lookup("#step-apply").queryButton();
        assertTrue(apply.isVisible());
        double updated = view.trace().updated();
        assertEquals("w1", view.trace().parameterName());
        assertEquals(1 - 0.1 * view.trace().gradient(), updated, 1e-15);
        robot.clickOn(apply);
        FxTestSupport.waitUntil("w1 updated", 5, () -> vm.snapshot().weight(0) == updated);
        assertEquals(1.0, FxTestSupport.fx(() -> vm.snapshot().weight(1)), 0.0, "only w1 changes");
    }

    @Test
    void theUpdateLineFollowsTheLearningRate(FxRobot robot) {
        robot.interact(() -> vm.setLearningRate(0.5));
        assertTrue(text(robot, "#step-update").contains(" - 0.5 * 0.0214"), text(robot, "#step-update"));
        assertEquals(1 - 0.5 * view.trace().gradient(), view.trace().updated(), 1e-15);
    }
}
