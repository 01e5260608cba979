package lab.backprop.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Runs a view's redraw only while the view can be seen: a panel in a hidden tab (its tab content region is
 * invisible), a collapsed parent or a window not showing only remembers that it is out of date, and redraws
 * at once when it is shown again. Keeps the FX thread for what is on screen while training runs flat out.
 * <pre>{@code
 * WhenShown redraw = new WhenShown(this, this::redraw);
 * snapshot.addListener((o, a, b) -> redraw.request());
 * }</pre>
 */
public final class WhenShown {
    private final Node node;
    private final Runnable work;
    private final List<ObservableValue<?>> watched = new ArrayList<>();
    private final ChangeListener<Object> chainChanged = (o, a, b) -> chainChanged();
    private boolean pending;
    private boolean showing;

    public WhenShown(Node node, Runnable work) {
        this.node = node;
        this.work = work;
        watchChain();
        showing = computeShowing();
    }

    /** Does the work now if the node is shown, else as soon as it is. */
    public void request() {
        if (showing) {
            pending = false;
            work.run();
        } else {
            pending = true;
        }
    }

    /**
     * Does work that is still owed now, shown or not (for getters that must report current values). Only on the
     * FX thread: elsewhere it does nothing (the work touches the scene graph).
     */
    public void flush() {
        if (pending && javafx.application.Platform.isFxApplicationThread()) {
            pending = false;
            work.run();
        }
    }

    /** Whether the node is in a showing window with every ancestor visible. */
    public boolean isShowing() { return showing; }

    /** Whether work is owed until the node is shown. */
    public boolean isPending() { return pending; }

    private void chainChanged() {
        watchChain();
        boolean now = computeShowing();
        boolean appeared = now && !showing;
        showing = now;
        if (appeared) flush();
    }

    /** Listens to visibility and parent of the node and every ancestor, the scene's window and its showing state. */
    private void watchChain() {
        for (ObservableValue<?> o : watched) o.removeListener(chainChanged);
        watched.clear();
        for (Node n = node; n != null; n = n.getParent()) {
            watch(n.visibleProperty());
            watch(n.parentProperty());
        }
        watch(node.sceneProperty());
        Scene scene = node.getScene();
        if (scene != null) {
            watch(scene.windowProperty());
            Window window = scene.getWindow();
            if (window != null) watch(window.showingProperty());
        }
    }

    private void watch(ObservableValue<?> o) {
        o.addListener(chainChanged);
        watched.add(o);
    }

    private boolean computeShowing() {
        Scene scene = node.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) return false;
        for (Node n = node; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        Parent root = scene.getRoot();
        return root != null;
    }
}
