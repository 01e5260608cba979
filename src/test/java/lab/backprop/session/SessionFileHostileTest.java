package lab.backprop.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.backprop.data.Batching;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Network;
import lab.backprop.train.Setups;
import lab.backprop.train.Trainer;

/**
 * Session files as an attacker writes them: parser limits, numbers beyond any long, shapes of the wrong kind, special
 * files, control characters. Each is refused with one line that names the problem, never a library's class.
 */
class SessionFileHostileTest {
    @TempDir Path dir;

    private static String valid() throws Exception {
        Network net = Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1);
        Trainer trainer = Setups.trainer(net, BuiltinDatasets.gender(), Batching.Mode.PER_SAMPLE, 0.1, 2, 1);
        for (int i = 0; i < 5; i++) trainer.runEpoch();
        return SessionFile.toJson(Session.of(trainer));
    }

    /** The message, checked for the promises every refusal keeps: one line, the file's name first, no class names. */
    static String refusal(String json) {
        SessionFormatException e = assertThrows(SessionFormatException.class, () -> SessionFile.fromJson(json, "run.json"));
        String m = e.getMessage();
        assertTrue(m.startsWith("run.json: "), m);
        assertFalse(m.contains("\n") || m.contains("\r"), "one line: " + m);
        assertFalse(m.matches("(?s).*\\b(com|java|javax|lab|org)\\.[a-z]+\\..*"), "no class names: " + m);
        assertFalse(m.contains("Exception") || m.contains("`"), "no library words: " + m);
        assertFalse(m.chars().anyMatch(c -> c < 0x20), "no raw control characters: " + m);
        return m;
    }

    private static void assertRefused(String json, String fragment) {
        String m = refusal(json);
        assertTrue(m.contains(fragment), m);
    }

    @Test void parserLimitsBecomeOneLineReasons() throws Exception {
        String head = "{\"format\": \"backprop-lab-session\", \"version\": 1, \"network\": ";
        assertRefused(head + "[".repeat(100_000) + "]".repeat(100_000) + "}", "nesting deeper than " + SessionFile.MAX_DEPTH + " levels");
        assertRefused(head + "{\"epoch\": " + "9".repeat(5000) + "}}", "a number longer than " + SessionFile.MAX_NUMBER_LENGTH + " characters");
        assertRefused("{\"format\": \"" + "x".repeat(200_000) + "\"}", "a text longer than " + SessionFile.MAX_TEXT_LENGTH + " characters");
        assertRefused("{\"" + "k".repeat(200_000) + "\": 1}", "longer than " + SessionFile.MAX_TEXT_LENGTH + " characters");
        assertRefused(head + "[".repeat(100) + "]".repeat(100) + "}", "line 1: nesting");
        String deep = valid().replace("\"shift\" : [", "\"shift\" : [" + "[".repeat(80) + "]".repeat(80) + ",");
        assertRefused(deep, "nesting deeper than");
    }

    @Test void wholeNumbersBeyondALongAreRefusedByTheirText() throws Exception {
        String json = valid();
        assertRefused(json.replace("\"version\" : 1", "\"version\" : 18446744073709551617"),
                "format version 18446744073709551617, written by a newer Backprop Lab");
        assertRefused(json.replace("\"version\" : 1", "\"version\" : -18446744073709551617"), "must be 1 or more, got -18446744073709551617");
        assertRefused(json.replace("\"layers\" : [ 2, 2, 1 ]", "\"layers\" : [ 2, 18446744073709551618, 1 ]"),
                "network.layers[1] must be a whole number from 1 to 1000, got 18446744073709551618");
        assertRefused(json.replace("\"epoch\" : 5", "\"epoch\" : 9223372036854775808"),
                "network.epoch must be between 0 and 9223372036854775807, got 9223372036854775808");
        assertRefused(json.replace("\"seed\" : 1", "\"seed\" : -9223372036854775809"), "training.seed must be between");
        assertRefused(json.replace("\"batchSize\" : 2", "\"batchSize\" : 2147483648"), "training.batchSize must be between 1 and 2147483647");
        assertRefused(json.replace("\"batchSize\" : 2", "\"batchSize\" : 2.5"), "training.batchSize is missing or not a whole number, got 2.5");
        assertRefused(json.replace("\"layers\" : [ 2, 2, 1 ]", "\"layers\" : [ 2, 2.0, 1 ]"), "network.layers[1] is missing or not a whole number, got 2.0");
        assertRefused(json.replace("\"epoch\" : 5", "\"epoch\" : \"5\""), "network.epoch is missing or not a whole number, got \"5\"");
        // the largest values that fit are taken
        Session s = SessionFile.fromJson(json.replace("\"epoch\" : 5", "\"epoch\" : 9223372036854775807")
                .replace("\"seed\" : 1", "\"seed\" : -9223372036854775808"), "ok.json");
        assertEquals(Long.MAX_VALUE, s.epochReached());
        assertEquals(Long.MIN_VALUE, s.setup().seed());
    }

    @Test void valuesOfTheWrongKindNameTheirField() throws Exception {
        String json = valid();
        assertRefused(json.replaceFirst("\"network\" : \\{", "\"network\" : 5, \"ignored\" : {"), "\"network\" must be an object");
        assertRefused(json.replace("\"training\" : {", "\"training\" : [], \"t\" : {"), "\"training\" must be an object");
        assertRefused(json.replace("\"samples\" : [", "\"samples\" : [ 5,"), "dataset.samples[0] must be an object");
        assertRefused(json.replace("\"featureNames\" : [ \"weight (lb)\", \"height (in)\" ]", "\"featureNames\" : \"weight\""),
                "dataset.featureNames must be a list");
        assertRefused(json.replace("\"featureNames\" : [ \"weight (lb)\"", "\"featureNames\" : [ 7"), "dataset.featureNames[0] is missing or not text, got 7");
        assertRefused(json.replaceFirst("\"weights\" : \\[[^\\]]*\\]", "\"weights\" : \"abc\""), "network.weights is missing or not a list, got \"abc\"");
        assertRefused(json.replaceFirst("\"weights\" : \\[[^\\]]*\\]", "\"weights\" : { \"a\": 1 }"), "network.weights is missing or not a list, got an object");
        assertRefused(json.replace("\"hiddenActivation\" : \"sigmoid\"", "\"hiddenActivation\" : 3"), "network.hiddenActivation is missing or not text, got 3");
        assertRefused(json.replace("\"hiddenActivation\" : \"sigmoid\"", "\"hiddenActivation\" : [ 1 ]"), "network.hiddenActivation is missing or not text, got a list");
        assertRefused(json.replaceFirst("\"loss\" : [^\n]*", "\"loss\" : \"low\""), "network.loss is missing or not a number, got \"low\"");
        assertRefused(json.replaceFirst("\"loss\" : [^\n]*", "\"loss\" : -1"), "network.loss must be a number of 0 or more");
        assertRefused(json.replace("\"learningRate\" : 0.1", "\"learningRate\" : 1e400"), "training.learningRate must be a finite number, got 1e400");
        assertRefused(json.replace("\"learningRate\" : 0.1", "\"learningRate\" : null"), "training.learningRate is missing or not a number");
        assertRefused(json.replace("\"name\" : \"gender\"", "\"name\" : null"), "dataset.name is missing or not text");
        assertRefused(json.replace("\"init\" : \"normal\"", "\"init\" : \"\\u001b[2J\""), "got '\\u001b[2J'");
        assertRefused(json.replace("\"optimizer\" : \"sgd\"", "\"optimizer\" : \"\\u0000\""), "'\\u0000'");
        assertRefused(json.replace("\"init\" : \"normal\"", "\"init\" : \"normal\", \"update\" : \"lion\""),
                "training.update: unknown update rule 'lion' (choose gd, momentum, nesterov, rmsprop, adam)");
        assertRefused(json.replace("\"samples\" : [", "\"samples\" : [ null,"), "dataset.samples[0] must be an object {name, x, label}, got null");
        assertRefused(json.replace("\"label\" : 1.0", "\"label\" : true"), "dataset.samples[0].label is missing or not a number, got true");
        assertRefused("{\"format\": \"backprop-lab-session\", \"version\": 1, \"dataset\": {\"name\": \"e\", \"featureNames\": [\"a\", \"b\"],"
                + " \"shift\": [0, 0], \"positiveClass\": \"1\", \"negativeClass\": \"0\", \"samples\": []},"
                + " \"network\": {\"layers\": [2, 1], \"hiddenActivation\": \"sigmoid\", \"outputActivation\": \"sigmoid\","
                + " \"weights\": [1, 1], \"biases\": [0], \"epoch\": 0, \"loss\": null},"
                + " \"training\": {\"optimizer\": \"sgd\", \"learningRate\": 0.1, \"epochs\": 1, \"batchSize\": 1, \"seed\": 1, \"init\": \"normal\"}}",
                "has no samples");
        assertTrue(SessionFile.fromJson(json.replace("\"init\" : \"normal\"", "\"init\" : \"normal\", \"update\" : \"gd\""), "gd.json")
                .setup().update().isPlainGradientDescent(), "plain gradient descent may be named");
        assertFalse(json.contains("\"update\""), "plain gradient descent is left out, as files before it had it");
    }

    @Test void theFormatAndVersionAreReadFirstAndMustBeOfTheirKind() throws Exception {
        String json = valid();
        assertRefused(json.replace("\"format\" : \"backprop-lab-session\"", "\"format\" : 1"), "not a Backprop Lab session file");
        assertRefused(json.replace("\"version\" : 1", "\"version\" : { \"major\" : 1 }"), "\"version\" is missing or not a whole number");
        assertRefused(json.replace("\"version\" : 1", "\"version\" : [ 1 ]"), "\"version\" is missing or not a whole number");
        assertRefused(json.replace("\"version\" : 1", "\"version\" : 1.0"), "\"version\" is missing or not a whole number");
        assertRefused("[ {\"format\": \"backprop-lab-session\"} ]", "not a Backprop Lab session file");
        String trailing = refusal(json + "{\"more\": 1}");
        int lines = (int) json.chars().filter(c -> c == '\n').count();
        assertEquals("run.json: not valid JSON at line " + (lines + 1) + ", column 1: more content after the session object", trailing);
        assertRefused("[1] [2]", "more content after the first value");
        assertRefused(json.replace("\"epoch\" : 5", "\"epoch\" : 5, \"epoch\" : 6"), "Duplicate field 'epoch'");
    }

    @Test void aNetworkTooLargeToHoldIsRefusedBeforeItsNumbersAreRead() throws Exception {
        String json = valid();
        assertRefused(json.replace("\"layers\" : [ 2, 2, 1 ]", "\"layers\" : [ 2, 1000, 1000, 1000, 1 ]"),
                "network.layers describe 2006001 weights and biases; a session holds at most " + SessionFile.MAX_PARAMETERS);
        String many = "[" + "0,".repeat(SessionFile.MAX_PARAMETERS) + "0]";
        assertRefused(json.replaceFirst("\"weights\" : \\[[^\\]]*\\]", "\"weights\" : " + many),
                "network.weights has more than " + SessionFile.MAX_PARAMETERS + " numbers");
        assertRefused(json.replace("\"layers\" : [ 2, 2, 1 ]", "\"layers\" : [ 2" + ", 1".repeat(16) + " ]"), "network.layers must list 2 to 16 layer sizes, got 17");
        assertRefused(json.replace("\"layers\" : [ 2, 2, 1 ]", "\"layers\" : [ 2, 1001, 1 ]"), "network.layers[1] must be a whole number from 1 to 1000, got 1001");
        assertRefused(json.replace("\"layers\" : [ 2, 2, 1 ]", "\"layers\" : [ 2 ]"), "network.layers must list 2 to 16 layer sizes, got 1");
        // 16 layers of 1 and 1000 neurons still fit
        assertRefused(json.replace("\"layers\" : [ 2, 2, 1 ]", "\"layers\" : [ 2" + ", 1".repeat(15) + " ]"), "network.weights has 6 numbers; a 2-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1 network needs 16");
        assertRefused(json.replace("\"layers\" : [ 2, 2, 1 ]", "\"layers\" : [ 2, 1000, 1 ]"), "network.weights has 6 numbers; a 2-1000-1 network needs 3000");
    }

    @Test void specialFilesAndFoldersAreRefusedWithoutWaiting() throws Exception {
        Path fifo = dir.resolve("pipe.json");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        SessionFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(SessionFormatException.class, () -> SessionFile.load(fifo)));
        assertEquals("pipe.json: it is a named pipe (FIFO), not a file", e.getMessage());
        e = assertThrows(SessionFormatException.class, () -> SessionFile.load(dir));
        assertTrue(e.getMessage().endsWith(": it is a directory, not a file"), e.getMessage());
        e = assertThrows(SessionFormatException.class, () -> SessionFile.load(Path.of("/dev/null")));
        assertEquals("null: it is a character device, not a file", e.getMessage());
        Session s = SessionFile.fromJson(valid(), "v.json");
        IOException io = assertThrows(IOException.class, () -> SessionFile.save(s, dir));
        assertTrue(io.getMessage().contains("a directory"), io.getMessage());
        io = assertThrows(IOException.class, () -> SessionFile.save(s, dir.resolve("no/such/folder/s.json")));
        assertTrue(io.getMessage().contains("does not exist"), io.getMessage());
        io = assertThrows(IOException.class, () -> SessionFile.save(s, fifo));
        assertTrue(io.getMessage().contains("named pipe"), io.getMessage());
    }

    @Test void theSizeLimitIsExact() throws Exception {
        Path exactly = dir.resolve("exactly.json");
        Path over = dir.resolve("over.json");
        for (Path p : new Path[] { exactly, over }) {
            try (var ch = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(new byte[] { ' ' }), SessionFile.MAX_BYTES - (p == exactly ? 1 : 0));
            }
        }
        assertEquals(SessionFile.MAX_BYTES, Files.size(exactly));
        String m = assertThrows(SessionFormatException.class, () -> SessionFile.load(exactly)).getMessage();
        assertFalse(m.contains("larger than"), "a file of exactly the limit is read: " + m);
        m = assertThrows(SessionFormatException.class, () -> SessionFile.load(over)).getMessage();
        assertTrue(m.contains("larger than 32 MB"), m);
    }

    /** Thousands of hostile inputs: each loads or is refused cleanly, never another exception. */
    @Test void fuzzedFilesLoadOrAreRefusedWithOneCleanLine() throws Exception {
        String json = valid();
        SplittableRandom rng = new SplittableRandom(42);
        String[] pieces = { "[", "]", "{", "}", ",", ":", "\"", "null", "true", "-", "1e999", "18446744073709551617", "NaN", "0.5",
                "\"x\"", "\\u0000", "\u001b[2J", "[[[[[[[[", "9".repeat(600), "{\"a\":", "\"weights\":[]", "\uFFFF", "\\" };
        int refused = 0, loaded = 0;
        for (int i = 0; i < 4000; i++) {
            String input = switch (i % 5) {
                case 0 -> json.substring(0, rng.nextInt(json.length())); // truncated
                case 1 -> flip(json, rng); // byte flips
                case 2 -> insert(json, rng, pieces); // pieces put anywhere
                case 3 -> randomShape(rng, 0); // random JSON shapes
                default -> json.replaceFirst("\"" + FIELDS[rng.nextInt(FIELDS.length)] + "\" : ", "\"$0\" : " + randomShape(rng, 2) + ", \"z\" : ");
            };
            try {
                SessionFile.fromJson(input, "run.json");
                loaded++;
            } catch (SessionFormatException e) {
                refused++;
                String m = e.getMessage();
                if (m.contains("\n") || m.matches("(?s).*\\b(com|java|lab|org)\\.[a-z]+\\..*") || m.contains("Exception")) {
                    fail("input " + i + " gave a message that is not one clean line: " + m);
                }
            } catch (RuntimeException | StackOverflowError other) {
                fail("input " + i + " threw " + other + "\n" + input.substring(0, Math.min(400, input.length())), other);
            }
        }
        assertTrue(refused > 3000, refused + " refused, " + loaded + " loaded");
    }

    private static final String[] FIELDS = { "version", "network", "layers", "weights", "biases", "epoch", "loss", "training",
            "optimizer", "learningRate", "epochs", "batchSize", "seed", "init", "dataset", "name", "featureNames", "shift",
            "positiveClass", "samples", "x", "label" };

    private static String flip(String s, SplittableRandom rng) {
        char[] c = s.toCharArray();
        for (int k = 0; k < 1 + rng.nextInt(4); k++) c[rng.nextInt(c.length)] = (char) rng.nextInt(0, 0x3000);
        return new String(c);
    }

    private static String insert(String s, SplittableRandom rng, String[] pieces) {
        StringBuilder sb = new StringBuilder(s);
        for (int k = 0; k < 1 + rng.nextInt(3); k++) sb.insert(rng.nextInt(sb.length()), pieces[rng.nextInt(pieces.length)]);
        return sb.toString();
    }

    private static String randomShape(SplittableRandom rng, int depth) {
        int kind = depth > 6 ? rng.nextInt(4) : rng.nextInt(6);
        return switch (kind) {
            case 0 -> Long.toString(rng.nextLong());
            case 1 -> rng.nextBoolean() ? "\"" + FIELDS[rng.nextInt(FIELDS.length)] + "\"" : "null";
            case 2 -> Double.toString(rng.nextGaussian() * 1e10);
            case 3 -> rng.nextBoolean() ? "true" : "-0";
            case 4 -> {
                StringBuilder sb = new StringBuilder("[");
                for (int k = 0, n = rng.nextInt(4); k < n; k++) sb.append(k > 0 ? "," : "").append(randomShape(rng, depth + 1));
                yield sb.append(']').toString();
            }
            default -> {
                StringBuilder sb = new StringBuilder("{");
                if (depth == 0) sb.append("\"format\":\"backprop-lab-session\",\"version\":1");
                for (int k = 0, n = rng.nextInt(4); k < n; k++) {
                    sb.append(sb.length() > 1 ? "," : "").append('"').append(FIELDS[rng.nextInt(FIELDS.length)]).append(k).append("\":")
                            .append(randomShape(rng, depth + 1));
                }
                yield sb.append('}').toString();
            }
        };
    }
}
