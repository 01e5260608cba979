package lab.backprop.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * A canvas that always fills this region, redraws when it is resized or the presenter scale changes, and draws at
 * the scale's resolution so that it stays sharp when the window is drawn larger: the canvas holds {@code scale} pixels
 * per unit and is shrunk back by a transform, and {@link #graphics()} is set up so that drawing code works in the
 * region's own units.
 * <pre>{@code
 * ResizableCanvas plot = new ResizableCanvas(this::draw);
 * void draw() { GraphicsContext g = plot.graphics(); double w = plot.width(), h = plot.height(); ... }
 * }</pre>
 */
public class ResizableCanvas extends Region {
    private final Canvas canvas = new Canvas();
    private final Scale shrink = new Scale(1, 1, 0, 0);
    private final Runnable draw;
    private double drawnScale = 1;

    public ResizableCanvas(Runnable draw) {
        this.draw = draw;
        canvas.getTransforms().add(shrink);
        getChildren().add(canvas);
        setMinSize(100, 80);
        setPrefSize(400, 220);
        Presenter.scaleProperty().addListener((o, a, b) -> requestLayout());
        Palette.current().onChange(this, draw); // a theme switch
    }

    /** The canvas itself (its pixels are {@code scale} times the region's units). */
    public Canvas canvas() { return canvas; }

    /** Width in the region's units. */
    public double width() { return canvas.getWidth() / drawnScale; }

    /** Height in the region's units. */
    public double height() { return canvas.getHeight() / drawnScale; }

    /** The graphics context, cleared transform set to draw in the region's units. */
    public GraphicsContext graphics() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setTransform(drawnScale, 0, 0, drawnScale, 0, 0);
        return g;
    }

    @Override protected void layoutChildren() {
        double s = Math.max(1, Presenter.scale());
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        if (canvas.getWidth() != w * s || canvas.getHeight() != h * s || drawnScale != s) {
            drawnScale = s;
            shrink.setX(1 / s);
            shrink.setY(1 / s);
            canvas.setWidth(w * s);
            canvas.setHeight(h * s);
            draw.run();
        }
    }
}
