package lab.backprop.ui;

import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import lab.backprop.train.LossHistory;

/**
 * The MSE per epoch, drawn on a canvas from the bounded buckets of {@link LossHistory}: each bucket is a
 * vertical min..max band plus a line through its last value, so spikes survive any run length and a
 * redraw costs at most a few thousand segments.
 */
public final class LossCurveView extends BorderPane {
    private static final Color LINE = Color.web("#2563eb");
    private static final Color BAND = Color.web("#93c5fd");
    private static final Color GRID = Color.web("#e5e7eb");
    private static final Color AXIS_TEXT = Color.web("#4b5563");

    private final LabViewModel vm;
    private final ResizableCanvas plot = new ResizableCanvas(this::draw);
    private final CheckBox logScale = new CheckBox("log scale");
    private final Label latest = new Label();
    private long drawnRecorded = -1;
    private int drawnBuckets;
    private int drawnPoints;

    public LossCurveView(LabViewModel vm) {
        this.vm = vm;
        getStyleClass().add("panel");
        logScale.setId("logScaleToggle");
        logScale.setTooltip(new Tooltip("Loss on a logarithmic axis: small losses stay visible"));
        latest.setId("lossLatest");
        latest.getStyleClass().add("muted");
        Label title = new Label("Loss (MSE per epoch)");
        title.getStyleClass().add("panel-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(10, title, latest, gap, logScale);
        header.setPadding(new Insets(0, 0, 4, 0));
        setTop(header);
        setCenter(plot);
        logScale.selectedProperty().addListener((o, a, b) -> draw());
        vm.snapshotProperty().addListener((o, a, b) -> draw());
        vm.lossHistoryProperty().addListener((o, a, b) -> draw());
    }

    public boolean isLogScale() { return logScale.isSelected(); }

    /** Buckets drawn in the last redraw (bounded by the history's capacity, however long the run). */
    public int drawnBuckets() { return drawnBuckets; }

    private void draw() {
        GraphicsContext g = plot.canvas.getGraphicsContext2D();
        double w = plot.canvas.getWidth(), h = plot.canvas.getHeight();
        g.clearRect(0, 0, w, h);
        LossHistory history = vm.lossHistory();
        if (history == null || w < 60 || h < 40) return;
        LossHistory.View v = history.view();
        drawnBuckets = v.size();
        drawnRecorded = v.recorded();
        latest.setText(v.size() == 0 ? "" : "last " + Fmt.loss(v.last()[v.size() - 1]) + " at epoch " + v.firstEpoch()[v.size() - 1]);
        if (v.size() == 0) return;
        boolean log = logScale.isSelected();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.size(); i++) {
            lo = Math.min(lo, v.min()[i]);
            hi = Math.max(hi, v.max()[i]);
        }
        if (log) {
            lo = Math.log10(Math.max(lo, 1e-12));
            hi = Math.log10(Math.max(hi, 1e-12));
            lo = Math.floor(lo);
            hi = Math.ceil(hi);
            if (hi <= lo) hi = lo + 1;
        } else {
            lo = 0;
            hi = hi <= 0 ? 1 : hi * 1.05;
        }
        long firstEpoch = v.firstEpoch()[0];
        long lastEpoch = Math.max(firstEpoch + 1, v.firstEpoch()[v.size() - 1] + v.span() - 1);
        double left = 58, right = w - 12, top = 8, bottom = h - 24;

        g.setFont(Font.font(11));
        g.setLineWidth(1);
        g.setFill(AXIS_TEXT);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        int yTicks = 4;
        for (int k = 0; k <= yTicks; k++) {
            double value = lo + (hi - lo) * k / yTicks;
            double y = bottom - (bottom - top) * k / yTicks;
            g.setStroke(GRID);
            g.strokeLine(left, y, right, y);
            String text = log ? "1e" + Math.round(value) : Fmt.shortNum(value);
            if (!log || Math.abs(value - Math.round(value)) < 1e-9) g.fillText(text, left - 6, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        long previous = Long.MIN_VALUE;
        for (int k = 0; k <= 4; k++) {
            long epoch = firstEpoch + Math.round((lastEpoch - firstEpoch) * k / 4.0);
            if (epoch == previous) continue;
            previous = epoch;
            double x = left + (right - left) * (epoch - firstEpoch) / (double) (lastEpoch - firstEpoch);
            g.fillText(Long.toString(epoch), Math.min(x, right - 14), bottom + 5);
        }
        g.setStroke(Color.web("#9ca3af"));
        g.strokeLine(left, top, left, bottom);
        g.strokeLine(left, bottom, right, bottom);

        double xScale = (right - left) / (lastEpoch - firstEpoch);
        double yLo = lo, ySpan = hi - lo;
        java.util.function.DoubleUnaryOperator yOf = loss -> {
            double t = log ? Math.log10(Math.max(loss, 1e-12)) : loss;
            return bottom - (bottom - top) * (t - yLo) / ySpan;
        };
        // At most one band and two line points per pixel column: up to 4096 buckets on a canvas a few hundred
        // pixels wide would otherwise stroke many segments into each column. Min/max per column keeps spikes.
        int n = v.size();
        double[] min = v.min(), max = v.max(), last = v.last();
        long[] first = v.firstEpoch();
        g.setStroke(BAND);
        int i = 0;
        while (i < n) {
            long column = (long) Math.floor((first[i] - firstEpoch) * xScale);
            double x = left + (first[i] - firstEpoch) * xScale;
            double bandLo = min[i], bandHi = max[i];
            boolean band = max[i] > min[i];
            int j = i + 1;
            for (; j < n && (long) Math.floor((first[j] - firstEpoch) * xScale) == column; j++) {
                bandLo = Math.min(bandLo, min[j]);
                bandHi = Math.max(bandHi, max[j]);
                band |= max[j] > min[j];
            }
            if (band) g.strokeLine(x, yOf.applyAsDouble(bandLo), x, yOf.applyAsDouble(bandHi));
            i = j;
        }
        g.setStroke(LINE);
        g.setLineWidth(2);
        g.beginPath();
        int points = 0;
        i = 0;
        while (i < n) {
            long column = (long) Math.floor((first[i] - firstEpoch) * xScale);
            int lowAt = i, highAt = i;
            int j = i + 1;
            for (; j < n && (long) Math.floor((first[j] - firstEpoch) * xScale) == column; j++) {
                if (last[j] < last[lowAt]) lowAt = j;
                if (last[j] > last[highAt]) highAt = j;
            }
            // The column's lowest and highest value, in the order they came.
            int a = Math.min(lowAt, highAt), b = Math.max(lowAt, highAt);
            for (int k : a == b ? new int[] { a } : new int[] { a, b }) {
                double x = left + (first[k] - firstEpoch) * xScale;
                double y = yOf.applyAsDouble(last[k]);
                if (points++ == 0) g.moveTo(x, y); else g.lineTo(x, y);
            }
            i = j;
        }
        g.stroke();
        drawnPoints = points;
    }

    /** Points of the loss line in the last redraw: at most two per pixel column, however many buckets. */
    public int drawnPoints() { return drawnPoints; }

    long drawnRecorded() { return drawnRecorded; }
}
