package lab.backprop.ui;

import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import lab.backprop.support.Numbers;
import lab.backprop.model.Snapshot;
import lab.backprop.train.TrainingSetup;

/** Epoch, loss, steps per second and what the trainer is doing. */
public final class StatusBarView extends HBox {
    private final LabViewModel vm;
    final Label state = new Label();
    final Label epoch = new Label();
    final Label loss = new Label();
    final Label speed = new Label();
    final Label setup = new Label();
    final Label message = new Label();

    public StatusBarView(LabViewModel vm) {
        super(18);
        this.vm = vm;
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        state.setId("statusState");
        epoch.setId("statusEpoch");
        loss.setId("statusLoss");
        speed.setId("statusSpeed");
        setup.setId("statusSetup");
        message.setId("statusMessage");
        message.getStyleClass().add("muted");
        message.setMinWidth(0);
        state.getStyleClass().add("status-state");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(state, epoch, loss, speed, message, gap, setup);
        vm.snapshotProperty().addListener((o, a, b) -> show());
        vm.stateProperty().addListener((o, a, b) -> show());
        vm.stepsPerSecondProperty().addListener((o, a, b) -> show());
        vm.setupProperty().addListener((o, a, b) -> show());
        show();
    }

    /** A short note on what the last file action did (empty clears it). */
    public void showMessage(String text) { message.setText(text == null ? "" : text); }

    private void show() {
        Snapshot s = vm.snapshot();
        state.setText(vm.state().label());
        epoch.setText("Epoch " + (s == null ? 0 : s.epoch()));
        loss.setText("Loss " + (s == null ? "-" : Numbers.loss(s.loss())));
        speed.setText(String.format(Locale.ROOT, "%,.0f steps/s", vm.stepsPerSecondProperty().get()));
        TrainingSetup t = vm.setup();
        setup.setText(t.data().name() + "  ·  " + t.architecture().describe(t.data().featureCount()) + "  ·  " + t.batching().describe()
                + "  ·  " + t.init() + " init, seed " + t.seed());
    }
}
