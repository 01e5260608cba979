package lab.backprop.ui.advanced;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lab.backprop.data.BuiltinDatasets;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.train.NetworkFactory;
import lab.backprop.train.Optimizer;
import lab.backprop.train.Trainer;

@ExtendWith(ApplicationExtension.class)
class AdvancedPanelsTest {
    private final SimpleObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>();
    private AdvancedPanels panels;
    private TabPane tabs;
    private Trainer trainer;

    @Start void start(Stage stage) {
        trainer = new Trainer(NetworkFactory.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 2),
                BuiltinDatasets.gender(), Optimizer.SGD, 0.1, 4, 0);
        snapshot.set(trainer.snapshot());
        panels = new AdvancedPanels(BuiltinDatasets.gender(), snapshot);
        tabs = new TabPane();
        // what the main window does with them
        for (Map.Entry<String, Node> e : panels.tabs().entrySet()) tabs.getTabs().add(new Tab(e.getKey(), e.getValue()));
        stage.setScene(new Scene(tabs, 900, 760));
        stage.show();
    }

    /** Trains on this thread and publishes every epoch on the FX thread, as the window would. */
    private List<Snapshot> train(FxRobot robot, int epochs) throws Exception {
        List<Snapshot> published = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            trainer.runEpoch();
            Snapshot s = trainer.snapshot();
            published.add(s);
            robot.interact(() -> snapshot.set(s));
        }
        return published;
    }

    @Test
    void fiveTabsInOrder() {
        assertEquals(List.of("Decision map", "Backprop step", "History", "Twin runs", "Seed sweep"),
                tabs.getTabs().stream().map(Tab::getText).toList());
        assertEquals(5, AdvancedPanels.createTabs(BuiltinDatasets.xor(), new SimpleObjectProperty<>()).size());
    }

    @Test
    void theViewsFollowThePublishedSnapshotAndTheHistoryRecordsIt(FxRobot robot) throws Exception {
        List<Snapshot> published = train(robot, 30);
        assertSame(published.get(29), panels.decisionMapView().getSnapshot());
        assertTrue(panels.decisionMapView().caption().getText().endsWith("epoch 30"));
        assertEquals(30, panels.parameterHistory().latestEpoch());
        assertEquals(31, panels.parameterHistory().size(), "epochs 0..30");
        Network now = published.get(29).toNetwork();
        assertEquals(now.parameter(0), panels.backpropStepView().trace().value(), 0.0);
    }

    @Test
    void scrubbingRewindsTheWindowWithoutLosingTheFuture(FxRobot robot) throws Exception {
        List<Snapshot> published = train(robot, 40);
        robot.clickOn(tabs.getTabs().get(2).getText());
        robot.interact(() -> {
            panels.historyView().refresh();
            panels.historyView().scrubTo(10);
        });
        Snapshot shown = snapshot.get();
        assertEquals(10, shown.epoch());
        assertArrayEquals(published.get(9).weights(), shown.weights(), 0.0);
        assertSame(shown, panels.decisionMapView().getSnapshot(), "the map rewinds too");
        assertEquals(40, panels.parameterHistory().latestEpoch(), "scrubbing keeps the later epochs");
        robot.interact(() -> panels.historyView().scrubTo(35));
        assertArrayEquals(published.get(34).weights(), snapshot.get().weights(), 0.0);
    }

    @Test
    void trainingOnFromAnEarlierPointReplacesTheLaterHistory(FxRobot robot) throws Exception {
        train(robot, 20);
        Network other = trainer.network().copy();
        other.setWeight(0, 7);
        Snapshot branched = other.snapshot(5, 0.2); // e.g. the user rewound the trainer to epoch 5 and edited w1
        robot.interact(() -> snapshot.set(branched));
        assertEquals(5, panels.parameterHistory().latestEpoch());
        assertEquals(7, panels.parameterHistory().at(5).weight(0), 0.0);
    }

    @Test
    void applyingAStepUpdateReachesTheCallback(FxRobot robot) {
        List<BackpropStepView.ParameterUpdate> got = new ArrayList<>();
        robot.interact(() -> panels.setOnApplyUpdate(got::add));
        robot.clickOn("Backprop step").clickOn("#step-apply");
        assertEquals(1, got.size());
        assertEquals("w1", got.get(0).name());
        assertTrue(robot.lookup("#step-product").queryAs(Label.class).getText().startsWith("dL/dw1 = "));
    }

    @Test
    void readOnlyInputsWithARewindCallback(FxRobot robot) throws Exception {
        javafx.beans.property.ReadOnlyObjectWrapper<Snapshot> published = new javafx.beans.property.ReadOnlyObjectWrapper<>();
        javafx.beans.property.ReadOnlyObjectWrapper<lab.backprop.data.Dataset> data =
                new javafx.beans.property.ReadOnlyObjectWrapper<>(BuiltinDatasets.xor());
        Trainer xor = new Trainer(NetworkFactory.twoHOne(2, Activation.SIGMOID, Initializer.UNIFORM_0_1, 3),
                BuiltinDatasets.xor(), Optimizer.BATCH, 1, 4, 0);
        List<Snapshot> rewound = new ArrayList<>();
        AdvancedPanels[] made = new AdvancedPanels[1];
        robot.interact(() -> {
            made[0] = new AdvancedPanels(data.getReadOnlyProperty(), published.getReadOnlyProperty());
            made[0].setOnRewind(rewound::add);
            published.set(xor.snapshot());
        });
        for (int e = 0; e < 10; e++) {
            xor.runEpoch();
            Snapshot s = xor.snapshot();
            robot.interact(() -> published.set(s));
        }
        robot.interact(() -> { made[0].historyView().refresh(); made[0].historyView().scrubTo(4); });
        assertEquals(1, rewound.size());
        assertEquals(4, rewound.get(0).epoch());
        assertEquals(10, published.get().epoch(), "a read-only snapshot is left alone");
        assertEquals(List.of("0 xor 0 (0, 0 → 0)", "0 xor 1 (0, 1 → 1)", "1 xor 0 (1, 0 → 1)", "1 xor 1 (1, 1 → 0)"),
                made[0].backpropStepView().sampleChooser().getItems());
        robot.interact(() -> data.set(BuiltinDatasets.gender()));
        assertTrue(made[0].backpropStepView().sampleChooser().getItems().get(0).startsWith("Alice"));
        assertTrue(made[0].decisionMapView().caption().getText().contains("weight (lb)"));
    }

    @Test
    void rewindingThroughTheTrainerKeepsTheNewestRecord(FxRobot robot) throws Exception {
        List<Snapshot> published = train(robot, 30);
        // like LabViewModel.restoreParameters: the trainer gets the old parameters and republishes them at its epoch
        robot.interact(() -> panels.setOnRewind(old -> {
            Network n = old.toNetwork();
            snapshot.set(n.snapshot(30, old.loss()));
        }));
        robot.interact(() -> { panels.historyView().refresh(); panels.historyView().scrubTo(12); });
        assertEquals(30, snapshot.get().epoch());
        assertArrayEquals(published.get(11).weights(), snapshot.get().weights(), 0.0, "the window shows epoch 12's weights");
        assertArrayEquals(published.get(29).weights(), panels.parameterHistory().at(30).weights(), 0.0,
                "epoch 30 is still what it was, so one can scrub back to it");
        robot.interact(() -> panels.historyView().scrubTo(30));
        assertArrayEquals(published.get(29).weights(), snapshot.get().weights(), 0.0);
    }
}
