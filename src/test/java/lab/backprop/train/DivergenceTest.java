package lab.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import lab.backprop.data.Batching;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;

class DivergenceTest {

    @Test
    void reluWithHugeRateStopsAndRollsBackToLastFiniteWeights() throws Exception {
        Network net = Setups.network(new Layout(2, 4, 1), Activation.RELU, Activation.RELU, Initializer.STANDARD_NORMAL, 5);
        Trainer trainer = Setups.trainer(net, BuiltinDatasets.gender(), Batching.Mode.PER_SAMPLE, 0.001, 1, 5);
        trainer.runEpoch();
        trainer.learningRate().set(1e6);
        double[] before = null;
        long epochBefore = 0;
        DivergenceException e = null;
        for (int i = 0; i < 100 && e == null; i++) {
            before = net.weightsCopy();
            epochBefore = trainer.epoch();
            try {
                trainer.runEpoch();
            } catch (DivergenceException caught) {
                e = caught;
            }
        }
        assertTrue(e != null, "a rate of 1e6 must blow up");
        assertArrayEquals(before, net.weightsCopy(), 0.0);
        assertEquals(epochBefore, trainer.epoch());
        assertEquals(epochBefore, e.restoredEpoch());
        assertTrue(Double.isFinite(trainer.loss()));
        assertTrue(e.getMessage().contains(e.parameter()) && e.parameter().matches("[wb]\\d+"), e.getMessage());
        assertTrue(e.getMessage().contains("rolled back"), e.getMessage());
    }

    @Test
    void sigmoidGenderWithRate1000StopsInsteadOfSaturatingForever() {
        Network net = Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1);
        Trainer trainer = Setups.trainer(net, BuiltinDatasets.gender(), Batching.Mode.PER_SAMPLE, 1000, 1, 1);
        DivergenceException e = assertThrows(DivergenceException.class, () -> {
            for (int i = 0; i < 100_000; i++) trainer.runEpoch();
        });
        assertTrue(net.firstNonFiniteParameter() < 0);
        for (int p = 0; p < 9; p++) assertTrue(Math.abs(net.parameter(p)) <= Trainer.DEFAULT_BLOW_UP_LIMIT);
        System.out.println("lr 1000: " + e.getMessage());
    }

    @Test
    void badRatesAndEditsAreRefusedAndChangeNothing() throws Exception {
        Network net = Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1);
        Trainer trainer = Setups.trainer(net, BuiltinDatasets.gender(), Batching.Mode.PER_SAMPLE, 0.1, 1, 1);
        for (double bad : new double[] { 0, -1, Double.NaN, Double.POSITIVE_INFINITY }) {
            assertThrows(IllegalArgumentException.class, () -> trainer.learningRate().set(bad));
        }
        assertEquals(0.1, trainer.learningRate().get());
        assertThrows(IllegalArgumentException.class, () -> trainer.submitEdit(0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> trainer.submitEdit(9, 1));
        double[] w = net.weightsCopy();
        assertTrue(!trainer.applyEdits());
        assertArrayEquals(w, net.weightsCopy(), 0.0);
    }

    @Test
    void editsAndRateChangesReachTheTrainer() throws Exception {
        Network net = Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1);
        Trainer trainer = Setups.trainer(net, BuiltinDatasets.gender(), Batching.Mode.PER_SAMPLE, 0.1, 1, 1);
        trainer.submitEdit(6, 4.0); // b1
        assertTrue(trainer.applyEdits());
        assertEquals(4.0, net.bias(0));
        assertEquals(trainer.measureLoss(), trainer.loss(), 0.0);
        trainer.learningRate().set(0.5);
        Network twin = net.copy();
        trainer.runEpoch();
        Trainer reference = Setups.trainer(twin, BuiltinDatasets.gender(), Batching.Mode.PER_SAMPLE, 0.5, 1, 1);
        reference.runEpoch();
        assertArrayEquals(twin.weightsCopy(), net.weightsCopy(), 0.0);
    }
}
