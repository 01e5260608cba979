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
        assertEquals(List.of("Sigmoid", "Data", "Decision map", "Backprop step", "History", "Twin runs", "Seed sweep"), titles);
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
}
