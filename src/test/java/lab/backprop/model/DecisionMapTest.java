package lab.backprop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;

class DecisionMapTest {

    private static Network randomNet(int... sizes) {
        Network net = Network.sigmoid(sizes);
        net.initialize(Initializer.STANDARD_NORMAL, new SplittableRandom(7));
        return net;
    }

    @Test
    void everyCellEqualsPredictAtItsRawPointShiftedLikeTheData() {
        Dataset gender = BuiltinDatasets.gender();
        Network net = randomNet(2, 2, 1);
        net.setWeight(0, 0.05); // make the raw units matter
        DecisionMap map = new DecisionMap(gender, 7, 5, 110, 170, 55, 75);
        double[] out = map.output(net);
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 7; c++) {
                double[] x = gender.toInput(map.rawX(c), map.rawY(r));
                assertEquals(net.predict(x)[0], out[r * 7 + c], 0.0, "cell " + c + "," + r);
            }
        }
    }

    @Test
    void gridCoversThePlaneWithRowZeroAtTheTop() {
        DecisionMap map = new DecisionMap(BuiltinDatasets.gender(), 10, 4, 100, 200, 50, 90);
        assertEquals(105, map.rawX(0), 1e-12);
        assertEquals(195, map.rawX(9), 1e-12);
        assertEquals(85, map.rawY(0), 1e-12);
        assertEquals(55, map.rawY(3), 1e-12);
        assertEquals(0.5, map.fractionX(150), 1e-12);
        assertEquals(0.25, map.fractionY(80), 1e-12);
    }

    @Test
    void hiddenMapsHoldEachHiddenNeuronsActivation() {
        Dataset xor = BuiltinDatasets.xor();
        Network net = randomNet(2, 3, 2, 1);
        DecisionMap map = DecisionMap.around(xor, 6, 6, 0.25);
        assertEquals(5, DecisionMap.hiddenNeuronCount(net.layout()));
        double[] out = new double[36];
        double[][] hidden = new double[5][36];
        map.compute(net, out, hidden);
        Workspace ws = new Workspace(net.layout());
        for (int cell = 0; cell < 36; cell++) {
            net.forward(xor.toInput(map.rawX(cell % 6), map.rawY(cell / 6)), ws);
            assertEquals(ws.output(0), out[cell], 0.0);
            for (int j = 0; j < 3; j++) assertEquals(ws.activation(1, j), hidden[j][cell], 0.0);
            for (int j = 0; j < 2; j++) assertEquals(ws.activation(2, j), hidden[3 + j][cell], 0.0);
        }
    }

    @Test
    void aroundTheDataKeepsEveryPointInside() {
        Dataset gender = BuiltinDatasets.gender();
        DecisionMap map = DecisionMap.around(gender, 80, 80, 0.1);
        for (Dataset.Sample s : gender.samples()) {
            double fx = map.fractionX(s.raw(0)), fy = map.fractionY(s.raw(1));
            assertTrue(fx > 0 && fx < 1 && fy > 0 && fy < 1, s.name() + " at " + fx + "," + fy);
        }
        assertEquals(List.of("weight (lb)", "height (in)"), map.axisNames());
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        Dataset three = new Dataset("3d", List.of("a", "b", "c"), new double[3], List.of(), "1", "0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DecisionMap.around(three, 4, 4, 0));
        assertTrue(e.getMessage().contains("2 features"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DecisionMap(BuiltinDatasets.xor(), 0, 4, 0, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new DecisionMap(BuiltinDatasets.xor(), 4, 4, 1, 1, 0, 1));
        DecisionMap map = DecisionMap.around(BuiltinDatasets.xor(), 4, 4, 0);
        assertThrows(IllegalArgumentException.class, () -> map.compute(randomNet(2, 2, 1), new double[3], null));
    }
}
