package lab.backprop.ui;

import static lab.backprop.ui.FxTestSupport.fx;
import static lab.backprop.ui.FxTestSupport.fxRun;
import static lab.backprop.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The pacer spreads the big views' redraws over frames: never two in one frame, the graph at half the frame rate. */
@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class FramePacerTest {
    @Start void start(Stage stage) { /* no window: the pulses are enough */ }

    @Test void underARequestEveryFrameTheViewsTakeTurnsAndNeverShareAFrame() {
        long[] frame = { 0 };
        Map<Long, List<String>> drawn = new HashMap<>();
        FramePacer[] pacers = new FramePacer[3];
        String[] names = { "graph", "loss", "side" };
        FramePacer.Slot[] slots = { FramePacer.GRAPH, FramePacer.LOSS, FramePacer.SIDE };
        // A snapshot every frame, as at full training speed: every view asks for a redraw in every frame.
        AnimationTimer snapshots = new AnimationTimer() {
            @Override public void handle(long now) {
                frame[0]++;
                for (FramePacer p : pacers) p.request();
            }
        };
        fxRun(() -> {
            for (int i = 0; i < 3; i++) {
                String name = names[i];
                pacers[i] = new FramePacer(slots[i], () -> drawn.computeIfAbsent(frame[0], k -> new ArrayList<>()).add(name));
            }
            snapshots.start();
        });
        waitUntil("80 frames", 20, () -> frame[0] >= 80);
        fxRun(snapshots::stop);
        Map<String, Integer> count = fx(() -> {
            Map<String, Integer> c = new HashMap<>();
            for (List<String> views : drawn.values()) {
                assertEquals(1, views.size(), "one big redraw per frame: " + views);
                c.merge(views.get(0), 1, Integer::sum);
            }
            return c;
        });
        long frames = fx(() -> frame[0]);
        assertEquals(frames / 2.0, count.get("graph"), 2, "the graph every other frame: " + count);
        assertEquals(frames / 4.0, count.get("loss"), 2, count.toString());
        assertEquals(frames / 4.0, count.get("side"), 2, count.toString());
    }

    @Test void requestsWaitForTheirFrameFlushAndNowDrawAtOnce() {
        int[] draws = { 0 };
        FramePacer p = fx(() -> new FramePacer(FramePacer.SIDE, () -> draws[0]++));
        fxRun(() -> { p.request(); p.request(); p.request(); });
        assertTrue(fx(p::isPending), "asked three times, drawn not yet");
        assertEquals(0, fx(() -> draws[0]));
        fxRun(p::flush);
        assertEquals(1, fx(() -> draws[0]), "a getter's flush draws once");
        assertFalse(fx(p::isPending));
        fxRun(p::flush);
        assertEquals(1, fx(() -> draws[0]), "nothing owed, nothing drawn");
        fxRun(p::now);
        assertEquals(2, fx(() -> draws[0]), "a user's drag draws at once");
        fxRun(p::request);
        waitUntil("drawn in a later frame", 5, () -> draws[0] == 3 && !p.isPending());
    }

    @Test void slotsMustDivideTheRound() {
        assertThrows(IllegalArgumentException.class, () -> new FramePacer.Slot(3, 0));
        assertThrows(IllegalArgumentException.class, () -> new FramePacer.Slot(2, 2));
        assertThrows(IllegalArgumentException.class, () -> new FramePacer.Slot(4, -1));
    }
}
