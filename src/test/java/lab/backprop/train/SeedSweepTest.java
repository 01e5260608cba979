package lab.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import lab.backprop.data.Batching;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Network;

class SeedSweepTest {
    private final Dataset xor = BuiltinDatasets.xor();

    @Test
    void sweepAgreesWithRunningEachSeedByHand() throws Exception {
        TrainingSetup s = SeedSweep.seed000().withEpochs(2000);
        SeedSweep.Result result = new SeedSweep(s, SeedSweep.STUCK_LOSS).run(100, 12, null, null);
        assertTrue(result.complete());
        assertEquals(12, result.size());
        int stuckByHand = 0;
        for (int i = 0; i < 12; i++) {
            Network net = Setups.network(s.layout(), Activation.SIGMOID, Activation.SIGMOID, Initializer.UNIFORM_0_1, 100 + i);
            Trainer t = Setups.trainer(net, xor, Batching.Mode.FULL_BATCH, 1.0, 4, 0);
            for (int e = 0; e < 2000; e++) t.runEpoch();
            boolean wrong = false;
            for (int k = 0; k < 4; k++) {
                double y = net.predict(xor.inputs()[k])[0];
                wrong |= (y >= 0.5) != (xor.labels()[k] >= 0.5);
            }
            boolean stuck = wrong || t.loss() > 0.1;
            if (stuck) stuckByHand++;
            SeedSweep.Run r = result.runs().get(i);
            assertEquals(100 + i, r.seed());
            assertEquals(t.loss(), r.finalLoss(), 0.0);
            assertEquals(stuck, r.stuck(), "seed " + r.seed() + ": " + r.reason());
        }
        assertEquals(stuckByHand, result.stuckCount());
    }

    @Test
    void seed000SettingsSolveSomeStartsAndTheCountIsConsistent() {
        SeedSweep.Result result = SeedSweep.xor().run(0, 20, null, null);
        int stuck = 0;
        for (SeedSweep.Run r : result.runs()) {
            if (r.stuck()) stuck++;
            else {
                assertTrue(r.finalLoss() <= 0.1);
                assertTrue(r.outputs()[0] < 0.5 && r.outputs()[1] >= 0.5 && r.outputs()[2] >= 0.5 && r.outputs()[3] < 0.5);
            }
        }
        assertEquals(stuck, result.stuckCount());
        assertTrue(stuck < 20, "seed 000's set-up learns XOR from most starts");
        assertArrayEquals(result.runs().stream().mapToDouble(SeedSweep.Run::finalLoss).toArray(), result.finalLosses(), 0.0);
    }

    /** The sweep runs side by side on every core; each seed's run is the one a single thread gives, in seed order. */
    @Test
    void theSweepOnEveryCoreGivesEachSeedsOwnRunInOrder() {
        TrainingSetup s = SeedSweep.seed000().withEpochs(500);
        SeedSweep.Result all = new SeedSweep(s, SeedSweep.STUCK_LOSS).run(3, 9, null, null);
        for (int i = 0; i < 9; i++) {
            SeedSweep.Run alone = SeedSweep.runOne(s.withSeed(3 + i), SeedSweep.STUCK_LOSS);
            assertEquals(3 + i, all.runs().get(i).seed());
            assertEquals(alone.finalLoss(), all.runs().get(i).finalLoss(), 0.0, "seed " + (3 + i));
        }
        // and with another rule, the same sweep counts its own stuck starts
        SeedSweep.Result adam = SeedSweep.xor().withUpdate(new Adam(0.9, 0.999, 1e-8)).run(0, 6, null, null);
        assertEquals(6, adam.size());
        for (SeedSweep.Run r : adam.runs()) {
            assertEquals(SeedSweep.runOne(SeedSweep.seed000().withUpdate(new Adam(0.9, 0.999, 1e-8)).withSeed(r.seed()), 0.1).finalLoss(),
                    r.finalLoss(), 0.0);
        }
    }

    /** Cross-entropy starts are judged by their MSE and sides of 0.5 as every other start. */
    @Test
    void aCrossEntropySweepIsJudgedByTheSameMeasure() {
        SeedSweep ce = SeedSweep.xor().withLoss(lab.backprop.model.LossFunction.CROSS_ENTROPY);
        SeedSweep.Result r = new SeedSweep(ce.setup().withEpochs(1000), SeedSweep.STUCK_LOSS).run(0, 4, null, null);
        for (SeedSweep.Run run : r.runs()) {
            double mse = 0;
            double[] y = BuiltinDatasets.xor().labels();
            for (int i = 0; i < 4; i++) mse += (y[i] - run.outputs()[i]) * (y[i] - run.outputs()[i]) / 4;
            assertEquals(mse, run.finalLoss(), 1e-15, "seed " + run.seed());
        }
    }

    @Test
    void aBadStartThatCannotLearnIsCountedStuck() {
        // one hidden neuron cannot draw XOR's two lines
        TrainingSetup one = SeedSweep.seed000().withArchitecture(lab.backprop.model.Architecture.of(1, 1, Activation.SIGMOID))
                .withEpochs(1000);
        assertEquals(Batching.Mode.FULL_BATCH, one.batching().mode());
        assertEquals(Initializer.UNIFORM_0_1, one.init());
        SeedSweep.Result r = new SeedSweep(one, 0.1).run(0, 5, null, null);
        assertEquals(5, r.stuckCount());
        assertTrue(r.runs().get(0).reason().contains("wrong side"), r.runs().get(0).reason());
    }

    @Test
    void cancelAndProgress() {
        List<Integer> progress = new ArrayList<>();
        SeedSweep.Result r = SeedSweep.xor().run(0, 50, () -> progress.size() >= 3, (done, total) -> {
            assertEquals(50, total);
            progress.add(done);
        });
        assertFalse(r.complete());
        // side by side on every core: the sweep keeps the seeds in order up to the first one not done (a run going when
        // it was cancelled stops part way), never more than were reported done, and never one out of order
        assertTrue(r.size() <= progress.size() && progress.size() < 3 + Runtime.getRuntime().availableProcessors(),
                "kept " + r.size() + " of " + progress);
        assertEquals(List.of(1, 2, 3), progress.subList(0, 3));
        for (int i = 0; i < r.size(); i++) assertEquals(i, r.runs().get(i).seed(), "in seed order");
        assertThrows(IllegalArgumentException.class, () -> SeedSweep.xor().run(0, 0, null, null));
        assertThrows(IllegalArgumentException.class, () -> new SeedSweep(SeedSweep.seed000().withEpochs(0), 0.1));
    }
}
