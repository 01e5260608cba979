package lab.backprop.ui;

import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import lab.backprop.model.Regularization;
import lab.backprop.train.TrainingSetup;

/**
 * Regularisation as Playground offers it, one group for the control bar: none / L1 / L2 and its rate (from a list,
 * 0.0001 to 1). Acts at once, also while training (like the learning rate): the next update adds its gradient.
 */
public final class RegularizationChoice extends HBox {
    private static final double[] RATES = { 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1 };
    final ComboBox<Regularization.Kind> kind = new ComboBox<>();
    final ComboBox<Double> rate = new ComboBox<>();
    private final LabViewModel vm;
    private boolean syncing;

    public RegularizationChoice(LabViewModel vm) {
        super(8);
        this.vm = vm;
        setId("regularizationGroup");
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("control-group");
        kind.setId("regularizationChoice");
        kind.getItems().setAll(Regularization.Kind.values());
        kind.setTooltip(new Tooltip("A penalty on the weights: L1 (rate·Σ|w|) pushes small weights to 0, L2 (rate·Σw²/2) shrinks"
                + " them all; added to every update's gradient, its term shown beside the loss"));
        rate.setId("regularizationRateChoice");
        for (double r : RATES) rate.getItems().add(r);
        rate.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Double r) { return r == null ? "" : lab.backprop.support.Numbers.plain(r); }
            @Override public Double fromString(String t) { throw new UnsupportedOperationException(); }
        });
        rate.setTooltip(new Tooltip("The regularisation rate"));
        kind.valueProperty().addListener((o, a, b) -> edit());
        rate.valueProperty().addListener((o, a, b) -> edit());
        Label title = ControlBar.label("Regularization");
        title.setLabelFor(kind);
        rate.setAccessibleText("Regularization rate");
        getChildren().addAll(title, kind, rate);
        for (var n : getChildren()) ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        setMinWidth(Region.USE_PREF_SIZE);
        vm.setupProperty().addListener((o, a, b) -> show(b));
        show(vm.setup());
    }

    private void edit() {
        if (syncing || kind.getValue() == null || rate.getValue() == null) return;
        Regularization next = kind.getValue() == Regularization.Kind.NONE ? Regularization.NONE
                : new Regularization(kind.getValue(), rate.getValue());
        if (next.equals(vm.setup().regularization())) return;
        String problem = vm.editSetup(s -> s.withRegularization(next));
        if (problem != null) vm.report(problem);
        rate.setDisable(kind.getValue() == Regularization.Kind.NONE);
    }

    private void show(TrainingSetup s) {
        syncing = true;
        try {
            Regularization r = s.regularization();
            kind.setValue(r.kind());
            if (!r.isNone()) {
                if (!rate.getItems().contains(r.rate())) rate.getItems().add(r.rate()); // a loaded session's own rate
                rate.setValue(r.rate());
            } else if (rate.getValue() == null) {
                rate.setValue(0.001);
            }
            rate.setDisable(r.kind() == Regularization.Kind.NONE);
        } finally {
            syncing = false;
        }
    }
}
