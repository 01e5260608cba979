package lab.backprop.train;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

import lab.backprop.data.Dataset;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;

/**
 * Two trainers that start from identical weights (two copies of one network) and differ in one
 * switch: the optimizer (SGD vs full batch) or the learning rate. They run side by side, one epoch
 * each in turn, on one thread; each side keeps its own {@link LossHistory} for other threads to draw.
 */
public final class TwinRun {
    /** How one side trains. */
    public record Side(String label, Optimizer optimizer, double learningRate) {
        public Side {
            Objects.requireNonNull(label);
            Objects.requireNonNull(optimizer);
            LearningRate.check(learningRate);
        }
    }

    private final Side[] sides;
    private final Trainer[] trainers = new Trainer[2];
    private final LossHistory[] histories = { new LossHistory(), new LossHistory() };
    private final String[] failures = new String[2];
    private volatile long epoch;

    /**
     * @param start     the common starting point; it is copied, never trained
     * @param batchSize only used by {@link Optimizer#MINIBATCH}
     * @param seed      shuffle seed, the same for both sides
     */
    public TwinRun(Network start, Dataset data, Side a, Side b, int batchSize, long seed) {
        sides = new Side[] { Objects.requireNonNull(a), Objects.requireNonNull(b) };
        trainers[0] = new Trainer(start.copy(), data, a.optimizer(), a.learningRate(), batchSize, seed);
        trainers[1] = new Trainer(start.copy(), data, b.optimizer(), b.learningRate(), batchSize, seed);
        for (int i = 0; i < 2; i++) histories[i].record(0, trainers[i].loss());
    }

    /** SGD against full batch, both at the same learning rate. */
    public static TwinRun sgdVersusBatch(Network start, Dataset data, double learningRate) {
        return new TwinRun(start, data, new Side("SGD", Optimizer.SGD, learningRate),
                new Side("full batch", Optimizer.BATCH, learningRate), data.size(), 0);
    }

    /** One optimizer at two learning rates. */
    public static TwinRun twoRates(Network start, Dataset data, Optimizer optimizer, double rateA, double rateB) {
        return new TwinRun(start, data, new Side("lr " + rateA, optimizer, rateA),
                new Side("lr " + rateB, optimizer, rateB), data.size(), 0);
    }

    public Side side(int i) { return sides[i]; }
    /** The trainer of side 0 or 1; only the thread running {@link #run} may touch it while it runs. */
    public Trainer trainer(int i) { return trainers[i]; }
    public LossHistory history(int i) { return histories[i]; }
    /** Why side i stopped early (it diverged), or null. */
    public synchronized String failure(int i) { return failures[i]; }
    /** Epochs run so far by the pair. */
    public long epoch() { return epoch; }

    /**
     * Runs both sides for {@code epochs} more epochs, alternating, until done or {@code cancelled} says so.
     * A side that diverges stops (its message is kept in {@link #failure}); the other goes on.
     * {@code progress} (may be null) gets the pair's epoch count after each epoch.
     * Returns the number of epochs actually run.
     */
    public long run(long epochs, BooleanSupplier cancelled, LongConsumer progress) {
        if (epochs < 0) throw new IllegalArgumentException("epochs must not be negative, got " + epochs);
        long done = 0;
        for (; done < epochs; done++) {
            if (cancelled != null && cancelled.getAsBoolean()) break;
            if (failure(0) != null && failure(1) != null) break;
            for (int i = 0; i < 2; i++) {
                if (failure(i) != null) continue;
                try {
                    double loss = trainers[i].runEpoch();
                    histories[i].record(trainers[i].epoch(), loss);
                } catch (DivergenceException e) {
                    synchronized (this) { failures[i] = e.getMessage(); }
                }
            }
            epoch++;
            if (progress != null) progress.accept(epoch);
        }
        return done;
    }

    /** Latest loss of side i (thread-safe). */
    public double latestLoss(int i) { return histories[i].latest(); }

    /** Side i's network now; call only from the thread running {@link #run} or after it returned. */
    public Snapshot snapshot(int i) { return trainers[i].snapshot(); }
}
