package lab.backprop.ui;

import static lab.backprop.ui.FxTestSupport.fx;
import static lab.backprop.ui.FxTestSupport.fxRun;
import static lab.backprop.ui.FxTestSupport.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.RadialGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import lab.backprop.ui.Palette.Key;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Light and dark: View ▸ Theme switches every view's colours (canvases and controls), every text stays readable
 * (WCAG contrast 4.5:1) in both, the choice is remembered, and no colour is written in the Java code.
 */
@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class ThemeTest {
    /** Below this relative luminance a background is dark, above {@link #LIGHT} light. */
    private static final double DARK = 0.06, LIGHT = 0.8;
    private static final double READABLE = Palette.READABLE;

    private LabViewModel vm;
    private MainWindow window;
    private Scene scene;
    private Preferences prefs;

    @Start void start(Stage stage) {
        vm = new LabViewModel();
        window = new MainWindow(vm);
        window.setErrorDialogs(false);
        scene = BackpropLabApp.show(stage, window);
    }

    @BeforeEach void node() {
        prefs = Preferences.userRoot().node("lab-backprop-test/theme-" + System.nanoTime()); // never the user's own node
        fxRun(() -> {
            vm.selectedNeuronProperty().set(new NeuronRef(1, 0)); // the sigmoid view draws h1's curve
            for (int i = 0; i < 5; i++) vm.step(); // the history has epochs to draw
        });
        settle();
    }

    @AfterEach void back() throws BackingStoreException {
        fxRun(() -> Theme.LIGHT.apply(scene)); // the palette is shared: the next test class sees the light theme
        fxRun(() -> vm.dispose());
        prefs.removeNode();
    }

    @Test void theMenuSwitchesEveryViewToDarkAndBackAndTheChoiceIsRemembered() throws BackingStoreException {
        Menu menu = fx(() -> Theme.menu(() -> scene, prefs));
        assertEquals(List.of("themeLightItem", "themeDarkItem"), fx(() -> menu.getItems().stream().map(MenuItem::getId).toList()));
        assertTrue(fx(() -> radio(menu, "themeLightItem").isSelected()), "light is ticked at first");
        assertEquals(Theme.LIGHT, Theme.load(prefs), "nothing kept yet: light");

        Map<String, Look> light = looks();
        Color lightText = fx(() -> Palette.current().get(Key.TEXT)), lightGround = fx(() -> Palette.current().get(Key.PLOT_BACKGROUND));

        fxRun(() -> radio(menu, "themeDarkItem").fire());
        settle();
        assertEquals(Theme.DARK, fx(Theme::current));
        assertTrue(fx(() -> radio(menu, "themeDarkItem").isSelected() && !radio(menu, "themeLightItem").isSelected()), "the tick follows");
        assertEquals(Theme.DARK.stylesheets(), fx(() -> List.copyOf(scene.getStylesheets())), "app.css with app-dark.css layered on it");
        assertNotEquals(lightText, fx(() -> Palette.current().get(Key.TEXT)), "the canvases' text colour changed");
        assertNotEquals(lightGround, fx(() -> Palette.current().get(Key.PLOT_BACKGROUND)));
        Map<String, Look> dark = looks();

        for (String view : light.keySet()) {
            Look l = light.get(view), d = dark.get(view);
            assertTrue(l.ground > LIGHT, view + ": light background, luminance " + l.ground);
            assertTrue(d.ground < DARK, view + ": dark background, luminance " + d.ground);
            assertNotEquals(l.textFills, d.textFills, view + ": its texts changed colour");
            assertEquals(l.canvases.size(), d.canvases.size(), view + ": the same canvases");
            for (int i = 0; i < l.canvases.size(); i++) {
                int changed = differing(l.canvases.get(i), d.canvases.get(i));
                assertTrue(changed > 0, view + ": canvas " + i + " was redrawn in the dark colours");
            }
        }
        assertTrue(light.get("Sigmoid").canvases.size() == 1 && light.get("Decision map").canvases.size() >= 2
                && light.get("History").canvases.size() >= 9 && light.get("window").canvases.size() >= 2, "the views' canvases were found");

        // Remembered: a fresh read of the preferences (as the next start does) gives dark.
        prefs.flush();
        assertEquals(Theme.DARK, Theme.load(Preferences.userRoot().node(prefs.absolutePath())));
        assertEquals("dark", prefs.get(Theme.KEY, null));

        fxRun(() -> radio(menu, "themeLightItem").fire());
        settle();
        assertEquals(Theme.LIGHT, fx(Theme::current));
        assertEquals(Theme.LIGHT.stylesheets(), fx(() -> List.copyOf(scene.getStylesheets())), "the dark sheet is gone, nothing doubled");
        assertEquals(lightText, fx(() -> Palette.current().get(Key.TEXT)));
        Map<String, Look> again = looks();
        for (String view : light.keySet()) {
            assertEquals(light.get(view).textFills, again.get(view).textFills, view + ": the light texts are back");
            assertTrue(again.get(view).ground > LIGHT, view + ": light again");
        }
        assertEquals(0, differing(light.get("window").canvases.get(0), again.get("window").canvases.get(0)),
                "the graph is drawn exactly as before the switch");
        assertEquals(Theme.LIGHT, Theme.load(prefs));
    }

    @Test void everyTextReadsOnWhatItIsDrawnOnInBothThemes() {
        for (Theme theme : Theme.values()) {
            fxRun(() -> theme.apply(scene));
            settle();
            List<String> poor = new ArrayList<>();
            Palette pal = fx(Palette::current);
            // Canvas texts: every text colour on every ground it is drawn on (plates, plots, the graph).
            Key[] texts = { Key.TEXT, Key.MUTED_TEXT, Key.WEIGHT_POSITIVE_TEXT, Key.WEIGHT_NEGATIVE_TEXT, Key.MARK };
            Key[] grounds = { Key.PLOT_BACKGROUND };
            for (Key t : texts) {
                for (Key g : grounds) {
                    double c = Palette.contrast(pal.get(t), pal.get(g));
                    if (c < READABLE) poor.add(t + " on " + g + ": " + round(c));
                }
            }
            // A badge's word in the background colour on the mark colour; a neuron's value on any shade it can have.
            double badge = Palette.contrast(pal.get(Key.PLOT_BACKGROUND), pal.get(Key.MARK));
            if (badge < READABLE) poor.add("PLOT_BACKGROUND on MARK (badge): " + round(badge));
            // The graph's keyboard cursor is a mark, not a text: WCAG's 3:1 for graphics, on the graph and on a neuron's lightest shade.
            for (Key g : new Key[] { Key.PLOT_BACKGROUND, Key.NEURON_LOW, Key.NEURON_INPUT }) {
                double focus = Palette.contrast(pal.get(Key.FOCUS), pal.get(g));
                if (focus < 3) poor.add("FOCUS on " + g + " (keyboard cursor): " + round(focus));
            }
            List<Color> shades = new ArrayList<>(List.of(pal.get(Key.NEURON_INPUT)));
            for (int i = 0; i <= 20; i++) shades.add(pal.get(Key.NEURON_LOW).interpolate(pal.get(Key.NEURON_HIGH), i / 20.0));
            for (Color shade : shades) {
                double c = Palette.contrast(pal.textOn(shade), shade);
                if (c < READABLE) poor.add("a neuron's value on " + shade + ": " + round(c));
            }
            // Every text node in every view, on the background it sits on (the controls' too).
            int[] checked = { 0 };
            for (Views.Entry e : Views.SIDE_PANEL) {
                fxRun(() -> window.views().select(e.title()));
                settle();
                poor.addAll(fx(() -> poorTexts(e.title(), scene.getRoot(), checked)));
            }
            assertEquals(List.of(), poor, theme + ": texts under " + READABLE + ":1");
            assertTrue(checked[0] > 400, theme + ": the texts of the controls and views were checked, " + checked[0]);
        }
    }

    @Test void aDialogOverTheWindowGetsTheTheme() {
        fxRun(() -> Theme.DARK.apply(scene));
        fxRun(() -> {
            window.setErrorDialogs(true);
            window.showError("a problem to read in the dark");
        });
        WaitForAsyncUtils.waitForFxEvents();
        Scene dialog = fx(() -> Window.getWindows().stream().filter(w -> w != scene.getWindow() && w instanceof Stage && w.isShowing())
                .map(Window::getScene).findFirst().orElseThrow());
        assertEquals(Theme.DARK.stylesheets(), fx(() -> List.copyOf(dialog.getStylesheets())));
        fxRun(() -> Theme.LIGHT.apply(scene));
        assertEquals(Theme.LIGHT.stylesheets(), fx(() -> List.copyOf(dialog.getStylesheets())), "an open dialog follows a switch");
        fxRun(() -> dialog.getWindow().hide());
        fxRun(() -> window.setErrorDialogs(false));
    }

    @Test void anUnknownOrMissingChoiceIsLight() {
        assertEquals(Theme.LIGHT, Theme.load(prefs));
        prefs.put(Theme.KEY, "purple");
        assertEquals(Theme.LIGHT, Theme.load(prefs));
        prefs.put(Theme.KEY, "DARK");
        assertEquals(Theme.DARK, Theme.load(prefs));
    }

    /** Colours are the stylesheet's: no colour literal in the ui package's Java code, except Palette's "no colour". */
    @Test void noColourIsWrittenInTheJavaCode() throws IOException {
        Pattern literal = Pattern.compile("Color\\.(rgb|web|color|hsb|gray|grayRgb|valueOf|[A-Z][A-Z_]{2,})\\b|new Color\\(|\"#[0-9a-fA-F]{3,8}\""
                + "|0x[fF][fF](?!000000)[0-9a-fA-F]{6}\\b|-fx-[a-z-]*(color|fill|stroke)[a-z-]*:");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/lab/backprop/ui"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String[] lines = Files.readString(f).split("\n");
                for (int i = 0; i < lines.length; i++) {
                    Matcher m = literal.matcher(lines[i]);
                    boolean allowed = f.endsWith("Palette.java") && lines[i].contains("NONE = Color.TRANSPARENT");
                    if (m.find() && !allowed) found.add(f.getFileName() + ":" + (i + 1) + ": " + lines[i].trim());
                }
            }
        }
        assertEquals(List.of(), found);
        // The palette reads every key from both themes' sheets (it throws on a missing one).
        for (Theme t : Theme.values()) {
            fxRun(() -> t.apply(scene));
            for (Key k : Key.values()) assertTrue(fx(() -> Palette.current().get(k)) != null, t + " " + k);
        }
    }

    // ---- What a view looks like -------------------------------------------------------------------

    /** A view as shown: its background's luminance, the colours of its texts, the pixels of its canvases. */
    private record Look(double ground, List<String> textFills, List<int[]> canvases) { }

    /** Every side view shown in turn (and the window around them, as "window"), looked at. */
    private Map<String, Look> looks() {
        Map<String, Look> out = new LinkedHashMap<>();
        for (Views.Entry e : Views.SIDE_PANEL) {
            fxRun(() -> window.views().select(e.title()));
            settle();
            assertEquals(e.title(), fx(() -> window.views().selected()));
            Node view = fx(() -> window.view(e.type()));
            assertTrue(fx(() -> view.getScene() == scene && showing(view) && view.getLayoutBounds().getWidth() > 50), e.title() + " is shown");
            out.put(e.title(), fx(() -> look(view, scene.lookup("#viewArea"))));
        }
        out.put("window", fx(() -> look(window, window)));
        return out;
    }

    private static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    private Look look(Node view, Node area) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        WritableImage shot = scene.snapshot(null);
        Bounds b = area.localToScene(area.getLayoutBounds());
        double ground = Palette.luminance(modeColour(shot.getPixelReader(), b));
        List<String> fills = new ArrayList<>();
        List<int[]> canvases = new ArrayList<>();
        walk(view, n -> {
            if (n instanceof Text t && !t.getText().isBlank() && showing(t)) fills.add(t.getText() + "=" + t.getFill());
            if (n instanceof Canvas c && showing(c) && c.getWidth() > 0 && c.getHeight() > 0) canvases.add(pixels(c));
        });
        return new Look(ground, fills, canvases);
    }

    /** The most frequent colour within the bounds (the background; sampled every other pixel). */
    private static Color modeColour(PixelReader r, Bounds b) {
        Map<Integer, Integer> count = new HashMap<>();
        for (int y = (int) b.getMinY() + 1; y < (int) b.getMaxY() - 1; y += 2) {
            for (int x = (int) b.getMinX() + 1; x < (int) b.getMaxX() - 1; x += 2) count.merge(r.getArgb(x, y), 1, Integer::sum);
        }
        int argb = count.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return Color.rgb((argb >> 16) & 255, (argb >> 8) & 255, argb & 255);
    }

    private static int[] pixels(Canvas c) {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Palette.NONE);
        WritableImage img = c.snapshot(p, null);
        int w = (int) img.getWidth(), h = (int) img.getHeight();
        int[] px = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), px, 0, w);
        return px;
    }

    private static int differing(int[] a, int[] b) {
        if (a.length != b.length) return Math.max(a.length, b.length);
        int n = 0;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) n++;
        return n;
    }

    private static void walk(Node n, java.util.function.Consumer<Node> visit) {
        visit.accept(n);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) walk(c, visit);
    }

    /**
     * Texts under {@code root} whose colour has a contrast under 4.5:1 with the background they sit on: the nearest
     * enclosing region's topmost opaque fill (a gradient counts as the mean of its stops). Disabled controls, which
     * WCAG exempts and Modena fades on purpose, are left out.
     */
    private static List<String> poorTexts(String where, Node root, int[] checked) {
        List<String> poor = new ArrayList<>();
        walk(root, n -> {
            if (!(n instanceof Text t) || t.getText().isBlank() || !showing(t) || t.isDisabled() || !(solid(t.getFill()) instanceof Color fill)) return;
            if (t.getParent() == null || !isOnScreen(t)) return;
            Color ground = groundOf(t);
            if (ground == null) return;
            double c = Palette.contrast(fill, ground);
            checked[0]++;
            if (c < READABLE) poor.add(where + ": '" + abbreviate(t.getText()) + "' " + fill + " on " + ground + " = " + round(c));
        });
        return poor;
    }

    /** Whether a text lies (at least partly) inside its scene: a scrolled-away row does not count. */
    private static boolean isOnScreen(Node n) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        Scene s = n.getScene();
        return s != null && b.getMaxX() > 0 && b.getMaxY() > 0 && b.getMinX() < s.getWidth() && b.getMinY() < s.getHeight();
    }

    private static Color groundOf(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!(p instanceof Region r)) continue;
            Background bg = r.getBackground();
            if (bg == null) continue;
            List<BackgroundFill> fills = bg.getFills();
            for (int i = fills.size() - 1; i >= 0; i--) {
                Paint solid = solid(fills.get(i).getFill());
                if (solid instanceof Color c && c.getOpacity() > 0.95) return c;
            }
        }
        return null;
    }

    /** A colour as it is, a gradient as the mean of its stops (ignoring transparency). */
    private static Paint solid(Paint p) {
        List<Stop> stops = p instanceof LinearGradient l ? l.getStops() : p instanceof RadialGradient r ? r.getStops() : null;
        if (stops == null) return p;
        double r = 0, g = 0, b = 0, a = 0;
        for (Stop s : stops) {
            r += s.getColor().getRed();
            g += s.getColor().getGreen();
            b += s.getColor().getBlue();
            a += s.getColor().getOpacity();
        }
        int k = stops.size();
        return Color.color(r / k, g / k, b / k, a / k);
    }

    private static RadioMenuItem radio(Menu menu, String id) {
        return (RadioMenuItem) menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private static String abbreviate(String s) { return s.length() > 40 ? s.substring(0, 40) + "…" : s; }

    private static String round(double c) { return String.format(java.util.Locale.ROOT, "%.2f", c); }
}
