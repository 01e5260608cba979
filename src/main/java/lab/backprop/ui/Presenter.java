package lab.backprop.ui;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Presenter mode: the whole window drawn larger, so that the back of a lecture hall can read every number. The window
 * is laid out at its size divided by the {@linkplain #scaleProperty() scale} and drawn scaled up, so every font,
 * stroke and control grows alike; canvases draw at the scale's resolution ({@link ResizableCanvas}), so they stay
 * sharp. Ctrl+= and Ctrl+- step through {@link #STEPS}, Ctrl+0 goes back to 100 %.
 */
public final class Presenter extends Region {
    /** The scales Ctrl+= and Ctrl+- step through. */
    public static final double[] STEPS = { 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0 };
    private static final DoubleProperty SCALE = new SimpleDoubleProperty(1.0);

    private final Node content;
    private final Scale transform = new Scale(1, 1, 0, 0);

    public Presenter(Node content) {
        this.content = content;
        getStyleClass().add("presenter");
        content.getTransforms().add(transform);
        getChildren().add(content);
        SCALE.addListener((o, a, b) -> requestLayout());
    }

    /** The scale of every window (1 = 100 %). FX thread. */
    public static DoubleProperty scaleProperty() { return SCALE; }

    public static double scale() { return SCALE.get(); }

    /** The next step up (or down) from the current scale. */
    public static void step(int direction) {
        double now = SCALE.get();
        double next = now;
        if (direction > 0) {
            for (double s : STEPS) if (s > now + 1e-9) { next = s; break; }
        } else {
            for (int i = STEPS.length - 1; i >= 0; i--) if (STEPS[i] < now - 1e-9) { next = STEPS[i]; break; }
        }
        SCALE.set(next);
    }

    @Override protected void layoutChildren() {
        double s = SCALE.get();
        transform.setX(s);
        transform.setY(s);
        if (content instanceof Region r) r.resizeRelocate(0, 0, getWidth() / s, getHeight() / s);
        else content.relocate(0, 0);
    }

    @Override protected double computePrefWidth(double h) { return content.prefWidth(h) * SCALE.get(); }
    @Override protected double computePrefHeight(double w) { return content.prefHeight(w) * SCALE.get(); }
    @Override protected double computeMinWidth(double h) { return content.minWidth(h) * SCALE.get(); }
    @Override protected double computeMinHeight(double w) { return content.minHeight(w) * SCALE.get(); }
}
