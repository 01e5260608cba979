package lab.backprop.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import lab.backprop.data.Batching;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.train.GradientDescent;
import lab.backprop.train.Trainer;
import lab.backprop.train.TrainingSetup;

/** Issue 13's engine: the computations of one step, in order, with values that are the trainer's to the bit. */
class StepTraceTest {
    private static final Dataset GENDER = BuiltinDatasets.gender();

    @Test void aliceFromAllOnesHasTheTutorialsNumbers() {
        Network net = new Network(new Layout(2, 2, 1), Activation.SIGMOID, Activation.SIGMOID);
        net.initialize(Initializer.ONES, new SplittableRandom(0));
        StepTrace t = StepTrace.of(net, new double[][] { GENDER.toInput(133, 65) }, new double[] { 1 }, 1, 0.1);
        List<StepTrace.Computation> s = t.steps();
        // forward: z and a for h1, h2, o1; the loss; deltas o1, then h1, h2 with their 6 + 3 gradients; 9 updates
        assertEquals(6 + 1 + 3 + 9 + 9, s.size());
        assertEquals(StepTrace.Kind.SUM, s.get(0).kind());
        assertEquals(-3, s.get(0).value(), 0.0);
        assertEquals("z_h1 = w1·x1 + w2·x2 + b1 = 1·-2 + 1·-1 + 0 = -3", s.get(0).equation());
        assertEquals(0.0474, s.get(1).value(), 5e-5);
        assertEquals(0.524, s.get(5).value(), 5e-4);
        assertEquals(StepTrace.Kind.LOSS, s.get(6).kind());
        StepTrace.Computation dO = s.get(7);
        assertEquals(StepTrace.Kind.DELTA, dO.kind());
        assertTrue(dO.equation().contains("-2(y - ypred) · f'(z) = -0.95261 · 0.249439"), dO.equation());
        StepTrace.Computation dw1 = s.stream().filter(c -> c.kind() == StepTrace.Kind.GRADIENT && c.parameter() == 0).findFirst().orElseThrow();
        assertEquals(0.02146953526581111, dw1.value(), 1e-15);
        StepTrace.Computation w1 = s.stream().filter(c -> c.kind() == StepTrace.Kind.UPDATE && c.parameter() == 0).findFirst().orElseThrow();
        assertEquals(1 - 0.1 * 0.02146953526581111, w1.value(), 1e-15);
        assertEquals("w1 ← w1 - lr · dL/dw1 = 1 - 0.1 · 0.0214695 = 0.997853", w1.equation());
    }

    /** Applying a traced step gives the trainer's step bit for bit: every activation, three architectures, SGD and full batch. */
    @Test void theTracedStepIsTheTrainersStep() throws Exception {
        for (Activation act : Activation.values()) {
            for (int[] hidden : new int[][] { {}, { 2 }, { 3, 3 } }) {
                Architecture arch = new Architecture(java.util.Arrays.stream(hidden).boxed().toList(), act, Activation.SIGMOID);
                for (Batching b : new Batching[] { Batching.perSample(), Batching.fullBatch() }) {
                    TrainingSetup setup = new TrainingSetup(GENDER, arch, Initializer.STANDARD_NORMAL, 7, b, GradientDescent.INSTANCE, 0.1, 1);
                    Network start = setup.newNetwork();
                    double[][] in = GENDER.inputs();
                    double[] y = GENDER.labels();
                    StepTrace t = b.mode() == Batching.Mode.PER_SAMPLE
                            ? StepTrace.of(start, new double[][] { in[0] }, new double[] { y[0] }, 1, 0.1)
                            : StepTrace.of(start, in, y, 0.5, 0.1);
                    Trainer trainer = setup.newTrainer(start.copy());
                    trainer.runUpdate();
                    String what = act + " " + arch.layout(2) + " " + b;
                    assertArrayEquals(trainer.network().weightsCopy(), t.after().weightsCopy(), 0.0, what);
                    assertArrayEquals(trainer.network().biasesCopy(), t.after().biasesCopy(), 0.0, what);
                    Layout l = start.layout();
                    int samples = b.mode() == Batching.Mode.PER_SAMPLE ? 1 : 4;
                    int perSample = 2 * (l.neuronCount() - 2) + 1 + (l.neuronCount() - 2) + l.parameterCount();
                    assertEquals(samples * perSample + l.parameterCount(), t.steps().size(), what);
                }
            }
        }
    }

    @Test void saturatedAndDeadNeuronsAreFound() {
        Network sat = new Network(new Layout(2, 2, 1), Activation.SIGMOID, Activation.SIGMOID);
        sat.setWeights(new double[] { 40, 40, 0.1, 0.1, 1, 1 });
        sat.setBiases(new double[] { 0, 0, 0 });
        NeuronHealth h = NeuronHealth.of(sat, GENDER.inputs());
        assertEquals(NeuronHealth.Trouble.SATURATED, h.trouble(1, 0));
        assertEquals(NeuronHealth.Trouble.NONE, h.trouble(1, 1));
        assertTrue(h.why(1, 0).startsWith("h1 is saturated"), h.why(1, 0));
        Network relu = new Network(new Layout(2, 2, 1), Activation.RELU, Activation.SIGMOID);
        relu.setWeights(new double[] { 0, 0, 1, 0, 1, 1 });
        relu.setBiases(new double[] { -1, 0, 0 });
        NeuronHealth r = NeuronHealth.of(relu, GENDER.inputs());
        assertEquals(NeuronHealth.Trouble.DEAD, r.trouble(1, 0));
        assertEquals(NeuronHealth.Trouble.NONE, r.trouble(1, 1));
        assertTrue(r.any());
        assertTrue(!NeuronHealth.of(Network.sigmoid(2, 2, 1), GENDER.inputs()).any());
    }
}
