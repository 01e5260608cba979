package lab.backprop.ui.advanced;

import javafx.scene.paint.Color;

import lab.backprop.model.Activation;

/**
 * Colours of the decision maps: the negative class's colour for 0, the middle colour for 0.5, the positive class's for
 * 1, all three from the stylesheet ({@code -bp-negative-class}, {@code -bp-heat-middle}, {@code -bp-positive-class}).
 * A 256-entry table keeps the per-cell cost to a multiply and an array read; {@link #refresh()} rebuilds it when the
 * stylesheet changes.
 */
final class HeatColors {
    private static final int[] TABLE = new int[256];
    private static int noValue;

    static { refresh(); }

    private HeatColors() { }

    /** Builds the table from the palette's class colours. */
    static void refresh() {
        lab.backprop.ui.Palette p = lab.backprop.ui.Palette.current();
        Color neg = p.get(lab.backprop.ui.Palette.Key.NEGATIVE_CLASS), mid = p.get(lab.backprop.ui.Palette.Key.HEAT_MIDDLE),
                pos = p.get(lab.backprop.ui.Palette.Key.POSITIVE_CLASS);
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0;
            TABLE[i] = argb(t < 0.5 ? neg.interpolate(mid, t * 2) : mid.interpolate(pos, (t - 0.5) * 2));
        }
        noValue = argb(p.get(lab.backprop.ui.Palette.Key.NO_VALUE));
    }

    static int argb(Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** Colour of a value in [0, 1] (clamped); NaN is the stylesheet's {@code -bp-no-value} (grey). */
    static int of(double t) {
        if (Double.isNaN(t)) return noValue;
        int i = (int) (t * 255 + 0.5);
        return TABLE[i < 0 ? 0 : i > 255 ? 255 : i];
    }

    /**
     * Colours a map into {@code argb} by where each value lies in the activation's {@linkplain Activation#range()
     * range}: sigmoid outputs as they are, tanh from [-1, 1]; an unbounded range (ReLU) is scaled by the map's largest
     * value (so a dead neuron is all orange).
     */
    static void paint(double[] values, Activation activation, int[] argb) {
        Activation.Range range = activation.range();
        double top = range.high();
        if (Double.isInfinite(top)) {
            top = range.low();
            for (double v : values) if (v > top) top = v;
        }
        double low = range.low(), scale = top > low ? 1 / (top - low) : 0;
        for (int i = 0; i < values.length; i++) argb[i] = of((values[i] - low) * scale);
    }
}
