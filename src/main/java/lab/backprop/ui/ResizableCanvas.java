package lab.backprop.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/** A region holding a canvas that always fills it and redraws when it is resized. */
class ResizableCanvas extends Region {
    final Canvas canvas = new Canvas();
    private final Runnable draw;

    ResizableCanvas(Runnable draw) {
        this.draw = draw;
        getChildren().add(canvas);
        setMinSize(100, 80);
        setPrefSize(400, 220);
    }

    @Override protected void layoutChildren() {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw.run();
        }
    }
}
