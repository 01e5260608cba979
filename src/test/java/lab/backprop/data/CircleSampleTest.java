package lab.backprop.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Network;
import lab.backprop.train.DivergenceException;
import lab.backprop.train.Setups;
import lab.backprop.data.Batching;
import lab.backprop.train.Trainer;

/** assets/circle.csv is the "needs more hidden neurons" example: 2-2-1 cannot enclose the disk, 2-8-1 can. */
class CircleSampleTest {
    private static double accuracy(Network net, Dataset data) {
        double[][] x = data.inputs();
        double[] y = data.labels();
        int right = 0;
        for (int i = 0; i < x.length; i++) if ((net.predict(x[i])[0] >= 0.5 ? 1 : 0) == y[i]) right++;
        return right / (double) x.length;
    }

    private static double bestAccuracy(int hidden, Dataset data) throws DivergenceException {
        double best = 0;
        for (long seed = 1; seed <= 5; seed++) {
            Network net = Setups.twoHOne(hidden, Activation.SIGMOID, Initializer.STANDARD_NORMAL, seed);
            Trainer trainer = Setups.trainer(net, data, Batching.Mode.PER_SAMPLE, 0.5, 1, seed);
            for (int e = 0; e < 3000; e++) trainer.runEpoch();
            best = Math.max(best, accuracy(net, data));
        }
        return best;
    }

    @Test
    void twoHiddenNeuronsFallShortAndEightFitIt() throws Exception {
        Dataset circle = new CsvDatasetReader().read(Path.of("assets/circle.csv"));
        double small = bestAccuracy(2, circle), large = bestAccuracy(8, circle);
        System.out.println("circle.csv accuracy: 2-2-1 best " + small + ", 2-8-1 best " + large);
        assertTrue(small < 0.95, "2-2-1 reached " + small);
        assertEquals(1.0, large, 0.0);
    }
}
