package lab.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's promise for every hostile input: one line naming the problem, exit 2, nothing changed. */
class HostileInputTest {
    @TempDir Path dir;

    private static void assertRefused(CliRun run, String fragment) {
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains(fragment), run.err());
        assertFalse(run.err().chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r'), "no raw control characters: " + run.err());
        assertFalse(run.err().matches("(?s).*\\b(com|java|lab|org)\\.[a-z]+\\..*"), "no class names: " + run.err());
    }

    @Test void namedPipesAndFoldersAreRefusedAtOnce() throws Exception {
        Path pipe = dir.resolve("pipe.csv");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
        CliRun data = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliRun.of("train", "--data", pipe.toString()));
        assertRefused(data, "pipe.csv: it is a named pipe (FIFO), not a file");
        CliRun model = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliRun.of("predict", "--model", pipe.toString(), "1", "2"));
        assertRefused(model, "it is a named pipe (FIFO), not a file");
        assertRefused(CliRun.of("predict", "--model", dir.toString(), "1", "2"), "it is a directory, not a file");
        assertRefused(CliRun.of("train", "--data", "/dev/null"), "it is a character device, not a file");
    }

    @Test void aSaveToAFolderIsRefusedBeforeTraining() throws Exception {
        CliRun slash = CliRun.of("train", "--epochs", "1", "--save", dir.resolve("somewhere") + "/");
        assertRefused(slash, "the path ends in a separator");
        assertFalse(Files.exists(dir.resolve("somewhere")), "no file named 'somewhere'");
        assertRefused(CliRun.of("train", "--epochs", "1", "--save", dir.toString()), "it is a directory, not a file");
        assertRefused(CliRun.of("train", "--epochs", "1", "--save", dir.resolve("no/such/run.json").toString()), "does not exist");
        assertTrue(slash.out().isEmpty(), "nothing trained: " + slash.out());
        CliRun ok = CliRun.of("train", "--epochs", "1", "--save", dir.resolve("run.json").toString());
        assertEquals(0, ok.exitCode(), ok.toString());
    }

    @Test void controlCharactersInArgumentsAndFilesAreEscaped() throws Exception {
        assertRefused(CliRun.of("train", "--lr", "\u001b[31m"), "\\u001b[31m");
        assertRefused(CliRun.of("train", "--dataset", "x\u0007y"), "'x\\u0007y'");
        assertRefused(CliRun.of("train", "--optimizer", "\u001b]0;owned\u0007"), "\\u001b]0;owned\\u0007");
        Path nul = dir.resolve("nul.csv");
        Files.write(nul, "1,2,1\n3,4\u00001,0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertRefused(CliRun.of("train", "--data", nul.toString()), "nul.csv line 2, column 2: the value '4\\u00001' holds a control character");
        Path escape = dir.resolve("esc.csv");
        Files.writeString(escape, "x,y,label\n1,\u001b[2Jboom,1\n");
        assertRefused(CliRun.of("train", "--data", escape.toString()), "\\u001b[2Jboom");
    }

    @Test void aSessionTooLargeToHoldIsRefusedWithoutRunningOutOfMemory() throws Exception {
        StringBuilder json = new StringBuilder("{\"format\": \"backprop-lab-session\", \"version\": 1, \"dataset\": {\"name\": \"b\","
                + " \"featureNames\": [\"a\", \"b\"], \"shift\": [0, 0], \"positiveClass\": \"1\", \"negativeClass\": \"0\","
                + " \"samples\": [{\"name\": \"p\", \"x\": [1, 2], \"label\": 1}]}, \"network\": {\"layers\": [2");
        for (int l = 0; l < 13; l++) json.append(", 1000");
        json.append(", 1], \"hiddenActivation\": \"sigmoid\", \"outputActivation\": \"sigmoid\", \"weights\": [");
        for (int i = 0; i < 1_500_000; i++) json.append(i == 0 ? "0" : ",0");
        json.append("], \"biases\": [], \"epoch\": 0, \"loss\": null}, \"training\": {}}");
        Path bomb = Files.writeString(dir.resolve("bomb.json"), json);
        CliRun run = CliRun.of("predict", "--model", bomb.toString(), "1", "2");
        assertRefused(run, "network.weights has more than 1000000 numbers; a session holds at most that many");
    }
}
