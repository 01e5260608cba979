package lab.backprop.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Backprop against central finite differences for every activation and several architectures. */
class GradientCheckTest {
    private static final int[][] ARCHITECTURES = { { 2, 2, 1 }, { 2, 8, 1 }, { 3, 4, 2 }, { 2, 3, 3, 1 }, { 2, 5, 4, 3, 1 }, { 1, 1 } };

    @ParameterizedTest
    @EnumSource(Activation.class)
    void backpropMatchesFiniteDifferences(Activation hidden) {
        SplittableRandom rng = new SplittableRandom(42 + hidden.ordinal());
        for (int[] sizes : ARCHITECTURES) {
            for (Activation out : Activation.values()) {
                Network net = new Network(new Layout(sizes), hidden, out);
                net.initialize(Initializer.STANDARD_NORMAL, rng);
                double[][] xs = new double[5][sizes[0]];
                double[][] ys = new double[5][sizes[sizes.length - 1]];
                for (double[] x : xs) for (int i = 0; i < x.length; i++) x[i] = rng.nextDouble(-2, 2);
                for (double[] y : ys) for (int i = 0; i < y.length; i++) y[i] = rng.nextDouble();
                check(net, xs, ys);
            }
        }
    }

    private static void check(Network net, double[][] xs, double[][] ys) {
        Layout layout = net.layout();
        Workspace ws = new Workspace(layout);
        double[] gw = new double[layout.weightCount()], gb = new double[layout.biasCount()];
        for (int s = 0; s < xs.length; s++) {
            net.forward(xs[s], ws);
            net.backward(ys[s], 1.0 / xs.length, ws, gw, gb);
        }
        double h = 1e-5;
        for (int p = 0; p < layout.parameterCount(); p++) {
            double analytic = p < gw.length ? gw[p] : gb[p - gw.length];
            double v = net.parameter(p);
            net.setParameter(p, v + h);
            double up = loss(net, xs, ys, ws);
            net.setParameter(p, v - h);
            double down = loss(net, xs, ys, ws);
            net.setParameter(p, v);
            double numeric = (up - down) / (2 * h);
            double scale = Math.abs(analytic) + Math.abs(numeric);
            // Rounding in (up - down) / 2h is about 1e-16 * loss / h ~ 1e-12 absolute, so for gradients
            // smaller than 1e-6 the relative error is taken against 1e-6: that still demands 1e-12 agreement.
            double relative = Math.abs(analytic - numeric) / Math.max(scale, 1e-6);
            String name = net.parameterName(p);
            assertTrue(relative < 1e-6, () -> layout + " " + net.hiddenActivation() + "/" + net.outputActivation() + " "
                    + name + ": backprop " + analytic + " vs numeric " + numeric);
        }
    }

    /** Mean over samples of the per-sample loss mean_k (y_k - yhat_k)^2. */
    private static double loss(Network net, double[][] xs, double[][] ys, Workspace ws) {
        double sum = 0;
        for (int s = 0; s < xs.length; s++) {
            net.forward(xs[s], ws);
            double per = 0;
            for (int k = 0; k < ys[s].length; k++) {
                double d = ys[s][k] - ws.output(k);
                per += d * d;
            }
            sum += per / ys[s].length;
        }
        return sum / xs.length;
    }
}
