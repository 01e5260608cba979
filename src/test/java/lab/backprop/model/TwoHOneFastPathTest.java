package lab.backprop.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The 2-h-1 fast path (forward, backward and the fused sgdStep) gives the same bits as the general loops: every
 * z, activation and delta in the workspace, every gradient and every parameter, over many steps.
 */
class TwoHOneFastPathTest {
    private static final int[] HIDDEN = { 1, 2, 3, 8 };
    private static final int STEPS = 2_000;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void forwardBackwardAndStepMatchTheGeneralLoopsBitForBit(Activation hidden) {
        for (Activation out : Activation.values()) {
            for (int h : HIDDEN) {
                SplittableRandom rng = new SplittableRandom(7L * h + hidden.ordinal() + 31L * out.ordinal());
                Network fast = new Network(new Layout(2, h, 1), hidden, out);
                Network general = new Network(new Layout(2, h, 1), hidden, out, false);
                assertTrue(fast.isTwoHOne());
                assertFalse(general.isTwoHOne());
                fast.initialize(Initializer.STANDARD_NORMAL, rng);
                general.copyParametersFrom(fast);
                Workspace wsF = new Workspace(fast.layout()), wsG = new Workspace(general.layout());
                double[] gwF = new double[3 * h], gbF = new double[h + 1], gwG = gwF.clone(), gbG = gbF.clone();
                for (int s = 0; s < STEPS; s++) {
                    double[] x = input(rng, s);
                    double[] y = { rng.nextInt(2) };
                    double scale = s % 2 == 0 ? 1.0 : 0.5;
                    fast.forward(x, wsF);
                    general.forward(x, wsG);
                    fast.backward(y, scale, wsF, gwF, gbF);
                    general.backward(y, scale, wsG, gwG, gbG);
                    assertArrayEquals(state(wsG, h, true), state(wsF, h, true), "the workspace");
                    assertArrayEquals(bits(gwG), bits(gwF));
                    assertArrayEquals(bits(gbG), bits(gbF));
                    if (s % 3 == 2) { // a batch of three samples, then one step
                        fast.step(0.1, gwF, gbF);
                        general.step(0.1, gwG, gbG);
                        Arrays.fill(gwF, 0); Arrays.fill(gbF, 0); Arrays.fill(gwG, 0); Arrays.fill(gbG, 0);
                    }
                    assertSameParameters(general, fast);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void fusedSgdStepMatchesForwardBackwardStep(Activation hidden) {
        for (int h : HIDDEN) {
            SplittableRandom rng = new SplittableRandom(100 + h);
            Network fast = new Network(new Layout(2, h, 1), hidden, Activation.SIGMOID);
            Network general = new Network(new Layout(2, h, 1), hidden, Activation.SIGMOID, false);
            fast.initialize(Initializer.STANDARD_NORMAL, rng);
            general.copyParametersFrom(fast);
            Workspace wsF = new Workspace(fast.layout()), wsG = new Workspace(general.layout());
            double[] gw = new double[3 * h], gb = new double[h + 1];
            for (int s = 0; s < STEPS; s++) {
                double[] x = input(rng, s);
                double y = rng.nextInt(2);
                double lr = s % 5 == 0 ? 2.0 : 0.1;
                fast.sgdStep(x, y, lr, wsF);
                Arrays.fill(gw, 0);
                Arrays.fill(gb, 0);
                general.forward(x, wsG);
                general.backward(new double[] { y }, 1.0, wsG, gw, gb);
                general.step(lr, gw, gb);
                assertArrayEquals(state(wsG, h, false), state(wsF, h, false), "forward values in the workspace");
                assertSameParameters(general, fast);
            }
        }
    }

    @Test
    void sgdStepRefusesOtherShapesAndWrongInputs() {
        Network deep = Network.sigmoid(2, 3, 3, 1);
        assertThrows(IllegalStateException.class, () -> deep.sgdStep(new double[2], 1, 0.1, new Workspace(deep.layout())));
        Network net = Network.sigmoid(2, 2, 1);
        double[] before = net.weightsCopy();
        assertThrows(IllegalArgumentException.class, () -> net.sgdStep(new double[3], 1, 0.1, new Workspace(net.layout())));
        assertThrows(IllegalArgumentException.class, () -> net.forward(new double[1], new Workspace(net.layout())));
        assertArrayEquals(before, net.weightsCopy(), 0.0);
    }

    /** Seed-like inputs: xor corners (zeros included) and shifted gender-sized values. */
    private static double[] input(SplittableRandom rng, int s) {
        return s % 2 == 0 ? new double[] { rng.nextInt(2), rng.nextInt(2) }
                : new double[] { rng.nextDouble(-30, 30), rng.nextDouble(-8, 8) };
    }

    /** Bits of every activation and z (and delta) in the workspace of a 2-h-1 network. */
    private static long[] state(Workspace ws, int h, boolean withDelta) {
        double[] v = new double[2 + 3 * (h + 1)];
        int k = 0;
        v[k++] = ws.activation(0, 0);
        v[k++] = ws.activation(0, 1);
        for (int l = 1; l <= 2; l++) {
            for (int j = 0; j < (l == 1 ? h : 1); j++) {
                v[k++] = ws.activation(l, j);
                v[k++] = ws.preActivation(l, j);
                v[k++] = withDelta ? ws.delta(l, j) : 0;
            }
        }
        return bits(v);
    }

    private static void assertSameParameters(Network expected, Network actual) {
        long[] e = new long[expected.layout().parameterCount()], a = new long[e.length];
        for (int p = 0; p < e.length; p++) {
            e[p] = Double.doubleToRawLongBits(expected.parameter(p));
            a[p] = Double.doubleToRawLongBits(actual.parameter(p));
        }
        assertArrayEquals(e, a);
    }

    private static long[] bits(double... values) {
        long[] b = new long[values.length];
        for (int i = 0; i < values.length; i++) b[i] = Double.doubleToRawLongBits(values[i]);
        return b;
    }
}
