package lab.backprop.ui.advanced;

import java.util.List;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import lab.backprop.data.Batching;
import lab.backprop.model.Network;
import lab.backprop.support.Numbers;
import lab.backprop.train.Job;
import lab.backprop.train.TrainingSetup;
import lab.backprop.train.TwinRun;
import lab.backprop.ui.LabViewModel;
import lab.backprop.ui.chart.LossChart;

/**
 * Two runs from identical weights that differ in one switch, their loss curves together. The start is the network
 * the window shows now, trained with the window's setup; the runs go on as a background {@link Job}, and the chart
 * redraws every frame while they do.
 */
public final class TwinRunView extends VBox {
    public static final String SGD_VS_BATCH = "SGD vs full batch";
    public static final String TWO_RATES = "two learning rates";
    public static final String TWO_RULES = "two update rules";
    public static final String TWO_LOSSES = "MSE vs cross-entropy";
    private final ChoiceBox<lab.backprop.train.UpdateRule> ruleA = new ChoiceBox<>(), ruleB = new ChoiceBox<>();

    private final LabViewModel vm;
    private final ChoiceBox<String> mode = new ChoiceBox<>();
    private final ChoiceBox<Batching.Mode> batching = new ChoiceBox<>();
    private final TextField rateA = new TextField("0.1");
    private final TextField rateB = new TextField("1");
    private final TextField epochs = new TextField("2000");
    private final CheckBox paced = new CheckBox("slow enough to watch");
    private final Button run = new Button("Run both");
    private final Button stop = new Button("Stop");
    private final Label status = new Label();
    private final LossChart chart = new LossChart();
    private final ReadOnlyObjectWrapper<TwinRun> current = new ReadOnlyObjectWrapper<>(this, "twinRun");
    private final ReadOnlyObjectWrapper<Job<Long>> job = new ReadOnlyObjectWrapper<>(this, "job");
    private final AnimationTimer frames = new AnimationTimer() {
        @Override public void handle(long now) { follow(); }
    };

    public TwinRunView(LabViewModel vm) {
        this.vm = vm;
        setSpacing(8);
        setPadding(new Insets(12));
        mode.setId("twin-mode");
        mode.setTooltip(new Tooltip("What the two runs compare"));
        batching.setId("twin-optimizer");
        batching.setTooltip(new Tooltip("Batching of both runs when comparing two rates"));
        rateA.setId("twin-rate-a");
        rateA.setTooltip(new Tooltip("Learning rate of run A"));
        rateB.setId("twin-rate-b");
        rateB.setTooltip(new Tooltip("Learning rate of run B"));
        epochs.setId("twin-epochs");
        epochs.setTooltip(new Tooltip("Epochs each run trains"));
        paced.setId("twin-paced");
        paced.setTooltip(new Tooltip("Slow the runs down so the curves can be watched growing"));
        run.setId("twin-run");
        run.setTooltip(new Tooltip("Train both runs from the same starting network"));
        stop.setId("twin-stop");
        stop.setTooltip(new Tooltip("Stop both runs"));
        status.setId("twin-status");
        chart.setId("twin-chart");
        chart.setLogScale(true);
        chart.setPrefSize(480, 300);
        chart.setMinSize(200, 160);
        VBox.setVgrow(chart, javafx.scene.layout.Priority.ALWAYS);
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        mode.getItems().setAll(SGD_VS_BATCH, TWO_RATES, TWO_RULES, TWO_LOSSES);
        for (ChoiceBox<lab.backprop.train.UpdateRule> c : List.of(ruleA, ruleB)) {
            c.getItems().setAll(lab.backprop.train.UpdateRule.known());
            c.setConverter(new javafx.util.StringConverter<>() {
                @Override public String toString(lab.backprop.train.UpdateRule r) { return r == null ? "" : r.name(); }
                @Override public lab.backprop.train.UpdateRule fromString(String t) { throw new UnsupportedOperationException(); }
            });
        }
        ruleA.setId("twin-rule-a");
        ruleB.setId("twin-rule-b");
        ruleA.setTooltip(new Tooltip("Update rule of run A (its default hyper-parameters)"));
        ruleB.setTooltip(new Tooltip("Update rule of run B (its default hyper-parameters)"));
        ruleA.setValue(ruleA.getItems().get(0));
        ruleB.setValue(ruleB.getItems().get(ruleB.getItems().size() - 1)); // gradient descent against Adam
        mode.setValue(SGD_VS_BATCH);
        batching.getItems().setAll(Batching.Mode.values());
        batching.setValue(Batching.Mode.PER_SAMPLE);
        rateA.setPrefColumnCount(5);
        rateB.setPrefColumnCount(5);
        epochs.setPrefColumnCount(7);
        paced.setSelected(true);
        Label rateBLabel = new Label("vs rate");
        Label optLabel = new Label("batching");
        for (var n : List.of(rateB, rateBLabel, batching, optLabel)) {
            n.visibleProperty().bind(mode.valueProperty().isEqualTo(TWO_RATES));
            n.managedProperty().bind(n.visibleProperty());
        }
        Label vsRule = new Label("vs");
        for (var n : List.of(ruleA, vsRule, ruleB)) {
            n.visibleProperty().bind(mode.valueProperty().isEqualTo(TWO_RULES));
            n.managedProperty().bind(n.visibleProperty());
        }
        javafx.scene.layout.FlowPane row1 = new javafx.scene.layout.FlowPane(8, 6, new Label("Switch"), mode, optLabel, batching,
                ruleA, vsRule, ruleB, new Label("rate"), rateA, rateBLabel, rateB);
        javafx.scene.layout.FlowPane row2 = new javafx.scene.layout.FlowPane(8, 6, new Label("Epochs"), epochs, paced, run, stop);
        row1.setAlignment(Pos.CENTER_LEFT);
        row2.setAlignment(Pos.CENTER_LEFT);
        stop.setDisable(true);
        run.setOnAction(e -> start());
        stop.setOnAction(e -> { if (job.get() != null) job.get().cancel(); });
        getChildren().addAll(row1, row2, chart, status);
        status.setText("Both runs start from the same weights; only the switch differs.");
        redraw();
        lab.backprop.ui.Palette.current().onChange(this, this::redraw); // a theme switch: the curves in the new colours
    }

    /** The pair of the last run (null before the first). */
    public ReadOnlyObjectProperty<TwinRun> twinRunProperty() { return current.getReadOnlyProperty(); }
    /** The background job of the last run (null before the first). */
    public ReadOnlyObjectProperty<Job<Long>> jobProperty() { return job.getReadOnlyProperty(); }
    LossChart chart() { return chart; }

    /** Starts both runs from the current weights, as the Run button does. Returns false (with a message) on bad input. */
    public boolean start() {
        if (job.get() != null && job.get().isRunning()) return false;
        TwinRun twins;
        long n;
        try {
            n = Numbers.parseWhole(epochs.getText(), "epochs", 1, 10_000_000);
            double a = Numbers.parse(rateA.getText(), "the learning rate");
            if (!(a > 0)) throw new IllegalArgumentException("the learning rate must be positive, got " + rateA.getText().trim());
            TrainingSetup setup = vm.setup();
            Network net = vm.snapshot().toNetwork();
            if (TWO_LOSSES.equals(mode.getValue())) {
                twins = TwinRun.mseVersusCrossEntropy(net, setup.withLearningRate(a));
            } else if (TWO_RULES.equals(mode.getValue())) {
                twins = TwinRun.twoRules(net, setup.withLearningRate(a), ruleA.getValue(), ruleB.getValue());
            } else if (TWO_RATES.equals(mode.getValue())) {
                double b = Numbers.parse(rateB.getText(), "the second learning rate");
                if (!(b > 0)) throw new IllegalArgumentException("the second learning rate must be positive, got " + rateB.getText().trim());
                twins = TwinRun.twoRates(net, setup.withBatching(setup.batching().withMode(batching.getValue())), a, b);
            } else {
                twins = TwinRun.sgdVersusBatch(net, setup.withLearningRate(a));
            }
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return false;
        }
        current.set(twins);
        final long total = n;
        final boolean slow = paced.isSelected();
        job.set(Job.start("twin-run", j -> {
            // Paced: about three seconds in all, in small chunks, so the curves visibly grow.
            long chunk = slow ? Math.max(1, total / 300) : total;
            long done = 0;
            while (done < total && !j.isCancelled()) {
                done += twins.run(Math.min(chunk, total - done), j::isCancelled, e -> j.progress(e, total));
                if (slow) Thread.sleep(10);
                if (twins.failure(0) != null && twins.failure(1) != null) break;
            }
            return done;
        }));
        run.setDisable(true);
        stop.setDisable(false);
        status.setText("running…");
        frames.start();
        return true;
    }

    /** Once per frame while the runs go: the curves, then the outcome. */
    private void follow() {
        redraw();
        Job<Long> j = job.get();
        if (j == null || j.isRunning()) return;
        frames.stop();
        finish(current.get(), switch (j.state()) {
            case DONE -> "done";
            case CANCELLED -> "stopped";
            default -> "failed: " + j.failure().getMessage();
        });
    }

    private void finish(TwinRun twins, String how) {
        run.setDisable(false);
        stop.setDisable(true);
        redraw();
        StringBuilder sb = new StringBuilder(how).append(" after ").append(twins.epoch()).append(" epochs: ");
        for (int i = 0; i < 2; i++) {
            sb.append(i > 0 ? ";  " : "").append(twins.side(i).label()).append(" loss ").append(Numbers.sig3(twins.latestLoss(i)));
            if (twins.failure(i) != null) sb.append(" (diverged)");
        }
        status.setText(sb.toString());
    }

    /** Draws both curves from the histories (thread-safe reads). */
    public void redraw() {
        TwinRun twins = current.get();
        if (twins == null) { chart.setCurves(List.of()); return; }
        lab.backprop.ui.Palette pal = lab.backprop.ui.Palette.current();
        chart.setCurves(List.of(new LossChart.Curve(twins.side(0).label(), pal.get(lab.backprop.ui.Palette.Key.CURVE), twins.history(0).view()),
                new LossChart.Curve(twins.side(1).label(), pal.get(lab.backprop.ui.Palette.Key.CURVE_SECOND), twins.history(1).view())));
    }

    public ChoiceBox<String> modeChooser() { return mode; }
    public TextField epochsField() { return epochs; }
    public CheckBox pacedBox() { return paced; }
}
