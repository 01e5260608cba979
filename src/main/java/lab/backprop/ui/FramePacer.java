package lab.backprop.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.animation.AnimationTimer;

/**
 * Spreads the redraws of the window's big canvases over frames. While training runs flat out a new snapshot arrives
 * every frame, and redrawing the graph, the loss curve and the sigmoid plot all in one frame costs the software
 * renderer more than a frame on two cores (one of them trains). A view asks for a redraw and the pacer runs it on
 * the next frame of the view's slot: the graph every other frame (30 Hz at 60 fps), the loss curve and the side
 * panel in the two frames between, taking turns (15 Hz each; a curve that grows by a pixel or less per frame), so that
 * no frame draws two of them and the window keeps its 60 frames a second for the pointer, sliders and menus. What the user does by hand (a drag, a click, a hover) is drawn at once
 * with {@link #now}, and getters that report what is drawn call {@link #flush} first. FX thread only.
 * <pre>{@code
 * FramePacer redraw = new FramePacer(FramePacer.SIDE, this::draw);
 * vm.snapshotProperty().addListener((o, a, b) -> redraw.request());
 * slider.valueProperty().addListener((o, a, b) -> redraw.now());
 * }</pre>
 */
public final class FramePacer {
    /** Frames in a round. */
    public static final int ROUND = 4;
    /** The network graph: every other frame (30 Hz at 60 fps). */
    public static final Slot GRAPH = new Slot(2, 0);
    /** The loss curve: the first frame of the round that the graph leaves free (15 Hz). */
    public static final Slot LOSS = new Slot(4, 1);
    /** The side panel's view: the other free frame (15 Hz). */
    public static final Slot SIDE = new Slot(4, 3);

    /** Frames {@code phase}, {@code phase + every}, ... of each round; slots of different views never share a frame. */
    public record Slot(int every, int phase) {
        public Slot {
            if (every < 1 || ROUND % every != 0 || phase < 0 || phase >= every) throw new IllegalArgumentException("slot " + phase + " of " + every);
        }

        boolean isDue(long pulse) { return pulse % every == phase; }
    }

    private static final List<FramePacer> PENDING = new ArrayList<>();
    private static long pulse;
    /** Runs only while some redraw waits: an idle window asks for no frames. */
    private static final AnimationTimer TIMER = new AnimationTimer() {
        @Override public void handle(long now) { onPulse(); }
    };
    private static boolean running;

    private final Slot slot;
    private final Runnable draw;
    private boolean pending;

    public FramePacer(Slot slot, Runnable draw) {
        this.slot = slot;
        this.draw = draw;
    }

    /** Redraws on the next frame of this view's slot (once, however often it is asked meanwhile). */
    public void request() {
        if (pending) return;
        pending = true;
        PENDING.add(this);
        if (!running) {
            running = true;
            TIMER.start();
        }
    }

    /** Redraws now (and forgets a waiting request). */
    public void now() {
        cancel();
        draw.run();
    }

    /**
     * Redraws now if a request waits, so that what is drawn is current. Only on the FX thread: elsewhere it does
     * nothing (drawing touches the scene graph), as {@link WhenShown#flush} does.
     */
    public void flush() {
        if (pending && javafx.application.Platform.isFxApplicationThread()) now();
    }

    /** Whether a redraw waits for its frame. */
    public boolean isPending() { return pending; }

    private void cancel() {
        if (!pending) return;
        pending = false;
        PENDING.remove(this);
    }

    private static void onPulse() {
        pulse++;
        for (FramePacer p : List.copyOf(PENDING)) {
            if (!p.slot.isDue(pulse) || !p.pending) continue;
            p.cancel();
            p.draw.run();
        }
        if (PENDING.isEmpty()) {
            running = false;
            TIMER.stop();
        }
    }
}
