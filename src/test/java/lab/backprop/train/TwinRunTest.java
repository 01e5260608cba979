package lab.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import lab.backprop.data.Batching;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Network;

class TwinRunTest {
    private final Dataset gender = BuiltinDatasets.gender();
    private final Network start = Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 11);

    @Test
    void bothSidesStartBitIdenticalFromCopies() {
        double[] before = start.weightsCopy();
        TwinRun twins = TwinRun.sgdVersusBatch(start, TrainingSetup.forData(gender).withLearningRate(0.1));
        assertArrayEquals(twins.snapshot(0).weights(), twins.snapshot(1).weights(), 0.0);
        assertArrayEquals(twins.snapshot(0).biases(), twins.snapshot(1).biases(), 0.0);
        assertEquals(twins.latestLoss(0), twins.latestLoss(1), 0.0);
        twins.run(10, null, null);
        assertArrayEquals(before, start.weightsCopy(), 0.0, "the starting network is never trained");
    }

    @Test
    void eachSideMatchesASingleTrainerWithItsSwitch() throws Exception {
        TwinRun twins = TwinRun.twoRates(start, TrainingSetup.forData(gender), 0.1, 0.5);
        assertEquals(Batching.Mode.PER_SAMPLE, twins.side(0).setup().batching().mode());
        twins.run(200, null, null);
        Trainer a = Setups.trainer(start.copy(), gender, Batching.Mode.PER_SAMPLE, 0.1, gender.size(), 0);
        Trainer b = Setups.trainer(start.copy(), gender, Batching.Mode.PER_SAMPLE, 0.5, gender.size(), 0);
        for (int e = 0; e < 200; e++) { a.runEpoch(); b.runEpoch(); }
        assertArrayEquals(a.snapshot().weights(), twins.snapshot(0).weights(), 0.0);
        assertArrayEquals(b.snapshot().weights(), twins.snapshot(1).weights(), 0.0);
        assertEquals(a.loss(), twins.latestLoss(0), 0.0);
        assertEquals(b.loss(), twins.latestLoss(1), 0.0);
        assertEquals(200, twins.epoch());
        assertEquals(201, twins.history(0).recorded(), "epoch 0 plus 200 epochs");
    }

    @Test
    void sameSwitchOnBothSidesGivesIdenticalCurvesADifferentOneDiverges() {
        TrainingSetup batch = TrainingSetup.forData(gender).withBatching(Batching.fullBatch()).withLearningRate(0.3);
        TwinRun same = new TwinRun(start, new TwinRun.Side("a", batch), new TwinRun.Side("b", batch));
        same.run(100, null, null);
        assertArrayEquals(same.history(0).view().last(), same.history(1).view().last(), 0.0);

        TwinRun diff = TwinRun.sgdVersusBatch(start, TrainingSetup.forData(gender).withLearningRate(0.3));
        diff.run(100, null, null);
        double[] l0 = diff.history(0).view().last(), l1 = diff.history(1).view().last();
        assertEquals(l0[0], l1[0], 0.0, "identical start");
        assertNotEquals(l0[100], l1[100]);
        assertTrue(!Arrays.equals(diff.snapshot(0).weights(), diff.snapshot(1).weights()));
    }

    @Test
    void cancelStopsAndADivergingSideStopsAloneWithItsMessage() {
        TwinRun twins = TwinRun.twoRates(start, TrainingSetup.forData(gender), 0.1, 1e9);
        long[] seen = { 0 };
        long ran = twins.run(1000, () -> seen[0] >= 30, e -> seen[0] = e);
        assertEquals(30, ran);
        assertNull(twins.failure(0));
        assertTrue(twins.failure(1) != null && twins.failure(1).contains("diverged"), twins.failure(1));
        assertEquals(30, twins.trainer(0).epoch());
    }
}
