package lab.backprop.ui.advanced;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.train.Trainer;
import lab.backprop.ui.FxTestSupport;
import lab.backprop.ui.LabViewModel;
import lab.backprop.ui.Views;

/** The "beyond the tutorials" views on one lab, as the window holds them (each built from the view-model). */
@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class AdvancedViewsTest {
    private LabViewModel vm;
    private TabPane tabs;
    private DecisionMapView map;
    private BackpropStepView step;
    private HistoryView history;

    @Start void start(Stage stage) {
        vm = new LabViewModel();
        vm.editSetup(s -> s.withSeed(2));
        vm.epochsPerSecondProperty().set(0);
        map = new DecisionMapView(vm);
        step = new BackpropStepView(vm);
        history = new HistoryView(vm);
        tabs = new TabPane(new Tab("Decision map", map), new Tab("Backprop step", step), new Tab("History", history));
        stage.setScene(new Scene(tabs, 900, 760));
        stage.show();
    }

    @AfterEach void stop() { FxTestSupport.fxRun(vm::dispose); }

    /** Trains {@code epochs} in the lab; returns every epoch's network from the same setup trained here (index e = epoch e). */
    private List<Snapshot> train(FxRobot robot, int epochs) throws Exception {
        Trainer same = FxTestSupport.fx(() -> vm.setup().newTrainer());
        List<Snapshot> truth = new ArrayList<>(List.of(same.snapshot()));
        for (int e = 0; e < epochs; e++) {
            same.runEpoch();
            truth.add(same.snapshot());
        }
        robot.interact(() -> {
            vm.editSetup(s -> s.withEpochs(epochs));
            vm.train();
        });
        assertTrue(vm.controller().awaitQueued(20, TimeUnit.SECONDS));
        FxTestSupport.waitUntil("epoch " + epochs + " shown", 5, () -> vm.snapshot().epoch() == epochs);
        return truth;
    }

    @Test
    void fiveAdvancedViewsInOrderAfterSigmoidAndData() {
        assertEquals(List.of("Sigmoid", "Data", "Decision map", "Hidden space", "Landscape", "Step through", "History", "Twin runs", "Seed sweep"),
                Views.SIDE_PANEL.stream().map(Views.Entry::title).toList());
    }

    @Test
    void theViewsFollowTheLabAndTheHistoryRecordsEveryEpoch(FxRobot robot) throws Exception {
        List<Snapshot> truth = train(robot, 30);
        assertSame(FxTestSupport.fx(vm::snapshot), map.getSnapshot());
        assertTrue(map.caption().getText().endsWith("epoch 30"), map.caption().getText());
        assertEquals(30, vm.parameterHistory().latestEpoch());
        assertEquals(31, vm.parameterHistory().size(), "epochs 0..30");
        assertArrayEquals(truth.get(30).weights(), vm.snapshot().weights(), 0.0, "the lab trains as the setup says");
        Network now = truth.get(30).toNetwork();
        assertEquals(now.parameter(0), FxTestSupport.fx(() -> step.trace()).value(), 0.0);
    }

    @Test
    void scrubbingRewindsTheLabWithoutLosingTheFuture(FxRobot robot) throws Exception {
        List<Snapshot> truth = train(robot, 40);
        robot.clickOn("History");
        robot.interact(() -> {
            history.refresh();
            history.scrubTo(10);
        });
        FxTestSupport.waitUntil("rewound to epoch 10", 5, () -> vm.snapshot().epoch() == 10);
        Snapshot shown = FxTestSupport.fx(vm::snapshot);
        assertArrayEquals(truth.get(10).weights(), shown.weights(), 0.0);
        assertSame(shown, map.getSnapshot(), "the map rewinds too");
        assertEquals(40, vm.parameterHistory().latestEpoch(), "scrubbing keeps the later epochs");
        robot.interact(() -> history.scrubTo(35));
        FxTestSupport.waitUntil("forward to epoch 35", 5, () -> vm.snapshot().epoch() == 35);
        assertArrayEquals(truth.get(35).weights(), FxTestSupport.fx(vm::snapshot).weights(), 0.0);
    }

    @Test
    void trainingOnFromAnEarlierPointReplacesTheLaterHistory(FxRobot robot) throws Exception {
        train(robot, 20);
        robot.clickOn("History");
        robot.interact(() -> {
            history.refresh();
            history.scrubTo(5);
        });
        FxTestSupport.waitUntil("rewound to epoch 5", 5, () -> vm.snapshot().epoch() == 5);
        robot.interact(() -> vm.setParameter(0, 7)); // the user edits w1 there
        FxTestSupport.waitUntil("w1 = 7", 5, () -> vm.snapshot().weight(0) == 7);
        robot.interact(vm::step);
        FxTestSupport.waitUntil("one epoch on", 5, () -> vm.snapshot().epoch() == 6);
        assertEquals(6, vm.parameterHistory().latestEpoch(), "epochs 7..20 of the old line are gone");
        assertEquals(7, vm.parameterHistory().at(5).weight(0), 0.0, "epoch 5 is the edited network now");
        assertEquals(6, vm.lossHistory().latestEpoch());
    }

    @Test
    void applyingAStepUpdateChangesTheParameter(FxRobot robot) {
        double updated = FxTestSupport.fx(() -> step.trace()).updated();
        robot.clickOn("Backprop step").clickOn("#step-apply");
        FxTestSupport.waitUntil("w1 applied", 5, () -> vm.snapshot().weight(0) == updated);
        assertTrue(robot.lookup("#step-product").queryAs(Label.class).getText().startsWith("dL/dw1 = "));
    }

    @Test
    void theViewsFollowADataSetChange(FxRobot robot) throws Exception {
        robot.interact(() -> vm.selectDataset(lab.backprop.data.BuiltinDatasets.xor()));
        assertEquals(List.of("0 xor 0 (0, 0 → 0)", "0 xor 1 (0, 1 → 1)", "1 xor 0 (1, 0 → 1)", "1 xor 1 (1, 1 → 0)"),
                step.sampleChooser().getItems());
        robot.interact(() -> vm.selectDataset(lab.backprop.data.BuiltinDatasets.gender()));
        assertTrue(step.sampleChooser().getItems().get(0).startsWith("Alice"));
        robot.clickOn("Decision map");
        assertTrue(map.caption().getText().contains("weight (lb)"));
    }
}
