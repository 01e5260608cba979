package lab.backprop.ui.advanced;

import java.util.List;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import lab.backprop.support.Numbers;
import lab.backprop.data.Dataset;
import lab.backprop.model.ChainRuleTrace;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.ui.LabViewModel;

/**
 * The whole chain of one gradient, the detail view under {@link StepThroughView}: pick a sample and a parameter and
 * read every factor of the chain rule with
 * its number (seed 001: dL/dypred * dypred/dh1 * dh1/dw1 = dL/dw1), then the SGD update
 * {@code w <- w - lr * dL/dw} at the lab's learning rate. "Apply this update" sets the parameter to the new value.
 * Follows the view-model's snapshot, data set and rate.
 */
public final class BackpropStepView extends VBox {
    private final ObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>(this, "snapshot");
    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate", 0.1);
    private final ComboBox<String> sampleBox = new ComboBox<>();
    private final ComboBox<String> parameterBox = new ComboBox<>();
    private final Label prediction = new Label();
    private final GridPane factors = new GridPane();
    private final Label product = new Label();
    private final Label exactProduct = new Label();
    private final Label update = new Label();
    private final Label message = new Label();
    private final Button apply = new Button("Apply this update");
    private ChainRuleTrace trace;
    private int traceParameter = -1;
    // Hidden, the step-through skips published snapshots and works out the trace when shown (or asked for it).
    private final lab.backprop.ui.WhenShown whenShown = new lab.backprop.ui.WhenShown(this, () -> { fillParameters(); refresh(); });

    public BackpropStepView(LabViewModel vm) {
        setSpacing(5);
        setPadding(new Insets(6, 8, 6, 8));
        sampleBox.setId("step-sample");
        sampleBox.setTooltip(new Tooltip("The sample whose forward and backward pass is shown"));
        parameterBox.setId("step-parameter");
        parameterBox.setTooltip(new Tooltip("The weight or bias whose chain rule is worked out"));
        prediction.setId("step-prediction");
        factors.setId("step-factors");
        product.setId("step-product");
        update.setId("step-update");
        exactProduct.setId("step-product-exact");
        exactProduct.getStyleClass().add("muted");
        message.setId("step-message");
        apply.setId("step-apply");
        apply.setTooltip(new Tooltip("Change this parameter by the update shown (one SGD step on this sample)"));
        factors.setHgap(10);
        factors.setVgap(3);
        Font mono = Font.font("Monospaced", 12);
        product.setFont(Font.font("Monospaced", FontWeight.BOLD, 13));
        update.setFont(mono);
        prediction.setFont(mono);
        for (Label l : List.of(prediction, product, exactProduct, update, message)) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        apply.setOnAction(e -> {
            if (trace != null) vm.setParameter(traceParameter, trace.updated());
        });
        javafx.scene.layout.FlowPane pickers = new javafx.scene.layout.FlowPane(10, 6, new Label("Sample"), sampleBox, new Label("Parameter"), parameterBox);
        javafx.scene.layout.ColumnConstraints wraps = new javafx.scene.layout.ColumnConstraints();
        wraps.setHgrow(javafx.scene.layout.Priority.SOMETIMES);
        wraps.setMinWidth(60);
        javafx.scene.layout.ColumnConstraints fixed = new javafx.scene.layout.ColumnConstraints();
        fixed.setMinWidth(Region.USE_PREF_SIZE);
        factors.getColumnConstraints().setAll(fixed, wraps, fixed, fixed);
        getChildren().addAll(pickers, prediction, factors, product, exactProduct, update, apply, message);
        sampleBox.valueProperty().addListener((o, a, b) -> refresh());
        parameterBox.valueProperty().addListener((o, a, b) -> refresh());
        snapshot.addListener((o, a, b) -> whenShown.request());
        dataset.addListener((o, a, b) -> { fillSamples(); refresh(); });
        learningRate.addListener((o, a, b) -> refresh());
        dataset.bind(vm.datasetProperty());
        snapshot.bind(vm.snapshotProperty());
        learningRate.bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> vm.setup().learningRate(), vm.setupProperty()));
        lossFunction = vm.setup().loss();
        vm.setupProperty().addListener((o, a, b) -> { if (b.loss() != lossFunction) { lossFunction = b.loss(); whenShown.request(); } });
    }

    public ComboBox<String> sampleChooser() { return sampleBox; }

    /** The network with the lab's loss, so that the chain's first factor is that loss's. */
    private Network withLoss(Network n) {
        n.setLoss(lossFunction);
        return n;
    }

    private volatile lab.backprop.model.LossFunction lossFunction = lab.backprop.model.LossFunction.MSE;

    /** Shows the whole chain of parameter {@code p} (weights first, then biases) for sample {@code sample}. */
    public void showChain(int sample, int p) {
        whenShown.flush();
        if (sample >= 0 && sample < sampleBox.getItems().size()) sampleBox.getSelectionModel().select(sample);
        if (p >= 0 && p < parameterBox.getItems().size()) parameterBox.getSelectionModel().select(p);
    }
    public ComboBox<String> parameterChooser() { whenShown.flush(); return parameterBox; }

    /** The trace on display, or null. */
    public ChainRuleTrace trace() {
        if (!whenShown.isPending()) return trace;
        if (javafx.application.Platform.isFxApplicationThread()) {
            whenShown.flush();
            return trace;
        }
        // Asked off the FX thread while hidden: worked out without touching the controls.
        Snapshot s = snapshot.get();
        Dataset d = dataset.get();
        int sample = sampleBox.getSelectionModel().getSelectedIndex();
        if (s == null || d == null || sample < 0 || sample >= d.size()) return null;
        // The parameter fillParameters() would choose: the one chosen now if the layout has it, else the first.
        int p = Math.max(0, names(s.layout()).indexOf(parameterBox.getValue()));
        Dataset.Sample chosen = d.sample(sample);
        try {
            return ChainRuleTrace.of(withLoss(s.toNetwork()), d.toInput(chosen.raw()), chosen.label(), p, learningRate.get());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void fillSamples() {
        Dataset d = dataset.get();
        int keep = Math.max(0, sampleBox.getSelectionModel().getSelectedIndex());
        sampleBox.getItems().setAll(d == null ? List.of()
                : java.util.stream.IntStream.range(0, d.size()).mapToObj(i -> describe(d.nameOf(i), d.sample(i))).toList());
        if (!sampleBox.getItems().isEmpty()) sampleBox.getSelectionModel().select(Math.min(keep, sampleBox.getItems().size() - 1));
    }

    private static String describe(String name, Dataset.Sample s) {
        StringBuilder sb = new StringBuilder(name).append(" (");
        double[] raw = s.raw();
        for (int i = 0; i < raw.length; i++) sb.append(i > 0 ? ", " : "").append(Numbers.plain(raw[i]));
        return sb.append(" → ").append(Numbers.plain(s.label())).append(')').toString();
    }

    private void fillParameters() {
        Snapshot s = snapshot.get();
        List<String> names = s == null ? List.of() : names(s.layout());
        if (names.equals(parameterBox.getItems())) return;
        String keep = parameterBox.getValue();
        parameterBox.getItems().setAll(names);
        if (names.contains(keep)) parameterBox.setValue(keep);
        else if (!names.isEmpty()) parameterBox.getSelectionModel().select(0);
    }

    private static List<String> names(Layout layout) {
        return java.util.stream.IntStream.range(0, layout.parameterCount())
                .mapToObj(p -> p < layout.weightCount() ? layout.weightName(p) : layout.biasName(p - layout.weightCount())).toList();
    }

    /** Recomputes the trace for the chosen sample and parameter. */
    public void refresh() {
        trace = null;
        factors.getChildren().clear();
        Snapshot s = snapshot.get();
        Dataset d = dataset.get();
        int sample = sampleBox.getSelectionModel().getSelectedIndex();
        int p = parameterBox.getSelectionModel().getSelectedIndex();
        if (s == null || d == null || sample < 0 || p < 0 || sample >= d.size()) {
            clearLines(s == null ? "no network yet" : d == null || d.isEmpty() ? "no samples" : "choose a sample and a parameter");
            return;
        }
        Dataset.Sample chosen = d.sample(sample);
        try {
            trace = ChainRuleTrace.of(withLoss(s.toNetwork()), d.toInput(chosen.raw()), chosen.label(), p, learningRate.get());
            traceParameter = p;
        } catch (RuntimeException e) {
            clearLines(e.getMessage());
            return;
        }
        message.setText("");
        prediction.setText("ypred = " + Numbers.sig3(trace.ypred()) + " (exact " + Numbers.sig(trace.ypred(), 6) + ")" + ",  y = " + Numbers.plain(chosen.label())
                + ",  L = (y - ypred)² = " + Numbers.sig3(trace.loss()));
        // By hand, as seed 001 does: every number rounded to three digits before it is used (ypred = 0.524, so
        // dL/dypred = -2(1 - 0.524) = -0.952, and -0.952 * 0.249 * -0.0904 = 0.0214); the exact value beside it.
        double handYpred = round3(trace.ypred());
        double handProduct = 1;
        int row = 0;
        StringBuilder chain = new StringBuilder("dL/d" + trace.parameterName() + " = ");
        for (ChainRuleTrace.Factor f : trace.factors()) {
            double hand = round3(row == 0 ? -2 * (chosen.label() - handYpred) : f.value());
            handProduct *= hand;
            Label name = new Label(f.name());
            name.setFont(Font.font("Monospaced", FontWeight.BOLD, 12));
            Label formula = new Label("= " + f.formula());
            formula.setFont(Font.font("Monospaced", 12));
            formula.setWrapText(true);
            formula.setMinHeight(Region.USE_PREF_SIZE);
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label("= " + Numbers.sig3(hand));
            value.setFont(Font.font("Monospaced", FontWeight.BOLD, 12));
            value.setId("step-factor-" + row);
            Label exact = new Label("exact " + Numbers.sig(f.value(), 6));
            exact.setId("step-factor-exact-" + row);
            exact.getStyleClass().add("muted");
            exact.setMinWidth(Region.USE_PREF_SIZE);
            value.setMinWidth(Region.USE_PREF_SIZE);
            factors.addRow(row, name, formula, value, exact);
            chain.append(row > 0 ? " * " : "").append(Numbers.sig3(hand));
            row++;
        }
        product.setText(chain.append(" = ").append(Numbers.sig3(handProduct)).toString());
        exactProduct.setText("exact dL/d" + trace.parameterName() + " = " + Numbers.sig(trace.gradient(), 6)
                + "  (the line above rounds each factor to 3 digits first, as the tutorial does)");
        update.setText(trace.parameterName() + " <- " + trace.parameterName() + " - lr * dL/d" + trace.parameterName() + " = "
                + Numbers.sig(trace.value(), 6) + " - " + Numbers.plain(trace.learningRate()) + " * " + Numbers.sig(trace.gradient(), 6)
                + " = " + Numbers.sig(trace.updated(), 7));
        apply.setDisable(false);
    }

    /** Three significant digits, as a number. */
    static double round3(double v) { return Double.parseDouble(Numbers.sig3(v)); }

    private void clearLines(String why) {
        prediction.setText("");
        product.setText("");
        exactProduct.setText("");
        update.setText("");
        message.setText(why);
        apply.setDisable(true);
    }
}
