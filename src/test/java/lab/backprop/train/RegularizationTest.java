package lab.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import lab.backprop.data.Batching;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Architecture;
import lab.backprop.model.Network;
import lab.backprop.model.Regularization;
import lab.backprop.model.StepTrace;
import lab.backprop.session.Session;
import lab.backprop.session.SessionFile;

/** L1 and L2: the term, its gradient, what it does to weights no data pulls at, the step-through and sessions. */
class RegularizationTest {

    @Test void theGradientIsTheTermsDerivative() {
        SplittableRandom r = new SplittableRandom(3);
        double[] w = new double[12];
        for (int i = 0; i < w.length; i++) w[i] = r.nextDouble(-2, 2);
        for (Regularization.Kind k : List.of(Regularization.Kind.L1, Regularization.Kind.L2)) {
            Regularization reg = new Regularization(k, 0.03);
            double[] g = new double[w.length];
            reg.addGradient(w, g);
            double h = 1e-6;
            for (int i = 0; i < w.length; i++) {
                double v = w[i];
                w[i] = v + h;
                double up = reg.term(w);
                w[i] = v - h;
                double down = reg.term(w);
                w[i] = v;
                assertEquals((up - down) / (2 * h), g[i], 1e-9, k + " w" + i);
            }
        }
        assertEquals(0.03 * 2.5, new Regularization(Regularization.Kind.L1, 0.03).term(new double[] { 1, -1.5 }), 1e-15);
        assertEquals(0.03 * (1 + 2.25) / 2, new Regularization(Regularization.Kind.L2, 0.03).term(new double[] { 1, -1.5 }), 1e-15);
        assertEquals(0, Regularization.NONE.term(w));
        assertThrows(IllegalArgumentException.class, () -> new Regularization(Regularization.Kind.L2, -1));
        assertEquals(Regularization.Kind.L2, Regularization.Kind.parse(" l2 "));
    }

    /** Inputs at 0: the data pulls at no weight, so L2 shrinks each by (1 - lr·λ) per update and L1 by lr·λ. */
    @Test void onAZeroGradientProblemL2ShrinksWeightsGeometricallyAndL1Linearly() throws Exception {
        Dataset zeros = new Dataset("zeros", List.of("a", "b"), new double[] { 0, 0 }, List.of(
                new Dataset.Sample("p", new double[] { 0, 0 }, 1), new Dataset.Sample("q", new double[] { 0, 0 }, 0)), "1", "0");
        double lr = 0.1, rate = 0.05;
        for (Regularization.Kind k : List.of(Regularization.Kind.L1, Regularization.Kind.L2)) {
            TrainingSetup s = TrainingSetup.forData(zeros, Architecture.of(0, 1, Activation.SIGMOID)).withLearningRate(lr)
                    .withRegularization(new Regularization(k, rate));
            Network start = s.newNetwork();
            start.setParameter(0, 2.0);
            start.setParameter(1, -1.0);
            Trainer t = s.newTrainer(start.copy());
            t.runEpochs(5); // 2 samples: 10 updates
            double[] expected = k == Regularization.Kind.L2
                    ? new double[] { 2.0 * Math.pow(1 - lr * rate, 10), -1.0 * Math.pow(1 - lr * rate, 10) }
                    : new double[] { 2.0 - 10 * lr * rate, -1.0 + 10 * lr * rate };
            assertArrayEquals(expected, t.network().weightsCopy(), 1e-12, k.toString());
            assertEquals(new Regularization(k, rate).term(t.network().weightsCopy()), t.regularizationTerm(), 0.0);
        }
    }

    @Test void theStepThroughAddsItAndApplyingItIsTheTrainersUpdate() throws Exception {
        Dataset xor = BuiltinDatasets.xor();
        for (Batching b : new Batching[] { Batching.perSample(), Batching.fullBatch() }) {
            Regularization reg = new Regularization(Regularization.Kind.L2, 0.1);
            TrainingSetup s = TrainingSetup.forData(xor).withBatching(b).withRegularization(reg);
            Network start = s.newNetwork();
            Trainer t = s.newTrainer(start.copy());
            int[] next = t.upcoming();
            double[][] in = new double[next.length][];
            double[] y = new double[next.length];
            for (int k = 0; k < next.length; k++) {
                in[k] = xor.inputs()[next[k]];
                y[k] = xor.labels()[next[k]];
            }
            StepTrace trace = StepTrace.of(start.copy(), in, y, b.mode() == Batching.Mode.FULL_BATCH ? 0.5 : 1, s.learningRate(), reg);
            t.runUpdate();
            assertArrayEquals(trace.after().weightsCopy(), t.network().weightsCopy(), 0.0, b.toString());
            assertTrue(trace.steps().stream().anyMatch(c -> c.equation().startsWith("dL/dw1 += λ·w1 (L2) = ")), b.toString());
        }
    }

    @Test void itActsAtOnceWhileTrainingAndSessionsKeepIt() throws Exception {
        try (LabController lab = new LabController(TrainingSetup.forData(BuiltinDatasets.gender()))) {
            Network before = lab.latest().toNetwork();
            assertEquals(null, lab.changeSetup(lab.setup().withRegularization(new Regularization(Regularization.Kind.L1, 0.01))));
            assertArrayEquals(before.weightsCopy(), lab.latest().weights(), 0.0, "a new regularisation keeps the weights, like a new rate");
            assertEquals(new Regularization(Regularization.Kind.L1, 0.01), lab.setup().regularization());
        }
        TrainingSetup s = TrainingSetup.forData(BuiltinDatasets.gender()).withRegularization(new Regularization(Regularization.Kind.L2, 0.003));
        String json = SessionFile.toJson(Session.of(s.newTrainer()));
        assertTrue(json.contains("\"regularization\" : \"L2\"") && json.contains("\"regularizationRate\" : 0.003"), json);
        assertEquals(s.regularization(), SessionFile.fromJson(json, "r.json").setup().regularization());
        var e = assertThrows(lab.backprop.session.SessionFormatException.class,
                () -> SessionFile.fromJson(json.replace("\"L2\"", "\"L7\""), "r.json"));
        assertTrue(e.getMessage().contains("training.regularization: unknown regularization 'L7'"), e.getMessage());
    }
}
