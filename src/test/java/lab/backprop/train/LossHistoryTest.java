package lab.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LossHistoryTest {

    @Test
    void keepsEveryEpochWhileThereIsRoom() {
        LossHistory h = new LossHistory(8);
        for (int e = 0; e < 8; e++) h.record(e, 1.0 / (e + 1));
        LossHistory.View v = h.view();
        assertEquals(8, v.size());
        assertEquals(1, v.span());
        assertEquals(0.25, v.last()[3]);
    }

    @Test
    void staysBoundedAndKeepsSpikesOnLongRuns() {
        LossHistory h = new LossHistory(64);
        long epochs = 1_000_000;
        for (long e = 0; e < epochs; e++) h.record(e, e == 777_777 ? 5.0 : 1.0 / (e + 1));
        LossHistory.View v = h.view();
        assertTrue(v.size() <= 64);
        assertEquals(epochs, v.recorded());
        double max = 0;
        for (double m : v.max()) max = Math.max(max, m);
        assertEquals(5.0, max, "the spike survives downsampling");
        assertEquals(1.0, v.max()[0]);
        assertEquals(1.0 / epochs, v.last()[v.size() - 1]);
        assertEquals(0, v.firstEpoch()[0]);
        for (int i = 1; i < v.size(); i++) assertEquals(v.span(), v.firstEpoch()[i] - v.firstEpoch()[i - 1]);
    }
}
