package lab.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import lab.backprop.data.Batching;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Network;

/** What the seeds promise after training. */
class TrainingOutcomeTest {

    @Test
    void genderSgdClassifiesEmilyAndFrankForNineteenOfTwentySeeds() throws Exception {
        Dataset gender = BuiltinDatasets.gender();
        int good = 0;
        StringBuilder log = new StringBuilder();
        for (long seed = 1; seed <= 20; seed++) {
            Network net = Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, seed);
            Trainer trainer = Setups.trainer(net, gender, Batching.Mode.PER_SAMPLE, 0.1, 1, seed);
            for (int e = 0; e < 1000; e++) trainer.runEpoch();
            double emily = net.predict(gender.toInput(128, 63))[0];
            double frank = net.predict(gender.toInput(155, 68))[0];
            log.append(String.format("seed %d: Emily %.3f Frank %.3f%n", seed, emily, frank));
            if (emily > 0.9 && frank < 0.1) good++;
        }
        System.out.print(log);
        assertTrue(good >= 19, "only " + good + " of 20 seeds:\n" + log);
    }

    @Test
    void xorFullBatchSuccessRateOverFiftySeeds() throws Exception {
        Dataset xor = BuiltinDatasets.xor();
        double[] targets = xor.labels();
        int solved = 0;
        for (long seed = 1; seed <= 50; seed++) {
            Network net = Setups.twoHOne(2, Activation.SIGMOID, Initializer.UNIFORM_0_1, seed);
            Trainer trainer = Setups.trainer(net, xor, Batching.Mode.FULL_BATCH, 1.0, 1, seed);
            for (int e = 0; e < 5000; e++) trainer.runEpoch();
            boolean allRight = true;
            double[][] inputs = xor.inputs();
            for (int i = 0; i < inputs.length; i++) {
                double y = net.predict(inputs[i])[0];
                if ((y >= 0.5) != (targets[i] == 1)) allRight = false;
            }
            if (allRight) solved++;
        }
        System.out.printf("XOR 2-2-1 full batch, lr 1, 5000 epochs, uniform init: %d of 50 seeds solved%n", solved);
        // Measured: see the README; 2 hidden units sometimes stick in a local minimum, so not all 50 solve.
        assertTrue(solved >= 25 && solved <= 50, solved + " of 50");
    }

    @Test
    void sameSeedGivesBitIdenticalRuns() throws Exception {
        for (Batching.Mode opt : Batching.Mode.values()) {
            double[] a = run(opt, 99), b = run(opt, 99), c = run(opt, 100);
            for (int i = 0; i < a.length; i++) {
                assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(b[i]), opt + " parameter " + i);
            }
            assertTrue(!java.util.Arrays.equals(a, c), "another seed must give another run");
        }
    }

    private static double[] run(Batching.Mode opt, long seed) throws Exception {
        Network net = Setups.twoHOne(3, Activation.TANH, Initializer.STANDARD_NORMAL, seed);
        Trainer trainer = Setups.trainer(net, BuiltinDatasets.xor(), opt, 0.5, 2, seed);
        for (int e = 0; e < 300; e++) trainer.runEpoch();
        double[] p = new double[net.layout().parameterCount()];
        for (int i = 0; i < p.length; i++) p[i] = net.parameter(i);
        return p;
    }
}
