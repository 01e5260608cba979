package lab.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --data FILE.csv, train --save FILE.json and predict --model FILE.json. */
class DataAndModelFilesTest {
    @TempDir Path dir;

    @Test
    void trainsOnOwnCsvData() {
        CliRun run = CliRun.of("train", "--data", "assets/gender.csv", "--epochs", "1000", "--log-every", "100");
        assertEquals(0, run.exitCode(), run.toString());
        // assets/gender.csv is seed 001's table in raw units: same defaults and the same first loss line
        // as the built-in set with the same seed.
        CliRun builtin = CliRun.of("train", "--dataset", "gender", "--epochs", "1000", "--log-every", "100");
        assertEquals(builtin.outLines().get(1), run.outLines().get(1));
        assertTrue(run.out().contains("Alice"), run.out());
    }

    @Test
    void aBadCsvIsOneLineAndExitCodeTwo() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "1,2,0\n3,abc,1\n");
        CliRun run = CliRun.of("train", "--data", bad.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains("line 2"), run.err());
        assertTrue(run.out().isEmpty(), "nothing trained: " + run.out());
        assertEquals(2, CliRun.of("train", "--data", dir.resolve("missing.csv").toString()).exitCode());
        assertEquals(2, CliRun.of("train", "--data", "assets/xor.csv", "--dataset", "xor").exitCode());
    }

    @Test
    void aSavedModelAnswersLikeTheRunThatMadeIt() throws Exception {
        Path model = dir.resolve("gender.json");
        CliRun train = CliRun.of("train", "--dataset", "gender", "--seed", "3", "--save", model.toString());
        assertEquals(0, train.exitCode(), train.toString());
        assertTrue(Files.size(model) > 0);
        assertTrue(train.out().contains("Saved to"), train.out());

        CliRun fromModel = CliRun.of("predict", "--model", model.toString(), "128", "63");
        CliRun trainedNow = CliRun.of("predict", "--dataset", "gender", "--seed", "3", "128", "63");
        assertEquals(0, fromModel.exitCode(), fromModel.toString());
        assertEquals(trainedNow.out(), fromModel.out());
        assertTrue(fromModel.out().contains("class F"), fromModel.out());
    }

    @Test
    void aCorruptOrMisusedModelIsRefusedInOneLine() throws Exception {
        Path corrupt = dir.resolve("corrupt.json");
        Files.writeString(corrupt, "{\"format\": \"something else\"}");
        CliRun run = CliRun.of("predict", "--model", corrupt.toString(), "128", "63");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());

        Path model = dir.resolve("m.json");
        assertEquals(0, CliRun.of("train", "--epochs", "10", "--save", model.toString()).exitCode());
        assertEquals(2, CliRun.of("predict", "--model", model.toString(), "--dataset", "xor", "1", "0").exitCode());
        assertEquals(2, CliRun.of("train", "--save", dir.resolve("no/such/folder/m.json").toString()).exitCode());
    }
}
