package lab.backprop.cli;

import java.io.PrintWriter;
import java.util.Locale;

import lab.backprop.train.DivergenceException;
import lab.backprop.train.LossHistory;
import lab.backprop.train.Trainer;

/** Runs the epochs of a setup, printing the loss like seed 001 and recording it in a {@link LossHistory}. */
final class LoggedTraining {
    /**
     * The most epochs trained between two loss measurements when none is printed sooner. The divergence check looks
     * only at a chunk's end, so it misses an overshoot the network recovers from within the chunk: on the built-in data
     * (SGD and batch, 2 and 8 hidden, rates 3 to 3000) chunks of 30, 100 or 1000 epochs changed whether or where 3 of
     * 40 runs stopped, chunks of 10 none. They cost about 8 % more than chunks of 1000 (see README, performance).
     */
    static final long LARGEST_CHUNK = 10;

    private final Trainer trainer;
    private final LossHistory history = new LossHistory();

    private StringBuilder lossCsv; // every epoch's loss as CSV rows (--loss-csv), or null

    LoggedTraining(Trainer trainer) { this.trainer = trainer; }

    /** Measures every epoch's loss and adds "epoch,loss[,test_loss]" rows to {@code csv} (its header first). */
    void recordCsv(StringBuilder csv) {
        lossCsv = csv;
        csv.append(Double.isNaN(trainer.testLoss()) ? "epoch,loss\n" : "epoch,loss,test_loss\n");
    }

    Trainer trainer() { return trainer; }
    LossHistory history() { return history; }

    /**
     * Trains {@code epochs} epochs. Epoch e counts from 0 and its loss is measured after its updates, so
     * {@code logEvery = 10} prints epochs 0, 10, 20, ... exactly as seed 001's {@code if epoch % 10 == 0}. A trainer
     * resumed at epoch n (a saved session's) counts on: its first epoch here is epoch n.
     * The loss is measured only where it is printed (and at least every {@link #LARGEST_CHUNK} epochs, where the
     * history records it): {@link Trainer#runEpochs} gives the same numbers as epoch by epoch, faster.
     *
     * @param logEvery 0 for no loss lines
     * @param heap     where to print heap use at ten checkpoints, or null; then every epoch's loss is measured and
     *                 recorded, as the window does, since that is the run whose memory is of interest
     */
    void run(long epochs, long logEvery, PrintWriter out, PrintWriter heap) throws DivergenceException {
        if (heap != null || lossCsv != null) {
            runEveryEpoch(epochs, logEvery, out, heap);
            return;
        }
        long first = trainer.epoch();
        for (long done = 0; done < epochs; ) {
            long chunk = Math.min(LARGEST_CHUNK, epochs - done);
            long next = first + done; // the next epoch's number
            if (logEvery > 0) chunk = Math.min(chunk, (logEvery - next % logEvery) % logEvery + 1); // up to the next logged epoch
            double loss = trainChunk(chunk);
            done += chunk;
            record(first + done - 1, loss, logEvery, out);
        }
    }

    /**
     * {@link Trainer#runEpochs}; if it finds a divergence, the trainer is back at the chunk's start and the chunk is
     * replayed epoch by epoch, which (the same bits) fails at the very epoch with the message it always gave, or, if
     * the chunk's end only looked like an overshoot (parameters drift further over many epochs than in one), goes on.
     * (Minibatch replays draw new shuffles.)
     */
    private double trainChunk(long chunk) throws DivergenceException {
        try {
            return trainer.runEpochs(chunk);
        } catch (DivergenceException e) {
            if (chunk == 1) throw e;
            double loss = 0;
            for (long k = 0; k < chunk; k++) loss = trainer.runEpoch();
            return loss;
        }
    }

    private void runEveryEpoch(long epochs, long logEvery, PrintWriter out, PrintWriter heap) throws DivergenceException {
        long checkpoint = Math.max(1, epochs / 10);
        if (heap != null) heap.printf(Locale.ROOT, "Heap used before training: %s%n", HeapMeter.usedAfterGc());
        long first = trainer.epoch();
        for (long e = 0; e < epochs; e++) {
            record(first + e, trainer.runEpoch(), logEvery, out);
            if (heap != null && (e + 1) % checkpoint == 0) {
                heap.printf(Locale.ROOT, "Heap used after epoch %d: %s (loss history: %d buckets for %d epochs)%n",
                        first + e, HeapMeter.usedAfterGc(), history.size(), history.recorded());
            }
        }
    }

    private void record(long epoch, double loss, long logEvery, PrintWriter out) {
        double test = trainer.testLoss();
        history.record(epoch, loss, test);
        if (lossCsv != null) lossCsv.append(epoch).append(',').append(loss).append(Double.isNaN(test) ? "" : "," + test).append('\n');
        if (logEvery > 0 && epoch % logEvery == 0) {
            out.printf(Locale.ROOT, Double.isNaN(test) ? "Epoch %d loss: %.3f%n" : "Epoch %d loss: %.3f test: %.3f%n", epoch, loss, test);
        }
    }
}
