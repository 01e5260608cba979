package lab.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Architecture;
import lab.backprop.model.Layout;
import lab.backprop.model.Snapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Edit ▸ Undo / Redo: each kind of edit by hand taken back and done again, exactly; gestures; bounds. */
class EditHistoryTest {
    private static final Layout L = new Layout(2, 2, 1);
    private LabController lab;

    @BeforeEach void start() { lab = new LabController(LabController.defaultSetup()); }
    @AfterEach void stop() { lab.close(); }

    private void settle() { assertTrue(lab.awaitQueued(20, TimeUnit.SECONDS)); }

    private double parameter(int p) {
        Snapshot s = lab.latest();
        return p < s.weightCount() ? s.weight(p) : s.bias(p - s.weightCount());
    }

    @Test void aWeightEditAndABiasEditAreUndoneAndRedoneBitForBit() {
        double w5 = parameter(4), b3 = parameter(8);
        lab.setParameter(4, 0.55);
        settle();
        lab.setParameter(8, -1.25); // another parameter: its own edit
        settle();
        assertEquals("b3 = -1.250", lab.edits().undoLabel());
        assertNull(lab.undo());
        settle();
        assertEquals(Double.doubleToLongBits(b3), Double.doubleToLongBits(parameter(8)), "bias back");
        assertEquals(0.55, parameter(4), 0.0, "the weight edit stays");
        assertNull(lab.undo());
        settle();
        assertEquals(Double.doubleToLongBits(w5), Double.doubleToLongBits(parameter(4)), "weight back");
        assertEquals("nothing to undo", lab.undo());
        assertNull(lab.redo());
        settle();
        assertEquals(0.55, parameter(4), 0.0);
        assertNull(lab.redo());
        settle();
        assertEquals(-1.25, parameter(8), 0.0);
        assertEquals("nothing to redo", lab.redo());
    }

    @Test void pointsAddedAndRemovedAreUndoneAndRedone() {
        Dataset original = lab.data();
        Dataset more = original.with(new Dataset.Sample(null, new double[] {0.5, 0.5}, 1));
        assertNull(lab.replaceData(more, "add point"));
        Dataset fewer = lab.data().without(0);
        assertNull(lab.replaceData(fewer, "remove point"));
        settle();
        assertEquals("remove point", lab.edits().undoLabel());
        assertNull(lab.undo());
        assertEquals(more.size(), lab.data().size());
        assertEquals(more.sample(0).raw()[0], lab.data().sample(0).raw()[0], 0.0);
        assertNull(lab.undo());
        assertEquals(original.size(), lab.data().size());
        assertNull(lab.redo());
        assertEquals(more.size(), lab.data().size());
        assertEquals("remove point", lab.edits().redoLabel());
    }

    @Test void aSliderDragIsOneEditAndANewEditClearsRedo() {
        EditHistory h = new EditHistory(10);
        long t = 0;
        for (int k = 0; k < 50; k++) h.record(new EditHistory.ParameterEdit(L, 4, "w5", 0.1 + k * 0.01, 0.11 + k * 0.01, t += 10_000_000L));
        assertEquals(1, h.size(), "50 moves within a gesture: one edit");
        EditHistory.ParameterEdit e = (EditHistory.ParameterEdit) h.undo();
        assertEquals(0.1, e.before(), 0.0, "the value before the drag");
        assertEquals(0.11 + 49 * 0.01, e.after(), 1e-15, "the value at its end");
        assertNotNull(h.redoLabel());
        h.record(new EditHistory.ParameterEdit(L, 5, "w6", 0, 1, t += EditHistory.GESTURE_NANOS));
        assertNull(h.redoLabel(), "a new edit clears redo");
        h.record(new EditHistory.ParameterEdit(L, 5, "w6", 1, 2, t += EditHistory.GESTURE_NANOS + 1));
        assertEquals(2, h.size(), "a pause ends the gesture");
    }

    @Test void theHistoryIsBoundedAndEditsOfAnotherNetworkAreRefused() {
        EditHistory h = new EditHistory(3);
        for (int k = 0; k < 5; k++) h.record(new EditHistory.ParameterEdit(L, k, "w" + (k + 1), 0, 1, k * EditHistory.GESTURE_NANOS * 2));
        assertEquals(3, h.size());
        assertEquals("w5 = 1.000", h.undoLabel());

        lab.setParameter(0, 3);
        settle();
        assertNull(lab.changeSetup(lab.setup().withArchitecture(Architecture.of(1, 3, Activation.SIGMOID))));
        settle();
        String why = lab.undo();
        assertNotNull(why);
        assertTrue(why.contains("rebuilt"), why);
        assertNull(lab.edits().undoLabel(), "and forgotten");
    }
}
