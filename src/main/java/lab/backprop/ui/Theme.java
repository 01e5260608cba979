package lab.backprop.ui;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The window's look, light or dark: which stylesheets the scene has ({@code app.css}, and for the dark theme
 * {@code app-dark.css} layered on it, overriding only looked-up colours) and so which colours {@link Palette} gives
 * the canvases. Chosen in View ▸ Theme and remembered in the user's preferences (a test gives its own node).
 * <pre>{@code
 * Theme.load(Theme.userPreferences()).apply(scene);   // at start-up
 * view.getItems().add(Theme.menu(window::getScene));   // View > Theme > Light / Dark
 * }</pre>
 * One theme for the whole app (the palette is shared): {@link #apply} also restyles the app's other open windows, and
 * a dialog opened over an app window gets the theme as it is shown. FX thread only.
 */
public enum Theme {
    LIGHT("Light", "app.css"),
    DARK("Dark", "app.css", "app-dark.css");

    /** The preferences key of the chosen theme ("light", "dark"). */
    static final String KEY = "theme";

    private static final ReadOnlyObjectWrapper<Theme> CURRENT = new ReadOnlyObjectWrapper<>(Theme.class, "current", LIGHT);
    private static boolean followingWindows;

    private final String title;
    private final List<String> files;

    Theme(String title, String... files) {
        this.title = title;
        this.files = List.of(files);
    }

    /** "Light", "Dark": the menu's words. */
    public String title() { return title; }

    /** The stylesheets of this theme, in order (later ones override earlier ones), as URLs for a scene. */
    public List<String> stylesheets() {
        List<String> urls = new ArrayList<>();
        for (String f : files) urls.add(url(f));
        return urls;
    }

    private static String url(String file) {
        URL u = Objects.requireNonNull(Theme.class.getResource(file), file + " missing");
        return u.toExternalForm();
    }

    /** The theme last applied (light until one is). */
    public static Theme current() { return CURRENT.get(); }

    public static ReadOnlyObjectProperty<Theme> currentProperty() { return CURRENT.getReadOnlyProperty(); }

    /**
     * Makes this the app's theme: {@code scene} (may be null) and every other open window of the app get its
     * stylesheets in place of the other theme's (their other stylesheets stay), and the palette reads its colours,
     * so every canvas redraws (see {@link Palette#revisionProperty()}).
     */
    public void apply(Scene scene) {
        followWindows();
        if (scene != null) restyle(scene);
        for (Window w : Window.getWindows()) {
            if (w.getScene() != null && w.getScene() != scene && isAppScene(w.getScene())) restyle(w.getScene());
        }
        boolean changed = CURRENT.get() != this;
        CURRENT.set(this);
        if (changed || !Palette.current().isUsing(stylesheets())) Palette.current().useStylesheets(stylesheets());
    }

    /** The scene's stylesheets with this theme's in place of any theme's, at the front. */
    private void restyle(Scene scene) {
        List<String> all = new ArrayList<>();
        for (Theme t : values()) all.addAll(t.stylesheets());
        List<String> kept = new ArrayList<>(scene.getStylesheets());
        kept.removeAll(all);
        kept.addAll(0, stylesheets());
        if (!kept.equals(scene.getStylesheets())) scene.getStylesheets().setAll(kept);
    }

    /** Whether a scene is one of the app's: it has the base stylesheet. */
    private static boolean isAppScene(Scene scene) { return scene.getStylesheets().contains(url("app.css")); }

    /**
     * Dialogs (an error, "Leaving Step through") are windows of their own with scenes that have no stylesheet: one
     * opened over an app window gets the current theme as it is shown. Popups (menus, tooltips, choice lists) take
     * their owner's styles anyway.
     */
    private static void followWindows() {
        if (followingWindows) return;
        followingWindows = true;
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                for (Window w : c.getAddedSubList()) {
                    if (w instanceof PopupWindow || !(w instanceof Stage s) || w.getScene() == null || isAppScene(w.getScene())) continue;
                    Window owner = s.getOwner();
                    if (owner != null && owner.getScene() != null && isAppScene(owner.getScene())) current().restyle(w.getScene());
                }
            }
        });
    }

    // ---- Remembered between runs --------------------------------------------------------------------

    /** The user's own preferences node for the theme. */
    public static Preferences userPreferences() { return Preferences.userNodeForPackage(Theme.class).node("appearance"); }

    /** The theme kept in {@code prefs}, or light when none (or an unknown one) is. */
    public static Theme load(Preferences prefs) {
        String name = prefs.get(KEY, LIGHT.name());
        for (Theme t : values()) if (t.name().equalsIgnoreCase(name)) return t;
        return LIGHT;
    }

    /** Keeps this theme in {@code prefs} for the next start. */
    public void save(Preferences prefs) {
        prefs.put(KEY, name().toLowerCase(Locale.ROOT));
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // the preferences cannot be stored here: the next start is light
        }
    }

    // ---- The menu ---------------------------------------------------------------------------------

    /** View ▸ Theme: Light and Dark, remembered in the user's preferences. */
    public static Menu menu(Supplier<Scene> scene) { return menu(scene, userPreferences()); }

    /**
     * A "Theme" menu (id {@code themeMenu}) of one radio item per theme (ids {@code themeLightItem},
     * {@code themeDarkItem}): choosing one applies it to {@code scene}'s window and keeps it in {@code prefs}; the
     * tick follows the current theme, however it was chosen.
     */
    public static Menu menu(Supplier<Scene> scene, Preferences prefs) {
        Menu menu = new Menu("Theme");
        menu.setId("themeMenu");
        ToggleGroup group = new ToggleGroup();
        for (Theme t : values()) {
            RadioMenuItem item = new RadioMenuItem(t.title());
            item.setId("theme" + t.title() + "Item");
            item.setToggleGroup(group);
            item.setSelected(current() == t);
            item.setOnAction(e -> {
                t.apply(scene.get());
                t.save(prefs);
            });
            menu.getItems().add(item);
        }
        // A weak listener: a menu (and its window) that is gone does not stay reachable from the shared theme.
        javafx.beans.value.ChangeListener<Theme> tick = (o, a, b) -> {
            for (var i : menu.getItems()) if (i instanceof RadioMenuItem r) r.setSelected(r.getId().equals("theme" + b.title() + "Item"));
        };
        menu.getProperties().put(Theme.class, tick);
        CURRENT.addListener(new javafx.beans.value.WeakChangeListener<>(tick));
        return menu;
    }
}
