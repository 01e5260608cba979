package lab.backprop.train;

import java.util.SplittableRandom;

import lab.backprop.data.Batching;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Architecture;
import lab.backprop.model.Initializer;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;

/** Test shorthands: seeded networks and trainers for a given network, as the tests of the engine build them. */
public final class Setups {
    private Setups() { }

    /** A network of this shape drawn from {@code init} with {@code seed}: what {@link TrainingSetup#newNetwork()} does. */
    public static Network network(Layout layout, Activation hidden, Activation output, Initializer init, long seed) {
        Network net = new Network(layout, hidden, output);
        net.initialize(init, new SplittableRandom(seed));
        return net;
    }

    /** 2-h-1 with the given hidden activation and a sigmoid output, as in the seeds. */
    public static Network twoHOne(int hidden, Activation activation, Initializer init, long seed) {
        return network(new Layout(2, hidden, 1), activation, Activation.SIGMOID, init, seed);
    }

    /** The setup that trains {@code net}'s shape on {@code data} with this batching, rate and shuffle seed. */
    public static TrainingSetup setup(Network net, Dataset data, Batching.Mode mode, double lr, int batchSize, long seed) {
        return new TrainingSetup(data, Architecture.of(net.layout(), net.hiddenActivation(), net.outputActivation()),
                Initializer.STANDARD_NORMAL, seed, new Batching(mode, batchSize), GradientDescent.INSTANCE, lr, 1000);
    }

    /** A trainer of {@code net} (not copied), as {@code Setups.trainer(net, data, optimizer, lr, batchSize, seed)} once was. */
    public static Trainer trainer(Network net, Dataset data, Batching.Mode mode, double lr, int batchSize, long seed) {
        return setup(net, data, mode, lr, batchSize, seed).newTrainer(net);
    }
}
