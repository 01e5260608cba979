package lab.backprop.cli;

import java.io.PrintWriter;
import java.util.Locale;

import lab.backprop.train.DivergenceException;
import lab.backprop.train.LossHistory;
import lab.backprop.train.Trainer;

/** Runs the epochs of a plan, printing the loss like seed 001 and recording every epoch in a {@link LossHistory}. */
final class LoggedTraining {
    private final Trainer trainer;
    private final LossHistory history = new LossHistory();

    LoggedTraining(Trainer trainer) { this.trainer = trainer; }

    Trainer trainer() { return trainer; }
    LossHistory history() { return history; }

    /**
     * Trains {@code epochs} epochs. Epoch e counts from 0 and its loss is measured after its updates, so
     * {@code logEvery = 10} prints epochs 0, 10, 20, ... exactly as seed 001's {@code if epoch % 10 == 0}.
     *
     * @param logEvery 0 for no loss lines
     * @param heap     where to print heap use at ten checkpoints, or null
     */
    void run(long epochs, long logEvery, PrintWriter out, PrintWriter heap) throws DivergenceException {
        long checkpoint = Math.max(1, epochs / 10);
        if (heap != null) heap.printf(Locale.ROOT, "Heap used before training: %s%n", HeapMeter.usedAfterGc());
        for (long e = 0; e < epochs; e++) {
            double loss = trainer.runEpoch();
            history.record(e, loss);
            if (logEvery > 0 && e % logEvery == 0) out.printf(Locale.ROOT, "Epoch %d loss: %.3f%n", e, loss);
            if (heap != null && (e + 1) % checkpoint == 0) {
                heap.printf(Locale.ROOT, "Heap used after epoch %d: %s (loss history: %d buckets for %d epochs)%n",
                        e, HeapMeter.usedAfterGc(), history.size(), history.recorded());
            }
        }
    }
}
