package lab.backprop.ui;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import lab.backprop.support.Numbers;
import lab.backprop.train.LossHistory;
import lab.backprop.ui.chart.LossChart;

/**
 * The MSE per epoch of the lab's network: a {@link LossChart} of its loss history (with marks where an edit, new data
 * or a rewind changed the loss, and where training blew up), the loss of the network as it is now (the same number
 * as the status bar), a log-scale toggle.
 */
public final class LossCurveView extends BorderPane {
    private final LabViewModel vm;
    private final LossChart chart = new LossChart();
    private final CheckBox logScale = new CheckBox("log scale");
    private final Label latest = new Label();
    private final javafx.scene.control.ComboBox<lab.backprop.model.LossFunction> lossChoice = new javafx.scene.control.ComboBox<>();

    public LossCurveView(LabViewModel vm) {
        this.vm = vm;
        getStyleClass().add("panel");
        logScale.setId("logScaleToggle");
        logScale.setTooltip(new Tooltip("Loss on a logarithmic axis: small losses stay visible"));
        logScale.setMinWidth(Region.USE_PREF_SIZE);
        latest.setId("lossLatest");
        latest.getStyleClass().add("muted");
        latest.setWrapText(true); // in a narrow pane (a lesson open at 1024 px) the number wraps, never elides
        latest.setMinHeight(Region.USE_PREF_SIZE);
        latest.setMinWidth(60);
        Label title = new Label("Loss");
        title.getStyleClass().add("panel-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        lossChoice.setId("lossChoice");
        lossChoice.getItems().setAll(lab.backprop.model.LossFunction.values());
        lossChoice.setValue(vm.setup().loss());
        lossChoice.setMinWidth(Region.USE_PREF_SIZE);
        lossChoice.setMaxWidth(Region.USE_PREF_SIZE);
        chart.setYTitle("loss (" + vm.setup().loss() + ")");
        lossChoice.setTooltip(new Tooltip("What the network minimises: the mean squared error (the seeds') or binary cross-entropy,"
                + " whose error term at the sigmoid output is simply ypred - y; a change draws new weights"));
        lossChoice.valueProperty().addListener((o, a, b) -> {
            if (b == null || b == vm.setup().loss()) return;
            String problem = vm.editSetup(s -> s.withLoss(b));
            if (problem != null) vm.report(problem);
        });
        Label perEpoch = new Label("per epoch");
        perEpoch.getStyleClass().add("panel-title");
        perEpoch.setMinWidth(Region.USE_PREF_SIZE);
        HBox titleRow = new HBox(6, title, lossChoice, perEpoch);
        titleRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        titleRow.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane heading = new javafx.scene.layout.FlowPane(10, 0, titleRow, latest); // the number goes under the title when narrow
        heading.setMinWidth(0);
        HBox.setHgrow(heading, Priority.ALWAYS);
        HBox header = new HBox(10, heading, logScale);
        header.setPadding(new Insets(0, 0, 4, 0));
        setTop(header);
        setCenter(chart);
        logScale.selectedProperty().addListener((o, a, b) -> {
            chart.setLogScale(b);
            redraw.now();
        });
        vm.snapshotProperty().addListener((o, a, b) -> update());
        vm.lossHistoryProperty().addListener((o, a, b) -> update());
        vm.setupProperty().addListener((o, a, b) -> { showLatest(); lossChoice.setValue(b.loss()); chart.setYTitle("loss (" + b.loss() + ")"); }); // a new regularisation: its term at once
        redraw.now();
        Palette.current().onChange(this, redraw::now); // a theme switch: the curves in the new colours
    }

    /** The header's number at once (the status bar shows the same one), the curve on its next frame. */
    private void update() {
        showLatest();
        redraw.request();
    }

    private void showLatest() {
        lab.backprop.model.Snapshot s = vm.snapshot();
        latest.setText(s == null ? "" : "now " + Numbers.loss(s.loss())
                + (Double.isNaN(s.testLoss()) ? "" : " · test " + Numbers.loss(s.testLoss()))
                + (vm.setup().regularization().isNone() ? "" : " · " + vm.setup().regularization().kind() + " term "
                        + Numbers.loss(vm.setup().regularization().term(s.weights())))
                + " at epoch " + s.epoch());
    }

    public boolean isLogScale() { return chart.isLogScale(); }

    /** The chart (tests read what it drew). */
    public LossChart chart() { redraw.flush(); return chart; }

    /** Buckets drawn in the last redraw (bounded by the history's capacity, however long the run). */
    public int drawnBuckets() { return chart().drawnBuckets(); }

    /** Points of the loss line in the last redraw: at most two per pixel column, however many buckets. */
    public int drawnPoints() { return chart().drawnPoints(); }

    private final FramePacer redraw = new FramePacer(FramePacer.LOSS, this::draw);

    private void draw() {
        showLatest();
        LossHistory history = vm.lossHistory();
        if (history == null) return;
        LossHistory.View v = history.view();
        LossChart.Curve training = new LossChart.Curve("training loss", Palette.current().get(Palette.Key.CURVE), v);
        chart.setCurves(v.test() == null ? List.of(training)
                : List.of(training, new LossChart.Curve("test loss", Palette.current().get(Palette.Key.CURVE_SECOND), v.test())));
    }
}
