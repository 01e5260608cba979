package lab.backprop.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import lab.backprop.support.Numbers;
import lab.backprop.data.Dataset;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/**
 * Type an input as a person would (pounds and inches for gender) and see the output and class; the
 * graph shows the activations of that input. A field that is not a number gets a validation mark and
 * changes nothing.
 */
public final class PredictPanel extends VBox {
    private final LabViewModel vm;
    private final GridPane grid = new GridPane();
    private final List<TextField> fields = new ArrayList<>();
    private final Label output = new Label();
    private final Label className = new Label();
    private final Label hint = new Label();
    private ValidationSupport validation;
    private boolean fromModel;

    public PredictPanel(LabViewModel vm) {
        super(6);
        this.vm = vm;
        getStyleClass().addAll("panel", "predict-panel");
        Label title = new Label("Predict");
        title.getStyleClass().add("panel-title");
        output.setId("predictOutput");
        output.getStyleClass().add("predict-output");
        className.setId("predictClass");
        className.getStyleClass().add("predict-class");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        grid.setHgap(8);
        grid.setVgap(6);
        getChildren().addAll(title, grid, hint);
        vm.datasetProperty().addListener((o, a, b) -> build(b));
        vm.probeProperty().addListener((o, a, b) -> show(b));
        vm.probeInputProperty().addListener((o, a, b) -> fillFields(b));
        build(vm.dataset());
        show(vm.probeProperty().get());
    }

    /** The input field of feature {@code i}. */
    public TextField field(int i) { return fields.get(i); }

    public ValidationSupport validation() { return validation; }

    private void build(Dataset data) {
        grid.getChildren().clear();
        fields.clear();
        validation = new ValidationSupport();
        for (int i = 0; i < data.featureCount(); i++) {
            TextField field = new TextField();
            field.setId("predictInput" + i);
            field.setPrefColumnCount(7);
            field.setPromptText(data.featureNames().get(i));
            field.setTooltip(new Tooltip(data.featureNames().get(i) + " of the input to predict, in the data's own units"));
            validation.registerValidator(field, false,
                    Validator.createPredicateValidator(t -> Numbers.parse((String) t) != null,
                            "Type a number for " + data.featureNames().get(i) + ", e.g. " + Numbers.brief(data.sample(0).raw(i))));
            field.textProperty().addListener((o, a, b) -> typed());
            fields.add(field);
            grid.add(new Label(data.featureNames().get(i)), 0, i);
            grid.add(field, 1, i);
        }
        int row = data.featureCount();
        grid.add(new Label("output"), 0, row);
        grid.add(output, 1, row);
        grid.add(new Label("class"), 0, row + 1);
        grid.add(className, 1, row + 1);
        hint.setText(shiftHint(data) + "Output ≥ 0.5 means " + data.positiveClass() + ".");
        fillFields(vm.probeInputProperty().get());
    }

    /** "The network sees them shifted by -135 (weight (lb)) and -66 (height (in)). " when the data is shifted. */
    static String shiftHint(Dataset data) {
        double[] shift = data.shift();
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (int i = 0; i < shift.length; i++) {
            if (shift[i] != 0) parts.add(Numbers.plain(shift[i]) + " (" + data.featureNames().get(i) + ")");
        }
        return parts.isEmpty() ? "" : "Values as you would say them; the network sees them shifted by " + String.join(" and ", parts) + ". ";
    }

    private void fillFields(double[] raw) {
        if (raw == null || raw.length != fields.size()) return;
        fromModel = true;
        try {
            for (int i = 0; i < raw.length; i++) {
                Double shown = Numbers.parse(fields.get(i).getText());
                if (shown == null || shown != raw[i]) fields.get(i).setText(Numbers.plain(raw[i]));
            }
        } finally {
            fromModel = false;
        }
    }

    private void typed() {
        if (fromModel) return;
        double[] raw = new double[fields.size()];
        for (int i = 0; i < raw.length; i++) {
            Double v = Numbers.parse(fields.get(i).getText());
            if (v == null) return; // the validation mark says why; the last good prediction stays
            raw[i] = v;
        }
        vm.probeInputProperty().set(raw);
    }

    private void show(Probe p) {
        if (p == null) return;
        output.setText(Numbers.full(p.output()));
        className.setText(p.className());
        boolean positive = p.output() >= 0.5;
        className.getStyleClass().removeAll("positive-class", "negative-class");
        className.getStyleClass().add(positive ? "positive-class" : "negative-class");
    }
}
