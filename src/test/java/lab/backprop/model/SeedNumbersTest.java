package lab.backprop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;

/** Every number the seeds print for fixed weights. */
class SeedNumbersTest {

    @Test
    void singleNeuronOfSeed002() {
        // w = [0, 1], b = 4, x = [2, 3]: a 2-1 network is exactly one neuron.
        Network neuron = Network.sigmoid(2, 1);
        neuron.setWeights(new double[] { 0, 1 });
        neuron.setBias(0, 4);
        assertEquals(0.9990889488055994, neuron.predict(2, 3)[0], 0.0);
    }

    @Test
    void twoTwoOneWithEqualNeuronsOfSeed002() {
        Network net = Network.sigmoid(2, 2, 1);
        net.setWeights(new double[] { 0, 1, 0, 1, 0, 1 });
        net.setBiases(new double[] { 0, 0, 0 });
        assertEquals(0.7216325609518421, net.predict(2, 3)[0], 0.0);
    }

    @Test
    void hiddenOutputsOfSeed001() {
        Network net = Network.sigmoid(2, 2, 1);
        net.setWeights(new double[] { 0, 1, 0, 1, 0, 1 });
        Workspace ws = new Workspace(net.layout());
        net.forward(new double[] { 2, 3 }, ws);
        assertEquals(0.9526, ws.activation(1, 0), 5e-5);
        assertEquals(0.9526, ws.activation(1, 1), 5e-5);
        assertEquals(0.7216, ws.output(0), 5e-5);
    }

    @Test
    void mseOfSeed001() {
        assertEquals(0.5, Loss.mse(new double[] { 1, 0, 0, 1 }, new double[] { 0, 0, 0, 0 }), 0.0);
    }

    @Test
    void aliceWorkedExampleOfSeed001() {
        Network net = Network.sigmoid(2, 2, 1);
        net.fill(1, 0);
        Dataset gender = BuiltinDatasets.gender();
        double[] alice = gender.toInput(gender.sample(0).raw());
        assertEquals(-2, alice[0], 0.0);
        assertEquals(-1, alice[1], 0.0);

        Workspace ws = new Workspace(net.layout());
        net.forward(alice, ws);
        assertEquals(0.0474, ws.activation(1, 0), 5e-5);
        assertEquals(0.0474, ws.activation(1, 1), 5e-5);
        assertEquals(0.524, ws.output(0), 5e-4);

        ChainRuleTrace trace = ChainRuleTrace.of(net, alice, 1, 0, 0.1);
        assertEquals("w1", trace.parameterName());
        assertEquals(3, trace.factors().size());
        assertEquals("dL/dypred", trace.factors().get(0).name());
        assertEquals("dypred/dh1", trace.factors().get(1).name());
        assertEquals("dh1/dw1", trace.factors().get(2).name());
        double dLdy = trace.factors().get(0).value();
        double dydh1 = trace.factors().get(1).value();
        double dh1dw1 = trace.factors().get(2).value();
        // The seed works by hand from rounded numbers: ypred = 0.524, so -2(1 - 0.524) = -0.952,
        // then -0.952 * 0.249 * -0.0904 = 0.0214. Exactly, dL/dypred is -0.95261 and dL/dw1 is 0.02146953526581111
        // (0.0214695), worked independently below from h1 = f(-3), ypred = f(2 h1).
        assertEquals(-0.952, -2 * (1 - round(trace.ypred(), 3)), 1e-12);
        assertEquals(-0.9526, dLdy, 5e-5);
        assertEquals(0.249, dydh1, 5e-4);
        assertEquals(-0.0904, dh1dw1, 5e-5);
        assertEquals(0.0214, round(-0.952 * round(dydh1, 3) * round(dh1dw1, 4), 4), 1e-12);
        double h = 1 / (1 + Math.exp(3)), y = 1 / (1 + Math.exp(-2 * h));
        double byHand = -2 * (1 - y) * (y * (1 - y)) * (-2 * h * (1 - h));
        assertEquals(byHand, trace.gradient(), 1e-12);
        assertEquals(0.02146953526581111, trace.gradient(), 1e-12);
        assertEquals(dLdy * dydh1 * dh1dw1, trace.gradient(), 0.0);
        assertEquals(1 - 0.1 * trace.gradient(), trace.updated(), 1e-15);
    }

    private static double round(double v, int decimals) {
        return new java.math.BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    @Test
    void traceAgreesWithBackpropForEveryParameter() {
        Network net = Network.sigmoid(2, 2, 1);
        net.fill(1, 0);
        double[] alice = { -2, -1 };
        Workspace ws = new Workspace(net.layout());
        double[] gw = new double[6], gb = new double[3];
        net.forward(alice, ws);
        net.backward(new double[] { 1 }, 1.0, ws, gw, gb);
        for (int p = 0; p < 9; p++) {
            double expected = p < 6 ? gw[p] : gb[p - 6];
            assertEquals(expected, ChainRuleTrace.of(net, alice, 1, p, 0.1).gradient(), 1e-15, net.parameterName(p));
        }
    }

    @Test
    void traceAgreesWithBackpropInDeeperNetworks() {
        Network net = new Network(new Layout(2, 3, 2, 1), Activation.TANH, Activation.SIGMOID);
        net.initialize(Initializer.STANDARD_NORMAL, new java.util.SplittableRandom(7));
        double[] x = { 0.3, -1.2 };
        Workspace ws = new Workspace(net.layout());
        double[] gw = new double[net.layout().weightCount()], gb = new double[net.layout().biasCount()];
        net.forward(x, ws);
        net.backward(new double[] { 1 }, 1.0, ws, gw, gb);
        for (int p = 0; p < net.layout().parameterCount(); p++) {
            double expected = p < gw.length ? gw[p] : gb[p - gw.length];
            assertEquals(expected, ChainRuleTrace.of(net, x, 1, p, 0.1).gradient(), 1e-12, net.parameterName(p));
        }
    }
}
