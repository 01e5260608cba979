package lab.backprop.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import lab.backprop.data.Batching;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Architecture;
import lab.backprop.model.Initializer;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;
import lab.backprop.model.Workspace;
import lab.backprop.train.GradientDescent;
import lab.backprop.train.Trainer;
import lab.backprop.train.TrainingSetup;

/** The lessons' engine pieces: fixed starts, the single neuron, one update at a time, and exact values. */
class LessonsTest {
    private static double sigmoid(double z) { return 1 / (1 + Math.exp(-z)); }

    @Test void fixedStartsAreTheTutorialsHandWorkedOnes() {
        Network zeroOne = new Network(new Layout(2, 2, 1), Activation.SIGMOID, Activation.SIGMOID);
        zeroOne.initialize(Initializer.ZERO_ONE, new SplittableRandom(3));
        assertArrayEquals(new double[] { 0, 1, 0, 1, 0, 1 }, zeroOne.weightsCopy());
        assertArrayEquals(new double[] { 0, 0, 0 }, zeroOne.biasesCopy());
        assertEquals(0.7216325609518421, zeroOne.predict(2, 3)[0], 0.0);
        Network ones = new Network(new Layout(2, 3, 3, 1), Activation.TANH, Activation.SIGMOID);
        ones.initialize(Initializer.ONES, new SplittableRandom(3));
        for (double w : ones.weightsCopy()) assertEquals(1, w);
        for (double b : ones.biasesCopy()) assertEquals(0, b);
        assertTrue(!Initializer.ONES.isRandom() && Initializer.UNIFORM_0_1.isRandom());
    }

    @Test void aSingleNeuronIsSeed001sFirstExample() {
        Network n = Architecture.of(0, 1, Activation.SIGMOID).newNetwork(2);
        assertEquals("2-1", n.layout().toString());
        n.setWeights(new double[] { 0, 1 });
        n.setBiases(new double[] { 4 });
        assertEquals(0.9990889488055994, n.predict(2, 3)[0], 0.0);
        assertEquals(sigmoid(7), n.predict(2, 3)[0], 0.0);
    }

    /** Finite differences against backprop on the 2-1 network, for every output activation. */
    @Test void gradientCheckOfTheSingleNeuron() {
        for (Activation out : Activation.values()) {
            Network n = new Network(new Layout(2, 1), Activation.SIGMOID, out);
            n.initialize(Initializer.STANDARD_NORMAL, new SplittableRandom(5));
            double[] x = { 0.7, -1.3 }, y = { 1 };
            Workspace ws = new Workspace(n.layout());
            double[] gw = new double[2], gb = new double[1];
            n.forward(x, ws);
            n.backward(y, 1.0, ws, gw, gb);
            for (int p = 0; p < 3; p++) {
                double v = n.parameter(p), h = 1e-6;
                n.setParameter(p, v + h);
                double up = Math.pow(1 - n.predict(x)[0], 2);
                n.setParameter(p, v - h);
                double down = Math.pow(1 - n.predict(x)[0], 2);
                n.setParameter(p, v);
                double numeric = (up - down) / (2 * h), analytic = p < 2 ? gw[p] : gb[0];
                assertEquals(numeric, analytic, 1e-7, out + " " + n.parameterName(p));
            }
        }
    }

    /** dL/dw1 for Alice from all weights 1, biases 0, worked independently of the engine. */
    @Test void theExactDlDw1() {
        double x1 = -2, x2 = -1;
        double h = sigmoid(x1 + x2), zo = h + h, ypred = sigmoid(zo);
        double expected = -2 * (1 - ypred) * (1 * ypred * (1 - ypred)) * (x1 * h * (1 - h));
        assertEquals(0.02146953526581111, expected, 1e-15);
        Dataset alice = BuiltinDatasets.gender().without(3).without(2).without(1);
        Network net = new Network(new Layout(2, 2, 1), Activation.SIGMOID, Activation.SIGMOID);
        net.initialize(Initializer.ONES, new SplittableRandom(0));
        double got = lab.backprop.model.ChainRuleTrace.of(net, alice.toInput(133, 65), 1, 0, 0.1).gradient();
        assertEquals(expected, got, 1e-12);
    }

    /** Updates one at a time are the epoch's updates, bit for bit, and the epoch count moves on at its end. */
    @Test void oneUpdateAtATimeIsTheSameAsAnEpoch() throws Exception {
        for (Batching b : new Batching[] { Batching.perSample(), new Batching(Batching.Mode.MINI_BATCH, 3), Batching.fullBatch() }) {
            TrainingSetup s = new TrainingSetup(BuiltinDatasets.gender().with(new Dataset.Sample("Eve", new double[] { 140, 67 }, 1)),
                    Architecture.SEEDS, Initializer.STANDARD_NORMAL, 4, b, GradientDescent.INSTANCE, 0.1, 10);
            Trainer whole = s.newTrainer(), parts = s.newTrainer();
            whole.runEpochs(3);
            int updates = 0;
            while (parts.epoch() < 2) { parts.runUpdate(); updates++; }
            parts.runUpdate(); // a part of epoch 3 (all of it in full batch) ...
            if (b.mode() != Batching.Mode.FULL_BATCH) {
                assertEquals(2, parts.epoch(), b.toString());
                parts.runEpochs(1); // ... finished by an epoch
            }
            assertEquals(3, parts.epoch());
            assertEquals(0, parts.cursor());
            assertArrayEquals(whole.network().weightsCopy(), parts.network().weightsCopy(), 0.0, b.toString());
            assertArrayEquals(whole.network().biasesCopy(), parts.network().biasesCopy(), 0.0, b.toString());
            int perEpoch = switch (b.mode()) { case PER_SAMPLE -> 5; case MINI_BATCH -> 2; case FULL_BATCH -> 1; };
            assertEquals(2 * perEpoch, updates, b.toString());
        }
    }

    @Test void everyStepHasItsStartAndNumbers() {
        for (Lesson l : Lessons.ALL) {
            for (LessonStep step : l.steps()) {
                LessonStep.Start start = step.start().get();
                assertTrue(!step.readout().lines(start.network().toNetwork(), start.setup()).isEmpty(), step.title());
                assertEquals(start.setup().layout(), start.network().layout(), step.title());
            }
        }
        assertEquals(7, Lessons.byNumber("000").steps().size());
        assertEquals(8, Lessons.byNumber("1").steps().size());
    }
}
