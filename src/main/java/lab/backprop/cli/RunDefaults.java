package lab.backprop.cli;

import lab.backprop.model.Initializer;
import lab.backprop.train.Optimizer;

/**
 * What each data set trains with when an option is left out: the settings of the seed it comes from, and the
 * window's presets (lab.backprop.ui.LabViewModel.Preset), so the same preset gives the same run in both.
 *
 * @param logEvery 0 means no loss lines
 */
record RunDefaults(Optimizer optimizer, double learningRate, long epochs, Initializer init, long seed, long logEvery) {
    /** Seed 001: per-sample SGD, learning rate 0.1, 1000 epochs, standard-normal init, random seed 1, loss every 10 epochs. */
    static final RunDefaults GENDER = new RunDefaults(Optimizer.SGD, 0.1, 1000, Initializer.STANDARD_NORMAL, 1, 10);
    /** Seed 000: full batch, learning rate 1, 5000 epochs, uniform [0,1) init, random seed 0 (it prints no loss; we log every 500). */
    static final RunDefaults XOR = new RunDefaults(Optimizer.BATCH, 1.0, 5000, Initializer.UNIFORM_0_1, 0, 500);

    static RunDefaults forDataset(String name) {
        return "xor".equalsIgnoreCase(name) ? XOR : GENDER;
    }
}
