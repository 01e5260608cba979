package lab.backprop.ui;

import static lab.backprop.ui.FxTestSupport.fx;
import static lab.backprop.ui.FxTestSupport.fxRun;
import static lab.backprop.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.stage.Stage;
import lab.backprop.train.RunState;
import lab.backprop.model.Snapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The issue-4 panels live in the window and act on its network. */
@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class AdvancedTabsInWindowTest {
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

    @Test void everyPanelHasATab() {
        List<String> titles = fx(() -> window.views().titles());
        assertEquals(List.of("Sigmoid", "Data", "Decision map", "Hidden space", "Landscape", "Step through", "History", "Twin runs", "Seed sweep"), titles);
    }

    @Test void everyEpochIsRecordedAndTheScrubBarRewindsTheWholeWindow(FxRobot robot) {
        fxRun(() -> {
            vm.epochsPerSecondProperty().set(0);
            vm.editSetup(s -> s.withEpochs(200));
        });
        robot.clickOn("#trainButton");
        waitUntil("training finished", 30, () -> vm.state() == RunState.IDLE && vm.snapshot().epoch() == 200);
        // The training thread recorded all 201 states (epoch 0 to 200), not only the frames shown.
        assertEquals(201, fx(() -> vm.parameterHistory().size()));
        Snapshot at50 = fx(() -> vm.parameterHistory().at(50));
        assertEquals(50, at50.epoch());

        robot.clickOn("History");
        assertEquals("History", fx(() -> window.views().selected()));
        fxRun(() -> window.view(lab.backprop.ui.advanced.HistoryView.class).scrubTo(50));
        waitUntil("the window shows epoch 50's weights", 10, () -> vm.snapshot().weight(0) == at50.weight(0));
        Snapshot now = fx(() -> vm.snapshot());
        for (int i = 0; i < now.weightCount(); i++) assertEquals(at50.weight(i), now.weight(i), 0.0, "w" + (i + 1));
        for (int i = 0; i < now.biasCount(); i++) assertEquals(at50.bias(i), now.bias(i), 0.0, "b" + (i + 1));
        assertEquals(lab.backprop.support.Numbers.brief(at50.weight(0)), fx(() -> window.graph().edgeLabel("w1")), "the graph shows epoch 50");
        assertEquals("Epoch 50", fx(() -> window.status().epoch.getText()), "so does the status bar");
    }

    @Test void doubleClickingAStuckSeedInTheSweepLoadsThatRunIntoTheMainView(FxRobot robot) {
        robot.clickOn("Seed sweep");
        lab.backprop.ui.advanced.SeedSweepView sweep = fx(() -> window.view(lab.backprop.ui.advanced.SeedSweepView.class));
        robot.doubleClickOn("#sweep-count").write("12");
        robot.doubleClickOn("#sweep-first-seed").write("0");
        robot.clickOn("#sweep-run");
        waitUntil("the sweep listed its stuck seeds", 60, () -> !sweep.stuckList().getItems().isEmpty()
                && sweep.jobProperty().get() != null && sweep.jobProperty().get().state() == lab.backprop.train.Job.State.DONE);
        String first = fx(() -> sweep.stuckList().getItems().get(0));
        assertTrue(first.startsWith("seed 9:"), first + " (seeds 9 and 10 of 0..11 stick, see StuckCheckTest)");
        robot.doubleClickOn(first);
        waitUntil("the main view has XOR with seed 9", 5, () -> vm.dataset().name().equals("xor") && vm.setup().seed() == 9);
        assertEquals(lab.backprop.train.SeedSweep.seed000().withSeed(9).describe(), fx(() -> vm.setup().describe()));
        assertEquals(fx(() -> lab.backprop.train.SeedSweep.seed000().withSeed(9).newNetwork().snapshot(0, Double.NaN).weight(0)),
                fx(() -> vm.snapshot().weight(0)), 0.0, "the same start as the sweep's seed 9");
        assertEquals("9", fx(() -> ((javafx.scene.control.TextField) robot.lookup("#seedField").query()).getText()));
    }
}
