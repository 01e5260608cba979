package lab.backprop.session;

import java.util.Objects;

import lab.backprop.data.Dataset;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.train.Trainer;
import lab.backprop.train.TrainingSetup;

/**
 * Everything a session file holds: the network (architecture, activations, weights, biases, epoch reached and loss,
 * as an immutable {@link Snapshot}) and the training setup (which holds the data set). Immutable, so a loaded session
 * can be handed to any thread and applied in one go.
 */
public record Session(Snapshot network, TrainingSetup setup, double[] updateState) {
    /** A session whose update rule starts afresh (plain gradient descent keeps no state). */
    public Session(Snapshot network, TrainingSetup setup) { this(network, setup, new double[0]); }

    public Session {
        updateState = updateState == null ? new double[0] : updateState.clone();
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(setup, "setup");
        if (!network.layout().equals(setup.layout())) {
            throw new IllegalArgumentException("the network is " + network.layout() + " but the settings describe " + setup.layout());
        }
        if (network.hiddenActivation() != setup.architecture().hidden() || network.outputActivation() != setup.architecture().output()) {
            throw new IllegalArgumentException("the network's activations differ from the settings'");
        }
    }

    /** The trainer's network now and its setup; call on the training thread or while training is paused. */
    public static Session of(Trainer trainer) {
        return new Session(trainer.snapshot(), trainer.setup(), trainer.stepper().state());
    }

    @Override public double[] updateState() { return updateState.clone(); }

    public Dataset dataset() { return setup.data(); }

    /** Epochs trained when the session was saved. */
    public long epochReached() { return network.epoch(); }

    /** A fresh network with the saved parameters. */
    public Network newNetwork() { return network.toNetwork(); }

    /**
     * A trainer on a fresh copy of the saved network with the saved settings and the update rule's saved state
     * (momentum's velocities, Adam's moments and step count), counting on from the saved epoch: what the window's
     * Open session puts in place ({@code LabController.load}), so both train on to the same bits.
     */
    public Trainer newTrainer() {
        Trainer trainer = setup.newTrainer(newNetwork());
        trainer.resumeAt(epochReached());
        if (updateState.length > 0) trainer.stepper().restoreState(updateState);
        return trainer;
    }

    /** This session with other settings for the same network (a new rate, say); the update state stays. */
    public Session withSetup(TrainingSetup other) { return new Session(network, other, updateState); }
}
