package lab.backprop.model;

import java.util.List;

/**
 * The shape of a network apart from its inputs: the hidden layers' sizes (none for a single neuron), the hidden
 * activation and the output activation. One output. {@link #layout(int)} gives the layout for a number of inputs.
 */
public record Architecture(List<Integer> hiddenSizes, Activation hidden, Activation output) {
    /** The seeds' 2-2-1 with sigmoids everywhere (inputs come from the data). */
    public static final Architecture SEEDS = of(1, 2, Activation.SIGMOID);

    public Architecture {
        hiddenSizes = List.copyOf(hiddenSizes);
        for (int s : hiddenSizes) if (s < 1) throw new IllegalArgumentException("every hidden layer needs at least one neuron, got " + s);
        if (hidden == null || output == null) throw new IllegalArgumentException("the activations are missing");
    }

    /** {@code layers} hidden layers of {@code neurons} each with the given activation, and a sigmoid output, as in the seeds. */
    public static Architecture of(int layers, int neurons, Activation hidden) {
        if (layers < 0) throw new IllegalArgumentException("hidden layers must be 0 or more, got " + layers);
        return new Architecture(java.util.Collections.nCopies(layers, neurons), hidden, Activation.SIGMOID);
    }

    /** The architecture of a layout (its first size is the inputs, its last must be 1). */
    public static Architecture of(Layout layout, Activation hidden, Activation output) {
        if (layout.outputSize() != 1) throw new IllegalArgumentException("the network must have one output, not " + layout.outputSize());
        Integer[] sizes = new Integer[layout.layerCount() - 2];
        for (int l = 1; l < layout.layerCount() - 1; l++) sizes[l - 1] = layout.size(l);
        return new Architecture(List.of(sizes), hidden, output);
    }

    public int hiddenLayers() { return hiddenSizes.size(); }

    /** Neurons of the first hidden layer, 0 when there is none. */
    public int firstHiddenSize() { return hiddenSizes.isEmpty() ? 0 : hiddenSizes.get(0); }

    /** inputs-h1-...-1. */
    public Layout layout(int inputs) {
        int[] sizes = new int[hiddenSizes.size() + 2];
        sizes[0] = inputs;
        for (int l = 0; l < hiddenSizes.size(); l++) sizes[l + 1] = hiddenSizes.get(l);
        sizes[sizes.length - 1] = 1;
        return new Layout(sizes);
    }

    /** A fresh network of this shape for {@code inputs} inputs, every parameter 0. */
    public Network newNetwork(int inputs) { return new Network(layout(inputs), hidden, output); }

    public Architecture withHidden(Activation a) { return new Architecture(hiddenSizes, a, output); }

    /** "2-2-1 sigmoid" (and the output activation when it is not a sigmoid). */
    public String describe(int inputs) {
        return layout(inputs) + " " + hidden + (output == Activation.SIGMOID ? "" : ", " + output + " output");
    }
}
