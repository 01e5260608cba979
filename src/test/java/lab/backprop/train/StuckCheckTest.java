package lab.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import lab.backprop.data.BuiltinDatasets;
import lab.backprop.model.Activation;
import lab.backprop.model.Architecture;

/** The window's "this run is stuck" notice, on the runs the issue names: XOR sticking at 0.125, dead ReLUs at 0.5. */
class StuckCheckTest {
    private static String verdict(TrainingSetup s) throws DivergenceException {
        Trainer t = s.newTrainer();
        LossHistory h = new LossHistory();
        for (long e = 0; e < s.epochs(); e++) h.record(e, t.runEpoch());
        return StuckCheck.check(h.view());
    }

    @Test void agreesWithTheSeedSweepOnEveryXorStartItCallsStuck() throws DivergenceException {
        int stuck = 0;
        for (long seed = 0; seed < 40; seed++) {
            TrainingSetup s = SeedSweep.seed000().withSeed(seed);
            SeedSweep.Run run = SeedSweep.runOne(s, SeedSweep.STUCK_LOSS);
            String v = verdict(s);
            // A stuck XOR start sits at 0.125 (two samples at 0.5), creeping by well under 1 % over the last half.
            assertEquals(run.stuck(), v != null, "seed " + seed + ": sweep " + run.reason() + ", check " + v);
            if (v != null) {
                stuck++;
                assertTrue(v.contains("0.125") && v.contains("stuck") && v.contains("Try another seed"), v);
            }
        }
        assertEquals(7, stuck, "seeds 9, 10, 12, 18, 21, 37 and 38 of 0..39 stick");
    }

    @Test void deadReluNetworksAreStuckAtHalfAndALiveOneIsNot() throws DivergenceException {
        TrainingSetup deep = TrainingSetup.forData(BuiltinDatasets.gender(), Architecture.of(3, 8, Activation.RELU)).withLearningRate(0.5);
        String dead = verdict(deep.withSeed(1));
        assertNotNull(dead, "2-8-8-8-1 ReLU at 0.5, seed 1: every ReLU dead, the loss stays at 0.5");
        assertTrue(dead.contains("0.5000") && dead.contains("ReLU"), dead);
        assertNotNull(verdict(deep.withSeed(3)));
        assertNull(verdict(deep.withSeed(2)), "seed 2 learns the data to a loss of 0");
    }

    @Test void aSlowButMovingRunIsNotStuckNorIsAShortOne() throws DivergenceException {
        // XOR at a rate of 0.125 leaves its plateau late but steadily (0.23 -> 0.17 over the last half).
        assertNull(verdict(SeedSweep.seed000().withSeed(3).withLearningRate(0.125)));
        // Too few epochs to judge: a 100-epoch run.
        assertNull(verdict(SeedSweep.seed000().withSeed(9).withEpochs(100)));
    }
}
