package lab.backprop.ui.advanced;

import java.util.List;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import lab.backprop.train.LossHistory;

/**
 * Loss curves on a canvas with a log scale (so 0.25 and 0.001 both stay readable), one colour per curve
 * and a legend. Draws the min-max band of each history bucket and its last value as the line, so a run
 * of millions of epochs costs no more than a short one.
 */
final class LossChart extends Canvas {
    static final double LEFT = 56, TOP = 28, RIGHT = 14, BOTTOM = 34;
    private static final double FLOOR = 1e-8;

    /** One curve: its legend text, colour and buckets. */
    record Curve(String label, Color color, LossHistory.View view) { }

    LossChart(double width, double height) { super(width, height); }

    void draw(List<Curve> curves) {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth(), h = getHeight();
        double pw = w - LEFT - RIGHT, ph = h - TOP - BOTTOM;
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        long maxEpoch = 1;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Curve c : curves) {
            LossHistory.View v = c.view();
            if (v.size() == 0) continue;
            maxEpoch = Math.max(maxEpoch, v.firstEpoch()[v.size() - 1] + v.span() - 1);
            for (int i = 0; i < v.size(); i++) {
                if (Double.isFinite(v.min()[i])) lo = Math.min(lo, Math.max(FLOOR, v.min()[i]));
                if (Double.isFinite(v.max()[i])) hi = Math.max(hi, Math.max(FLOOR, v.max()[i]));
            }
        }
        if (!(hi >= lo)) { lo = 1e-3; hi = 1; }
        double logLo = Math.floor(Math.log10(lo)), logHi = Math.ceil(Math.log10(hi));
        if (logHi <= logLo) logHi = logLo + 1;
        // axes and decade grid
        g.setStroke(Color.gray(0.85));
        g.setFill(Color.gray(0.2));
        g.setFont(Font.font(11));
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double d = logLo; d <= logHi; d++) {
            double y = TOP + (logHi - d) / (logHi - logLo) * ph;
            g.strokeLine(LEFT, y, LEFT + pw, y);
            g.fillText(Numbers.sig(Math.pow(10, d), 1), LEFT - 6, y + 4);
        }
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i <= 4; i++) {
            double x = LEFT + i / 4.0 * pw;
            g.fillText(Long.toString(Math.round(i / 4.0 * maxEpoch)), x, TOP + ph + 16);
        }
        g.fillText("epoch", LEFT + pw / 2, h - 4);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("loss (MSE, log scale)", 4, 14);
        g.setStroke(Color.gray(0.4));
        g.strokeRect(LEFT, TOP, pw, ph);
        final double flo = logLo, fhi = logHi;
        final long fmax = maxEpoch;
        java.util.function.DoubleUnaryOperator yOf = v -> TOP + (fhi - Math.log10(Math.max(FLOOR, v))) / (fhi - flo) * ph;
        java.util.function.LongToDoubleFunction xOf = e -> LEFT + e / (double) fmax * pw;
        double legendX = w - RIGHT - 8;
        for (int ci = curves.size() - 1; ci >= 0; ci--) {
            Curve c = curves.get(ci);
            LossHistory.View v = c.view();
            g.setStroke(c.color());
            g.setLineWidth(2);
            if (v.size() > 0) {
                g.beginPath();
                for (int i = 0; i < v.size(); i++) {
                    double x = xOf.applyAsDouble(v.firstEpoch()[i]);
                    double y = yOf.applyAsDouble(finite(v.last()[i]));
                    if (i == 0) g.moveTo(x, y); else g.lineTo(x, y);
                }
                g.stroke();
                if (v.span() > 1) { // spikes hidden inside a bucket stay visible as a thin band
                    g.setLineWidth(1);
                    for (int i = 0; i < v.size(); i++) {
                        double x = xOf.applyAsDouble(v.firstEpoch()[i]);
                        g.strokeLine(x, yOf.applyAsDouble(finite(v.min()[i])), x, yOf.applyAsDouble(finite(v.max()[i])));
                    }
                }
            }
            // legend, right-aligned on the top line
            g.setFont(Font.font(12));
            String text = c.label();
            Text measure = new Text(text);
            measure.setFont(g.getFont());
            double tw = measure.getLayoutBounds().getWidth() + 40;
            legendX -= tw;
            g.setStroke(c.color());
            g.setLineWidth(3);
            g.strokeLine(legendX, 14, legendX + 20, 14);
            g.setFill(Color.gray(0.1));
            g.fillText(text, legendX + 24, 18);
        }
    }

    private static double finite(double v) { return Double.isFinite(v) ? v : 1e9; }
}
