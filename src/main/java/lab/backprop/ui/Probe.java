package lab.backprop.ui;

import lab.backprop.data.Dataset;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.model.Workspace;

/**
 * One input pushed through a snapshot: what the predict panel and the graph show.
 *
 * @param raw         the values as typed (pounds, inches)
 * @param activations activations[layer][neuron], layer 0 being the shifted network input
 * @param weighted    weighted[layer][neuron] = z = w.a + b (layer 0 unused)
 * @param output      the network's output
 * @param className   the data set's class for that output ("F"/"M", "1"/"0")
 */
public record Probe(double[] raw, double[][] activations, double[][] weighted, double output, String className) {

    public static Probe of(Snapshot snapshot, Dataset data, double[] raw) {
        Network net = snapshot.toNetwork();
        Layout layout = net.layout();
        Workspace ws = new Workspace(layout);
        net.forward(data.toInput(raw), ws);
        double[][] a = new double[layout.layerCount()][];
        double[][] z = new double[layout.layerCount()][];
        for (int l = 0; l < a.length; l++) {
            a[l] = new double[layout.size(l)];
            z[l] = new double[layout.size(l)];
            for (int j = 0; j < a[l].length; j++) {
                a[l][j] = ws.activation(l, j);
                z[l][j] = l == 0 ? 0 : ws.preActivation(l, j);
            }
        }
        double out = ws.output(0);
        return new Probe(raw.clone(), a, z, out, data.classify(out));
    }

    public double activation(NeuronRef n) { return activations[n.layer()][n.index()]; }
}
