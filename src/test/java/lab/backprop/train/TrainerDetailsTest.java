package lab.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import lab.backprop.data.Batching;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;
import lab.backprop.model.Workspace;

/** The trainer's batching, step counts and divergence checks, each against a transcription or its exact edge. */
class TrainerDetailsTest {
    private final Dataset gender = BuiltinDatasets.gender();

    /** Mini-batch by hand: the seeded Fisher-Yates shuffle, then batches of b with the batch's mean squared error. */
    private static double[] miniBatchByHand(Network net, Dataset data, double lr, int b, long seed, int epochs) {
        double[][] x = data.inputs();
        double[] y = data.labels();
        int n = x.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom shuffler = new SplittableRandom(seed ^ 0x5DEECE66DL);
        Workspace ws = new Workspace(net.layout());
        double[] gw = new double[net.layout().weightCount()], gb = new double[net.layout().biasCount()];
        for (int e = 0; e < epochs; e++) {
            for (int i = n - 1; i > 0; i--) {
                int j = shuffler.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start < n; start += b) {
                int end = Math.min(n, start + b);
                java.util.Arrays.fill(gw, 0);
                java.util.Arrays.fill(gb, 0);
                for (int s = start; s < end; s++) {
                    net.forward(x[order[s]], ws);
                    net.backward(new double[] { y[order[s]] }, 1.0 / (end - start), ws, gw, gb);
                }
                net.step(lr, gw, gb);
            }
        }
        double[] all = new double[net.layout().parameterCount()];
        for (int p = 0; p < all.length; p++) all[p] = net.parameter(p);
        return all;
    }

    private static double[] parameters(Network net) {
        double[] all = new double[net.layout().parameterCount()];
        for (int p = 0; p < all.length; p++) all[p] = net.parameter(p);
        return all;
    }

    @Test void miniBatchIsASeededShuffleThenMeanGradientsOfEachBatch() throws Exception {
        for (int b : new int[] { 1, 3, 4, 9 }) {
            for (long seed : new long[] { 0, 7 }) {
                Network start = Setups.twoHOne(3, Activation.TANH, Initializer.STANDARD_NORMAL, 4);
                Trainer t = Setups.trainer(start.copy(), gender, Batching.Mode.MINI_BATCH, 0.05, b, seed);
                for (int e = 0; e < 25; e++) t.runEpoch();
                double[] byHand = miniBatchByHand(start.copy(), gender, 0.05, b, seed, 25);
                assertArrayEquals(byHand, parameters(t.network()), 0.0, "batch " + b + ", seed " + seed);
                int perEpoch = (4 + Math.min(b, 4) - 1) / Math.min(b, 4);
                assertEquals(25L * perEpoch, t.steps(), "one step per batch, batch " + b);
            }
        }
    }

    /**
     * upcoming() names the samples of the next update, drawing a due shuffle early (the same draw): a trainer asked
     * before each update trains bit for bit like one never asked, and each update is the trace of those samples.
     */
    @Test void upcomingNamesTheNextUpdatesSamplesWithoutChangingTraining() throws Exception {
        Dataset xor = BuiltinDatasets.xor();
        for (Batching.Mode mode : Batching.Mode.values()) {
            Network start = Setups.twoHOne(3, Activation.TANH, Initializer.STANDARD_NORMAL, 4);
            Trainer asked = Setups.trainer(start.copy(), xor, mode, 0.3, 3, 7);
            Trainer plain = Setups.trainer(start.copy(), xor, mode, 0.3, 3, 7);
            java.util.Set<String> orders = new java.util.HashSet<>();
            for (int u = 0; u < 12; u++) {
                int[] next = asked.upcoming();
                assertArrayEquals(next, asked.upcoming(), "asking twice draws nothing new");
                assertEquals(mode == Batching.Mode.PER_SAMPLE ? 1 : mode == Batching.Mode.FULL_BATCH ? 4 : asked.cursor() == 0 ? 3 : 1,
                        next.length, mode + " update " + u);
                if (mode == Batching.Mode.PER_SAMPLE) assertEquals(u % 4, next[0], "SGD goes through the data in order");
                orders.add(java.util.Arrays.toString(next));
                double[][] in = new double[next.length][];
                double[] y = new double[next.length];
                for (int k = 0; k < next.length; k++) {
                    in[k] = xor.inputs()[next[k]];
                    y[k] = xor.labels()[next[k]];
                }
                double scale = mode == Batching.Mode.FULL_BATCH ? 0.5 : mode == Batching.Mode.PER_SAMPLE ? 1 : 1.0 / next.length;
                Network traced = lab.backprop.model.StepTrace.of(asked.network().copy(), in, y, scale, 0.3).after();
                asked.runUpdate();
                plain.runUpdate();
                assertArrayEquals(parameters(plain.network()), parameters(asked.network()), 0.0, mode + " update " + u);
                assertArrayEquals(parameters(traced), parameters(asked.network()), 0.0, "the update trains the samples named, " + mode);
            }
            if (mode == Batching.Mode.MINI_BATCH) assertTrue(orders.size() > 2, "the shuffle differs between epochs: " + orders);
        }
    }

    /** A batch of 4,096 samples or more is summed in two fixed halves on two cores: the same every run, the sum to rounding. */
    @Test void bigBatchesAreSummedInTwoHalvesTheSameEveryRun() throws Exception {
        Dataset big = new lab.backprop.data.Generator.Spec(lab.backprop.data.Generator.MOONS, 6000, 0.2, 4).make();
        TrainingSetup s = TrainingSetup.forData(big, lab.backprop.model.Architecture.of(1, 8, Activation.TANH)).withBatching(Batching.fullBatch());
        Network start = s.newNetwork();
        Trainer a = s.newTrainer(start.copy()), b = s.newTrainer(start.copy());
        for (int e = 0; e < 3; e++) {
            a.runEpoch();
            b.runEpoch();
        }
        assertArrayEquals(parameters(a.network()), parameters(b.network()), 0.0, "the same bits every run");
        // one sequential sum by hand, with the engine's calls
        Network net = start.copy();
        double[][] x = big.inputs();
        double[] y = big.labels();
        Workspace ws = new Workspace(net.layout());
        double[] gw = new double[net.layout().weightCount()], gb = new double[net.layout().biasCount()];
        for (int e = 0; e < 3; e++) {
            java.util.Arrays.fill(gw, 0);
            java.util.Arrays.fill(gb, 0);
            for (int i = 0; i < x.length; i++) {
                net.forward(x[i], ws);
                net.backward(new double[] { y[i] }, 1.0 / x.length, ws, gw, gb);
            }
            net.step(s.learningRate(), gw, gb);
        }
        assertArrayEquals(parameters(net), parameters(a.network()), 1e-12, "the sequential sum, to rounding");
        if (Runtime.getRuntime().availableProcessors() > 1) {
            assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("backprop-batch-half")),
                    "the second half ran on the helper thread");
        }
    }

    @Test void stepsCountUpdatesOnEveryPath() throws Exception {
        Network deep = Setups.network(new Layout(2, 3, 2, 1), Activation.SIGMOID, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 2);
        Trainer sgd = Setups.trainer(deep, gender, Batching.Mode.PER_SAMPLE, 0.1, 2, 1);
        sgd.runEpochs(3);
        assertEquals(12, sgd.steps(), "4 samples x 3 epochs, general path");
        Trainer batch = Setups.trainer(Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 2), gender,
                Batching.Mode.FULL_BATCH, 0.1, 2, 1);
        batch.runEpochs(3);
        assertEquals(3, batch.steps());
        assertEquals(3, batch.epoch());
        assertEquals(4, batch.sampleCount());
    }

    @Test void pendingEditsAndTheLiveRateAreVisible() {
        Trainer t = Setups.trainer(Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1), gender,
                Batching.Mode.PER_SAMPLE, 0.1, 2, 1);
        assertFalse(t.hasPendingEdits());
        t.submitEdit(3, 0.5);
        assertTrue(t.hasPendingEdits());
        assertTrue(t.applyEdits());
        assertFalse(t.hasPendingEdits());
        t.learningRate().set(0.7);
        assertEquals(0.7, t.setup().learningRate(), "the setup with the rate in use");
        assertSame(gender, t.setup().data());
        assertEquals(Batching.Mode.PER_SAMPLE, t.batching());
        assertEquals(0, t.stepper().state().length, "plain gradient descent keeps no state");
        assertThrows(IllegalArgumentException.class, () -> t.resumeAt(-1));
        assertThrows(IllegalArgumentException.class, () -> t.runEpochs(0));
    }

    /** A hidden neuron with b1 huge is saturated (f' = 0 exactly), so b1 never moves: the limit itself can be tested. */
    private Trainer saturated(double b1, Batching.Mode mode) {
        Network net = Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1);
        net.setBias(0, b1);
        return Setups.trainer(net, gender, mode, 0.1, 2, 1);
    }

    @Test void aParameterAtTheBlowUpLimitIsFineOnePastItHasBlownUp() throws Exception {
        for (Batching.Mode mode : new Batching.Mode[] { Batching.Mode.PER_SAMPLE, Batching.Mode.FULL_BATCH }) {
            Trainer at = saturated(Trainer.DEFAULT_BLOW_UP_LIMIT, mode);
            for (int e = 0; e < 5; e++) at.runEpoch();
            assertEquals(Trainer.DEFAULT_BLOW_UP_LIMIT, at.network().bias(0), 0.0, "saturated: b1 did not move");
            Trainer past = saturated(Math.nextUp(Trainer.DEFAULT_BLOW_UP_LIMIT), mode);
            DivergenceException e = assertThrows(DivergenceException.class, past::runEpoch);
            assertEquals("b1", e.parameter());
            assertEquals(Math.nextUp(Trainer.DEFAULT_BLOW_UP_LIMIT), e.badValue(), 0.0);
            assertTrue(e.getMessage().contains("b1 grew to 1.000e+06"), e.getMessage());
            assertEquals(0, past.epoch(), "rolled back to where it started");
            assertEquals(0, e.restoredEpoch());
        }
    }

    @Test void theFirstParameterOverTheLimitIsNamedEvenIfItIsW1() {
        Network net = Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1);
        net.setWeight(0, 2e6); // w1: with b1 = 1e7, h1 is saturated for every sample, so neither moves
        net.setBias(0, 1e7);
        Trainer t = Setups.trainer(net, gender, Batching.Mode.FULL_BATCH, 0.1, 2, 1);
        DivergenceException e = assertThrows(DivergenceException.class, t::runEpoch);
        assertEquals("w1", e.parameter());
        assertTrue(e.getMessage().startsWith("Training diverged in epoch 1: w1 grew to 2.000e+06."), e.getMessage());
    }

    @Test void aJumpIsReportedWithItsSizeOverTheEpochsOfTheChunk() {
        Network start = Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1);
        Trainer one = Setups.trainer(start.copy(), gender, Batching.Mode.PER_SAMPLE, 1000, 2, 1);
        DivergenceException e = assertThrows(DivergenceException.class, () -> { for (int i = 0; i < 1000; i++) one.runEpoch(); });
        double before = one.network().parameter(parameterIndex(e.parameter(), one.network()));
        double jump = e.badValue() - before;
        assertTrue(Math.abs(jump) > Trainer.JUMP_LIMIT, "a jump past the limit: " + jump);
        assertTrue(e.getMessage().contains(e.parameter() + " jumped by " + String.format(java.util.Locale.ROOT, "%.4g", jump) + " in one epoch"),
                e.getMessage());
        assertTrue(e.getMessage().contains("while the loss rose from "), e.getMessage());
        assertEquals(e.epoch(), e.firstEpoch());

        Trainer chunk = Setups.trainer(start.copy(), gender, Batching.Mode.PER_SAMPLE, 1000, 2, 1);
        DivergenceException c = assertThrows(DivergenceException.class, () -> chunk.runEpochs(5));
        assertEquals(1, c.firstEpoch());
        assertEquals(5, c.epoch());
        assertTrue(c.getMessage().startsWith("Training diverged in epochs 1 to 5: "), c.getMessage());
        assertTrue(c.getMessage().contains(" in 5 epochs while the loss rose"), c.getMessage());
        assertEquals(0, chunk.epoch());
        assertArrayEquals(start.weightsCopy(), chunk.network().weightsCopy(), 0.0, "back at the chunk's start");
    }

    private static int parameterIndex(String name, Network net) {
        for (int p = 0; p < net.layout().parameterCount(); p++) if (net.parameterName(p).equals(name)) return p;
        throw new IllegalArgumentException(name);
    }

    @Test void theTrainerRefusesDataThatDoesNotFitTheNetwork() {
        Network three = Network.sigmoid(3, 2, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Setups.trainer(three, gender, Batching.Mode.PER_SAMPLE, 0.1, 2, 1));
        assertEquals("the network takes 3 inputs but the data has 2 features", e.getMessage());
        Network two = Network.sigmoid(2, 2, 2);
        assertThrows(IllegalArgumentException.class, () -> Setups.setup(two, gender, Batching.Mode.PER_SAMPLE, 0.1, 2, 1));
    }
}
