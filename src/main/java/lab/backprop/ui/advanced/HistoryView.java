package lab.backprop.ui.advanced;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.util.Duration;
import javafx.util.StringConverter;

import lab.backprop.support.Numbers;
import lab.backprop.model.Layout;
import lab.backprop.model.Snapshot;
import lab.backprop.train.ParameterHistory;
import lab.backprop.ui.LabViewModel;

/**
 * A scrub bar over the recorded epochs of a {@link ParameterHistory} and one sparkline per parameter.
 * Moving the bar publishes the parameters at the nearest recorded epoch through
 * {@link #selectedSnapshotProperty()} and rewinds the lab. While shown it re-reads the history four
 * times a second; while the bar sits at its right end it follows the newest epoch (without publishing).
 */
public final class HistoryView extends VBox {
    static final double SPARK_W = 220, SPARK_H = 28;

    private ParameterHistory history;
    private final Slider scrub = new Slider(0, 1, 1);
    private final Label epochLabel = new Label();
    private final GridPane lines = new GridPane();
    private final List<Spark> sparks = new ArrayList<>();
    private final ReadOnlyObjectWrapper<Snapshot> selected = new ReadOnlyObjectWrapper<>(this, "selectedSnapshot");
    // Hidden, the sparklines wait: the poll only notes that a refresh is owed, done when the tab is shown.
    private final lab.backprop.ui.WhenShown whenShown = new lab.backprop.ui.WhenShown(this, this::refresh);
    private final Timeline poll = new Timeline(new KeyFrame(Duration.millis(250), e -> whenShown.request()));
    private final Consumer<Snapshot> onRewind;
    private boolean updatingRange;
    private long[] epochs = new long[0];      // what the sparklines show, from one consistent view
    private double[][] series = new double[0][];
    private Layout sparkLayout;

    /** The lab's parameter history; moving the bar rewinds the lab ({@code restoreParameters}). */
    public HistoryView(LabViewModel vm) {
        this.history = vm.parameterHistory();
        this.onRewind = vm::restoreParameters;
        vm.parameterHistoryProperty().addListener((o, a, b) -> {
            history = b;
            whenShown.request();
        });
        setSpacing(8);
        setPadding(new Insets(12));
        scrub.setId("history-scrub");
        scrub.setTooltip(new Tooltip("Drag to rewind the network to an earlier epoch; training on from there replaces the later history"));
        epochLabel.setId("history-epoch");
        lines.setId("history-sparklines");
        lines.setHgap(10);
        lines.setVgap(4);
        scrub.setShowTickLabels(true);
        scrub.setShowTickMarks(true);
        scrub.setLabelFormatter(new StringConverter<>() {
            @Override public String toString(Double v) { return Long.toString(Math.round(v)); }
            @Override public Double fromString(String s) { return Double.valueOf(s); }
        });
        HBox.setHgrow(scrub, Priority.ALWAYS);
        HBox bar = new HBox(10, new Label("Epoch"), scrub, epochLabel);
        bar.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(lines);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label about = new Label("Every parameter over the epochs (the marked line is the chosen epoch)");
        about.setWrapText(true);
        about.setMinHeight(Region.USE_PREF_SIZE);
        scroll.getStyleClass().add("rows"); // a list of rows: it scrolls by design, like a table
        getChildren().addAll(bar, about, scroll);
        scrub.valueProperty().addListener((o, a, b) -> { if (!updatingRange) select(Math.round(b.doubleValue()), true); });
        poll.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((o, a, b) -> { if (b == null) poll.stop(); else poll.play(); });
        lab.backprop.ui.Palette.current().onChange(this, whenShown::request); // a theme switch: the sparklines again
        refresh();
    }

    public ParameterHistory history() { return history; }

    /** The parameters at the epoch chosen on the scrub bar (null until the user moves it). */
    public ReadOnlyObjectProperty<Snapshot> selectedSnapshotProperty() { return selected.getReadOnlyProperty(); }

    /** Moves the bar to (the recorded epoch nearest to) {@code epoch} and publishes it, as a drag would. */
    public void scrubTo(long epoch) { scrub.setValue(epoch); }

    /** Re-reads the history: range of the bar, sparklines. */
    public void refresh() {
        ParameterHistory.View view = history.view();
        epochs = view.epochs();
        if (epochs.length == 0) {
            epochLabel.setText("nothing recorded yet");
            sparks.clear();
            lines.getChildren().clear();
            sparkLayout = null;
            series = new double[0][];
            scrub.setDisable(true);
            return;
        }
        scrub.setDisable(false);
        boolean atEnd = scrub.getValue() >= scrub.getMax() - 0.5;
        long first = epochs[0], last = epochs[epochs.length - 1];
        updatingRange = true;
        try {
            scrub.setMin(first);
            scrub.setMax(Math.max(last, first + 1));
            scrub.setMajorTickUnit(niceStep((last - first) / 4.0));
            scrub.setMinorTickCount(0);
            if (atEnd) scrub.setValue(scrub.getMax());
        } finally {
            updatingRange = false;
        }
        if (!view.layout().equals(sparkLayout)) rebuildSparks(view.layout());
        series = view.series();
        long chosen = atEnd || selected.get() == null ? last : selected.get().epoch();
        if (atEnd) epochLabel.setText("epoch " + last + " (latest)");
        for (int p = 0; p < series.length; p++) sparks.get(p).draw(series[p], chosen);
    }

    /** 1, 2 or 5 times a power of ten, at least 1. */
    static double niceStep(double rough) {
        if (rough <= 1) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(rough)));
        double m = rough / p;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
    }

    private void select(long epoch, boolean publish) {
        if (history.isEmpty()) return;
        Snapshot s = history.at(epoch);
        epochLabel.setText("epoch " + s.epoch() + ", loss " + Numbers.sig3(s.loss()));
        selected.set(s);
        for (int p = 0; p < sparks.size() && p < series.length; p++) sparks.get(p).draw(series[p], s.epoch());
        if (publish && onRewind != null) onRewind.accept(s);
    }

    private void rebuildSparks(Layout layout) {
        sparkLayout = layout;
        sparks.clear();
        lines.getChildren().clear();
        for (int p = 0; p < layout.parameterCount(); p++) {
            Spark s = new Spark(p < layout.weightCount() ? layout.weightName(p) : layout.biasName(p - layout.weightCount()));
            sparks.add(s);
            lines.addRow(p, s.name, s.canvas, s.value);
        }
    }

    /** The sparkline canvases, one per parameter (w1.., then b1..). */
    public List<Canvas> sparklines() { return sparks.stream().map(s -> s.canvas).toList(); }

    /** One parameter's line, scaled to its own range, with a marker at the chosen epoch. */
    private final class Spark {
        final Label name;
        final Canvas canvas = new Canvas(SPARK_W, SPARK_H);
        final Label value = new Label();

        Spark(String parameter) {
            name = new Label(parameter);
            name.setFont(Font.font("Monospaced", 12));
            value.setFont(Font.font("Monospaced", 12));
            canvas.setId("spark-" + parameter);
            canvas.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
            value.setId("spark-value-" + parameter);
        }

        void draw(double[] series, long chosenEpoch) {
            GraphicsContext g = canvas.getGraphicsContext2D();
            lab.backprop.ui.Palette pal = lab.backprop.ui.Palette.current();
            g.setFill(pal.get(lab.backprop.ui.Palette.Key.PLOT_BACKGROUND));
            g.fillRect(0, 0, SPARK_W, SPARK_H);
            if (series.length == 0 || epochs.length != series.length) return; // nothing, or a refresh pending
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double v : series) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
            double span = hi > lo ? hi - lo : 1;
            long first = epochs[0], last = Math.max(epochs[epochs.length - 1], first + 1);
            double pad = 2;
            g.setStroke(pal.get(lab.backprop.ui.Palette.Key.CURVE));
            g.setLineWidth(1.2);
            g.beginPath();
            for (int i = 0; i < series.length; i++) {
                double x = (epochs[i] - first) / (double) (last - first) * (SPARK_W - 1);
                double y = pad + (1 - (series[i] - lo) / span) * (SPARK_H - 2 * pad);
                if (i == 0) g.moveTo(x, y); else g.lineTo(x, y);
            }
            g.stroke();
            double mx = (chosenEpoch - first) / (double) (last - first) * (SPARK_W - 1);
            g.setStroke(pal.get(lab.backprop.ui.Palette.Key.MARK));
            g.setLineWidth(1);
            g.strokeLine(mx, 0, mx, SPARK_H);
            int at = java.util.Arrays.binarySearch(epochs, chosenEpoch);
            double v = at >= 0 ? series[at] : series[series.length - 1];
            value.setText(Numbers.sig(v, 4));
            // In words, for a screen reader (drawn a few times a second at most: the poll, a move of the bar).
            canvas.setAccessibleText(name.getText() + " over epochs " + first + " to " + epochs[epochs.length - 1] + ": from "
                    + Numbers.sig(series[0], 4) + " to " + Numbers.sig(series[series.length - 1], 4) + ", between " + Numbers.sig(lo, 4)
                    + " and " + Numbers.sig(hi, 4) + "; " + Numbers.sig(v, 4) + " at the chosen epoch " + (at >= 0 ? epochs[at] : epochs[epochs.length - 1]));
        }
    }
}
