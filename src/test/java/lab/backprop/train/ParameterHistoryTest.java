package lab.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import lab.backprop.data.Batching;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;

class ParameterHistoryTest {

    private static Trainer xorTrainer() {
        Network net = Setups.twoHOne(2, Activation.SIGMOID, Initializer.UNIFORM_0_1, 3);
        return Setups.trainer(net, BuiltinDatasets.xor(), Batching.Mode.FULL_BATCH, 1.0, 4, 0);
    }

    @Test
    void rewindsToTheExactParametersRecordedAtThatEpoch() throws Exception {
        Trainer t = xorTrainer();
        ParameterHistory h = new ParameterHistory(64);
        Map<Long, Snapshot> truth = new HashMap<>();
        h.record(t);
        truth.put(0L, t.snapshot());
        for (int e = 0; e < 300; e++) {
            t.runEpoch();
            h.record(t);
            truth.put(t.epoch(), t.snapshot());
        }
        assertTrue(h.size() <= 65, "bounded: " + h.size());
        for (long epoch : h.epochs()) {
            Snapshot got = h.at(epoch), want = truth.get(epoch);
            assertEquals(epoch, got.epoch());
            assertArrayEquals(want.weights(), got.weights(), 0.0);
            assertArrayEquals(want.biases(), got.biases(), 0.0);
            assertEquals(want.loss(), got.loss(), 0.0);
        }
        assertEquals(300, h.latestEpoch());
        assertArrayEquals(t.snapshot().weights(), h.at(300).weights(), 0.0);
    }

    @Test
    void keepsEveryKthEpochAndDoublesKWhenFull() {
        Network net = Network.sigmoid(2, 2, 1);
        ParameterHistory h = new ParameterHistory(8);
        for (long e = 0; e <= 20; e++) {
            net.setWeight(0, e);
            h.record(e, 0, net);
        }
        // 0..7 with stride 1, thinned at 8 to 0,2,4,6 (stride 2), then 8..14 fill it, thinned at 16 to stride 4.
        assertEquals(4, h.stride());
        assertArrayEquals(new long[] { 0, 4, 8, 12, 16, 20 }, h.epochs());
        assertArrayEquals(new double[] { 0, 4, 8, 12, 16, 20 }, h.series(0), 0.0);
        // the nearest kept epoch, earlier on a tie
        assertEquals(8, h.at(9).epoch());
        assertEquals(8, h.at(10).epoch());
        assertEquals(12, h.at(11).epoch());
        assertEquals(0, h.at(-5).epoch());
        assertEquals(20, h.at(1000).epoch());
        assertEquals(8.0, h.at(9).weight(0), 0.0);
        ParameterHistory.View v = h.view();
        assertArrayEquals(h.epochs(), v.epochs());
        assertEquals(9, v.series().length);
        assertArrayEquals(h.series(0), v.series()[0], 0.0);
        assertEquals(net.layout(), v.layout());
    }

    @Test
    void theLatestRecordIsAlwaysKeptEvenOffTheStride() {
        Network net = Network.sigmoid(2, 2, 1);
        ParameterHistory h = new ParameterHistory(4);
        for (long e = 0; e <= 9; e++) {
            net.setBias(2, -e);
            h.record(e, e * 0.1, net);
        }
        long[] epochs = h.epochs();
        assertEquals(9, epochs[epochs.length - 1]);
        assertEquals(-9, h.at(9).bias(2), 0.0);
        assertEquals(0.9, h.at(9).loss(), 1e-12);
        assertTrue(h.size() <= 5);
    }

    @Test
    void olderEpochsAreIgnoredAndOtherLayoutsRefusedUntilCleared() {
        Network net = Network.sigmoid(2, 2, 1);
        ParameterHistory h = new ParameterHistory(8);
        assertTrue(h.record(5, 0.3, net));
        assertFalse(h.record(5, 0.2, net));
        assertFalse(h.record(2, 0.2, net));
        assertEquals(1, h.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> h.record(6, 0.1, Network.sigmoid(2, 3, 1)));
        assertTrue(e.getMessage().contains("clear"), e.getMessage());
        h.clear();
        assertTrue(h.isEmpty());
        assertThrows(IllegalStateException.class, () -> h.at(0));
        assertTrue(h.record(0, 0.1, Network.sigmoid(2, 3, 1)));
        assertEquals(13, h.parameterCount());
        assertEquals("b4", h.parameterName(12));
        assertThrows(IllegalArgumentException.class, () -> new ParameterHistory(3));
    }

    @Test
    void readersSeeConsistentEntriesWhileTheTrainerWrites() throws Exception {
        Trainer t = xorTrainer();
        ParameterHistory h = new ParameterHistory(16);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int e = 0; e < 20000; e++) { t.runEpoch(); h.record(t); }
            } catch (Throwable ex) { failure.set(ex); }
        });
        writer.start();
        while (writer.isAlive()) {
            if (h.isEmpty()) continue;
            long[] epochs = h.epochs();
            for (int i = 1; i < epochs.length; i++) assertTrue(epochs[i] > epochs[i - 1]);
            assertTrue(epochs.length <= 17);
            Snapshot s = h.at(epochs[epochs.length / 2]);
            assertEquals(6, s.weightCount());
        }
        writer.join();
        if (failure.get() != null) throw new AssertionError(failure.get());
        assertEquals(20000, h.latestEpoch());
    }

    @Test
    void truncatingDropsTheFutureSoTrainingCanResumeFromARewind() {
        Network net = Network.sigmoid(2, 2, 1);
        ParameterHistory h = new ParameterHistory(4);
        for (long e = 0; e <= 9; e++) { net.setWeight(1, e); h.record(e, 0, net); }
        h.truncateFrom(100);
        assertEquals(9, h.latestEpoch());
        h.truncateFrom(5);
        for (long e : h.epochs()) assertTrue(e < 5, "kept " + e);
        net.setWeight(1, -5);
        assertTrue(h.record(5, 0, net), "epoch 5 may be recorded again");
        assertEquals(-5, h.at(5).weight(1), 0.0);
        h.truncateFrom(0);
        assertTrue(h.isEmpty());
        assertTrue(h.record(0, 0, net));
    }
}
