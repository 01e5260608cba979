package lab.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import lab.backprop.data.Batching;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;

/** {@link Trainer#runEpochs}: n epochs with one loss measurement, the same bits as n calls of runEpoch(). */
class RunEpochsTest {
    private static final long[] CHUNKS = { 1, 7, 50, 1, 142, 300 };

    @ParameterizedTest
    @EnumSource(Batching.Mode.class)
    void chunksGiveTheSameBitsAsEpochByEpoch(Batching.Mode optimizer) throws Exception {
        for (Network net : new Network[] {
                Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1),
                Setups.twoHOne(8, Activation.TANH, Initializer.STANDARD_NORMAL, 2),
                Setups.network(new Layout(2, 3, 3, 1), Activation.RELU, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 3) }) {
            for (Dataset data : new Dataset[] { BuiltinDatasets.gender(), BuiltinDatasets.xor() }) {
                Trainer chunked = Setups.trainer(net.copy(), data, optimizer, 0.1, 2, 9);
                Trainer single = Setups.trainer(net.copy(), data, optimizer, 0.1, 2, 9);
                for (long n : CHUNKS) {
                    double chunkLoss = chunked.runEpochs(n);
                    double loss = 0;
                    for (long e = 0; e < n; e++) loss = single.runEpoch();
                    String where = optimizer + " " + net.layout() + " " + data.name() + " after epoch " + single.epoch();
                    assertEquals(Double.doubleToRawLongBits(loss), Double.doubleToRawLongBits(chunkLoss), where);
                    assertArrayEquals(bits(single.network()), bits(chunked.network()), where);
                    assertEquals(single.epoch(), chunked.epoch(), where);
                    assertEquals(single.steps(), chunked.steps(), where);
                    assertEquals(single.loss(), chunked.loss(), 0.0, where);
                }
            }
        }
    }

    @Test
    void editsAreAppliedBeforeTheChunkAndTheRateIsReadEachEpoch() throws Exception {
        Network net = Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1);
        Trainer chunked = Setups.trainer(net.copy(), BuiltinDatasets.gender(), Batching.Mode.PER_SAMPLE, 0.1, 1, 1);
        Trainer single = Setups.trainer(net.copy(), BuiltinDatasets.gender(), Batching.Mode.PER_SAMPLE, 0.1, 1, 1);
        chunked.submitEdit(4, 2.5); // w5
        single.submitEdit(4, 2.5);
        chunked.learningRate().set(0.3);
        single.learningRate().set(0.3);
        chunked.runEpochs(20);
        for (int e = 0; e < 20; e++) single.runEpoch();
        assertArrayEquals(bits(single.network()), bits(chunked.network()));
    }

    @Test
    void divergenceInsideAChunkRollsBackToTheChunkStart() throws Exception {
        Network net = Setups.network(new Layout(2, 4, 1), Activation.RELU, Activation.RELU, Initializer.STANDARD_NORMAL, 5);
        Trainer trainer = Setups.trainer(net, BuiltinDatasets.gender(), Batching.Mode.PER_SAMPLE, 0.001, 1, 5);
        double startLoss = trainer.runEpochs(5);
        double[] weights = net.weightsCopy(), biases = net.biasesCopy();
        trainer.learningRate().set(1e6);
        DivergenceException e = assertThrows(DivergenceException.class, () -> trainer.runEpochs(50));
        assertArrayEquals(weights, net.weightsCopy(), 0.0);
        assertArrayEquals(biases, net.biasesCopy(), 0.0);
        assertEquals(5, trainer.epoch());
        assertEquals(startLoss, trainer.loss(), 0.0);
        assertEquals(6, e.firstEpoch());
        assertEquals(55, e.epoch());
        assertEquals(5, e.restoredEpoch());
        assertEquals(startLoss, e.restoredLoss(), 0.0);
        assertTrue(e.getMessage().startsWith("Training diverged in epochs 6 to 55: "), e.getMessage());
        assertTrue(e.getMessage().contains("rolled back to epoch 5"), e.getMessage());

        trainer.learningRate().set(0.001); // it can go on from there
        trainer.runEpochs(10);
        assertEquals(15, trainer.epoch());
    }

    @Test
    void overshootOverAChunkIsCaughtWithoutNaN() {
        Network net = Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1);
        Trainer trainer = Setups.trainer(net, BuiltinDatasets.gender(), Batching.Mode.PER_SAMPLE, 1000, 1, 1);
        double[] start = net.weightsCopy();
        DivergenceException e = assertThrows(DivergenceException.class, () -> trainer.runEpochs(100));
        assertTrue(e.getMessage().contains("in 100 epochs while the loss rose"), e.getMessage());
        assertArrayEquals(start, net.weightsCopy(), 0.0);
        assertEquals(0, trainer.epoch());
    }

    @Test
    void aSingleEpochReadsAsBefore() {
        Network net = Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1);
        Trainer trainer = Setups.trainer(net, BuiltinDatasets.gender(), Batching.Mode.PER_SAMPLE, 1e9, 1, 1);
        DivergenceException e = assertThrows(DivergenceException.class, () -> trainer.runEpochs(1));
        assertTrue(e.getMessage().startsWith("Training diverged in epoch 1: "), e.getMessage());
        assertEquals(1, e.firstEpoch());
        assertEquals(1, e.epoch());
    }

    @Test
    void fewerThanOneEpochIsRefusedAndChangesNothing() throws Exception {
        Network net = Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1);
        Trainer trainer = Setups.trainer(net, BuiltinDatasets.gender(), Batching.Mode.PER_SAMPLE, 0.1, 1, 1);
        trainer.runEpochs(3);
        double[] w = net.weightsCopy();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer.runEpochs(0));
        assertEquals("epochs must be at least 1, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> trainer.runEpochs(-5));
        assertArrayEquals(w, net.weightsCopy(), 0.0);
        assertEquals(3, trainer.epoch());
    }

    @Test
    void chunksAllocateNothing() throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();
        for (Batching.Mode opt : Batching.Mode.values()) {
            Network net = Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1);
            Trainer trainer = Setups.trainer(net, BuiltinDatasets.gender(), opt, 0.1, 2, 1);
            for (int c = 0; c < 50; c++) trainer.runEpochs(1000); // warm up: let the JIT compile the loop
            long before = threads.getThreadAllocatedBytes(me);
            for (int c = 0; c < 100; c++) trainer.runEpochs(1000);
            long allocated = threads.getThreadAllocatedBytes(me) - before;
            // 100k epochs = 400k SGD steps; a single allocation per step would be megabytes.
            assertTrue(allocated < 64 * 1024, opt + " allocated " + allocated + " bytes in 100000 epochs");
        }
    }

    private static long[] bits(Network net) {
        long[] b = new long[net.layout().parameterCount()];
        for (int p = 0; p < b.length; p++) b[p] = Double.doubleToRawLongBits(net.parameter(p));
        return b;
    }
}
