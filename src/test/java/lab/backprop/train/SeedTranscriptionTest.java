package lab.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import lab.backprop.data.Batching;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;

/**
 * The trainers against line-by-line transcriptions of the seeds' Python training loops,
 * started from the same weights: they must agree to the last bits.
 */
class SeedTranscriptionTest {

    private static double sigmoid(double x) { return 1 / (1 + Math.exp(-x)); }

    private static double derivSigmoid(double x) {
        double fx = sigmoid(x);
        return fx * (1 - fx);
    }

    @Test
    void sgdIsSeed001() throws Exception {
        Network net = Setups.network(new lab.backprop.model.Layout(2, 2, 1), lab.backprop.model.Activation.SIGMOID,
                lab.backprop.model.Activation.SIGMOID, lab.backprop.model.Initializer.STANDARD_NORMAL, 3);
        double[] p = new double[9];
        for (int i = 0; i < 9; i++) p[i] = net.parameter(i);
        Trainer trainer = Setups.trainer(net, BuiltinDatasets.gender(), Batching.Mode.PER_SAMPLE, 0.1, 1, 0);

        double[][] data = { { -2, -1 }, { 25, 6 }, { 17, 4 }, { -15, -6 } };
        double[] trues = { 1, 0, 0, 1 };
        for (int epoch = 0; epoch < 200; epoch++) {
            seed001Epoch(p, data, trues, 0.1);
            double loss = trainer.runEpoch();
            for (int i = 0; i < 9; i++) assertEquals(p[i], net.parameter(i), 1e-13, "epoch " + epoch + " " + net.parameterName(i));
            assertEquals(seed001Loss(p, data, trues), loss, 1e-13);
        }
    }

    /** Seed 001's inner loop, with w1..w6 = p[0..5] and b1..b3 = p[6..8]. */
    private static void seed001Epoch(double[] p, double[][] data, double[] trues, double learnRate) {
        for (int s = 0; s < data.length; s++) {
            double[] x = data[s];
            double yTrue = trues[s];
            double sumH1 = p[0] * x[0] + p[1] * x[1] + p[6];
            double h1 = sigmoid(sumH1);
            double sumH2 = p[2] * x[0] + p[3] * x[1] + p[7];
            double h2 = sigmoid(sumH2);
            double sumO1 = p[4] * h1 + p[5] * h2 + p[8];
            double yPred = sigmoid(sumO1);
            double dLdYpred = -2 * (yTrue - yPred);
            double dYpredDw5 = h1 * derivSigmoid(sumO1);
            double dYpredDw6 = h2 * derivSigmoid(sumO1);
            double dYpredDb3 = derivSigmoid(sumO1);
            double dYpredDh1 = p[4] * derivSigmoid(sumO1);
            double dYpredDh2 = p[5] * derivSigmoid(sumO1);
            double dH1Dw1 = x[0] * derivSigmoid(sumH1);
            double dH1Dw2 = x[1] * derivSigmoid(sumH1);
            double dH1Db1 = derivSigmoid(sumH1);
            double dH2Dw3 = x[0] * derivSigmoid(sumH2);
            double dH2Dw4 = x[1] * derivSigmoid(sumH2);
            double dH2Db2 = derivSigmoid(sumH2);
            p[0] -= learnRate * dLdYpred * dYpredDh1 * dH1Dw1;
            p[1] -= learnRate * dLdYpred * dYpredDh1 * dH1Dw2;
            p[6] -= learnRate * dLdYpred * dYpredDh1 * dH1Db1;
            p[2] -= learnRate * dLdYpred * dYpredDh2 * dH2Dw3;
            p[3] -= learnRate * dLdYpred * dYpredDh2 * dH2Dw4;
            p[7] -= learnRate * dLdYpred * dYpredDh2 * dH2Db2;
            p[4] -= learnRate * dLdYpred * dYpredDw5;
            p[5] -= learnRate * dLdYpred * dYpredDw6;
            p[8] -= learnRate * dLdYpred * dYpredDb3;
        }
    }

    private static double seed001Loss(double[] p, double[][] data, double[] trues) {
        double sum = 0;
        for (int s = 0; s < data.length; s++) {
            double h1 = sigmoid(p[0] * data[s][0] + p[1] * data[s][1] + p[6]);
            double h2 = sigmoid(p[2] * data[s][0] + p[3] * data[s][1] + p[7]);
            double o1 = sigmoid(p[4] * h1 + p[5] * h2 + p[8]);
            sum += (trues[s] - o1) * (trues[s] - o1);
        }
        return sum / data.length;
    }

    @Test
    void fullBatchIsSeed000() throws Exception {
        Network net = Setups.network(new lab.backprop.model.Layout(2, 2, 1), lab.backprop.model.Activation.SIGMOID,
                lab.backprop.model.Activation.SIGMOID, lab.backprop.model.Initializer.UNIFORM_0_1, 11);
        // Seed 000's matrices: hidden_weight[i][j] is input i -> hidden j; ours is w[j * 2 + i].
        double[][] hw = { { net.weight(0), net.weight(2) }, { net.weight(1), net.weight(3) } };
        double[] hb = { net.bias(0), net.bias(1) };
        double[] ow = { net.weight(4), net.weight(5) };
        double[] ob = { net.bias(2) };
        Trainer trainer = Setups.trainer(net, BuiltinDatasets.xor(), Batching.Mode.FULL_BATCH, 1.0, 1, 0);
        double[][] x = { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } };
        double[] t = { 0, 1, 1, 0 };

        for (int epoch = 0; epoch < 500; epoch++) {
            // feedforward()
            double[][] h = new double[4][2];
            double[] y = new double[4];
            for (int s = 0; s < 4; s++) {
                for (int j = 0; j < 2; j++) h[s][j] = sigmoid(x[s][0] * hw[0][j] + x[s][1] * hw[1][j] + hb[j]);
                y[s] = sigmoid(h[s][0] * ow[0] + h[s][1] * ow[1] + ob[0]);
            }
            // backpropagation()
            double[] dPred = new double[4];
            for (int s = 0; s < 4; s++) dPred[s] = (t[s] - y[s]) * (y[s] * (1 - y[s]));
            double[][] dHidden = new double[4][2];
            for (int s = 0; s < 4; s++) {
                for (int j = 0; j < 2; j++) dHidden[s][j] = dPred[s] * ow[j] * (h[s][j] * (1 - h[s][j]));
            }
            for (int j = 0; j < 2; j++) {
                double sum = 0;
                for (int s = 0; s < 4; s++) sum += h[s][j] * dPred[s];
                ow[j] += sum;
            }
            double sumOb = 0;
            for (int s = 0; s < 4; s++) sumOb += dPred[s];
            ob[0] += sumOb;
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    double sum = 0;
                    for (int s = 0; s < 4; s++) sum += x[s][i] * dHidden[s][j];
                    hw[i][j] += sum;
                }
            }
            for (int j = 0; j < 2; j++) {
                double sum = 0;
                for (int s = 0; s < 4; s++) sum += dHidden[s][j];
                hb[j] += sum;
            }

            trainer.runEpoch();
            Snapshot snap = trainer.snapshot();
            String at = "epoch " + epoch;
            assertEquals(hw[0][0], snap.weight(0), 1e-12, at);
            assertEquals(hw[1][0], snap.weight(1), 1e-12, at);
            assertEquals(hw[0][1], snap.weight(2), 1e-12, at);
            assertEquals(hw[1][1], snap.weight(3), 1e-12, at);
            assertEquals(ow[0], snap.weight(4), 1e-12, at);
            assertEquals(ow[1], snap.weight(5), 1e-12, at);
            assertEquals(hb[0], snap.bias(0), 1e-12, at);
            assertEquals(hb[1], snap.bias(1), 1e-12, at);
            assertEquals(ob[0], snap.bias(2), 1e-12, at);
        }
    }
}
