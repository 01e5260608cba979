package lab.backprop.session;

import java.util.Objects;

import lab.backprop.data.Dataset;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.train.Trainer;

/**
 * Everything a session file holds: the network (architecture, activations, weights, biases, epoch
 * reached and loss, as an immutable {@link Snapshot}), the training settings and the data set.
 * Immutable, so a loaded session can be handed to any thread and applied in one go.
 */
public record Session(Snapshot network, HyperParameters training, Dataset dataset) {
    public Session {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(dataset, "dataset");
        if (network.layout().inputSize() != dataset.featureCount()) {
            throw new IllegalArgumentException("the network takes " + network.layout().inputSize() + " inputs but the data set has "
                    + dataset.featureCount() + " features");
        }
    }

    /** The trainer's network now; call on the training thread or while training is paused. */
    public static Session of(Trainer trainer, HyperParameters training, Dataset dataset) {
        return new Session(trainer.snapshot(), training, dataset);
    }

    /** Epochs trained when the session was saved. */
    public long epochReached() { return network.epoch(); }

    /** A fresh network with the saved parameters. */
    public Network newNetwork() { return network.toNetwork(); }

    /**
     * A fresh trainer on a fresh network with the saved settings. Its epoch counter starts at 0
     * (Trainer has no way to set it) and a mini-batch shuffle starts anew from the seed.
     */
    public Trainer newTrainer() {
        Trainer trainer = new Trainer(newNetwork(), dataset, training.optimizer(), training.learningRate(), training.batchSize(), training.seed());
        trainer.resumeAt(epochReached());
        return trainer;
    }
}
