package lab.backprop.session;

import lab.backprop.model.Initializer;
import lab.backprop.train.LearningRate;
import lab.backprop.train.Optimizer;

/**
 * The training settings of a session, checked on construction.
 *
 * @param epochs    the number of epochs the user asked for (the epoch reached is in the snapshot)
 * @param batchSize samples per update for mini-batch (kept for the others too, so a switch keeps it)
 */
public record HyperParameters(Optimizer optimizer, double learningRate, long epochs, int batchSize, long seed, Initializer init) {
    public HyperParameters {
        if (optimizer == null) throw new IllegalArgumentException("optimizer is missing");
        if (init == null) throw new IllegalArgumentException("init is missing");
        LearningRate.check(learningRate);
        if (epochs < 0) throw new IllegalArgumentException("epochs must be 0 or more, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
}
