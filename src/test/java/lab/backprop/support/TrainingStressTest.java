package lab.backprop.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Loss;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.train.DivergenceException;
import lab.backprop.train.Setups;
import lab.backprop.data.Batching;
import lab.backprop.train.Trainer;

/**
 * What the window does, without the window: a training thread runs epochs and publishes snapshots
 * while another thread drags the learning-rate slider and edits weights thousands of times, and a
 * third reads the published snapshots as a view would. No exception may escape and no snapshot may
 * be torn: its loss must be the MSE of its own weights.
 */
class TrainingStressTest {
    private static final int EDITS = 10_000;

    @Test
    void slidersAndEditsWhileTrainingNeverTearASnapshot() throws Exception {
        for (Batching.Mode optimizer : Batching.Mode.values()) run(BuiltinDatasets.gender(), optimizer);
        run(BuiltinDatasets.xor(), Batching.Mode.FULL_BATCH);
    }

    private void run(Dataset data, Batching.Mode optimizer) throws Exception {
        Network net = Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1);
        Trainer trainer = Setups.trainer(net, data, optimizer, 0.1, 2, 1);
        int params = net.layout().parameterCount();
        AtomicReference<Snapshot> published = new AtomicReference<>(trainer.snapshot());
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean editing = new AtomicBoolean(true), trainingRuns = new AtomicBoolean(true);
        AtomicInteger epochs = new AtomicInteger(), divergences = new AtomicInteger(), checkedLive = new AtomicInteger(),
                checkedAll = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);

        Thread training = new Thread(() -> {
            started.countDown();
            try {
                while (editing.get() || epochs.get() < 100) {
                    try {
                        trainer.runEpoch();
                    } catch (DivergenceException e) {
                        divergences.incrementAndGet(); // the slider went too high: rolled back, keep going
                    }
                    epochs.incrementAndGet();
                    Snapshot s = trainer.snapshot();
                    published.set(s);
                    assertConsistent(s, data); // every published snapshot, checked from its own weights
                    checkedAll.incrementAndGet();
                }
            } catch (Throwable t) {
                failures.add(t);
            } finally {
                trainingRuns.set(false);
            }
        }, "training");
        Thread slider = new Thread(() -> {
            SplittableRandom rng = new SplittableRandom(99);
            try {
                started.await();
                for (int i = 0; i < EDITS; i++) {
                    trainer.learningRate().set(Math.pow(10, rng.nextDouble(-3, 3.2))); // 0.001 .. 1600: some epochs blow up
                    trainer.submitEdit(rng.nextInt(params), rng.nextDouble(-4, 4));
                    if (i % 10 == 9) {
                        // Let at least one epoch run between bursts of moves, as a hand on a slider would.
                        int seen = epochs.get();
                        while (epochs.get() == seen && trainingRuns.get()) Thread.onSpinWait();
                    }
                }
            } catch (Throwable t) {
                failures.add(t);
            } finally {
                editing.set(false);
            }
        }, "slider");
        Thread view = new Thread(() -> {
            try {
                do {
                    assertConsistent(published.get(), data);
                    checkedLive.incrementAndGet();
                    LockSupport.parkNanos(50_000); // a view redraws now and then, it does not spin
                } while (trainingRuns.get());
            } catch (Throwable t) {
                failures.add(t);
            }
        }, "view");
        training.start();
        slider.start();
        view.start();
        slider.join(TimeUnit.SECONDS.toMillis(60));
        view.join(TimeUnit.SECONDS.toMillis(60));
        training.join(TimeUnit.SECONDS.toMillis(60));
        assertTrue(!training.isAlive() && !slider.isAlive() && !view.isAlive(), "threads finished");
        assertEquals(List.of(), List.copyOf(failures));
        assertEquals(epochs.get(), checkedAll.get());
        assertTrue(epochs.get() >= 100, "published " + epochs.get());
        assertTrue(divergences.get() > 0, "the rollback path was exercised");
        assertTrue(checkedLive.get() > 0);
        System.out.println(data.name() + " " + optimizer + ": " + epochs.get() + " epochs, " + EDITS + " slider moves and edits, "
                + divergences.get() + " rollbacks, " + checkedLive.get() + " live snapshot checks");
    }

    private static void assertConsistent(Snapshot s, Dataset data) {
        Network n = s.toNetwork();
        assertEquals(-1, n.firstNonFiniteParameter());
        double[][] x = data.inputs();
        double[] y = data.labels(), yhat = new double[y.length];
        for (int i = 0; i < x.length; i++) yhat[i] = n.predict(x[i])[0];
        double mse = Loss.mse(y, yhat);
        assertEquals(mse, s.loss(), 1e-12, "snapshot of epoch " + s.epoch() + " is torn");
    }
}
