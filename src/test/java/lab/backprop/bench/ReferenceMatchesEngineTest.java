package lab.backprop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Network;
import lab.backprop.train.Setups;
import lab.backprop.data.Batching;
import lab.backprop.train.Trainer;

/** The benchmark's hand-written loops do the engine's math, so comparing their speed is fair. */
class ReferenceMatchesEngineTest {
    private static final Dataset GENDER = BuiltinDatasets.gender();

    private static Network fresh(int hidden) {
        return Setups.twoHOne(hidden, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 11);
    }

    private static double[] parameters(Network net) {
        int n = net.layout().parameterCount();
        double[] p = new double[n];
        for (int i = 0; i < n; i++) p[i] = net.parameter(i);
        return p;
    }

    private static void assertClose(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], 1e-9 * Math.max(1, Math.abs(expected[i])), "parameter " + i);
    }

    @ParameterizedTest @ValueSource(ints = { 2, 8 })
    void sgdEpochsMatch(int hidden) throws Exception {
        Network net = fresh(hidden);
        HandWrittenTwoHOne ref = new HandWrittenTwoHOne(net, GENDER.inputs(), GENDER.labels());
        Trainer t = Setups.trainer(net, GENDER, Batching.Mode.PER_SAMPLE, 0.1, 1, 1);
        for (int e = 0; e < 200; e++) {
            double loss = t.runEpoch();
            ref.sgdEpoch(0.1);
            assertEquals(loss, ref.loss(), 1e-12);
        }
        assertClose(parameters(net), ref.parameters());
    }

    @ParameterizedTest @ValueSource(ints = { 2, 8 })
    void batchEpochsMatch(int hidden) throws Exception {
        Network net = fresh(hidden);
        HandWrittenTwoHOne ref = new HandWrittenTwoHOne(net, GENDER.inputs(), GENDER.labels());
        Trainer t = Setups.trainer(net, GENDER, Batching.Mode.FULL_BATCH, 0.1, 1, 1);
        for (int e = 0; e < 200; e++) {
            t.runEpoch();
            ref.batchEpoch(0.1);
        }
        assertClose(parameters(net), ref.parameters());
    }

    @Test void scalarLoopMatches() throws Exception {
        Network net = fresh(2);
        HandWritten221 ref = new HandWritten221(net, GENDER.inputs(), GENDER.labels());
        Trainer t = Setups.trainer(net, GENDER, Batching.Mode.PER_SAMPLE, 0.1, 1, 1);
        for (int e = 0; e < 200; e++) {
            t.runEpoch();
            ref.sgdEpoch(0.1);
        }
        assertClose(parameters(net), ref.parameters());
        assertEquals(t.loss(), ref.loss(), 1e-12);
    }
}
