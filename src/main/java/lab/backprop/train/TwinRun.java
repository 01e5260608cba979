package lab.backprop.train;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

import lab.backprop.data.Batching;
import lab.backprop.support.Numbers;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;

/**
 * Two trainers that start from identical weights (two copies of one network) and differ in one switch: the batching
 * (SGD vs full batch), the learning rate, or any other part of their {@link TrainingSetup}. They run side by side, one
 * epoch each in turn, on one thread; each side keeps its own {@link LossHistory} for other threads to draw.
 */
public final class TwinRun {
    /** How one side trains: its legend label and its setup (the start network is shared). */
    public record Side(String label, TrainingSetup setup) {
        public Side {
            Objects.requireNonNull(label);
            Objects.requireNonNull(setup);
        }
    }

    private final Side[] sides;
    private final Trainer[] trainers = new Trainer[2];
    private final LossHistory[] histories = { new LossHistory(), new LossHistory() };
    private final String[] failures = new String[2];
    private volatile long epoch;

    /** @param start the common starting point; it is copied, never trained */
    public TwinRun(Network start, Side a, Side b) {
        sides = new Side[] { Objects.requireNonNull(a), Objects.requireNonNull(b) };
        for (int i = 0; i < 2; i++) {
            trainers[i] = sides[i].setup().newTrainer(start.copy());
            histories[i].record(0, trainers[i].loss());
        }
    }

    /** SGD against full batch, both at the setup's learning rate. */
    public static TwinRun sgdVersusBatch(Network start, TrainingSetup setup) {
        return new TwinRun(start, new Side("SGD", setup.withBatching(setup.batching().withMode(Batching.Mode.PER_SAMPLE))),
                new Side("full batch", setup.withBatching(setup.batching().withMode(Batching.Mode.FULL_BATCH))));
    }

    /** The setup at two learning rates. */
    public static TwinRun twoRates(Network start, TrainingSetup setup, double rateA, double rateB) {
        return new TwinRun(start, new Side("lr " + Numbers.plain(rateA), setup.withLearningRate(rateA)),
                new Side("lr " + Numbers.plain(rateB), setup.withLearningRate(rateB)));
    }
    /** The setup with two update rules (e.g. gradient descent against Adam), at the setup's rate and batching. */
    public static TwinRun twoRules(Network start, TrainingSetup setup, UpdateRule a, UpdateRule b) {
        return new TwinRun(start, new Side(a.title(), setup.withUpdate(a)), new Side(b.title(), setup.withUpdate(b)));
    }

    /** The setup with MSE against binary cross-entropy, from the same weights (each curve is its own loss). */
    public static TwinRun mseVersusCrossEntropy(Network start, TrainingSetup setup) {
        return new TwinRun(start, new Side("MSE", setup.withLoss(lab.backprop.model.LossFunction.MSE)),
                new Side("cross-entropy", setup.withLoss(lab.backprop.model.LossFunction.CROSS_ENTROPY)));
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
