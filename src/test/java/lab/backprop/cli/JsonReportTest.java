package lab.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import lab.backprop.data.Batching;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Split;
import lab.backprop.model.Layout;
import lab.backprop.model.Regularization;
import lab.backprop.session.SessionFile;
import lab.backprop.train.Adam;
import lab.backprop.train.Trainer;
import lab.backprop.train.TrainingSetup;

/** train --format json: one JSON object, every number the trainer's to the last bit. */
class JsonReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    /** Runs train with --format json and returns the one object it printed (nothing else on stdout or stderr). */
    private static JsonNode report(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("train", "--format", "json"));
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err(), run::toString);
        assertEquals(1, run.outLines().size(), "one line: " + run);
        JsonNode node = JSON.readTree(run.out());
        assertTrue(node.isObject(), run::toString);
        return node;
    }

    /** The same bits: a JSON number read back as a double is the trainer's double. */
    private static void assertBits(double expected, JsonNode actual, String what) {
        assertTrue(actual.isNumber(), what + " is a number: " + actual);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual.doubleValue()),
                what + ": " + expected + " vs " + actual);
    }

    private static void assertParameters(Trainer t, JsonNode parameters) {
        Layout layout = t.network().layout();
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = parameters.fieldNames(); it.hasNext(); ) names.add(it.next());
        assertEquals(layout.parameterCount(), names.size());
        for (int p = 0; p < layout.parameterCount(); p++) {
            String name = p < layout.weightCount() ? layout.weightName(p) : layout.biasName(p - layout.weightCount());
            assertEquals(name, names.get(p), "weights first, then biases, in order");
            assertBits(t.network().parameter(p), parameters.get(name), name);
        }
    }

    @Test
    void theSeedsRunAsJsonIsTheTrainersRunToTheBit() throws Exception {
        JsonNode r = report("--dataset", "gender", "--epochs", "250");
        Trainer t = TrainingSetup.forData(BuiltinDatasets.gender()).withEpochs(250).newTrainer();
        for (int e = 0; e < 250; e++) t.runEpoch();

        assertEquals("gender", r.get("dataset").asText());
        assertEquals("[2,2,1]", r.get("architecture").get("layers").toString());
        assertEquals("sigmoid", r.get("architecture").get("hiddenActivation").asText());
        assertEquals("sigmoid", r.get("architecture").get("outputActivation").asText());
        assertEquals("2-2-1 sigmoid", r.get("architecture").get("description").asText());
        assertEquals("gd", r.get("update").asText());
        assertEquals("mse", r.get("lossFunction").asText());
        assertEquals("sgd", r.get("batching").asText());
        assertBits(0.1, r.get("learningRate"), "learningRate");
        assertEquals(0, r.get("startEpoch").asLong());
        assertEquals(250, r.get("epochs").asLong());
        assertEquals(t.steps(), r.get("steps").asLong());
        assertBits(t.loss(), r.get("loss"), "loss");
        assertTrue(r.get("testLoss").isNull(), "no split, no test loss");
        assertTrue(r.get("testAccuracy").isNull());
        assertEquals("none", r.get("regularization").asText());
        assertTrue(r.get("regularizationTerm").isNull(), "no regularization, no term");
        assertEquals(4, r.get("accuracy").get("right").asInt());
        assertEquals(4, r.get("accuracy").get("of").asInt());
        assertBits(1.0, r.get("accuracy").get("fraction"), "accuracy");
        assertTrue(r.get("seconds").isNumber() && r.get("seconds").doubleValue() >= 0);
        assertParameters(t, r.get("parameters"));
    }

    @Test
    void aSplitAdamRegularizedRunReportsItsTestLossAccuracyAndTerm() throws Exception {
        JsonNode r = report("--dataset", "circle", "--points", "100", "--test-ratio", "0.3", "--update", "adam", "--beta2", "0.99",
                "--regularization", "l2", "--reg-rate", "0.01", "--optimizer", "batch", "--lr", "0.05", "--hidden", "4", "--epochs", "120");
        TrainingSetup setup = TrainingSetup.forData(lab.backprop.data.Generator.remade(BuiltinDatasets.byName("circle"), 100, null, null),
                        lab.backprop.model.Architecture.of(1, 4, lab.backprop.model.Activation.SIGMOID))
                .withBatching(new Batching(Batching.Mode.FULL_BATCH, Batching.DEFAULT_BATCH_SIZE)).withUpdate(new Adam(0.9, 0.99, 1e-8))
                .withLearningRate(0.05).withEpochs(120).withSplit(Split.of(0.3)).withRegularization(new Regularization(Regularization.Kind.L2, 0.01));
        Trainer t = setup.newTrainer();
        t.runEpochs(120);
        Predictions.Accuracy acc = Predictions.Accuracy.of(t.network(), setup.data(), setup.split());

        assertEquals("adam(beta1=0.9,beta2=0.99,epsilon=1.0E-8)", r.get("update").asText());
        assertEquals("batch", r.get("batching").asText());
        assertEquals("L2 0.01", r.get("regularization").asText());
        assertEquals(120, r.get("epochs").asLong());
        assertEquals(120, r.get("steps").asLong(), "one update per full-batch epoch");
        assertBits(t.loss(), r.get("loss"), "loss");
        assertBits(t.testLoss(), r.get("testLoss"), "testLoss");
        assertBits(t.regularizationTerm(), r.get("regularizationTerm"), "regularizationTerm");
        assertEquals(70, r.get("accuracy").get("of").asInt());
        assertEquals(acc.right(), r.get("accuracy").get("right").asInt());
        assertEquals(30, r.get("testAccuracy").get("of").asInt());
        assertEquals(acc.testRight(), r.get("testAccuracy").get("right").asInt());
        assertBits(acc.testFraction(), r.get("testAccuracy").get("fraction"), "test accuracy");
        assertEquals("[2,4,1]", r.get("architecture").get("layers").toString());
        assertParameters(t, r.get("parameters"));
    }

    @Test
    void everyNumberIsWrittenSoThatItReadsBackAsTheSameDouble() throws Exception {
        // Parsed as text, not through Jackson's own reading: Double.parseDouble of each number's digits.
        CliRun run = CliRun.of("train", "--format", "json", "--dataset", "xor", "--epochs", "300");
        assertEquals(0, run.exitCode(), run::toString);
        Trainer t = TrainingSetup.forData(BuiltinDatasets.xor()).withEpochs(300).newTrainer();
        t.runEpochs(300);
        for (int p = 0; p < t.network().layout().parameterCount(); p++) {
            double v = t.network().parameter(p);
            String name = p < t.network().layout().weightCount() ? t.network().layout().weightName(p)
                    : t.network().layout().biasName(p - t.network().layout().weightCount());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\":([-0-9.eE+]+)").matcher(run.out());
            assertTrue(m.find(), name + " in " + run.out());
            assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Double.parseDouble(m.group(1))), name);
        }
    }

    @Test
    void aResumedRunReportsWhereItStartedAndSavesQuietly() throws Exception {
        Path half = dir.resolve("half.json"), out = dir.resolve("out.json");
        assertEquals(0, CliRun.of("train", "--epochs", "100", "--save", half.toString()).exitCode());
        JsonNode r = report("--resume", half.toString(), "--epochs", "50", "--save", out.toString()); // stdout: the object alone
        assertEquals(100, r.get("startEpoch").asLong());
        assertEquals(150, r.get("epochs").asLong());
        assertEquals(200, r.get("steps").asLong(), "this run's updates: 50 epochs of 4 samples");
        double[] saved = SessionFile.load(out).network().weights();
        for (int w = 0; w < saved.length; w++) assertBits(saved[w], r.get("parameters").get("w" + (w + 1)), "w" + (w + 1));
        assertTrue(Files.size(out) > 0);
    }

    @Test
    void textOnlyOptionsAndUnknownFormatsAreRefused() {
        Map<List<String>, String> refused = Map.of(
                List.of("--format", "json", "--log-every", "10"), "Error: --format json prints only the final report; leave out --log-every",
                List.of("--format", "json", "--report-heap"), "Error: --format json prints only the final report; leave out --report-heap",
                List.of("--format", "xml"), "Error: Invalid value for option '--format'");
        for (var e : refused.entrySet()) {
            List<String> args = new ArrayList<>(List.of("train"));
            args.addAll(e.getKey());
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(2, run.exitCode(), run::toString);
            assertEquals(1, run.errLines().size(), run::toString);
            assertTrue(run.err().startsWith(e.getValue()), run::toString);
            assertEquals("", run.out());
        }
        CliRun text = CliRun.of("train", "--format", "TEXT", "--epochs", "10");
        assertEquals(0, text.exitCode(), text::toString);
        assertTrue(text.outLines().get(0).startsWith("Training 2-2-1"), text::toString);
    }
}
