package lab.backprop.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import lab.backprop.data.Dataset;
import lab.backprop.support.Numbers;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/**
 * Type an input as a person would (pounds and inches for gender) and see the output and class; the graph shows the
 * activations of that input. While a field's text is not a number the output and class are cleared (never the
 * answer for an earlier keystroke) and the field says why in words ("not a number", "too large"); they come back as
 * soon as the text is a number again.
 */
public final class PredictPanel extends VBox {
    private final LabViewModel vm;
    private final FlowPane inputs = new FlowPane(12, 4);
    private final List<TextField> fields = new ArrayList<>();
    private final List<Label> reasons = new ArrayList<>();
    private final Label output = new Label();
    private final Label className = new Label();
    private final Label hint = new Label();
    private ValidationSupport validation;
    private boolean fromModel;
    private boolean valid = true;

    public PredictPanel(LabViewModel vm) {
        super(3);
        this.vm = vm;
        getStyleClass().addAll("panel", "predict-panel");
        Label title = new Label("Predict");
        title.getStyleClass().add("panel-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        output.setId("predictOutput");
        output.getStyleClass().add("predict-output");
        output.setMinWidth(Region.USE_PREF_SIZE);
        className.setId("predictClass");
        className.getStyleClass().add("predict-class");
        className.setMinWidth(Region.USE_PREF_SIZE);
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        HBox answer = new HBox(8, label("output"), output, label("class"), className);
        answer.setAlignment(Pos.BASELINE_LEFT);
        answer.setMinWidth(Region.USE_PREF_SIZE);
        inputs.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, inputs, answer, hint);
        vm.datasetProperty().addListener((o, a, b) -> build(b));
        vm.probeProperty().addListener((o, a, b) -> show(b));
        vm.probeInputProperty().addListener((o, a, b) -> fillFields(b));
        build(vm.dataset());
        show(vm.probeProperty().get());
    }

    /** The input field of feature {@code i}. */
    public TextField field(int i) { return fields.get(i); }

    /** The words beside field {@code i} saying why its text is not a number ("" when it is). */
    public Label reason(int i) { return reasons.get(i); }

    public ValidationSupport validation() { return validation; }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private void build(Dataset data) {
        inputs.getChildren().clear();
        fields.clear();
        reasons.clear();
        validation = new ValidationSupport();
        for (int i = 0; i < data.featureCount(); i++) {
            TextField field = new TextField();
            field.setId("predictInput" + i);
            field.setPrefColumnCount(6);
            field.setMinWidth(Region.USE_PREF_SIZE);
            field.setPromptText(data.featureNames().get(i));
            field.setTooltip(new Tooltip(data.featureNames().get(i) + " of the input to predict, in the data's own units"));
            validation.registerValidator(field, false,
                    Validator.createPredicateValidator(t -> Numbers.parse((String) t) != null,
                            "Type a number for " + data.featureNames().get(i) + ", e.g. " + Numbers.brief(data.sample(0).raw(i))));
            field.textProperty().addListener((o, a, b) -> typed());
            Label why = new Label();
            why.setId("predictReason" + i);
            why.getStyleClass().add("error-text");
            why.setMinWidth(Region.USE_PREF_SIZE);
            fields.add(field);
            reasons.add(why);
            Label name = label(data.featureNames().get(i));
            name.setLabelFor(field);
            HBox one = new HBox(6, name, field, why);
            one.setAlignment(Pos.CENTER_LEFT);
            one.setMinWidth(Region.USE_PREF_SIZE);
            inputs.getChildren().add(one);
        }
        hint.setText("Output ≥ 0.5 means " + data.positiveClass() + "." + (shiftHint(data).isEmpty() ? "" : " The graph shows the shifted inputs."));
        for (TextField f : fields) f.getTooltip().setText(f.getTooltip().getText() + ". " + shiftHint(data).trim());
        fillFields(vm.probeInputProperty().get());
    }

    /** "Values as you would say them; the network sees them shifted by -135 (weight (lb)) and -66 (height (in)). " */
    static String shiftHint(Dataset data) {
        double[] shift = data.shift();
        List<String> parts = new ArrayList<>();
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
            typed(); // shows the answer for these values (and does not set them again)
        } finally {
            fromModel = false;
        }
    }

    private void typed() {
        double[] raw = new double[fields.size()];
        boolean all = true;
        for (int i = 0; i < raw.length; i++) {
            String why = Numbers.whyNot(fields.get(i).getText());
            reasons.get(i).setText(why == null ? "" : why);
            if (why == null) raw[i] = Numbers.parse(fields.get(i).getText()); else all = false;
        }
        valid = all;
        if (!all) {
            output.setText("—");
            className.setText("");
            className.getStyleClass().removeAll("positive-class", "negative-class");
            return;
        }
        if (!fromModel) vm.probeInputProperty().set(raw);
        show(vm.probeProperty().get());
    }

    private void show(Probe p) {
        if (p == null || !valid) return;
        output.setText(Numbers.full(p.output()));
        className.setText(p.className());
        boolean positive = p.output() >= 0.5;
        className.getStyleClass().removeAll("positive-class", "negative-class");
        className.getStyleClass().add(positive ? "positive-class" : "negative-class");
    }
}
