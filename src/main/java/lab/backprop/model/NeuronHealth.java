package lab.backprop.model;

/**
 * Where gradients vanish: for each hidden neuron over a set of inputs, whether it is saturated (a sigmoid or tanh with
 * |f'(z)| below {@link #SATURATED_SLOPE} of its largest slope for most inputs, so every gradient through it is
 * multiplied by almost 0) or a dead ReLU (z &lt;= 0, output 0, for every input, so no gradient passes at all).
 * Usage: {@code NeuronHealth.of(net, data.inputs()).trouble(layer, j)}.
 */
public final class NeuronHealth {
    /** Below this fraction of the activation's steepest slope (0.25 for the sigmoid, 1 for tanh) a neuron is saturated. */
    public static final double SATURATED_SLOPE = 0.05;
    /** ... for at least this fraction of the inputs. */
    public static final double MOST = 0.75;

    /** What is wrong with a neuron. */
    public enum Trouble { NONE, SATURATED, DEAD }

    private final Layout layout;
    private final Trouble[] trouble;
    private final double[] meanSlope;

    private NeuronHealth(Layout layout, Trouble[] trouble, double[] meanSlope) {
        this.layout = layout;
        this.trouble = trouble;
        this.meanSlope = meanSlope;
    }

    /** Checks every hidden neuron of {@code net} over {@code inputs} (at least one). */
    public static NeuronHealth of(Network net, double[][] inputs) {
        Layout l = net.layout();
        int n = l.neuronCount();
        int[] flat = new int[n], zero = new int[n];
        double[] slope = new double[n];
        Workspace ws = new Workspace(l);
        for (double[] x : inputs) {
            net.forward(x, ws);
            for (int layer = 1; layer < l.layerCount() - 1; layer++) {
                Activation f = net.activation(layer);
                double steepest = f == Activation.SIGMOID ? 0.25 : 1;
                for (int j = 0; j < l.size(layer); j++) {
                    int k = l.neuronIndex(layer, j);
                    double d = f.derivative(ws.preActivation(layer, j), ws.activation(layer, j));
                    slope[k] += Math.abs(d) / inputs.length;
                    if (Math.abs(d) < SATURATED_SLOPE * steepest) flat[k]++;
                    if (d == 0) zero[k]++;
                }
            }
        }
        Trouble[] t = new Trouble[n];
        for (int layer = 0; layer < l.layerCount(); layer++) {
            for (int j = 0; j < l.size(layer); j++) {
                int k = l.neuronIndex(layer, j);
                boolean hidden = layer > 0 && layer < l.layerCount() - 1;
                if (!hidden || inputs.length == 0) t[k] = Trouble.NONE;
                else if (net.activation(layer) == Activation.RELU) t[k] = zero[k] == inputs.length ? Trouble.DEAD : Trouble.NONE;
                else t[k] = flat[k] >= MOST * inputs.length ? Trouble.SATURATED : Trouble.NONE;
            }
        }
        return new NeuronHealth(l, t, slope);
    }

    public Trouble trouble(int layer, int j) { return trouble[layout.neuronIndex(layer, j)]; }

    /** The mean |f'(z)| over the inputs. */
    public double meanSlope(int layer, int j) { return meanSlope[layout.neuronIndex(layer, j)]; }

    /** Why the neuron's gradients vanish, for a tooltip, or null if they do not. */
    public String why(int layer, int j) {
        String n = layout.neuronName(layer, j);
        return switch (trouble(layer, j)) {
            case NONE -> null;
            case SATURATED -> String.format(java.util.Locale.ROOT, "%s is saturated: its slope f'(z) is %.2g on average, so every gradient through it"
                    + " is multiplied by almost 0 and its weights barely learn", n, meanSlope(layer, j));
            case DEAD -> n + " is a dead ReLU: z <= 0 for every sample, so it outputs 0 and passes no gradient back; its weights cannot learn";
        };
    }

    /** The names of the hidden neurons with this trouble, in layer order ("h1", "h2_3"). */
    public java.util.List<String> names(Trouble t) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int l = 1; l < layout.layerCount() - 1; l++) {
            for (int j = 0; j < layout.size(l); j++) if (trouble(l, j) == t) out.add(layout.neuronName(l, j));
        }
        return out;
    }

    /** {@link #why} of every neuron in trouble, in layer order. */
    public java.util.List<String> reasons() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int l = 1; l < layout.layerCount() - 1; l++) {
            for (int j = 0; j < layout.size(l); j++) if (why(l, j) != null) out.add(why(l, j));
        }
        return out;
    }

    /** Whether any hidden neuron is in trouble. */
    public boolean any() {
        for (Trouble x : trouble) if (x != Trouble.NONE) return true;
        return false;
    }
}
