package lab.backprop.ui;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The colours that views draw with on canvases, read from the stylesheet: every colour lives in {@code app.css} (as
 * looked-up colours {@code -bp-...} on {@code .root}), none in Java. One meaning per colour, from the Okabe-Ito
 * palette that colour-blind readers tell apart: the two classes are blue and orange everywhere; a weight's sign is
 * drawn solid or dashed (and in charcoal or purple), never in a class colour.
 * <pre>{@code
 * g.setFill(Palette.current().get(Palette.Key.POSITIVE_CLASS));
 * Palette.current().revisionProperty().addListener(o -> redraw()); // a theme switch
 * }</pre>
 * It reads them by styling one small region per colour in a scene of its own with the app's stylesheet, so a view
 * gets the same colours in the window, in a test, or in an exported picture. FX thread only.
 */
public final class Palette {
    /** A named colour of the stylesheet: {@code -bp-positive-class} for {@link #POSITIVE_CLASS}. */
    public enum Key {
        POSITIVE_CLASS, NEGATIVE_CLASS, HEAT_MIDDLE,
        WEIGHT_POSITIVE, WEIGHT_NEGATIVE,
        CURVE, CURVE_SECOND, MARK,
        SOLVED, STUCK,
        TEXT, MUTED_TEXT, GRID, AXIS, PLOT_BACKGROUND, POINT_OUTLINE,
        NEURON_LOW, NEURON_HIGH, NEURON_INPUT, NEURON_OUTLINE, SELECTION, REFERENCE;

        /** "positive-class" */
        public String cssName() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
    }

    private static Palette current;

    private final Pane root = new Pane();
    private final Scene scene = new Scene(root);
    private final Map<Key, Region> swatches = new EnumMap<>(Key.class);
    private final Map<Key, Color> colors = new EnumMap<>(Key.class);
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");

    private Palette(String stylesheet) {
        for (Key k : Key.values()) {
            Region r = new Region();
            r.getStyleClass().add("palette-" + k.cssName());
            swatches.put(k, r);
            root.getChildren().add(r);
        }
        useStylesheet(stylesheet);
    }

    /** The palette of the app's stylesheet (made on first use). */
    public static Palette current() {
        if (current == null) current = new Palette(BackpropLabApp.stylesheet());
        return current;
    }

    /** Reads every colour again from {@code stylesheet} (a theme switch) and tells listeners of the revision. */
    public void useStylesheet(String stylesheet) {
        scene.getStylesheets().setAll(stylesheet);
        root.applyCss();
        for (Key k : Key.values()) {
            var bg = swatches.get(k).getBackground();
            Paint p = bg == null || bg.getFills().isEmpty() ? null : bg.getFills().get(0).getFill();
            if (!(p instanceof Color c)) throw new IllegalStateException("the stylesheet has no colour -bp-" + k.cssName());
            colors.put(k, c);
        }
        revision.set(revision.get() + 1);
    }

    public Color get(Key key) { return colors.get(key); }

    /** The colour of a class: the positive class for label 1, the negative for label 0. */
    public Color classColor(boolean positive) { return get(positive ? Key.POSITIVE_CLASS : Key.NEGATIVE_CLASS); }

    /** Goes up on every {@link #useStylesheet}: redraw then. */
    public ReadOnlyLongProperty revisionProperty() { return revision.getReadOnlyProperty(); }
}
