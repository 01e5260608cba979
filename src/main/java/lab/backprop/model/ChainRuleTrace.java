package lab.backprop.model;

import java.util.ArrayList;
import java.util.List;

import lab.backprop.support.Numbers;

/**
 * Every factor of dL/dparam for one sample, as in seed 001's worked example
 * (dL/dw1 = dL/dypred * dypred/dh1 * dh1/dw1), for a network with one output and the
 * per-sample loss L = (y - ypred)^2.
 *
 * @param parameterName seed-style name, e.g. "w1" or "b3"
 * @param factors       the chain, in order from the loss back to the parameter
 * @param gradient      dL/dparam, the product of the factors
 * @param value         the parameter now
 * @param learningRate  the rate used for the update line
 * @param updated       value - learningRate * gradient
 */
public record ChainRuleTrace(String parameterName, double ypred, double loss, List<Factor> factors,
                             double gradient, double value, double learningRate, double updated) {

    /** One link of the chain: its name ("dh1/dw1"), how it is computed, and its value. */
    public record Factor(String name, String formula, double value) { }

    /**
     * Traces parameter {@code p} (weights first, then biases, as {@link Network#parameter}) for input x with target y.
     */
    public static ChainRuleTrace of(Network net, double[] x, double y, int p, double learningRate) {
        Layout layout = net.layout();
        if (layout.outputSize() != 1) throw new IllegalArgumentException("the chain-rule trace needs a network with one output");
        if (p < 0 || p >= layout.parameterCount()) throw new IndexOutOfBoundsException("no parameter " + p);
        Workspace ws = new Workspace(layout);
        net.forward(x, ws);
        int last = layout.layerCount() - 1;
        double ypred = ws.output(0);

        boolean isWeight = p < layout.weightCount();
        int layer = isWeight ? layout.layerOfWeight(p) : layout.layerOfBias(p - layout.weightCount());
        int j, from;
        if (isWeight) {
            int local = p - layout.weightOffset(layer);
            j = local / layout.size(layer - 1);
            from = local % layout.size(layer - 1);
        } else {
            j = p - layout.weightCount() - layout.biasOffset(layer);
            from = -1;
        }
        String param = net.parameterName(p);
        String neuron = layout.neuronName(layer, j);
        String zj = "z_" + neuron;
        String inputName = from < 0 ? "1" : layout.neuronName(layer - 1, from);
        double inputValue = from < 0 ? 1.0 : ws.activation(layer - 1, from);
        double fPrime = net.activation(layer).derivative(ws.preActivation(layer, j), ws.activation(layer, j));

        List<Factor> factors = new ArrayList<>();
        if (net.loss() == LossFunction.MSE) {
            factors.add(new Factor("dL/dypred", "-2(" + Numbers.plain(y) + " - ypred)", -2.0 * (y - ypred)));
        } else { // cross-entropy: -y/ypred + (1 - y)/(1 - ypred); times the sigmoid's ypred(1 - ypred) it is ypred - y
            factors.add(new Factor("dL/dypred", "-" + Numbers.plain(y) + "/ypred + " + Numbers.plain(1 - y) + "/(1 - ypred)",
                    net.loss().dLda(y, ypred)));
        }
        if (layer == last) {
            factors.add(new Factor("dypred/d" + param, inputName + " * f'(" + zj + ")", inputValue * fPrime));
        } else {
            double dyda = outputSensitivity(net, ws, layer, j);
            String formula = layer == last - 1
                    ? layout.weightName(layout.weightIndex(last, 0, j)) + " * f'(z_" + layout.neuronName(last, 0) + ")"
                    : "sum over paths from " + neuron + " to ypred";
            factors.add(new Factor("dypred/d" + neuron, formula, dyda));
            factors.add(new Factor("d" + neuron + "/d" + param, inputName + " * f'(" + zj + ")", inputValue * fPrime));
        }
        double gradient = 1;
        for (Factor f : factors) gradient *= f.value();
        double value = net.parameter(p);
        double loss = (y - ypred) * (y - ypred);
        return new ChainRuleTrace(param, ypred, loss, List.copyOf(factors), gradient, value, learningRate,
                value - learningRate * gradient);
    }

    /** d ypred / d a_j for neuron j of a hidden layer, after a forward pass. */
    private static double outputSensitivity(Network net, Workspace ws, int layer, int j) {
        Layout layout = net.layout();
        int last = layout.layerCount() - 1;
        // dypred/dz for every neuron of the layer above, starting at the output.
        double[] upper = { net.activation(last).derivative(ws.preActivation(last, 0), ws.activation(last, 0)) };
        for (int l = last; l > layer + 1; l--) {
            int below = layout.size(l - 1);
            double[] next = new double[below];
            for (int i = 0; i < below; i++) {
                double s = 0;
                for (int k = 0; k < upper.length; k++) s += net.weight(layout.weightIndex(l, k, i)) * upper[k];
                next[i] = s * net.activation(l - 1).derivative(ws.preActivation(l - 1, i), ws.activation(l - 1, i));
            }
            upper = next;
        }
        double s = 0;
        for (int k = 0; k < upper.length; k++) s += net.weight(layout.weightIndex(layer + 1, k, j)) * upper[k];
        return s;
    }
}
