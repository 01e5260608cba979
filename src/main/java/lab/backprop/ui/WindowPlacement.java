package lab.backprop.ui;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Where the window was and how it was split, kept between runs in {@link Preferences} (the user's preferences of this
 * package; a test gives its own node): size, position, maximised or not, the two dividers and the presenter scale.
 * A first start, or a place no screen shows any more, opens at a size that fits the screen's usable area, centred.
 */
public final class WindowPlacement {
    /** The window never gets smaller than this (or the screen's usable area, when that is smaller). */
    public static final double MIN_WIDTH = 960, MIN_HEIGHT = 640;
    /** A first start opens at most this large. */
    public static final double START_WIDTH = 1440, START_HEIGHT = 900;

    private final Preferences prefs;

    public WindowPlacement(Preferences prefs) { this.prefs = prefs; }

    /** The user's own placement. */
    public static WindowPlacement forUser() { return new WindowPlacement(Preferences.userNodeForPackage(WindowPlacement.class).node("window")); }

    /** Sizes and places the stage before it is shown, and the dividers of the window's split panes. */
    public void restore(Stage stage, MainWindow window) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        double w = prefs.getDouble("width", -1), h = prefs.getDouble("height", -1);
        double x = prefs.getDouble("x", Double.NaN), y = prefs.getDouble("y", Double.NaN);
        boolean seen = w > 0 && h > 0 && !Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(x, y, Math.max(1, w), 40).isEmpty(); // its title bar is on some screen
        if (seen) {
            Rectangle2D on = Screen.getScreensForRectangle(x, y, w, 40).get(0).getVisualBounds();
            w = Math.min(w, on.getWidth());
            h = Math.min(h, on.getHeight());
            x = Math.max(on.getMinX(), Math.min(x, on.getMaxX() - w));
            y = Math.max(on.getMinY(), Math.min(y, on.getMaxY() - h));
        } else {
            w = Math.min(START_WIDTH, Math.floor(screen.getWidth() * 0.92));
            h = Math.min(START_HEIGHT, Math.floor(screen.getHeight() * 0.92));
            x = screen.getMinX() + (screen.getWidth() - w) / 2;
            y = screen.getMinY() + (screen.getHeight() - h) / 2;
        }
        stage.setWidth(w);
        stage.setHeight(h);
        stage.setX(x);
        stage.setY(y);
        stage.setMaximized(prefs.getBoolean("maximized", false));
        // The dividers once the window has its size: a split pane laid out first at another width moves them.
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> Platform.runLater(() -> {
            divider(window.centreSplit(), "centre");
            divider(window.leftSplit(), "left");
        }));
        double scale = prefs.getDouble("scale", 1);
        if (scale >= Presenter.STEPS[0] && scale <= Presenter.STEPS[Presenter.STEPS.length - 1]) Presenter.scaleProperty().set(scale);
    }

    private void divider(SplitPane pane, String key) {
        double d = prefs.getDouble(key + "Divider", Double.NaN);
        if (d > 0.1 && d < 0.9) pane.setDividerPositions(d);
    }

    /** Keeps the stage's place and the dividers (called when the window closes). */
    public void save(Stage stage, MainWindow window) {
        prefs.putBoolean("maximized", stage.isMaximized());
        if (!stage.isMaximized() && !stage.isIconified()) {
            prefs.putDouble("x", stage.getX());
            prefs.putDouble("y", stage.getY());
            prefs.putDouble("width", stage.getWidth());
            prefs.putDouble("height", stage.getHeight());
        }
        prefs.putDouble("centreDivider", window.centreSplit().getDividerPositions()[0]);
        prefs.putDouble("leftDivider", window.leftSplit().getDividerPositions()[0]);
        prefs.putDouble("scale", Presenter.scale());
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // the preferences cannot be stored here: the next start opens at the default place
        }
    }
}
