package lab.backprop.ui.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import lab.backprop.ui.Palette;

/**
 * The frame of a plot drawn on a canvas: its border, round tick labels under it and left of it ({@link Ticks}), and the
 * axis titles (the vertical one turned). One place for the side views that plot two quantities against each other.
 * <pre>{@code
 * PlotFrame.draw(g, left, top, width, height, xMin, xMax, yMin, yMax, "h1", "h2");
 * }</pre>
 */
public final class PlotFrame {
    private PlotFrame() { }

    /** Draws the frame of the plot area (left, top, w, h) for values x in [xMin, xMax] across and y in [yMin, yMax] up. */
    public static void draw(GraphicsContext g, double left, double top, double w, double h, double xMin, double xMax,
                            double yMin, double yMax, String xTitle, String yTitle) {
        Palette pal = Palette.current();
        g.setStroke(pal.get(Palette.Key.AXIS));
        g.setLineWidth(1);
        g.setLineDashes((double[]) null);
        g.strokeRect(left, top, w, h);
        g.setFill(pal.get(Palette.Key.TEXT));
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double v : Ticks.within(xMin, xMax, (int) Math.max(2, w / 80), 0)) {
            g.fillText(Ticks.label(v), left + (v - xMin) / (xMax - xMin) * w, top + h + 4);
        }
        g.fillText(xTitle, left + w / 2, top + h + 18);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v : Ticks.within(yMin, yMax, (int) Math.max(2, h / 60), 0)) {
            g.fillText(Ticks.label(v), left - 6, top + (yMax - v) / (yMax - yMin) * h);
        }
        g.save();
        g.translate(12, top + h / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(yTitle, 0, 0);
        g.restore();
    }
}
