package lab.backprop.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;

/** Layouts and names, activations and their ranges, architectures, networks' checks, the workspace, the map's grid. */
class ModelDetailsTest {

    @Test void namesFollowTheSeedsAndADeepSchemeForMoreLayers() {
        Layout seeds = new Layout(2, 2, 1);
        assertEquals(List.of("x1", "x2", "h1", "h2", "o1"),
                List.of(seeds.neuronName(0, 0), seeds.neuronName(0, 1), seeds.neuronName(1, 0), seeds.neuronName(1, 1), seeds.neuronName(2, 0)));
        Layout deep = new Layout(2, 3, 3, 2);
        assertEquals("h1_1", deep.neuronName(1, 0));
        assertEquals("h2_3", deep.neuronName(2, 2));
        assertEquals("o2", deep.neuronName(3, 1));
        assertEquals("x2", deep.neuronName(0, 1));
        Layout single = new Layout(2, 1);
        assertEquals("o1", single.neuronName(1, 0));
        assertEquals("w1", seeds.weightName(0));
        assertEquals("w6", seeds.weightName(5));
        assertEquals("b3", seeds.biasName(2));
        assertThrows(IndexOutOfBoundsException.class, () -> seeds.weightName(6));
        assertThrows(IndexOutOfBoundsException.class, () -> seeds.weightName(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> seeds.biasName(3));
        assertEquals("bias index 3 outside 0..2", assertThrows(IndexOutOfBoundsException.class, () -> seeds.layerOfBias(3)).getMessage());
        assertEquals("weight index 6 outside 0..5", assertThrows(IndexOutOfBoundsException.class, () -> seeds.layerOfWeight(6)).getMessage());
    }

    @Test void indicesOfTheFlatArrays() {
        Layout l = new Layout(2, 3, 2, 1);
        assertEquals(6 + 6 + 2, l.weightCount());
        assertEquals(3 + 2 + 1, l.biasCount());
        assertEquals(20, l.parameterCount());
        assertEquals(2 + 3 + 2 + 1, l.neuronCount());
        assertEquals(0, l.biasIndex(1, 0));
        assertEquals(4, l.biasIndex(2, 1));
        assertEquals(5, l.biasIndex(3, 0));
        assertEquals(6 + 1 * 3 + 2, l.weightIndex(2, 1, 2));
        assertEquals(2, l.layerOfWeight(6));
        assertEquals(1, l.layerOfWeight(5));
        assertEquals(3, l.layerOfWeight(13));
        assertEquals(1, l.layerOfBias(2));
        assertEquals(2, l.layerOfBias(3));
        assertEquals(3, l.layerOfBias(5));
        assertEquals(5, l.neuronIndex(2, 0));
        assertEquals(1, l.neuronIndex(0, 1));
        assertEquals(new Layout(2, 3, 2, 1), l);
        assertEquals(new Layout(2, 3, 2, 1).hashCode(), l.hashCode());
        assertNotEquals(new Layout(2, 3, 1), l);
        assertNotEquals(new Layout(2, 3, 1).hashCode(), l.hashCode());
        assertEquals("2-3-2-1", l.toString());
        int[] sizes = l.sizes();
        sizes[0] = 9;
        assertEquals(2, l.inputSize(), "sizes() is a copy");
    }

    @Test void layoutsAreParsedAndCheckedWithAMessage() {
        assertEquals(new Layout(2, 8, 1), Layout.parse(" 2-8-1 "));
        assertEquals(new Layout(2, 1), Layout.parse("2 - 1"));
        assertEquals("layer sizes must look like 2-2-1, got '2-x-1'", assertThrows(IllegalArgumentException.class, () -> Layout.parse("2-x-1")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Layout.parse("2"));
        assertThrows(IllegalArgumentException.class, () -> new Layout(2, 0, 1));
        assertEquals("every layer needs at least one neuron: [2, -1]", assertThrows(IllegalArgumentException.class, () -> new Layout(2, -1)).getMessage());
    }

    @Test void activationsKnowTheirRangeAndReluBendsAtZero() {
        assertEquals(new Activation.Range(0, 1), Activation.SIGMOID.range());
        assertEquals(new Activation.Range(-1, 1), Activation.TANH.range());
        assertEquals(0, Activation.RELU.range().low());
        assertTrue(Double.isInfinite(Activation.RELU.range().high()));
        assertEquals(0.5, Activation.TANH.range().fraction(0, 3), 0.0);
        assertEquals(0.75, Activation.SIGMOID.range().fraction(0.75, 3), 0.0);
        assertEquals(0.5, Activation.RELU.range().fraction(1.5, 3), 0.0, "unbounded: the given scale is the top");
        assertEquals(1.0, Activation.RELU.range().fraction(30, 3), 0.0, "clamped");
        assertEquals(0.0, Activation.TANH.range().fraction(-2, 3), 0.0, "clamped");
        assertEquals(0.0, Activation.RELU.apply(0), 0.0);
        assertEquals(0.0, Activation.RELU.derivative(0, 0), 0.0, "f'(0) is taken as 0");
        assertEquals(1e-300, Activation.RELU.apply(1e-300), 0.0);
        assertEquals(1.0, Activation.RELU.derivative(1e-300, 1e-300), 0.0);
        assertEquals(0.0, Activation.RELU.apply(-1e-300), 0.0);
        assertEquals(Activation.TANH, Activation.parse(" TanH "));
        assertEquals("tanh", Activation.TANH.toString());
        assertEquals("unknown activation 'soft\\u001bmax' (choose sigmoid, tanh or relu)",
                assertThrows(IllegalArgumentException.class, () -> Activation.parse("soft\u001bmax")).getMessage(), "control characters escaped");
    }

    @Test void architecturesDescribeTheHiddenLayers() {
        Architecture a = Architecture.of(3, 4, Activation.TANH);
        assertEquals(3, a.hiddenLayers());
        assertEquals(4, a.firstHiddenSize());
        assertEquals(new Layout(2, 4, 4, 4, 1), a.layout(2));
        assertEquals("2-4-4-4-1 tanh", a.describe(2));
        assertEquals(Activation.SIGMOID, a.output());
        Architecture single = Architecture.of(0, 5, Activation.SIGMOID);
        assertEquals(0, single.hiddenLayers());
        assertEquals(0, single.firstHiddenSize());
        assertEquals(new Layout(2, 1), single.layout(2));
        Architecture relu = new Architecture(List.of(2), Activation.SIGMOID, Activation.RELU);
        assertEquals("2-2-1 sigmoid, relu output", relu.describe(2));
        assertEquals(Activation.RELU, relu.withHidden(Activation.RELU).hidden());
        assertEquals(Activation.RELU, relu.withHidden(Activation.RELU).output());
        assertEquals(a, Architecture.of(a.layout(2), Activation.TANH, Activation.SIGMOID));
        assertThrows(IllegalArgumentException.class, () -> Architecture.of(-1, 2, Activation.TANH));
        assertThrows(IllegalArgumentException.class, () -> Architecture.of(1, 0, Activation.TANH));
        assertThrows(IllegalArgumentException.class, () -> Architecture.of(new Layout(2, 2, 2), Activation.TANH, Activation.SIGMOID));
        assertThrows(IllegalArgumentException.class, () -> new Architecture(List.of(2), null, Activation.SIGMOID));
        assertEquals(0, Architecture.of(0, 1, Activation.TANH).newNetwork(3).weight(2), 0.0);
        assertEquals(new Layout(3, 1), Architecture.of(0, 1, Activation.TANH).newNetwork(3).layout());
    }

    @Test void networksRefuseWrongCountsAndNonFiniteValues() {
        Network net = Network.sigmoid(2, 2, 1);
        assertEquals("expected 6 weights, got 5", assertThrows(IllegalArgumentException.class, () -> net.setWeights(new double[5])).getMessage());
        assertEquals("expected 3 biases, got 4", assertThrows(IllegalArgumentException.class, () -> net.setBiases(new double[4])).getMessage());
        assertThrows(IllegalArgumentException.class, () -> net.setWeights(new double[] { 0, 0, Double.NaN, 0, 0, 0 }));
        assertEquals("b2 must be a finite number, got Infinity",
                assertThrows(IllegalArgumentException.class, () -> net.setBiases(new double[] { 0, Double.POSITIVE_INFINITY, 0 })).getMessage());
        assertEquals(-1, net.firstNonFiniteParameter());
        net.weights[4] = Double.NaN;
        assertEquals(4, net.firstNonFiniteParameter());
        net.weights[4] = 0;
        net.biases[2] = Double.NEGATIVE_INFINITY;
        assertEquals(8, net.firstNonFiniteParameter(), "biases count after the weights");
        net.biases[2] = 0;
        net.fill(1, 0.5);
        assertArrayEquals(new double[] { 1, 1, 1, 1, 1, 1 }, net.weightsCopy(), 0.0);
        assertArrayEquals(new double[] { 0.5, 0.5, 0.5 }, net.biasesCopy(), 0.0);
        double[] copy = net.biasesCopy();
        copy[0] = 9;
        assertEquals(0.5, net.bias(0), 0.0, "a copy");
        assertThrows(IllegalArgumentException.class, () -> net.predict(1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> net.copyParametersFrom(Network.sigmoid(2, 3, 1)));
        assertThrows(IllegalStateException.class, () -> Network.sigmoid(2, 2, 2, 1).sgdStep(new double[2], 1, 0.1, new Workspace(new Layout(2, 2, 2, 1))));
    }

    @Test void theWorkspaceHoldsEveryZActivationAndDelta() {
        Network net = Network.sigmoid(2, 2, 1);
        net.setWeights(new double[] { 1, 1, 1, 1, 1, 1 });
        Workspace ws = new Workspace(net.layout());
        assertSame(net.layout(), ws.layout());
        net.forward(new double[] { -2, -1 }, ws);
        assertEquals(-3, ws.preActivation(1, 0), 0.0);
        double h = 1 / (1 + Math.exp(3));
        assertEquals(h, ws.activation(1, 1), 0.0);
        assertEquals(2 * h, ws.preActivation(2, 0), 0.0);
        double[] gw = new double[6], gb = new double[3];
        net.backward(new double[] { 1 }, 1, ws, gw, gb);
        double o = ws.output(0);
        assertEquals(-2 * (1 - o) * o * (1 - o), ws.delta(2, 0), 1e-15);
        assertEquals(ws.delta(2, 0) * 1 * h * (1 - h), ws.delta(1, 0), 1e-15);
    }

    @Test void theMapsGridIsTheDataBoxWidenedByTheMargin() {
        Dataset gender = BuiltinDatasets.gender(); // 120..160 lb, 60..72 in
        DecisionMap m = DecisionMap.around(gender, 10, 5, 0.15);
        assertEquals(140 - 20 - 0.15 * 40, m.xMin(), 1e-12);
        assertEquals(140 + 20 + 0.15 * 40, m.xMax(), 1e-12);
        assertEquals(66 - 6 - 0.15 * 12, m.yMin(), 1e-12);
        assertEquals(66 + 6 + 0.15 * 12, m.yMax(), 1e-12);
        assertEquals(10, m.cols());
        assertEquals(5, m.rows());
        assertSame(gender, m.dataset());
        assertEquals(gender.featureNames(), m.axisNames());
        Dataset point = gender.without(0).without(0).without(0); // one sample: a box of 1 unit
        DecisionMap one = DecisionMap.around(point, 4, 4, 0);
        assertEquals(1, one.xMax() - one.xMin(), 1e-12);
        assertEquals(1, one.yMax() - one.yMin(), 1e-12);
        assertEquals(120, (one.xMax() + one.xMin()) / 2, 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new DecisionMap(gender, 0, 1, 0, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new DecisionMap(gender, 1, 0, 0, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new DecisionMap(gender, 1, 1, 1, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new DecisionMap(gender, 1, 1, 0, 1, 1, 1));
        DecisionMap small = new DecisionMap(gender, 1, 1, 0, 1, 0, 1);
        double[] out = new double[1];
        small.compute(Network.sigmoid(2, 2, 1), out, null);
        assertEquals(Network.sigmoid(2, 2, 1).predict(0.5 - 135, 0.5 - 66)[0], out[0], 0.0, "the centre of the only cell, shifted");
        small.compute(Network.sigmoid(2, 1), null, new double[0][]);
    }

    @Test void snapshotsAreCopies() {
        Network net = Network.sigmoid(2, 2, 1);
        net.fill(0.5, 0.25);
        Snapshot s = net.snapshot(7, 0.1);
        net.fill(2, 2);
        assertEquals(0.5, s.weight(0), 0.0);
        assertEquals(6, s.weightCount());
        assertEquals(3, s.biasCount());
        double[] b = s.biases();
        b[0] = 9;
        assertEquals(0.25, s.bias(0), 0.0);
        assertEquals(7, s.epoch());
        assertEquals(0.1, s.loss(), 0.0);
        assertEquals(0.25, s.toNetwork().bias(2), 0.0);
    }
}
