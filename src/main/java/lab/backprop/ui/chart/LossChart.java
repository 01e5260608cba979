package lab.backprop.ui.chart;

import java.util.List;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import lab.backprop.train.LossHistory;
import lab.backprop.ui.Palette;
import lab.backprop.ui.Palette.Key;
import lab.backprop.ui.ResizableCanvas;

/**
 * Loss curves on a canvas that fills this region: the one chart of the app (the main loss curve, twin runs). Each
 * curve is drawn from the bounded buckets of a {@link LossHistory}: a min..max band per pixel column plus a line
 * through the columns' lowest and highest last values, so spikes survive any run length and a redraw costs at most
 * a few points per pixel column. Linear or log scale, round ticks (1-2-5 steps, never past the data), a label on
 * every decade of the log scale, axis titles, and a legend when there is more than one curve. The first curve's marks
 * are drawn too: a dot where an edit changed the loss, a square where the data changed, a dashed line at a rewind,
 * a cross at a blow-up. Colours come from the stylesheet ({@link Palette}); it stays sharp in presenter mode.
 */
public final class LossChart extends Region {
    private static final double FLOOR = 1e-12;

    /** One curve: legend text, colour, and the buckets to draw. */
    public record Curve(String label, Color color, LossHistory.View view) { }

    private final ResizableCanvas canvas = new ResizableCanvas(this::redraw);
    private List<Curve> curves = List.of();
    private boolean logScale;
    private String yTitle = "loss (MSE)";

    /** The y axis's title, e.g. "loss (cross-entropy)". */
    public void setYTitle(String title) {
        yTitle = title;
        version.set(version.get() + 1);
        redraw();
    }
    private final double fontSize = 11;
    private int drawnBuckets;
    private int drawnPoints;
    private Bounds plot = new BoundingBox(0, 0, 0, 0);

    /** Goes up whenever what is drawn changes: the summary for a screen reader is out of date then. */
    private final javafx.beans.property.LongProperty version = new javafx.beans.property.SimpleLongProperty(this, "version");

    public LossChart() {
        getStyleClass().add("loss-chart");
        getChildren().add(canvas);
        canvas.setMinSize(0, 0);
        setMinSize(120, 90);
        setPrefSize(420, 220);
        lab.backprop.ui.AccessibleSummary.bind(this, this::describe, version);
    }

    /**
     * The chart in words, its accessible text: for each curve its latest loss and epoch, where it began, its lowest,
     * and the marks. "loss (MSE) per epoch: training loss 0.001449 at epoch 1000 (0.136683 at epoch 0, lowest
     * 0.001449); marked: 1 edit."
     */
    public String describe() {
        StringBuilder sb = new StringBuilder(yTitle).append(" per epoch").append(logScale ? ", log scale" : "");
        boolean any = false;
        java.util.Map<LossHistory.Mark.Kind, Integer> marks = new java.util.EnumMap<>(LossHistory.Mark.Kind.class);
        for (Curve c : curves) {
            LossHistory.View v = c.view();
            if (v.size() == 0) continue;
            double lowest = Double.POSITIVE_INFINITY;
            for (double m : v.min()) if (m < lowest) lowest = m;
            int n = v.size();
            sb.append(any ? "; " : ": ").append(c.label()).append(' ').append(lab.backprop.support.Numbers.loss(v.last()[n - 1]))
                    .append(" at epoch ").append(v.firstEpoch()[n - 1] + v.span() - 1)
                    .append(" (").append(lab.backprop.support.Numbers.loss(v.last()[0])).append(" at epoch ").append(v.firstEpoch()[0])
                    .append(", lowest ").append(lab.backprop.support.Numbers.loss(lowest)).append(')');
            for (LossHistory.Mark m : v.marks()) marks.merge(m.kind(), 1, Integer::sum);
            any = true;
        }
        if (!any) return sb.append(": no epochs yet.").toString();
        if (!marks.isEmpty()) {
            java.util.List<String> said = new java.util.ArrayList<>();
            marks.forEach((k, n) -> said.add(n + " " + switch (k) {
                case EDIT -> n == 1 ? "edit by hand" : "edits by hand";
                case DATA -> n == 1 ? "change of the data" : "changes of the data";
                case REWIND -> n == 1 ? "rewind" : "rewinds";
                case DIVERGED -> n == 1 ? "blow-up" : "blow-ups";
            }));
            sb.append("; marked: ").append(String.join(", ", said));
        }
        return sb.append('.').toString();
    }

    /** The curves drawn. */
    public List<Curve> curves() { return curves; }

    /** Replaces the curves and redraws. */
    public void setCurves(List<Curve> curves) {
        this.curves = List.copyOf(curves);
        version.set(version.get() + 1);
        redraw();
    }

    public void setLogScale(boolean log) {
        if (log == logScale) return;
        logScale = log;
        version.set(version.get() + 1);
        redraw();
    }

    public boolean isLogScale() { return logScale; }

    /** Buckets of the last redraw (bounded by the histories' capacity, however long the run). */
    public int drawnBuckets() { return drawnBuckets; }

    /** Points of the lines of the last redraw: at most two per pixel column and curve, however many buckets. */
    public int drawnPoints() { return drawnPoints; }

    /** Where the last redraw put the plot area, in this region's coordinates. */
    public Bounds plotArea() { return plot; }

    @Override protected void layoutChildren() { canvas.resizeRelocate(0, 0, getWidth(), getHeight()); }

    /** Draws everything again from the curves' views. */
    public void redraw() {
        GraphicsContext g = canvas.graphics();
        double w = canvas.width(), h = canvas.height();
        g.clearRect(0, 0, w, h);
        Palette pal = Palette.current();
        Color gridColor = pal.get(Key.GRID), axisColor = pal.get(Key.AXIS), textColor = pal.get(Key.MUTED_TEXT);
        drawnBuckets = 0;
        drawnPoints = 0;
        if (w < 80 || h < 60) return;
        Font font = Font.font(fontSize);
        g.setFont(font);
        long firstEpoch = Long.MAX_VALUE, lastEpoch = Long.MIN_VALUE;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Curve c : curves) {
            LossHistory.View v = c.view();
            drawnBuckets += v.size();
            if (v.size() == 0) continue;
            firstEpoch = Math.min(firstEpoch, v.firstEpoch()[0]);
            lastEpoch = Math.max(lastEpoch, v.firstEpoch()[v.size() - 1] + v.span() - 1);
            for (int i = 0; i < v.size(); i++) {
                if (Double.isFinite(v.min()[i])) lo = Math.min(lo, v.min()[i]);
                if (Double.isFinite(v.max()[i])) hi = Math.max(hi, v.max()[i]);
            }
        }
        boolean empty = firstEpoch == Long.MAX_VALUE;
        if (empty) { firstEpoch = 0; lastEpoch = 1; }
        lastEpoch = Math.max(lastEpoch, firstEpoch + 1);
        if (!(hi >= lo)) { lo = 0.001; hi = 1; }
        double yLo, yHi;
        if (logScale) {
            yLo = Math.floor(Math.log10(Math.max(lo, FLOOR)));
            yHi = Math.ceil(Math.log10(Math.max(hi, FLOOR)));
            if (yHi <= yLo) yHi = yLo + 1;
        } else {
            yLo = 0;
            yHi = hi <= 0 ? 1 : hi * 1.05;
        }
        double[] yTicks = logScale ? decades(yLo, yHi) : Ticks.within(yLo, yHi, (int) Math.max(2, h / (fontSize * 4)), 0);
        double labelWidth = 0;
        for (double t : yTicks) labelWidth = Math.max(labelWidth, width(yLabel(t), font));
        double lineH = fontSize * 1.3;
        boolean legend = curves.size() > 1;
        double left = Math.ceil(labelWidth + lineH + 10), right = w - 12;
        double top = legend ? lineH + 10 : 8, bottom = h - 2 * lineH - 6;
        if (right - left < 40 || bottom - top < 30) return;
        plot = new BoundingBox(left, top, right - left, bottom - top);
        final double fyLo = yLo, fySpan = yHi - yLo, fTop = top, fBottom = bottom;
        java.util.function.DoubleUnaryOperator yOf = loss -> {
            double t = logScale ? Math.log10(Math.max(loss, FLOOR)) : loss;
            return fBottom - (fBottom - fTop) * (t - fyLo) / fySpan;
        };
        double xScale = (right - left) / (double) (lastEpoch - firstEpoch);

        g.setLineWidth(1);
        g.setFill(textColor);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : yTicks) {
            double y = logScale ? fBottom - (fBottom - fTop) * (t - fyLo) / fySpan : yOf.applyAsDouble(t);
            g.setStroke(gridColor);
            g.strokeLine(left, y, right, y);
            g.fillText(yLabel(t), left - 5, y);
        }
        double[] xTicks = Ticks.within(firstEpoch, lastEpoch, (int) Math.max(2, (right - left) / (fontSize * 7)), 1);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : xTicks) {
            double x = left + (t - firstEpoch) * xScale;
            g.setStroke(axisColor);
            g.strokeLine(x, bottom, x, bottom + 4);
            String text = Ticks.label(t);
            double tw = width(text, font);
            g.fillText(text, Math.max(left + tw / 2, Math.min(right - tw / 2, x)), bottom + 5);
        }
        g.setStroke(axisColor);
        g.strokeLine(left, top, left, bottom);
        g.strokeLine(left, bottom, right, bottom);
        g.fillText("epoch", (left + right) / 2, bottom + 5 + lineH);
        g.save();
        g.translate(fontSize * 0.2, (top + bottom) / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.TOP);
        g.fillText(yTitle + (logScale ? ", log scale" : ""), 0, 0);
        g.restore();

        for (Curve c : curves) drawCurve(g, c, firstEpoch, xScale, left, yOf);
        if (!curves.isEmpty()) drawMarks(g, pal, curves.get(0).view(), firstEpoch, lastEpoch, xScale, left, top, bottom, yOf);
        if (legend) drawLegend(g, font, right, lineH, textColor);
    }

    private void drawCurve(GraphicsContext g, Curve c, long firstEpoch, double xScale, double left,
                           java.util.function.DoubleUnaryOperator yOf) {
        LossHistory.View v = c.view();
        int n = v.size();
        if (n == 0) return;
        double[] min = v.min(), max = v.max(), last = v.last();
        long[] first = v.firstEpoch();
        // At most one band and two line points per pixel column: thousands of buckets on a canvas a few hundred
        // pixels wide would otherwise stroke many segments into each column. Min/max per column keeps spikes.
        // The bands as one path: a stroke per column costs the renderer far more than the pixels it sets.
        g.setStroke(c.color().deriveColor(0, 1, 1, 0.45));
        g.setLineWidth(1);
        g.beginPath();
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
            if (band) {
                g.moveTo(x, yOf.applyAsDouble(finite(bandLo)));
                g.lineTo(x, yOf.applyAsDouble(finite(bandHi)));
            }
            i = j;
        }
        g.stroke();
        g.setStroke(c.color());
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
            for (int k = a; ; k = b) {
                double x = left + (first[k] - firstEpoch) * xScale;
                double y = yOf.applyAsDouble(finite(last[k]));
                if (points++ == 0) g.moveTo(x, y); else g.lineTo(x, y);
                if (k == b) break;
            }
            i = j;
        }
        g.stroke();
        drawnPoints += points;
    }

    private int drawnMarks;

    /** Marks of the last redraw (inside the epochs shown). */
    public int drawnMarks() { return drawnMarks; }

    private void drawMarks(GraphicsContext g, Palette pal, LossHistory.View v, long firstEpoch, long lastEpoch, double xScale, double left,
                           double top, double bottom, java.util.function.DoubleUnaryOperator yOf) {
        drawnMarks = 0;
        for (LossHistory.Mark m : v.marks()) {
            if (m.epoch() < firstEpoch || m.epoch() > lastEpoch) continue;
            drawnMarks++;
            double x = left + (m.epoch() - firstEpoch) * xScale;
            double y = Math.max(top, Math.min(bottom, yOf.applyAsDouble(finite(m.loss()))));
            g.setLineWidth(2);
            switch (m.kind()) {
                case EDIT -> {
                    g.setFill(pal.get(Key.MARK));
                    g.fillOval(x - 4, y - 4, 8, 8);
                }
                case DATA -> {
                    g.setStroke(pal.get(Key.MARK));
                    g.strokeRect(x - 4, y - 4, 8, 8);
                }
                case REWIND -> {
                    g.setStroke(pal.get(Key.MARK));
                    g.setLineDashes(4, 4);
                    g.strokeLine(x, top, x, bottom);
                    g.setLineDashes((double[]) null);
                }
                case DIVERGED -> {
                    g.setStroke(pal.get(Key.STUCK));
                    g.setLineWidth(3);
                    g.strokeLine(x - 6, top + 2, x + 6, top + 14);
                    g.strokeLine(x - 6, top + 14, x + 6, top + 2);
                }
            }
        }
    }

    private void drawLegend(GraphicsContext g, Font font, double right, double lineH, Color textColor) {
        double x = right;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int ci = curves.size() - 1; ci >= 0; ci--) {
            Curve c = curves.get(ci);
            double tw = width(c.label(), font);
            x -= tw + 30;
            g.setStroke(c.color());
            g.setLineWidth(3);
            g.strokeLine(x, lineH / 2 + 3, x + 18, lineH / 2 + 3);
            g.setFill(textColor);
            g.fillText(c.label(), x + 23, lineH / 2 + 3);
            x -= 10;
        }
    }

    private static double[] decades(double lo, double hi) {
        int n = (int) Math.round(hi - lo) + 1;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = lo + i;
        return t;
    }

    private String yLabel(double t) { return logScale ? Ticks.label(Math.pow(10, t)) : Ticks.label(t); }

    private static double finite(double v) { return Double.isFinite(v) ? v : 1e9; }

    private final java.util.Map<String, Double> widths = new java.util.HashMap<>();

    /** Width of a text in a font, remembered: the same tick labels come back every frame. */
    private double width(String text, Font font) {
        if (widths.size() > 512) widths.clear();
        return widths.computeIfAbsent(font.getSize() + "|" + text, k -> {
            Text t = new Text(text);
            t.setFont(font);
            return t.getLayoutBounds().getWidth();
        });
    }
}
