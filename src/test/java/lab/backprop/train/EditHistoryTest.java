package lab.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import lab.backprop.data.Batching;
import lab.backprop.data.Dataset;
import lab.backprop.data.Feature;
import lab.backprop.data.Generator;
import lab.backprop.model.Activation;
import lab.backprop.model.Architecture;
import lab.backprop.model.Initializer;
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

    @Test void theHistoryIsBounded() {
        EditHistory h = new EditHistory(3);
        for (int k = 0; k < 5; k++) h.record(new EditHistory.ParameterEdit(L, k, "w" + (k + 1), 0, 1, k * EditHistory.GESTURE_NANOS * 2));
        assertEquals(3, h.size());
        assertEquals("w5 = 1.000", h.undoLabel());
    }

    // ---- The lab replaced as a whole: architecture, data set, features, reset, session, lesson step ----------------

    /** Trains {@code epochs} epochs of the current setup and waits for them. */
    private void train(long epochs) {
        assertNull(lab.changeSetup(lab.setup().withEpochs(epochs)));
        lab.train();
        settle();
        assertEquals(RunState.IDLE, lab.state());
    }

    private static void assertSameNetwork(Snapshot expected, Snapshot actual) {
        assertEquals(expected.layout(), actual.layout());
        assertEquals(expected.epoch(), actual.epoch(), "epoch");
        assertArrayEquals(expected.weights(), actual.weights(), 0.0, "weights, bit for bit");
        assertArrayEquals(expected.biases(), actual.biases(), 0.0, "biases, bit for bit");
    }

    @Test void anArchitectureChangeIsUndoneWithTheTrainedNetworkItsRuleStateAndItsCurveAndRedoneAsItWasLeft() {
        assertNull(lab.changeSetup(lab.setup().withUpdate(new Adam(0.9, 0.999, 1e-8))));
        train(40);
        Snapshot trained = lab.latest();
        TrainingSetup setup = lab.setup();
        LossHistory curve = lab.lossHistory();
        double[] moments = lab.published().updateState();
        long edits = lab.handEdits();

        assertNull(lab.changeSetup(setup.withArchitecture(Architecture.of(1, 3, Activation.TANH))));
        settle();
        assertEquals("2-3-1", lab.latest().layout().toString());
        assertEquals("network 2-3-1 tanh", lab.edits().undoLabel());
        train(25); // the new network trains on before the user thinks better of it
        Snapshot wider = lab.latest();
        long generation = lab.generation();

        assertNull(lab.undo());
        settle();
        assertTrue(lab.generation() > generation, "viewers re-read everything");
        assertSameNetwork(trained, lab.latest());
        assertEquals(setup, lab.setup(), "the settings come back too");
        assertSame(curve, lab.lossHistory(), "and the loss curve it had");
        assertEquals(40, curve.latestEpoch());
        assertArrayEquals(moments, lab.published().updateState(), 0.0, "Adam's moments and step count");
        assertTrue(lab.handEdits() > edits, "an undo is a change by hand");
        assertEquals("network 2-3-1 tanh", lab.edits().redoLabel());

        // Training on from the undone state is the run that never changed its network.
        train(60);
        Snapshot afterUndo = lab.latest();
        try (LabController straight = new LabController(setup.withEpochs(100))) {
            straight.train();
            assertTrue(straight.awaitQueued(20, TimeUnit.SECONDS));
            assertSameNetwork(straight.latest(), afterUndo);
        }

        // Redo brings the wider network back as it was left (trained 25 epochs), not freshly drawn.
        assertNull(lab.redo());
        settle();
        assertSameNetwork(wider, lab.latest());
        assertEquals(Activation.TANH, lab.latest().hiddenActivation());
        assertNull(lab.undo());
        settle();
        assertSameNetwork(afterUndo, lab.latest()); // and undoing again keeps the 60 epochs trained in between
    }

    @Test void aDataSetChosenOrOpenedIsUndoneWithTheWeightsTrainedBeforeIt() {
        train(30);
        Snapshot gender = lab.latest();
        Dataset genderData = lab.data();
        assertNull(lab.selectData(lab.known("xor")));
        settle();
        assertEquals("data set xor", lab.edits().undoLabel());
        assertEquals("xor", lab.data().name());
        assertNull(lab.undo());
        settle();
        assertSame(genderData, lab.data());
        assertSameNetwork(gender, lab.latest());
        assertEquals(30, lab.lossHistory().latestEpoch());
        assertNull(lab.redo());
        settle();
        assertEquals("xor", lab.data().name());
        assertEquals(0, lab.latest().epoch(), "xor as it was left: fresh");
    }

    @Test void featuresAResetASessionOpenedAndALessonStepAreUndoneInTurn() {
        train(20);
        Snapshot trained = lab.latest();
        Dataset gender = lab.data();
        assertNull(lab.selectData(lab.data())); // the same data afresh: an edit of its own
        settle();
        lab.reset();
        settle();
        assertEquals("reset", lab.edits().undoLabel());
        assertNull(lab.undo());
        settle();
        assertNull(lab.undo());
        settle();
        assertSameNetwork(trained, lab.latest());
        assertSame(gender, lab.data());

        // Features: a generated set can take x1², so the input layer changes and comes back.
        assertNull(lab.selectData(new Generator.Spec(Generator.CIRCLE, 60, 0.1, 1).make()));
        settle();
        Snapshot plain = lab.latest();
        assertNull(lab.setFeatures(java.util.List.of(Feature.X1, Feature.X2, Feature.X1_SQUARED)));
        settle();
        assertEquals(3, lab.latest().layout().inputSize());
        assertTrue(lab.edits().undoLabel().startsWith("features x1, x2, x1"), lab.edits().undoLabel());
        assertNull(lab.undo());
        settle();
        assertSameNetwork(plain, lab.latest());
        assertEquals(2, lab.data().inputNames().size());

        // A session (or a lesson step) opened over the lab.
        Snapshot other = lab.setup().withSeed(7).newTrainer().snapshot();
        assertNull(lab.load(lab.setup().withSeed(7), other, new double[0], "open run.json"));
        settle();
        assertEquals("open run.json", lab.edits().undoLabel());
        assertSameNetwork(other, lab.latest());
        assertNull(lab.undo());
        settle();
        assertSameNetwork(plain, lab.latest());
        assertNull(lab.redo());
        settle();
        assertSameNetwork(other, lab.latest());
    }

    @Test void weightEditsBeforeAndAfterANewArchitectureAreUndoneInOrder() {
        lab.setParameter(0, 3);
        settle();
        assertNull(lab.changeSetup(lab.setup().withArchitecture(Architecture.of(1, 3, Activation.SIGMOID))));
        settle();
        lab.setParameter(1, -2);
        settle();
        assertNull(lab.undo()); // -2 on the 2-3-1
        settle();
        assertNull(lab.undo()); // the 2-3-1
        settle();
        assertEquals("2-2-1", lab.latest().layout().toString());
        assertEquals(3, lab.latest().weight(0), 0.0, "the weight edit made before it is there again");
        assertNull(lab.undo()); // the weight edit itself
        settle();
        assertEquals(Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1).weightsCopy()[0],
                lab.latest().weight(0), 0.0);
        assertEquals("nothing to undo", lab.undo());
    }

    @Test void aChangeWhileTrainingStopsTheRunAndUndoPutsBackWhatWasShownWithItsCurveEndingThere() {
        assertNull(lab.changeSetup(lab.setup().withEpochs(1_000_000)));
        lab.train();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lab.latest().epoch() < 50 && System.nanoTime() < end) Thread.onSpinWait();
        assertNull(lab.changeSetup(lab.setup().withSeed(9)));
        assertEquals("seed 9", lab.edits().undoLabel());
        settle();
        assertNull(lab.changeSetup(lab.setup().withBatching(Batching.fullBatch()).withInit(Initializer.UNIFORM_0_1)));
        assertEquals("uniform start, full batch", lab.edits().undoLabel());
        assertNull(lab.undo());
        settle();
        assertNull(lab.undo());
        settle();
        assertEquals(RunState.IDLE, lab.state(), "undo leaves the lab idle");
        Snapshot back = lab.latest();
        assertTrue(back.epoch() >= 50, "the trained network: epoch " + back.epoch());
        assertEquals(back.epoch(), lab.lossHistory().latestEpoch(), "its curve ends where the network stands");
        assertEquals(back.epoch(), lab.parameterHistory().latestEpoch());
        assertEquals(1, lab.setup().seed());
    }

    @Test void onlyTheNewestLabStatesKeepTheirHistoriesAndAnOlderOneComesBackWithAFreshCurve() {
        train(5);
        for (int k = 0; k < EditHistory.KEPT_HISTORIES + 4; k++) {
            assertNull(lab.changeSetup(lab.setup().withSeed(100 + k)));
            settle();
        }
        assertEquals(EditHistory.KEPT_HISTORIES, lab.edits().keptHistories());
        for (int k = 0; k < EditHistory.KEPT_HISTORIES + 4; k++) {
            assertNull(lab.undo());
            settle();
        }
        assertEquals(EditHistory.KEPT_HISTORIES, lab.edits().keptHistories(), "counted on both sides");
        assertEquals(1, lab.setup().seed());
        assertEquals(5, lab.latest().epoch(), "the network itself is always kept");
        assertEquals(5, lab.lossHistory().latestEpoch(), "a fresh curve starts where it stands");
        assertEquals(1, lab.lossHistory().recorded());
    }
}
