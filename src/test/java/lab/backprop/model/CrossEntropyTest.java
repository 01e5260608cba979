package lab.backprop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import lab.backprop.data.BuiltinDatasets;
import lab.backprop.train.Trainer;
import lab.backprop.train.TrainingSetup;

/** Binary cross-entropy: its gradient against finite differences for every activation, and why sigmoid's δ is a - y. */
class CrossEntropyTest {
    private static final int[][] ARCHITECTURES = { { 2, 1 }, { 2, 2, 1 }, { 2, 3, 3, 1 } };

    @Test void backpropMatchesFiniteDifferencesForEveryLossAndActivation() {
        SplittableRandom rng = new SplittableRandom(11);
        for (LossFunction loss : LossFunction.values()) {
            for (Activation hidden : Activation.values()) {
                for (Activation out : new Activation[] { Activation.SIGMOID }) { // the window's output; cross-entropy needs (0, 1)
                    for (int[] sizes : ARCHITECTURES) {
                        Network net = new Network(new Layout(sizes), hidden, out);
                        net.initialize(Initializer.STANDARD_NORMAL, rng);
                        net.setLoss(loss);
                        double[][] xs = new double[5][2];
                        double[] ys = new double[5];
                        for (int s = 0; s < 5; s++) {
                            xs[s][0] = rng.nextDouble(-2, 2);
                            xs[s][1] = rng.nextDouble(-2, 2);
                            ys[s] = rng.nextInt(2);
                        }
                        check(net, xs, ys);
                    }
                }
            }
        }
    }

    private static void check(Network net, double[][] xs, double[] ys) {
        Layout layout = net.layout();
        Workspace ws = new Workspace(layout);
        double[] gw = new double[layout.weightCount()], gb = new double[layout.biasCount()];
        for (int s = 0; s < xs.length; s++) {
            net.forward(xs[s], ws);
            net.backward(new double[] { ys[s] }, 1.0 / xs.length, ws, gw, gb);
        }
        double h = 1e-6;
        for (int p = 0; p < layout.parameterCount(); p++) {
            double analytic = p < gw.length ? gw[p] : gb[p - gw.length];
            double v = net.parameter(p);
            net.setParameter(p, v + h);
            double up = meanLoss(net, xs, ys, ws);
            net.setParameter(p, v - h);
            double down = meanLoss(net, xs, ys, ws);
            net.setParameter(p, v);
            double numeric = (up - down) / (2 * h);
            double relative = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), 1e-6);
            assertTrue(relative < 1e-5, layout + " " + net.hiddenActivation() + " " + net.loss() + " " + net.parameterName(p)
                    + ": backprop " + analytic + " vs numeric " + numeric);
        }
    }

    private static double meanLoss(Network net, double[][] xs, double[] ys, Workspace ws) {
        double sum = 0;
        for (int s = 0; s < xs.length; s++) {
            net.forward(xs[s], ws);
            sum += net.loss().of(ys[s], ws.output(0));
        }
        return sum / xs.length;
    }

    /** With a sigmoid output, dL/dz = ypred - y: the sigmoid's slope cancels, so a saturated wrong output still learns. */
    @Test void theSigmoidsSlopeCancels() {
        Network net = new Network(new Layout(2, 1), Activation.SIGMOID, Activation.SIGMOID);
        net.setParameter(0, 5);
        net.setParameter(1, 5);
        Workspace ws = new Workspace(net.layout());
        double[] x = { 2, 2 }; // z = 20, ypred = 0.999999998: very wrong for y = 0
        double[] gw = new double[2], gb = new double[1];
        net.setLoss(LossFunction.CROSS_ENTROPY);
        net.forward(x, ws);
        net.backward(new double[] { 0 }, 1, ws, gw, gb);
        assertEquals(ws.output(0) - 0, gb[0], 1e-15, "δ = ypred - y");
        double[] mse = new double[1];
        net.setLoss(LossFunction.MSE);
        net.backward(new double[] { 0 }, 1, ws, new double[2], mse);
        assertTrue(Math.abs(mse[0]) < 1e-7 && gb[0] > 0.99, "MSE's δ vanishes here (" + mse[0] + "), cross-entropy's does not (" + gb[0] + ")");
        assertEquals(LossFunction.CROSS_ENTROPY, LossFunction.parse(" BCE "));
        assertThrows(IllegalArgumentException.class, () -> LossFunction.parse("hinge"));
        assertTrue(Double.isFinite(LossFunction.CROSS_ENTROPY.of(1, 0)), "an output of exactly 0 costs a finite loss");
    }

    /** The trainer with cross-entropy measures cross-entropy, and the step-through shows why δ is ypred - y. */
    @Test void trainingAndTracingWithCrossEntropy() throws Exception {
        TrainingSetup s = TrainingSetup.forData(BuiltinDatasets.gender()).withLoss(LossFunction.CROSS_ENTROPY);
        Trainer t = s.newTrainer();
        double expected = 0;
        for (var x : s.data().samples()) expected += LossFunction.CROSS_ENTROPY.of(x.label(), t.network().predict(s.data().toInput(x.raw()))[0]) / 4;
        assertEquals(expected, t.loss(), 1e-15);
        Network start = t.network().copy();
        StepTrace trace = StepTrace.of(start.copy(), new double[][] { s.data().inputs()[0] }, new double[] { 1 }, 1, 0.1);
        assertTrue(trace.steps().stream().anyMatch(c -> c.kind() == StepTrace.Kind.DELTA && c.equation().startsWith("δ_o1 = dL/dz = (ypred - y)")),
                "the step-through writes the cancelled form");
        t.runUpdate();
        double[] traced = trace.after().weightsCopy(), trained = t.network().weightsCopy();
        for (int i = 0; i < traced.length; i++) assertEquals(traced[i], trained[i], 0.0, "w" + (i + 1));
        assertTrue(t.network().loss() == LossFunction.CROSS_ENTROPY);
        // a session keeps the loss; a file without one is MSE, as every file before
        String json = lab.backprop.session.SessionFile.toJson(lab.backprop.session.Session.of(t));
        assertTrue(json.contains("\"loss\" : \"cross-entropy\""), json);
        assertEquals(LossFunction.CROSS_ENTROPY, lab.backprop.session.SessionFile.fromJson(json, "ce.json").setup().loss());
        assertEquals(LossFunction.MSE, lab.backprop.session.SessionFile.fromJson(
                json.replace(",\n    \"loss\" : \"cross-entropy\"", ""), "mse.json").setup().loss());
    }
}
