package lab.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import lab.backprop.data.Batching;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.data.Preset;
import lab.backprop.model.Activation;
import lab.backprop.model.Architecture;
import lab.backprop.model.Initializer;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;

/** The settings record, its presets, the update rules and the gradient of a data set. */
class SetupsAndRulesTest {

    @Test void aSetupCarriesTheDatasPresetAndMakesTheSameNetworkEveryTime() {
        TrainingSetup xor = TrainingSetup.forData(BuiltinDatasets.xor());
        assertEquals(Preset.SEED_000.batching(), xor.batching());
        assertEquals(Initializer.UNIFORM_0_1, xor.init());
        assertEquals(0, xor.seed());
        assertEquals(1.0, xor.learningRate());
        assertEquals(5000, xor.epochs());
        assertEquals(Architecture.SEEDS, xor.architecture());
        assertArrayEquals(xor.newNetwork().weightsCopy(), xor.newNetwork().weightsCopy(), 0.0);
        assertArrayEquals(Setups.twoHOne(2, Activation.SIGMOID, Initializer.UNIFORM_0_1, 0).weightsCopy(), xor.newNetwork().weightsCopy(), 0.0);
        assertEquals("2-2-1 sigmoid on xor: batch (summed gradient, as seed 000), lr 1, 5000 epochs, uniform init, seed 0", xor.describe());
        TrainingSetup mini = xor.withBatching(Batching.miniBatch(3)).withLearningRate(0.25).withEpochs(7).withSeed(-2)
                .withInit(Initializer.STANDARD_NORMAL).withArchitecture(Architecture.of(2, 4, Activation.RELU));
        assertEquals("2-4-4-1 relu on xor: minibatch (batch size 3), lr 0.25, 7 epochs, normal init, seed -2", mini.describe());
        assertEquals(new Layout(2, 4, 4, 1), mini.layout());
        assertSame(GradientDescent.INSTANCE, mini.withUpdate(GradientDescent.INSTANCE).update());
        TrainingSetup other = mini.withData(BuiltinDatasets.gender());
        assertEquals("gender", other.data().name());
        assertTrue(mini.sameNetworkAs(mini.withLearningRate(9).withEpochs(1)));
        assertFalse(mini.sameNetworkAs(mini.withSeed(3)));
        assertFalse(mini.sameNetworkAs(mini.withInit(Initializer.UNIFORM_0_1)));
        assertFalse(mini.sameNetworkAs(mini.withBatching(Batching.miniBatch(4))));
        assertFalse(mini.sameNetworkAs(mini.withArchitecture(Architecture.of(2, 4, Activation.TANH))));
        assertFalse(mini.sameNetworkAs(other), "other data");
        Trainer t = mini.newTrainer();
        assertEquals(mini, t.setup());
        Network given = mini.newNetwork();
        assertSame(given, mini.newTrainer(given).network(), "a given network is trained, not copied");
    }

    @Test void aSetupRefusesWhatCannotBeTrained() {
        Dataset empty = BuiltinDatasets.xor().without(0).without(0).without(0).without(0);
        assertEquals("the data set 'xor' has no samples", assertThrows(IllegalArgumentException.class, () -> TrainingSetup.forData(empty)).getMessage());
        TrainingSetup ok = TrainingSetup.forData(BuiltinDatasets.gender());
        assertThrows(IllegalArgumentException.class, () -> ok.withData(null));
        assertThrows(IllegalArgumentException.class, () -> ok.withLearningRate(0));
        assertThrows(IllegalArgumentException.class, () -> ok.withLearningRate(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> ok.withEpochs(-1));
        assertEquals(0, ok.withEpochs(0).epochs());
        assertThrows(IllegalArgumentException.class, () -> ok.withUpdate(null));
        assertThrows(IllegalArgumentException.class, () -> ok.withBatching(null));
        assertThrows(IllegalArgumentException.class, () -> ok.withInit(null));
        assertThrows(IllegalArgumentException.class, () -> ok.withArchitecture(null));
    }

    @Test void presetsAreCheckedAndTheOwnDataPresetIsSeed001s() {
        assertEquals(new Preset(Batching.perSample(), Initializer.STANDARD_NORMAL, 1, 0.1, 1000, 10, false), Preset.OWN_DATA,
                "own data: seed 001's settings with a mean full-batch gradient");
        assertEquals(new Preset(Batching.perSample(), Initializer.STANDARD_NORMAL, 1, 0.1, 1000, 10), Preset.SEED_001);
        assertEquals(500, Preset.SEED_000.logEvery());
        assertThrows(IllegalArgumentException.class, () -> new Preset(null, Initializer.STANDARD_NORMAL, 1, 0.1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Preset(Batching.perSample(), null, 1, 0.1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Preset(Batching.perSample(), Initializer.STANDARD_NORMAL, 1, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Preset(Batching.perSample(), Initializer.STANDARD_NORMAL, 1, Double.NaN, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Preset(Batching.perSample(), Initializer.STANDARD_NORMAL, 1, Double.POSITIVE_INFINITY, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Preset(Batching.perSample(), Initializer.STANDARD_NORMAL, 1, 0.1, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Preset(Batching.perSample(), Initializer.STANDARD_NORMAL, 1, 0.1, 1, -1));
        Preset zero = new Preset(Batching.fullBatch(), Initializer.UNIFORM_0_1, 3, Double.MIN_VALUE, 0, 0);
        assertEquals(0, zero.epochs());
        assertEquals(0, zero.logEvery());
        Dataset own = new Dataset("mine", List.of("a", "b"), new double[2], List.of(new Dataset.Sample("p", new double[] { 1, 2 }, 1)), "1", "0");
        assertSame(Preset.OWN_DATA, own.preset());
        assertSame(Preset.SEED_000, BuiltinDatasets.xor().with(own.sample(0)).preset(), "edits keep the preset");
    }

    @Test void batchingLabelsAndSizes() {
        assertEquals(Batching.Mode.FULL_BATCH, Batching.Mode.parse(" Full-Batch "));
        assertEquals(Batching.Mode.FULL_BATCH, Batching.Mode.parse("fullbatch"));
        assertEquals(Batching.Mode.MINI_BATCH, Batching.Mode.parse("mini-batch"));
        assertEquals(Batching.Mode.PER_SAMPLE, Batching.Mode.parse("SGD"));
        assertEquals("unknown batching 'adam' (choose sgd, batch or minibatch)",
                assertThrows(IllegalArgumentException.class, () -> Batching.Mode.parse("adam")).getMessage());
        assertEquals("SGD (per sample)", Batching.Mode.PER_SAMPLE.title());
        assertEquals("mini-batch", Batching.Mode.MINI_BATCH.title());
        assertEquals("sgd", Batching.perSample().toString());
        assertEquals(Batching.Mode.PER_SAMPLE, Batching.perSample().mode());
        assertEquals("minibatch (batch size 5)", Batching.miniBatch(5).describe());
        assertEquals(new Batching(Batching.Mode.FULL_BATCH, 5), Batching.miniBatch(5).withMode(Batching.Mode.FULL_BATCH));
        assertEquals(Batching.DEFAULT_BATCH_SIZE, Batching.fullBatch().batchSize());
        assertEquals(1, Batching.miniBatch(1).batchSize());
        assertThrows(IllegalArgumentException.class, () -> Batching.miniBatch(0));
        assertThrows(IllegalArgumentException.class, () -> new Batching(null, 2));
    }

    @Test void updateRulesAreNamedAndPlainGradientDescentIsSeedExact() {
        assertEquals(List.of("gd", "momentum", "nesterov", "rmsprop", "adam"), UpdateRule.known().stream().map(UpdateRule::name).toList());
        assertSame(GradientDescent.INSTANCE, UpdateRule.known().get(0));
        assertSame(GradientDescent.INSTANCE, UpdateRule.parse(" GD "));
        assertEquals("unknown update rule 'lion' (choose gd, momentum, nesterov, rmsprop, adam)",
                assertThrows(IllegalArgumentException.class, () -> UpdateRule.parse("lion")).getMessage());
        UpdateRule gd = GradientDescent.INSTANCE;
        assertEquals("gd", gd.name());
        assertEquals("gd", gd.toString());
        assertEquals("gradient descent", gd.title());
        assertTrue(gd.isPlainGradientDescent());
        UpdateRule other = new UpdateRule() {
            @Override public String name() { return "x"; }
            @Override public String title() { return "x"; }
            @Override public Stepper newStepper(Layout layout) { return null; }
        };
        assertFalse(other.isPlainGradientDescent(), "only gradient descent may be fused");
        UpdateRule.Stepper s = gd.newStepper(new Layout(2, 2, 1));
        double[] w = { 1, 2 }, gw = { 0.5, -1 }, b = { 3 }, gb = { 2 };
        s.apply(0.1, w, gw, b, gb);
        assertArrayEquals(new double[] { 1 - 0.1 * 0.5, 2 - 0.1 * -1 }, w, 0.0);
        assertArrayEquals(new double[] { 3 - 0.1 * 2 }, b, 0.0);
        assertEquals(0, s.state().length);
        assertNotSame(s.state(), s.state());
        s.restoreState(new double[0]);
        assertThrows(IllegalArgumentException.class, () -> s.restoreState(new double[1]));
    }

    @Test void theDatasetGradientIsTheSumOfPerSampleGradientsAndMatchesFiniteDifferences() {
        Network net = Setups.network(new Layout(2, 3, 1), Activation.TANH, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 6);
        Dataset gender = BuiltinDatasets.gender();
        double[] g = DatasetGradient.of(net.snapshot(0, 0), gender);
        assertEquals(net.layout().parameterCount(), g.length);
        double h = 1e-6;
        for (int p = 0; p < g.length; p++) {
            double v = net.parameter(p);
            net.setParameter(p, v + h);
            double up = sumOfSquares(net, gender);
            net.setParameter(p, v - h);
            double down = sumOfSquares(net, gender);
            net.setParameter(p, v);
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, g[p], 1e-6 * Math.max(1, Math.abs(numeric)), net.parameterName(p));
        }
    }

    private static double sumOfSquares(Network net, Dataset d) {
        double s = 0;
        for (int i = 0; i < d.size(); i++) {
            double e = d.labels()[i] - net.predict(d.inputs()[i])[0];
            s += e * e;
        }
        return s;
    }

    @Test void runStatesReadAsTheWindowShowsThem() {
        assertEquals("Ready", RunState.IDLE.label());
        assertEquals("Training", RunState.RUNNING.label());
        assertEquals("Paused", RunState.PAUSED.label());
    }
}
