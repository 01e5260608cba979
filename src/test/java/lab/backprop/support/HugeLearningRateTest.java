package lab.backprop.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Network;
import lab.backprop.train.DivergenceException;
import lab.backprop.train.Setups;
import lab.backprop.data.Batching;
import lab.backprop.train.Trainer;

/** Issue 5: a learning rate of 1000 must stop training with a message and roll back, not crash or stall. */
class HugeLearningRateTest {

    @ParameterizedTest(name = "{0} {1} {2} seed {3}")
    @CsvSource({
        "gender, sgd,   normal,  1", "gender, sgd,   normal,  2", "gender, sgd,   normal,  3",
        "gender, batch, normal,  1", "gender, batch, normal,  2", "gender, batch, normal,  3",
        "xor,    sgd,   uniform, 1", "xor,    sgd,   uniform, 2", "xor,    sgd,   uniform, 3",
        "xor,    batch, uniform, 1", "xor,    batch, uniform, 2", "xor,    batch, uniform, 3",
        "gender, minibatch, normal, 4", "xor, minibatch, uniform, 4",
    })
    void rate1000StopsWithDivergenceAndLeavesTheLastFiniteState(String dataset, String optimizer, String init, long seed) {
        Dataset data = BuiltinDatasets.byName(dataset);
        Initializer in = init.equals("normal") ? Initializer.STANDARD_NORMAL : Initializer.UNIFORM_0_1;
        Network net = Setups.twoHOne(2, Activation.SIGMOID, in, seed);
        Trainer trainer = Setups.trainer(net, data, Batching.Mode.parse(optimizer), 1000, 2, seed);
        double[] weights = null, biases = null;
        long epoch = -1;
        double loss = Double.NaN;
        DivergenceException diverged = null;
        for (int i = 0; i < 10_000 && diverged == null; i++) {
            weights = net.weightsCopy();
            biases = net.biasesCopy();
            epoch = trainer.epoch();
            loss = trainer.loss();
            try {
                trainer.runEpoch();
            } catch (DivergenceException e) {
                diverged = e;
            }
        }
        assertNotNull(diverged, "lr 1000 ran 10,000 epochs without a DivergenceException; final loss " + trainer.loss());
        // Back exactly where the failing epoch started, every parameter finite.
        assertArrayEquals(weights, net.weightsCopy(), 0.0);
        assertArrayEquals(biases, net.biasesCopy(), 0.0);
        assertEquals(-1, net.firstNonFiniteParameter());
        assertEquals(epoch, trainer.epoch());
        assertEquals(epoch, diverged.restoredEpoch());
        assertEquals(loss, trainer.loss(), 0.0);
        assertEquals(trainer.measureLoss(), trainer.loss(), 0.0);
        // The message names the parameter that blew up and says what was done.
        assertTrue(diverged.parameter().matches("[wb]\\d"), diverged.parameter());
        assertTrue(diverged.getMessage().contains(diverged.parameter()) && diverged.getMessage().contains("rolled back"),
                diverged.getMessage());
        // After lowering the rate, training goes on from the restored state without complaint.
        trainer.learningRate().set(0.1);
        try {
            trainer.runEpoch();
        } catch (DivergenceException e) {
            throw new AssertionError("lr 0.1 after the rollback must train: " + e.getMessage(), e);
        }
        System.out.println(dataset + " " + optimizer + " seed " + seed + " after " + diverged.epoch() + " epoch(s): "
                + diverged.getMessage());
    }
}
