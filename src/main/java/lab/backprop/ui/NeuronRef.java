package lab.backprop.ui;

import lab.backprop.model.Layout;

/** One neuron of the graph: its layer (0 = inputs) and its index in that layer. */
public record NeuronRef(int layer, int index) {
    public NeuronRef {
        if (layer < 0 || index < 0) throw new IllegalArgumentException("no neuron " + layer + "/" + index);
    }

    public boolean isInput() { return layer == 0; }

    /** True if this neuron exists in the layout. */
    public boolean fits(Layout layout) { return layer < layout.layerCount() && index < layout.size(layer); }

    /** The neuron named {@code name} ("h1", "x2", "h2_3") in the layout, or null if it has none of that name. */
    public static NeuronRef named(Layout layout, String name) {
        for (int l = 0; l < layout.layerCount(); l++) {
            for (int j = 0; j < layout.size(l); j++) if (layout.neuronName(l, j).equals(name)) return new NeuronRef(l, j);
        }
        return null;
    }

    /** "h1", "o1", "x2", "h2_3". */
    public String name(Layout layout) { return layout.neuronName(layer, index); }

    /** Index of this neuron's bias among all parameters (weights first, then biases). */
    public int biasParameter(Layout layout) {
        if (isInput()) throw new IllegalArgumentException("inputs have no bias");
        return layout.weightCount() + layout.biasIndex(layer, index);
    }
}
