package lab.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import lab.backprop.data.BuiltinDatasets;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;
import lab.backprop.session.Session;
import lab.backprop.session.SessionFile;

/**
 * Momentum, Nesterov, RMSprop and Adam, each against three steps worked out by hand on a fixed problem: minimise
 * (w - 3)² + (b + 1)² from w = 0, b = 0 at rate 0.1, so g_w = 2(w - 3) and g_b = 2(b + 1).
 */
class UpdateRulesTest {
    private static final double LR = 0.1;

    /** Three steps of {@code rule} on the problem; returns {w, b} after each. */
    private static double[][] threeSteps(UpdateRule rule) {
        UpdateRule.Stepper s = rule.newStepper(new Layout(1, 1));
        double[] w = { 0 }, b = { 0 };
        double[][] out = new double[3][];
        for (int t = 0; t < 3; t++) {
            s.apply(LR, w, new double[] { 2 * (w[0] - 3) }, b, new double[] { 2 * (b[0] + 1) });
            out[t] = new double[] { w[0], b[0] };
        }
        return out;
    }

    @Test void momentumByHand() {
        // v1 = g1 = -6, w1 = 0.6; g2 = -4.8, v2 = 0.9·-6 - 4.8 = -10.2, w2 = 1.62; g3 = -2.76, v3 = -9.18 - 2.76 = -11.94, w3 = 2.814
        // b: g1 = 2, v1 = 2, b1 = -0.2; g2 = 1.6, v2 = 3.4, b2 = -0.54; g3 = 0.92, v3 = 3.98, b3 = -0.938
        double[][] got = threeSteps(new Momentum(0.9, false));
        assertArrayEquals(new double[] { 0.6, -0.2 }, got[0], 1e-12);
        assertArrayEquals(new double[] { 1.62, -0.54 }, got[1], 1e-12);
        assertArrayEquals(new double[] { 2.814, -0.938 }, got[2], 1e-12);
    }

    @Test void nesterovByHand() {
        // step = g + 0.9·v with v = 0.9·v + g. w: g1 = -6, v1 = -6, step -11.4, w1 = 1.14; g2 = -3.72, v2 = -9.12,
        // step -11.928, w2 = 2.3328; g3 = -1.3344, v3 = -9.5424, step -9.92256, w3 = 3.325056
        // b: g1 = 2, v1 = 2, step 3.8, b1 = -0.38; g2 = 1.24, v2 = 3.04, step 3.976, b2 = -0.7776;
        //    g3 = 0.4448, v3 = 3.1808, step 3.30752, b3 = -1.108352
        double[][] got = threeSteps(new Momentum(0.9, true));
        assertArrayEquals(new double[] { 1.14, -0.38 }, got[0], 1e-12);
        assertArrayEquals(new double[] { 2.3328, -0.7776 }, got[1], 1e-12);
        assertArrayEquals(new double[] { 3.325056, -1.108352 }, got[2], 1e-12);
    }

    @Test void rmspropByHand() {
        double rho = 0.9, eps = 1e-8;
        double w = 0, b = 0, sw = 0, sb = 0;
        double[][] expected = new double[3][];
        for (int t = 0; t < 3; t++) { // written out: s = rho·s + (1 - rho)·g², p -= lr·g / (sqrt(s) + eps)
            double gw = 2 * (w - 3), gb = 2 * (b + 1);
            sw = 0.9 * sw + 0.1 * gw * gw;
            sb = 0.9 * sb + 0.1 * gb * gb;
            w = w - 0.1 * gw / (Math.sqrt(sw) + 1e-8);
            b = b - 0.1 * gb / (Math.sqrt(sb) + 1e-8);
            expected[t] = new double[] { w, b };
        }
        // the first step by hand: s = 0.1·36 = 3.6, w = 0.6 / (sqrt(3.6) + 1e-8) = 0.3162277643...
        assertEquals(0.6 / (Math.sqrt(3.6) + 1e-8), expected[0][0], 1e-15);
        double[][] got = threeSteps(new RmsProp(rho, eps));
        for (int t = 0; t < 3; t++) assertArrayEquals(expected[t], got[t], 1e-12, "step " + (t + 1));
    }

    @Test void adamByHand() {
        double[][] got = threeSteps(new Adam(0.9, 0.999, 1e-8));
        // Step 1: m̂ = g, v̂ = g², so every parameter moves by lr·sign(g) (less epsilon): w1 = 0.1, b1 = -0.1.
        assertEquals(0.1, got[0][0], 1e-8);
        assertEquals(-0.1, got[0][1], 1e-8);
        double w = 0, b = 0, mw = 0, vw = 0, mb = 0, vb = 0;
        for (int t = 1; t <= 3; t++) {
            double gw = 2 * (w - 3), gb = 2 * (b + 1);
            mw = 0.9 * mw + 0.1 * gw;
            vw = 0.999 * vw + 0.001 * gw * gw;
            mb = 0.9 * mb + 0.1 * gb;
            vb = 0.999 * vb + 0.001 * gb * gb;
            double c1 = 1 - Math.pow(0.9, t), c2 = 1 - Math.pow(0.999, t);
            w -= 0.1 * (mw / c1) / (Math.sqrt(vw / c2) + 1e-8);
            b -= 0.1 * (mb / c1) / (Math.sqrt(vb / c2) + 1e-8);
            assertArrayEquals(new double[] { w, b }, got[t - 1], 1e-12, "step " + t);
        }
    }

    @Test void plainGradientDescentIsTheSeedsStepBitForBit() {
        double[][] got = threeSteps(GradientDescent.INSTANCE);
        double w1 = 0.0 - 0.1 * (2 * (0.0 - 3)), b1 = 0.0 - 0.1 * (2 * (0.0 + 1)); // w <- w - lr·g, the seeds' step
        assertArrayEquals(new double[] { w1, b1 }, got[0], 0.0);
        assertArrayEquals(new double[] { w1 - 0.1 * (2 * (w1 - 3)), b1 - 0.1 * (2 * (b1 + 1)) }, got[1], 0.0);
        assertTrue(GradientDescent.INSTANCE.isPlainGradientDescent());
        assertTrue(!new Adam(0.9, 0.999, 1e-8).isPlainGradientDescent(), "the fused SGD step is for plain descent only");
    }

    @Test void namesSpecsAndBadValues() {
        assertEquals(new Adam(0.9, 0.99, 1e-8), UpdateRule.parse("Adam(beta2=0.99)"));
        assertEquals(new Momentum(0.5, true), UpdateRule.parse("nesterov(beta=0.5)"));
        for (UpdateRule r : UpdateRule.known()) assertEquals(r, UpdateRule.parse(r.spec()), r.spec());
        assertEquals("adam has no hyper-parameter beta", assertThrows(IllegalArgumentException.class,
                () -> UpdateRule.withParameters(UpdateRule.parse("adam"), Map.of("beta", 0.5))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Momentum(1, false));
        assertThrows(IllegalArgumentException.class, () -> new RmsProp(0.9, 0));
        assertThrows(IllegalArgumentException.class, () -> UpdateRule.parse("adam(beta1=x)"));
    }

    /** A saved Adam run goes on exactly: its moments and step count are in the file. */
    @Test void anAdamSessionContinuesExactly() throws Exception {
        TrainingSetup s = TrainingSetup.forData(BuiltinDatasets.xor()).withUpdate(new Adam(0.9, 0.999, 1e-8)).withLearningRate(0.05);
        Trainer t = s.newTrainer();
        t.runEpochs(50);
        String json = SessionFile.toJson(Session.of(t));
        assertTrue(json.contains("\"update\" : \"adam(beta1=0.9,beta2=0.999,epsilon=1.0E-8)\"") || json.contains("\"update\" : \"adam("), json);
        Session back = SessionFile.fromJson(json, "adam.json");
        Trainer again = back.setup().newTrainer(back.network().toNetwork());
        again.stepper().restoreState(back.updateState());
        t.runEpochs(30);
        again.runEpochs(30);
        assertArrayEquals(t.network().weightsCopy(), again.network().weightsCopy(), 0.0);
        assertEquals(t.stepper().state()[t.stepper().state().length - 1], 80.0, 0.0, "80 steps counted");
        // and through the lab, as the window loads it
        try (LabController lab = new LabController(TrainingSetup.forData(BuiltinDatasets.gender()))) {
            assertEquals(null, lab.load(back.setup(), back.network(), back.updateState()));
            assertTrue(lab.awaitQueued(5, java.util.concurrent.TimeUnit.SECONDS));
            assertArrayEquals(back.updateState(), lab.published().updateState(), 0.0);
        }
        var e = assertThrows(lab.backprop.session.SessionFormatException.class, () -> SessionFile.fromJson(
                json.replaceFirst("\"updateState\" : \\[", "\"updateState\" : [ 1.0,"), "adam.json"));
        assertTrue(e.getMessage().contains("training.updateState has 20 numbers; a state of adam on 2-2-1 needs 19"), e.getMessage());
    }

    @Test void networksTrainWithEveryRule() throws Exception {
        for (UpdateRule r : UpdateRule.known()) {
            Trainer t = TrainingSetup.forData(BuiltinDatasets.gender()).withUpdate(r).withLearningRate(0.01).newTrainer();
            double first = t.loss();
            t.runEpochs(200);
            assertTrue(t.loss() < first, r + ": " + first + " -> " + t.loss());
            Network n = t.network();
            assertEquals(9, n.layout().parameterCount());
        }
    }
}
