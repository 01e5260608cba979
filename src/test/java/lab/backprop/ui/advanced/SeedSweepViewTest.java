package lab.backprop.ui.advanced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import lab.backprop.train.Job;
import lab.backprop.train.SeedSweep;
import lab.backprop.ui.FxTestSupport;
import lab.backprop.ui.LabViewModel;

@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class SeedSweepViewTest {
    private SeedSweepView view;
    private LabViewModel vm;

    @Start void start(Stage stage) {
        vm = new LabViewModel();
        view = new SeedSweepView(vm);
        stage.setScene(new Scene(view, 700, 560));
        stage.show();
    }

    @AfterEach void stop() { FxTestSupport.fxRun(vm::dispose); }

    private Job.State state() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> view.jobProperty().get().state()).get();
    }

    private String result(FxRobot robot) { return robot.lookup("#sweep-result").queryAs(Label.class).getText(); }

    @Test
    void theLabelShowsTheCountThatThePureSweepComputes(FxRobot robot) throws Exception {
        robot.doubleClickOn("#sweep-count").write("24");
        robot.doubleClickOn("#sweep-first-seed").write("7");
        robot.clickOn("#sweep-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> state() == Job.State.DONE);
        WaitForAsyncUtils.waitForFxEvents();
        SeedSweep.Result expected = SeedSweep.xor().run(7, 24, null, null);
        assertEquals(expected.stuckCount() + " of 24 got stuck with gradient descent", result(robot));
        assertEquals(1.0, robot.lookup("#sweep-progress").queryAs(ProgressBar.class).getProgress());
        @SuppressWarnings("unchecked")
        ListView<String> list = robot.lookup("#sweep-stuck-list").queryAs(ListView.class);
        assertEquals(expected.stuckCount(), list.getItems().size());
        for (SeedSweep.Run r : expected.runs()) {
            if (r.stuck()) assertTrue(list.getItems().stream().anyMatch(s -> s.startsWith("seed " + r.seed() + ": ")), "seed " + r.seed());
        }
    }

    /** The rule of every start is a choice: Adam's count is the pure sweep's with Adam. */
    @Test
    void theSweepCountsStuckStartsPerRule(FxRobot robot) throws Exception {
        robot.doubleClickOn("#sweep-count").write("10");
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ChoiceBox<lab.backprop.train.UpdateRule> rule = robot.lookup("#sweep-rule").queryAs(javafx.scene.control.ChoiceBox.class);
            rule.setValue(rule.getItems().stream().filter(r -> r.name().equals("adam")).findFirst().orElseThrow());
        });
        robot.clickOn("#sweep-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> state() == Job.State.DONE);
        WaitForAsyncUtils.waitForFxEvents();
        SeedSweep.Result expected = SeedSweep.xor().withUpdate(new lab.backprop.train.Adam(0.9, 0.999, 1e-8)).run(0, 10, null, null);
        assertEquals(expected.stuckCount() + " of 10 got stuck with Adam (beta1 0.9, beta2 0.999)", result(robot));
    }

    @Test
    void badNIsRefusedWithAMessage(FxRobot robot) {
        robot.doubleClickOn("#sweep-count").write("many");
        robot.clickOn("#sweep-run");
        assertEquals("N must be a whole number, got 'many'", result(robot));
        assertNull(view.jobProperty().get());
        robot.doubleClickOn("#sweep-count").write("0");
        robot.clickOn("#sweep-run");
        assertEquals("N must be between 1 and 100000, got 0", result(robot));
    }

    @Test
    void aLongSweepCanBeCancelled(FxRobot robot) throws Exception {
        robot.doubleClickOn("#sweep-count").write("100000");
        robot.clickOn("#sweep-run");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> view.jobProperty().get().progress()).get() > 0);
        robot.clickOn("#sweep-cancel");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> state() == Job.State.CANCELLED);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("cancelled", result(robot));
        assertTrue(!robot.lookup("#sweep-run").queryButton().isDisabled());
    }
}
