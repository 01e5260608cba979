package lab.backprop.train;

import lab.backprop.data.Dataset;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.model.Workspace;

/** dL/dparam summed over a whole data set, for showing gradients on the graph. Pure computation. */
public final class DatasetGradient {
    private DatasetGradient() { }

    /**
     * The gradient of sum over samples of (y - ypred)^2 (seed 001's per-sample loss, summed), weights first
     * then biases, in the same order as {@link Network#parameter(int)}.
     */
    public static double[] of(Snapshot snapshot, Dataset data) { return of(snapshot, data, lab.backprop.model.LossFunction.MSE); }

    /** The same for another loss: the sum over samples of its gradient. */
    public static double[] of(Snapshot snapshot, Dataset data, lab.backprop.model.LossFunction loss) {
        Network net = snapshot.toNetwork();
        net.setLoss(loss);
        Workspace ws = new Workspace(net.layout());
        double[] gw = new double[net.layout().weightCount()];
        double[] gb = new double[net.layout().biasCount()];
        double[][] x = data.inputs();
        double[] y = data.labels();
        double[] target = new double[1];
        for (int i = 0; i < x.length; i++) {
            net.forward(x[i], ws);
            target[0] = y[i];
            net.backward(target, 1.0, ws, gw, gb);
        }
        double[] all = new double[gw.length + gb.length];
        System.arraycopy(gw, 0, all, 0, gw.length);
        System.arraycopy(gb, 0, all, gw.length, gb.length);
        return all;
    }
}
