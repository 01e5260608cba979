package lab.backprop.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.CsvDatasetReader;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.train.Setups;
import lab.backprop.data.Batching;
import lab.backprop.train.Trainer;

class SessionFileTest {
    @TempDir Path dir;

    private static Session trainedGender(int epochs) throws Exception {
        Network net = Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1);
        Trainer trainer = Setups.trainer(net, BuiltinDatasets.gender(), Batching.Mode.PER_SAMPLE, 0.1, 2, 1);
        for (int i = 0; i < epochs; i++) trainer.runEpoch();
        return Session.of(trainer);
    }

    private static void assertPredictsBitIdentically(Snapshot a, Snapshot b) {
        Network x = a.toNetwork(), y = b.toNetwork();
        for (double u = -40; u <= 40; u += 0.73) {
            for (double v = -20; v <= 20; v += 0.61) {
                assertEquals(Double.doubleToRawLongBits(x.predict(u, v)[0]), Double.doubleToRawLongBits(y.predict(u, v)[0]));
            }
        }
    }

    @Test
    void roundTripKeepsEverythingAndPredictsBitIdentically() throws Exception {
        Session s = trainedGender(300);
        Path f = dir.resolve("gender.json");
        SessionFile.save(s, f);
        Session back = SessionFile.load(f);
        assertEquals(s.network().layout(), back.network().layout());
        assertArrayEquals(s.network().weights(), back.network().weights(), 0.0);
        assertArrayEquals(s.network().biases(), back.network().biases(), 0.0);
        assertEquals(300, back.epochReached());
        assertEquals(Double.doubleToRawLongBits(s.network().loss()), Double.doubleToRawLongBits(back.network().loss()));
        assertEquals(s.setup().withData(back.dataset()), back.setup());
        assertEquals(new lab.backprop.data.Batching(Batching.Mode.PER_SAMPLE, 2), back.setup().batching());
        assertEquals(1000, back.setup().epochs());
        assertEquals(s.dataset().samples(), back.dataset().samples());
        assertEquals(s.dataset().featureNames(), back.dataset().featureNames());
        assertArrayEquals(s.dataset().shift(), back.dataset().shift(), 0.0);
        assertEquals("F", back.dataset().positiveClass());
        assertEquals("gender", back.dataset().name());
        assertPredictsBitIdentically(s.network(), back.network());
        // A resumed trainer continues exactly like the original one.
        Trainer original = s.newTrainer(), resumed = back.newTrainer();
        assertEquals(300, resumed.epoch(), "the epoch count goes on where it stopped");
        for (int i = 0; i < 50; i++) assertEquals(original.runEpoch(), resumed.runEpoch(), 0.0);
        assertEquals(350, resumed.epoch());
    }

    @Test
    void aLoadedMomentumSessionsTrainerGoesOnWithItsVelocities() throws Exception {
        lab.backprop.train.TrainingSetup setup = lab.backprop.train.TrainingSetup.forData(BuiltinDatasets.gender())
                .withUpdate(new lab.backprop.train.Momentum(0.9, false));
        Trainer original = setup.newTrainer();
        for (int i = 0; i < 30; i++) original.runEpoch();
        Path f = dir.resolve("momentum.json");
        SessionFile.save(Session.of(original), f);
        Trainer resumed = SessionFile.load(f).newTrainer();
        assertArrayEquals(original.stepper().state(), resumed.stepper().state(), 0.0, "the velocities come back");
        for (int i = 0; i < 20; i++) assertEquals(original.runEpoch(), resumed.runEpoch(), 0.0);
        assertArrayEquals(original.snapshot().weights(), resumed.snapshot().weights(), 0.0);
    }

    @Test
    void roundTripOfADeeperTanhNetworkOnOwnData() throws Exception {
        Dataset circle = new CsvDatasetReader().read(Path.of("assets/circle.csv"));
        Network net = Setups.network(new Layout(2, 8, 3, 1), Activation.TANH, Activation.SIGMOID, Initializer.UNIFORM_0_1, 9);
        Trainer trainer = Setups.setup(net, circle, Batching.Mode.MINI_BATCH, 0.3, 8, 9).withInit(Initializer.UNIFORM_0_1).withEpochs(500)
                .newTrainer(net);
        for (int i = 0; i < 40; i++) trainer.runEpoch();
        Session s = Session.of(trainer);
        Path f = dir.resolve("circle.json");
        SessionFile.save(s, f);
        Session back = SessionFile.load(f);
        assertEquals(Activation.TANH, back.network().hiddenActivation());
        assertEquals("2-8-3-1", back.network().layout().toString());
        assertEquals(circle.samples(), back.dataset().samples());
        assertEquals("in", back.dataset().positiveClass());
        assertPredictsBitIdentically(s.network(), back.network());
        assertEquals(SessionFile.toJson(s), Files.readString(f));
    }

    @Test
    void unmeasuredLossIsKeptAsNaN() throws Exception {
        Network net = Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 3);
        Session s = new Session(net.snapshot(0, Double.NaN), Setups.setup(net, BuiltinDatasets.xor(), Batching.Mode.FULL_BATCH, 1, 1, 3)
                .withEpochs(10));
        Session back = SessionFile.fromJson(SessionFile.toJson(s), "x");
        assertTrue(Double.isNaN(back.network().loss()));
    }

    private String validJson() throws Exception {
        return SessionFile.toJson(trainedGender(5));
    }

    private SessionFormatException refused(String json) {
        return assertThrows(SessionFormatException.class, () -> SessionFile.fromJson(json, "s.json"));
    }

    private void assertRefused(String json, String fragment) {
        SessionFormatException e = refused(json);
        assertTrue(e.getMessage().startsWith("s.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void refusesCorruptEmptyAndForeignFiles() throws Exception {
        assertRefused("", "empty");
        assertRefused("  \n", "empty");
        assertRefused("hello {", "not valid JSON at line 1");
        assertRefused("{\"a\": 1} {\"b\": 2}", "not valid JSON");
        assertRefused("{\"name\": \"my-app\", \"version\": \"1.0.0\", \"dependencies\": {}}", "not a Backprop Lab session file");
        assertRefused("[1, 2, 3]", "not a Backprop Lab session file");
        assertRefused("42", "not a Backprop Lab session file");
        assertRefused("\u0000\u0001\u0002binary", "not valid JSON");
        String json = validJson();
        assertRefused(json.replace("\"weights\" : [", "\"weights\" : [ NaN,"), "not valid JSON");
        assertRefused(json.replaceFirst("\"network\"", "\"network\" : 1, \"network\""), "not valid JSON"); // duplicate key
    }

    @Test
    void refusesTruncatedFilesAtEveryLength() throws Exception {
        String json = validJson().strip();
        for (int len = 0; len < json.length(); len += 3) {
            String cut = json.substring(0, len);
            SessionFormatException e = refused(cut);
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("empty"), len + ": " + e.getMessage());
        }
    }

    @Test
    void refusesOtherVersions() throws Exception {
        String json = validJson();
        assertRefused(json.replace("\"version\" : 1", "\"version\" : 2"), "format version 2, written by a newer Backprop Lab");
        assertRefused(json.replace("\"version\" : 1", "\"version\" : 0"), "version");
        assertRefused(json.replace("\"version\" : 1", "\"version\" : \"1\""), "\"version\" is missing or not a whole number");
        assertRefused(json.replace("\"version\" : 1,", ""), "version");
    }

    @Test
    void refusesInconsistentContent() throws Exception {
        String json = validJson();
        String weights = json.substring(json.indexOf("\"weights\""), json.indexOf("]", json.indexOf("\"weights\"")) + 1);
        String fiveWeights = weights.substring(0, weights.lastIndexOf(',')) + " ]";
        assertRefused(json.replace(weights, fiveWeights), "network.weights has 5 numbers; a 2-2-1 network needs 6");
        assertRefused(json.replace(weights, "\"weights\" : [ 1, 2, 3, \"NaN\", 5, 6 ]"), "network.weights[3] is not a number: \"NaN\"");
        assertRefused(json.replace(weights, "\"weights\" : [ 1, 2, 3, 1e400, 5, 6 ]"), "network.weights[3] must be a finite number");
        assertRefused(json.replace(weights, "\"weights\" : [ 1, 2, 3, null, 5, 6 ]"), "network.weights[3] is not a number");
        assertRefused(json.replace("\"layers\" : [ 2, 2, 1 ]", "\"layers\" : [ 3, 2, 1 ]"), "takes 3 inputs but the data set has 2");
        assertRefused(json.replace("\"layers\" : [ 2, 2, 1 ]", "\"layers\" : [ 2, 0, 1 ]"), "network.layers[1] must be a whole number from 1");
        assertRefused(json.replace("\"layers\" : [ 2, 2, 1 ]", "\"layers\" : [ 2, 2000000, 1 ]"), "network.layers[1]");
        assertRefused(json.replace("\"layers\" : [ 2, 2, 1 ]", "\"layers\" : [ 2, 2, 2 ]"), "one output");
        assertRefused(json.replace("\"hiddenActivation\" : \"sigmoid\"", "\"hiddenActivation\" : \"softmax\""), "unknown activation 'softmax'");
        assertRefused(json.replace("\"optimizer\" : \"sgd\"", "\"optimizer\" : \"adam\""), "training.optimizer");
        assertRefused(json.replace("\"learningRate\" : 0.1", "\"learningRate\" : -0.1"), "training.learningRate must be positive");
        assertRefused(json.replace("\"batchSize\" : 2", "\"batchSize\" : 0"), "training.batchSize must be between 1");
        assertRefused(json.replace("\"init\" : \"normal\"", "\"init\" : \"xavier\""), "training.init must be normal or uniform");
        assertRefused(json.replace("\"label\" : 0.0", "\"label\" : 2"), "dataset.samples[1].label must be 0 or 1");
        assertRefused(json.replace("\"x\" : [ 133.0, 65.0 ]", "\"x\" : [ 133.0 ]"), "dataset.samples[0].x has 1 numbers; a 2 features needs 2");
        assertRefused(json.replace("\"epoch\" : 5", "\"epoch\" : -5"), "network.epoch must be between 0");
        assertRefused(json.replace("\"training\"", "\"trainingX\""), "\"training\" is missing");
    }

    @Test
    void missingFileAndHugeFileAreRefused() throws IOException {
        SessionFormatException e = assertThrows(SessionFormatException.class, () -> SessionFile.load(dir.resolve("none.json")));
        assertTrue(e.getMessage().startsWith("none.json: no such file"), e.getMessage());
        Path big = dir.resolve("big.json");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] { ' ' }), SessionFile.MAX_BYTES + 10); // sparse
        }
        e = assertThrows(SessionFormatException.class, () -> SessionFile.load(big));
        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
    }

    @Test
    void aFailedLoadLeavesTheCallersSessionAndTheFileAlone() throws Exception {
        Session current = trainedGender(20);
        double[] before = current.network().weights();
        Path f = dir.resolve("broken.json");
        String broken = validJson().replace("\"version\" : 1", "\"version\" : 7");
        Files.writeString(f, broken);
        assertThrows(SessionFormatException.class, () -> SessionFile.load(f));
        assertArrayEquals(before, current.network().weights(), 0.0);
        assertEquals(broken, Files.readString(f));
    }

    @Test
    void saveReplacesAtomicallyAndLeavesNoTemporaryFile() throws Exception {
        Path f = dir.resolve("s.json");
        SessionFile.save(trainedGender(1), f);
        SessionFile.save(trainedGender(2), f);
        assertEquals(2, SessionFile.load(f).epochReached());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void randomMutationsLoadOrAreRefusedCleanly() throws Exception {
        String json = validJson();
        SplittableRandom rng = new SplittableRandom(11);
        String[] snippets = { "\"", ",", "[", "]", "{", "}", "-1", "1e999", "null", "\"x\"", "0.5", "true", ":" };
        int loaded = 0;
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder(json);
            for (int e = 0; e < 1 + rng.nextInt(3); e++) {
                int at = rng.nextInt(sb.length());
                if (rng.nextBoolean()) sb.deleteCharAt(at); else sb.insert(at, snippets[rng.nextInt(snippets.length)]);
            }
            try {
                SessionFile.fromJson(sb.toString(), "m.json");
                loaded++;
            } catch (SessionFormatException expected) {
                assertTrue(expected.getMessage().startsWith("m.json: "));
            } catch (RuntimeException other) {
                fail("mutation " + i + " threw " + other + "\n" + sb, other);
            }
        }
        assertTrue(loaded < 2000, "most mutations must be refused");
    }
}
