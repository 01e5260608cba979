package lab.backprop.ui;

import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import lab.backprop.model.Snapshot;
import lab.backprop.support.Numbers;
import lab.backprop.train.TrainingSetup;

/**
 * What the trainer is doing, the epoch and loss of the network as it is now, steps per second, the setup, and a note
 * on the last file action (it goes when a new network comes). Items wrap onto a second row rather than shrink.
 */
public final class StatusBarView extends FlowPane {
    private final LabViewModel vm;
    final Label state = new Label();
    final Label epoch = new Label();
    final Label loss = new Label();
    final Label speed = new Label();
    final Label setup = new Label();
    final Label message = new Label();
    private long messageGeneration = -1;

    public StatusBarView(LabViewModel vm) {
        super(18, 2);
        this.vm = vm;
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        state.setId("statusState");
        epoch.setId("statusEpoch");
        loss.setId("statusLoss");
        speed.setId("statusSpeed");
        setup.setId("statusSetup");
        message.setId("statusMessage");
        message.getStyleClass().add("status-message");
        message.setWrapText(true);
        state.getStyleClass().add("status-state");
        for (Label l : new Label[] { state, epoch, loss, speed, setup }) l.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(state, epoch, loss, speed, setup, message);
        vm.snapshotProperty().addListener((o, a, b) -> show());
        vm.stateProperty().addListener((o, a, b) -> show());
        vm.stepsPerSecondProperty().addListener((o, a, b) -> show());
        vm.setupProperty().addListener((o, a, b) -> show());
        vm.generationProperty().addListener((o, a, b) -> {
            if (b.longValue() != messageGeneration) message.setText(""); // the note was about the network before
        });
        show();
    }

    /** A short note on what the last file action did (empty clears it); kept until another network is put in place. */
    public void showMessage(String text) {
        message.setText(text == null ? "" : text);
        messageGeneration = vm.generationProperty().get();
    }

    private void show() {
        Snapshot s = vm.snapshot();
        state.setText(vm.state().label());
        epoch.setText("Epoch " + (s == null ? 0 : s.epoch()));
        loss.setText("Loss " + (s == null ? "-" : Numbers.loss(s.loss()))
                + (s == null || Double.isNaN(s.testLoss()) ? "" : " · test " + Numbers.loss(s.testLoss())));
        speed.setText(String.format(Locale.ROOT, "%,.0f steps/s", vm.stepsPerSecondProperty().get()));
        TrainingSetup t = vm.setup();
        String batch = t.batching().mode() != lab.backprop.data.Batching.Mode.FULL_BATCH ? ""
                : t.data().preset().sumsFullBatch() ? " (summed, as seed 000)" : " (mean gradient)";
        setup.setText(t.data().name() + (t.data().isStandardized() ? " (standardized)" : "") + " · "
                + t.architecture().describe(t.data().inputCount()) + " · " + t.batching().describe() + batch
                + " · " + t.init() + " init, seed " + t.seed());
    }
}
