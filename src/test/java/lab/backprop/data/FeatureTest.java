package lab.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Network;
import lab.backprop.session.Session;
import lab.backprop.session.SessionFile;
import lab.backprop.train.DatasetGradient;
import lab.backprop.train.TrainingSetup;

/** Input features: their values, their names on the command line, the network they make, its gradient, sessions. */
class FeatureTest {
    private static final List<Feature> ALL = List.of(Feature.values());

    @Test void eachFeatureOfAShiftedPoint() {
        Dataset gender = BuiltinDatasets.gender().withFeatures(ALL);
        double a = 133 - 135, b = 65 - 66; // seed 001's shift first
        assertArrayEquals(new double[] { a, b, a * a, b * b, a * b, Math.sin(a), Math.sin(b) }, gender.toInput(133, 65), 0.0);
        assertEquals(7, gender.inputCount());
        assertEquals(List.of("x1", "x2", "x1²", "x2²", "x1·x2", "sin x1", "sin x2"), gender.inputNames());
        assertEquals(2, gender.featureCount(), "still two coordinates to type");
        assertArrayEquals(gender.toInput(133, 65), gender.inputs()[0], 0.0);
        assertEquals(Feature.PLAIN, BuiltinDatasets.xor().features());
        assertEquals(BuiltinDatasets.xor().inputNames(), BuiltinDatasets.xor().withFeatures(Feature.PLAIN).inputNames());
        Dataset edited = gender.with(new Dataset.Sample("Emily", new double[] { 128, 63 }, 1));
        assertEquals(ALL, edited.features(), "a point added by hand keeps the features");
    }

    @Test void theCommandLineNamesThem() {
        assertEquals(List.of(Feature.X1, Feature.X2, Feature.X1_X2), Feature.parse("x1, x2,x1x2"));
        assertEquals(List.of(Feature.X1_SQUARED, Feature.X1_X2, Feature.SIN_X2), Feature.parse("x1^2,x1*x2,sin(x2)"));
        assertEquals("x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2", Feature.idsOf(ALL));
        assertEquals("unknown feature 'x3' (choose from x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2)",
                assertThrows(IllegalArgumentException.class, () -> Feature.parse("x1,x3")).getMessage());
        assertEquals("feature x1 is given twice", assertThrows(IllegalArgumentException.class, () -> Feature.parse("x1,X1")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Feature.parse(" ")).getMessage().startsWith("give at least one feature"));
        assertThrows(IllegalArgumentException.class, () -> BuiltinDatasets.xor().withFeatures(List.of()));
    }

    @Test void theNetworksInputLayerFollowsAndOneNeuronSolvesXorWithX1X2() throws Exception {
        Dataset xor = BuiltinDatasets.xor().withFeatures(List.of(Feature.X1, Feature.X2, Feature.X1_X2));
        TrainingSetup s = TrainingSetup.forData(xor, lab.backprop.model.Architecture.of(0, 1, Activation.SIGMOID)).withEpochs(3000);
        assertEquals("3-1", s.layout().toString());
        var t = s.newTrainer();
        t.runEpochs(3000);
        for (Dataset.Sample x : xor.samples()) {
            double y = t.network().predict(xor.toInput(x.raw()))[0];
            assertEquals(x.label() == 1, y >= 0.5, x + " -> " + y);
        }
        assertTrue(t.loss() < 0.01, "a single neuron with x1·x2 separates XOR: " + t.loss());
    }

    /** Backprop over featured inputs against central differences of the data set's loss, every feature on. */
    @Test void theGradientWithEveryFeatureOnMatchesFiniteDifferences() {
        Dataset data = new Generator.Spec(Generator.CIRCLE, 40, 0.2, 3).make().withFeatures(ALL);
        for (Activation hidden : Activation.values()) {
            TrainingSetup s = TrainingSetup.forData(data, lab.backprop.model.Architecture.of(2, 3, hidden));
            Network net = s.newNetwork();
            net.initialize(Initializer.STANDARD_NORMAL, new SplittableRandom(5 + hidden.ordinal()));
            double[] analytic = DatasetGradient.of(net.snapshot(0, Double.NaN), data);
            double h = 1e-5;
            for (int p = 0; p < net.layout().parameterCount(); p++) {
                double v = net.parameter(p);
                net.setParameter(p, v + h);
                double up = squaredErrorSum(net, data);
                net.setParameter(p, v - h);
                double down = squaredErrorSum(net, data);
                net.setParameter(p, v);
                double numeric = (up - down) / (2 * h);
                // (up - down) / 2h carries about 1e-16 * loss / h of rounding (the loss sums 40 samples, x1² up to ~50):
                // below 1e-4 the relative error is taken against 1e-4, which still asks for 1e-10 agreement
                double relative = Math.abs(analytic[p] - numeric) / Math.max(Math.abs(analytic[p]) + Math.abs(numeric), 1e-4);
                assertTrue(relative < 1e-6, hidden + " " + net.parameterName(p) + ": " + analytic[p] + " vs " + numeric);
            }
        }
    }

    /** The loss DatasetGradient differentiates: the sum over samples of (y - ypred)². */
    private static double squaredErrorSum(Network net, Dataset data) {
        double sum = 0;
        for (Dataset.Sample x : data.samples()) {
            double d = x.label() - net.predict(data.toInput(x.raw()))[0];
            sum += d * d;
        }
        return sum;
    }

    @Test void aSessionKeepsItsFeatures() throws Exception {
        Dataset d = BuiltinDatasets.byName("moons").withFeatures(List.of(Feature.X1_SQUARED, Feature.SIN_X2));
        var t = TrainingSetup.forData(d).withEpochs(2).newTrainer();
        t.runEpochs(2);
        String json = SessionFile.toJson(Session.of(t));
        assertTrue(json.contains("\"features\" : \"x1sq,sinx2\""), json.substring(json.indexOf("\"dataset\"")));
        Session back = SessionFile.fromJson(json, "run.json");
        assertEquals(d.features(), back.dataset().features());
        assertEquals(2, back.network().layout().inputSize());
        String plain = SessionFile.toJson(Session.of(TrainingSetup.forData(BuiltinDatasets.gender()).newTrainer()));
        assertTrue(!plain.contains("\"features\""), "a plain set writes no features, as before");
        assertEquals(Feature.PLAIN, SessionFile.fromJson(plain, "g.json").dataset().features());
        var e = assertThrows(lab.backprop.session.SessionFormatException.class,
                () -> SessionFile.fromJson(json.replace("x1sq,sinx2", "x1sq,cosx2"), "run.json"));
        assertTrue(e.getMessage().contains("dataset.features: unknown feature 'cosx2'"), e.getMessage());
    }
}
