package lab.backprop.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import lab.backprop.data.Batching;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Network;

/** The training loop allocates nothing per step: checked with the JVM's per-thread allocation counter. */
class NoAllocationTest {

    @Test
    void epochsAllocateNothing() throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();
        for (Batching.Mode opt : Batching.Mode.values()) {
            Network net = Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1);
            Trainer trainer = Setups.trainer(net, BuiltinDatasets.gender(), opt, 0.1, 2, 1);
            for (int e = 0; e < 20_000; e++) trainer.runEpoch(); // warm up: let the JIT compile the loop
            long before = threads.getThreadAllocatedBytes(me);
            for (int e = 0; e < 100_000; e++) trainer.runEpoch();
            long allocated = threads.getThreadAllocatedBytes(me) - before;
            // 100k epochs = 400k SGD steps; a single allocation per step would be megabytes.
            assertTrue(allocated < 64 * 1024, opt + " allocated " + allocated + " bytes in 100000 epochs");
        }
    }

    /** Momentum, Nesterov, RMSprop and Adam keep their state in flat arrays made once: no allocation per step either. */
    @Test
    void everyUpdateRuleStepsWithoutAllocating() throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();
        for (UpdateRule rule : UpdateRule.known()) {
            for (Batching.Mode opt : Batching.Mode.values()) {
                Trainer trainer = TrainingSetup.forData(BuiltinDatasets.gender()).withBatching(new Batching(opt, 2)).withUpdate(rule)
                        .withLearningRate(0.01).newTrainer();
                for (int e = 0; e < 20_000; e++) trainer.runEpoch();
                long before = threads.getThreadAllocatedBytes(me);
                for (int e = 0; e < 50_000; e++) trainer.runEpoch();
                long allocated = threads.getThreadAllocatedBytes(me) - before;
                assertTrue(allocated < 64 * 1024, rule + " " + opt + " allocated " + allocated + " bytes in 50000 epochs");
            }
        }
    }
}
