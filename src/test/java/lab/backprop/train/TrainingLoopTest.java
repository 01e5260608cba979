package lab.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import lab.backprop.data.Batching;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import org.junit.jupiter.api.Test;

class TrainingLoopTest {
    private static TrainingLoop gender(double rate) {
        Network net = Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1);
        return new TrainingLoop(Setups.trainer(net, BuiltinDatasets.gender(), Batching.Mode.PER_SAMPLE, rate, 2, 1), new LossHistory());
    }

    @Test void runsTheEpochsRecordsEveryLossAndPublishesTheEnd() throws Exception {
        TrainingLoop loop = gender(0.1);
        Snapshot start = loop.latest();
        assertEquals(0, start.epoch());
        assertEquals(TrainingLoop.Outcome.FINISHED, loop.run(250));
        assertEquals(250, loop.latest().epoch());
        assertEquals(251, loop.history().recorded()); // the start and every epoch
        assertEquals(250 * 4, loop.steps());
        assertTrue(loop.latest().loss() < start.loss());
        assertEquals(loop.trainer().loss(), loop.history().latest(), 0.0);
    }

    @Test void aStopRequestedBeforeTheRunIsNotLost() throws Exception {
        TrainingLoop loop = gender(0.1);
        loop.requestStop();
        assertEquals(TrainingLoop.Outcome.STOPPED, loop.run(100));
        assertEquals(0, loop.latest().epoch());
        loop.clearStopRequest();
        assertEquals(TrainingLoop.Outcome.FINISHED, loop.run(3));
        assertEquals(3, loop.latest().epoch());
    }

    @Test void pacedRunsCanBeStoppedFromAnotherThread() throws Exception {
        TrainingLoop loop = gender(0.1);
        loop.setEpochsPerSecond(50);
        CompletableFuture<TrainingLoop.Outcome> run = CompletableFuture.supplyAsync(() -> {
            try {
                return loop.run(1_000_000);
            } catch (DivergenceException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        loop.requestStop();
        assertEquals(TrainingLoop.Outcome.STOPPED, run.get(5, TimeUnit.SECONDS));
        long epochs = loop.latest().epoch();
        // About 50 per second: far fewer than full speed would do in 0.3 s.
        assertTrue(epochs >= 3 && epochs <= 40, "epochs in 0.3 s at 50/s: " + epochs);
    }

    @Test void editsAreAppliedAndPublished() {
        TrainingLoop loop = gender(0.1);
        Snapshot before = loop.latest();
        loop.trainer().submitEdit(0, 0.25);
        assertTrue(loop.applyEditsAndPublish());
        assertNotSame(before, loop.latest());
        assertEquals(0.25, loop.latest().weight(0));
    }

    @Test void divergencePublishesTheRolledBackNetwork() {
        TrainingLoop loop = gender(1000);
        DivergenceException e = assertThrows(DivergenceException.class, () -> loop.run(10_000));
        Snapshot s = loop.latest();
        assertEquals(e.restoredEpoch(), s.epoch());
        for (int i = 0; i < s.weightCount(); i++) assertTrue(Double.isFinite(s.weight(i)));
        assertEquals(e.restoredLoss(), s.loss(), 0.0);
    }
}
