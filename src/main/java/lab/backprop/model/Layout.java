package lab.backprop.model;

import java.util.Arrays;

/**
 * Where every neuron, weight and bias of a fully connected network lives in the flat arrays.
 *
 * <p>Weights of layer l (1..L) are stored neuron by neuron: the weight from neuron i of layer l-1
 * into neuron j of layer l is at {@code weightOffset(l) + j * size(l-1) + i}. For the 2-2-1 network
 * this gives seed 001's numbering: w1,w2 into h1, w3,w4 into h2, w5,w6 into o1; biases b1,b2,b3.
 */
public final class Layout {
    private final int[] sizes;
    private final int[] weightOffset;
    private final int[] neuronOffset;
    private final int[] biasOffset;
    private final int weightCount;
    private final int biasCount;
    private final int neuronCount;

    public Layout(int... sizes) {
        if (sizes.length < 2) throw new IllegalArgumentException("a network needs at least an input and an output layer");
        for (int s : sizes) {
            if (s < 1) throw new IllegalArgumentException("every layer needs at least one neuron: " + Arrays.toString(sizes));
        }
        this.sizes = sizes.clone();
        int layers = sizes.length;
        weightOffset = new int[layers];
        neuronOffset = new int[layers];
        biasOffset = new int[layers];
        int w = 0, b = 0, n = sizes[0];
        for (int l = 1; l < layers; l++) {
            weightOffset[l] = w;
            biasOffset[l] = b;
            neuronOffset[l] = n;
            w += sizes[l] * sizes[l - 1];
            b += sizes[l];
            n += sizes[l];
        }
        weightCount = w;
        biasCount = b;
        neuronCount = n;
    }

    public int layerCount() { return sizes.length; }
    public int size(int layer) { return sizes[layer]; }
    public int[] sizes() { return sizes.clone(); }
    public int inputSize() { return sizes[0]; }
    public int outputSize() { return sizes[sizes.length - 1]; }
    public int weightCount() { return weightCount; }
    public int biasCount() { return biasCount; }
    public int parameterCount() { return weightCount + biasCount; }
    public int neuronCount() { return neuronCount; }

    public int weightOffset(int layer) { return weightOffset[layer]; }
    public int biasOffset(int layer) { return biasOffset[layer]; }

    /** Index in the weights array of the edge from neuron {@code from} of layer-1 to neuron {@code to} of layer. */
    public int weightIndex(int layer, int to, int from) {
        return weightOffset[layer] + to * sizes[layer - 1] + from;
    }

    /** Index in the biases array of neuron {@code j} of layer (layer >= 1). */
    public int biasIndex(int layer, int j) { return biasOffset[layer] + j; }

    /** Index of neuron j of layer l among all neurons, inputs first. */
    public int neuronIndex(int layer, int j) { return layer == 0 ? j : neuronOffset[layer] + j; }

    /** The layer (1..L) that weight index {@code w} feeds into. */
    public int layerOfWeight(int w) {
        checkIndex(w, weightCount, "weight");
        int l = sizes.length - 1;
        while (weightOffset[l] > w) l--;
        return l;
    }

    /** The layer (1..L) that bias index {@code b} belongs to. */
    public int layerOfBias(int b) {
        checkIndex(b, biasCount, "bias");
        int l = sizes.length - 1;
        while (biasOffset[l] > b) l--;
        return l;
    }

    /** The neuron (index among all neurons) that weight {@code w} feeds into. */
    public int neuronOfWeight(int w) {
        int l = layerOfWeight(w);
        return neuronIndex(l, (w - weightOffset[l]) / sizes[l - 1]);
    }

    /** The neuron (index among all neurons) whose bias is bias {@code b}. */
    public int neuronOfBias(int b) {
        int l = layerOfBias(b);
        return neuronIndex(l, b - biasOffset[l]);
    }

    /** Seed-style name of a weight: "w1" is the first weight. */
    public String weightName(int w) { checkIndex(w, weightCount, "weight"); return "w" + (w + 1); }

    /** Seed-style name of a bias: "b1" is the first bias. */
    public String biasName(int b) { checkIndex(b, biasCount, "bias"); return "b" + (b + 1); }

    /** Name of a neuron: x1.. for inputs, h1.. for the first hidden layer (h2_1.. for deeper), o1.. for outputs. */
    public String neuronName(int layer, int j) {
        if (layer == 0) return "x" + (j + 1);
        if (layer == sizes.length - 1) return "o" + (j + 1);
        if (sizes.length == 3) return "h" + (j + 1);
        return "h" + layer + "_" + (j + 1);
    }

    private static void checkIndex(int i, int n, String what) {
        if (i < 0 || i >= n) throw new IndexOutOfBoundsException(what + " index " + i + " outside 0.." + (n - 1));
    }

    @Override public boolean equals(Object o) { return o instanceof Layout l && Arrays.equals(sizes, l.sizes); }
    @Override public int hashCode() { return Arrays.hashCode(sizes); }

    /** "2-2-1" */
    @Override public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sizes.length; i++) {
            if (i > 0) sb.append('-');
            sb.append(sizes[i]);
        }
        return sb.toString();
    }

    /** Parses "2-2-1". */
    public static Layout parse(String text) {
        String[] parts = text.trim().split("-");
        int[] s = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) s[i] = Integer.parseInt(parts[i].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("layer sizes must look like 2-2-1, got '" + lab.backprop.support.Texts.quote(text) + "'");
        }
        return new Layout(s);
    }
}
