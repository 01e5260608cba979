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
 * looked-up colours {@code -bp-...} on {@code .root}; the dark {@link Theme} overrides them in {@code app-dark.css}),
 * none in Java. One meaning per colour, from the Okabe-Ito
 * palette that colour-blind readers tell apart: the two classes are blue and orange everywhere; a weight's sign is
 * drawn solid or dashed (and in charcoal or purple), never in a class colour.
 * <pre>{@code
 * g.setFill(Palette.current().get(Palette.Key.POSITIVE_CLASS));
 * Palette.current().onChange(this, this::redraw); // a theme switch
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
        NEURON_LOW, NEURON_HIGH, NEURON_INPUT, NEURON_OUTLINE, SELECTION, REFERENCE,
        /** A weight's number in the colour of its sign, readable on {@link #PLOT_BACKGROUND}. */
        WEIGHT_POSITIVE_TEXT, WEIGHT_NEGATIVE_TEXT,
        /** The loss landscape's lowest and highest loss (darker is lower in both themes). */
        LANDSCAPE_LOW, LANDSCAPE_HIGH,
        /** A cell whose value is not a number (a diverged network). */
        NO_VALUE,
        /** The darkest and the lightest text: for a number on a shade where neither TEXT nor PLOT_BACKGROUND reads. */
        INK_DARK, INK_LIGHT,
        /** A sample's dot on the decision map: its class's colour, set off from the map's cells of that colour. */
        POSITIVE_POINT, NEGATIVE_POINT,
        /** The keyboard cursor on a canvas (the graph's neuron or edge under it), set off from every other mark. */
        FOCUS;

        /** "positive-class" */
        public String cssName() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
    }

    private static Palette current;

    private final Pane root = new Pane();
    private final Scene scene = new Scene(root);
    private final Map<Key, Region> swatches = new EnumMap<>(Key.class);
    private final Map<Key, Color> colors = new EnumMap<>(Key.class);
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");

    /** No colour at all: the background of a layer drawn to be laid over another (a snapshot's fill). */
    public static final Color NONE = Color.TRANSPARENT;

    private Palette(java.util.List<String> stylesheets) {
        for (Key k : Key.values()) {
            Region r = new Region();
            r.getStyleClass().add("palette-" + k.cssName());
            swatches.put(k, r);
            root.getChildren().add(r);
        }
        useStylesheets(stylesheets);
    }

    /** The palette of the app's stylesheet (made on first use). */
    public static Palette current() {
        if (current == null) current = new Palette(Theme.current().stylesheets());
        return current;
    }

    /** Reads every colour again from {@code stylesheet} (a theme switch) and tells listeners of the revision. */
    public void useStylesheet(String stylesheet) { useStylesheets(java.util.List.of(stylesheet)); }

    /**
     * Reads every colour again from {@code stylesheets}, later ones overriding earlier ones as in a scene (a theme:
     * app.css and app-dark.css), and tells listeners of the revision.
     */
    public void useStylesheets(java.util.List<String> stylesheets) {
        scene.getStylesheets().setAll(stylesheets);
        root.applyCss();
        for (Key k : Key.values()) {
            var bg = swatches.get(k).getBackground();
            Paint p = bg == null || bg.getFills().isEmpty() ? null : bg.getFills().get(0).getFill();
            if (!(p instanceof Color c)) throw new IllegalStateException("the stylesheet has no colour -bp-" + k.cssName());
            colors.put(k, c);
        }
        revision.set(revision.get() + 1);
    }

    /** Whether the colours are those of exactly these stylesheets. */
    public boolean isUsing(java.util.List<String> stylesheets) { return scene.getStylesheets().equals(stylesheets); }

    public Color get(Key key) { return colors.get(key); }

    /** The colour of a class: the positive class for label 1, the negative for label 0. */
    public Color classColor(boolean positive) { return get(positive ? Key.POSITIVE_CLASS : Key.NEGATIVE_CLASS); }

    /** The colour of a sample's dot on a map coloured by the classes (see {@link Key#POSITIVE_POINT}). */
    public Color pointColor(boolean positive) { return get(positive ? Key.POSITIVE_POINT : Key.NEGATIVE_POINT); }

    /**
     * The one of {@link Key#TEXT} and {@link Key#PLOT_BACKGROUND} that reads better on {@code fill} (the higher
     * {@linkplain #contrast contrast}): a number inside a shaded neuron, in either theme. On a middle shade where
     * neither reaches 4.5:1, the better of {@link Key#INK_DARK} and {@link Key#INK_LIGHT} (black and white reach it on
     * any shade).
     */
    public Color textOn(Color fill) {
        Color text = get(Key.TEXT), ground = get(Key.PLOT_BACKGROUND);
        Color best = contrast(text, fill) >= contrast(ground, fill) ? text : ground;
        if (contrast(best, fill) >= READABLE) return best;
        Color dark = get(Key.INK_DARK), light = get(Key.INK_LIGHT);
        return contrast(dark, fill) >= contrast(light, fill) ? dark : light;
    }

    /** The contrast that body text needs (WCAG 2, level AA). */
    public static final double READABLE = 4.5;

    /** The relative luminance of a colour as WCAG 2 defines it: 0 for black, 1 for white (opacity ignored). */
    public static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) { return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }

    /** The WCAG 2 contrast ratio of two colours, from 1 (the same) to 21 (black on white); 4.5 reads as body text. */
    public static double contrast(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /**
     * Runs {@code redraw} after every change of colours (a theme switch) for as long as {@code owner} lives: the
     * palette holds the listener weakly and the owner strongly, so a view that is gone is not kept alive by the
     * shared palette.
     */
    public void onChange(javafx.scene.Node owner, Runnable redraw) {
        javafx.beans.value.ChangeListener<Number> l = (o, a, b) -> redraw.run();
        owner.getProperties().put(new Object(), l);
        revision.addListener(new javafx.beans.value.WeakChangeListener<>(l));
    }

    /** Goes up on every {@link #useStylesheet}: redraw then. */
    public ReadOnlyLongProperty revisionProperty() { return revision.getReadOnlyProperty(); }
}
