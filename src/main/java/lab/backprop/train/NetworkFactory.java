package lab.backprop.train;

import java.util.SplittableRandom;

import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;

/** Fresh networks from a seed: the same seed always gives the same weights. */
public final class NetworkFactory {
    private NetworkFactory() { }

    public static Network create(Layout layout, Activation hidden, Activation output, Initializer init, long seed) {
        Network net = new Network(layout, hidden, output);
        net.initialize(init, new SplittableRandom(seed));
        return net;
    }

    /** 2-h-1 with the given hidden activation and a sigmoid output, as in the seeds. */
    public static Network twoHOne(int hidden, Activation activation, Initializer init, long seed) {
        return create(new Layout(2, hidden, 1), activation, Activation.SIGMOID, init, seed);
    }
}
