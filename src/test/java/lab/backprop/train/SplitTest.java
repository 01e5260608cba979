package lab.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import lab.backprop.data.Batching;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.data.Generator;
import lab.backprop.data.Split;
import lab.backprop.model.Network;
import lab.backprop.session.Session;
import lab.backprop.session.SessionFile;

/** The train/test split: sizes, disjoint and stable parts, a trainer that never sees the test samples, the test loss. */
class SplitTest {
    private final Dataset spiral = new Generator.Spec(Generator.SPIRAL, 300, 0.1, 2).make();

    @Test void sizesAreTheShareRoundedAndThePartsAreDisjointAndStable() {
        for (double r : new double[] { 0.1, 0.25, 0.5, 0.9 }) {
            Split split = new Split(r, 7);
            boolean[] test = split.testMask(300);
            int tests = 0;
            for (boolean t : test) if (t) tests++;
            assertEquals(Math.round(300 * r), tests);
            assertArrayEquals(test, new Split(r, 7).testMask(300), "the same split picks the same samples");
            assertNotEquals(Arrays.toString(test), Arrays.toString(new Split(r, 8).testMask(300)), "another seed, other samples");
            TrainingSetup s = TrainingSetup.forData(spiral).withSplit(split);
            Dataset train = s.trainingData(), held = s.testData();
            assertEquals(300, train.size() + held.size());
            for (Dataset.Sample x : train.samples()) assertTrue(!held.samples().contains(x), "disjoint");
        }
        assertEquals(1, Split.of(0.1).testCount(4), "at least one test sample");
        assertEquals(3, Split.of(0.9).testCount(4), "at least one training sample");
        assertEquals(0, Split.of(0.5).testCount(1));
        assertEquals(0, Split.NONE.testCount(300));
        assertNull(Split.whyNot(0));
        assertEquals("the test share must be 0 (no test set) or 0.1 to 0.9 (10 to 90 %), got 0.95", Split.whyNot(0.95));
        assertThrows(IllegalArgumentException.class, () -> new Split(0.05, 1));
        assertThrows(IllegalArgumentException.class, () -> new Split(Double.NaN, 1));
    }

    /** With a split the trainer trains exactly as a trainer on the training part alone, and its test loss is the held-out MSE. */
    @Test void theTrainerNeverSeesTheTestSamples() throws Exception {
        for (Batching b : new Batching[] { Batching.perSample(), Batching.fullBatch(), Batching.miniBatch(16) }) {
            TrainingSetup split = TrainingSetup.forData(spiral).withBatching(b).withSplit(new Split(0.3, 3));
            Network start = split.newNetwork();
            Trainer withSplit = split.newTrainer(start.copy());
            Trainer alone = split.withSplit(Split.NONE).withData(split.trainingData()).newTrainer(start.copy());
            for (int e = 0; e < 5; e++) {
                assertEquals(alone.runEpoch(), withSplit.runEpoch(), 0.0, b + ": the training loss is over the training part");
            }
            assertArrayEquals(alone.network().weightsCopy(), withSplit.network().weightsCopy(), 0.0, b.toString());
            Dataset test = split.testData();
            double sum = 0;
            for (Dataset.Sample x : test.samples()) {
                double d = x.label() - withSplit.network().predict(test.toInput(x.raw()))[0];
                sum += d * d;
            }
            assertEquals(sum / test.size(), withSplit.testLoss(), 1e-15);
            assertEquals(withSplit.testLoss(), withSplit.snapshot().testLoss(), 0.0);
            assertEquals(90, withSplit.testCount());
            assertEquals(210, withSplit.sampleCount());
            assertTrue(Double.isNaN(alone.testLoss()), "no split, no test loss");
            // the trainer's next samples are named by their index in the whole set, never a test sample's
            boolean[] held = split.split().testMask(spiral.size());
            for (int i : withSplit.upcoming()) assertTrue(!held[i], "a test sample is never trained on");
        }
    }

    @Test void theLossHistoryKeepsTheTestLossInTheSameBuckets() {
        LossHistory h = new LossHistory(4);
        for (int e = 0; e < 10; e++) h.record(e, 1.0 / (e + 1), 2.0 / (e + 1));
        LossHistory.View v = h.view();
        assertEquals(v.size(), v.test().size());
        assertArrayEquals(v.firstEpoch(), v.test().firstEpoch());
        assertEquals(2.0 / 10, v.test().last()[v.size() - 1], 1e-15);
        assertEquals(2.0 / 10, h.latestTest(), 1e-15);
        for (int b = 0; b < v.size(); b++) assertEquals(2 * v.min()[b], v.test().min()[b], 1e-15, "bucket " + b);
        LossHistory none = new LossHistory(4);
        none.record(0, 0.5);
        assertNull(none.view().test(), "no test loss recorded, no test series");
    }

    @Test void aSessionKeepsItsSplit() throws Exception {
        TrainingSetup s = TrainingSetup.forData(spiral).withSplit(new Split(0.2, 9)).withEpochs(3);
        Trainer t = s.newTrainer();
        t.runEpochs(3);
        String json = SessionFile.toJson(Session.of(t));
        assertTrue(json.contains("\"testRatio\" : 0.2") && json.contains("\"splitSeed\" : 9"), json.substring(0, 600));
        Session back = SessionFile.fromJson(json, "run.json");
        assertEquals(new Split(0.2, 9), back.setup().split());
        assertTrue(!SessionFile.toJson(Session.of(TrainingSetup.forData(BuiltinDatasets.gender()).newTrainer())).contains("testRatio"),
                "no split: nothing more in the file, as before");
        lab.backprop.session.SessionFormatException e = assertThrows(lab.backprop.session.SessionFormatException.class,
                () -> SessionFile.fromJson(json.replace("\"testRatio\" : 0.2", "\"testRatio\" : 1.5"), "run.json"));
        assertTrue(e.getMessage().contains("training.testRatio: the test share must be 0 (no test set) or 0.1 to 0.9"), e.getMessage());
    }
}
