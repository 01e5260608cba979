package lab.backprop.ui.advanced;

import javafx.scene.paint.Color;

import lab.backprop.model.Activation;

/**
 * Colours of the decision maps: orange for 0 (the negative class), white for 0.5, blue for 1
 * (the positive class), as TensorFlow Playground. A 256-entry table keeps the per-cell cost to a
 * multiply and an array read.
 */
final class HeatColors {
    static final Color NEGATIVE = Color.web("#f59322");
    static final Color POSITIVE = Color.web("#0877bd");
    static final Color NEGATIVE_POINT = Color.web("#c46a00");
    static final Color POSITIVE_POINT = Color.web("#05507f");
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0;
            Color c = t < 0.5 ? NEGATIVE.interpolate(Color.WHITE, t * 2) : Color.WHITE.interpolate(POSITIVE, (t - 0.5) * 2);
            TABLE[i] = argb(c);
        }
    }

    private HeatColors() { }

    static int argb(Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** Colour of a value in [0, 1] (clamped); NaN is grey. */
    static int of(double t) {
        if (Double.isNaN(t)) return 0xff808080;
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
