package lab.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import lab.backprop.data.BuiltinDatasets;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.train.Setups;
import lab.backprop.data.Batching;
import lab.backprop.train.Trainer;

class TrainCommandTest {
    private static final Pattern LOSS_LINE = Pattern.compile("Epoch (\\d+) loss: (\\d+\\.\\d{3})");

    @Test void genderDefaultsAreSeed001() {
        CliRun run = CliRun.of("train", "--dataset", "gender");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err());
        assertEquals("Training 2-2-1 sigmoid on gender: sgd, lr 0.1, 1000 epochs, normal init, seed 1", run.outLines().get(0));
        List<String> lossLines = run.outLines().stream().filter(l -> l.startsWith("Epoch ")).toList();
        assertEquals(100, lossLines.size(), "epochs 0, 10, ..., 990 as seed 001 prints them");
        for (int i = 0; i < lossLines.size(); i++) {
            Matcher m = LOSS_LINE.matcher(lossLines.get(i));
            assertTrue(m.matches(), lossLines.get(i));
            assertEquals(10L * i, Long.parseLong(m.group(1)));
        }
        assertTrue(run.out().contains("Final loss after 1000 epochs"), run::toString);
    }

    @Test void lossLinesAreMeasuredAfterEachEpochsUpdates() throws Exception {
        // The same run done by hand with the engine: "Epoch N" shows the loss after epoch N's updates.
        Trainer t = Setups.trainer(Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 7),
                BuiltinDatasets.gender(), Batching.Mode.PER_SAMPLE, 0.1, 1, 7);
        double[] expected = new double[30];
        for (int e = 0; e < 30; e++) expected[e] = t.runEpoch();
        CliRun run = CliRun.of("train", "--seed", "7", "--epochs", "30", "--log-every", "3");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lossLines = run.outLines().stream().filter(l -> l.startsWith("Epoch ")).toList();
        assertEquals(10, lossLines.size());
        for (int k = 0; k < 10; k++) {
            assertEquals(String.format(Locale.ROOT, "Epoch %d loss: %.3f", 3 * k, expected[3 * k]), lossLines.get(k));
        }
    }

    @Test void finalPredictionsNameEverySampleWithRawInputsOutputAndClass() {
        CliRun run = CliRun.of("train", "--log-every", "0");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.outLines().stream().noneMatch(l -> l.startsWith("Epoch ")), "--log-every 0 prints no loss lines");
        List<String> lines = run.outLines();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("name")).findFirst().orElseThrow());
        assertEquals(List.of("name", "weight", "(lb)", "height", "(in)", "output", "class", "label"),
                List.of(lines.get(header).trim().split("\\s+")));
        String[][] expected = { { "Alice", "133", "65", "F" }, { "Bob", "160", "72", "M" },
                { "Charlie", "152", "70", "M" }, { "Diana", "120", "60", "F" } };
        for (int i = 0; i < expected.length; i++) {
            String[] cells = lines.get(header + 1 + i).trim().split("\\s+");
            assertEquals(expected[i][0], cells[0]);
            assertEquals(expected[i][1], cells[1]);
            assertEquals(expected[i][2], cells[2]);
            double output = Double.parseDouble(cells[3]);
            assertEquals(expected[i][3], cells[4], "trained class of " + cells[0]);
            assertEquals(expected[i][3], cells[5], "label of " + cells[0]);
            assertTrue(expected[i][3].equals("F") ? output > 0.5 : output < 0.5, lines.get(header + 1 + i));
        }
    }

    @Test void aGeneratedSetIsNamedInTheHeaderTrainsTheSameTwiceAndPrintsItsAccuracy() {
        String[] args = { "train", "--dataset", "spiral", "--points", "60", "--noise", "0.2", "--data-seed", "3", "--epochs", "20",
                "--log-every", "5" };
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("Training 2-2-1 sigmoid on spiral (60 points, noise 20 %, seed 3): sgd, lr 0.1, 20 epochs, normal init, seed 1",
                run.outLines().get(0));
        assertEquals(run.out(), CliRun.of(args).out(), "same seeds, same points, same run");
        assertTrue(run.out().contains("... and 40 more samples"), run::toString);
        Matcher m = Pattern.compile("Accuracy: (\\d+) of 60 \\(").matcher(run.out());
        assertTrue(m.find(), run::toString);
        // the accuracy is the network's on the points, counted again here from the same run by the engine
        lab.backprop.data.Dataset d = lab.backprop.data.Generator.remade(BuiltinDatasets.byName("spiral"), 60, 0.2, 3L);
        Trainer t = lab.backprop.train.TrainingSetup.forData(d).withEpochs(20).newTrainer();
        try { t.runEpochs(20); } catch (lab.backprop.train.DivergenceException e) { throw new AssertionError(e); }
        long right = d.samples().stream().filter(s -> (t.network().predict(d.toInput(s.raw()))[0] >= 0.5) == (s.label() >= 0.5)).count();
        assertEquals(right, Long.parseLong(m.group(1)));
    }

    @Test void aTestSplitPrintsTheTestLossOnEveryLossLineAndTheTestAccuracy() {
        CliRun run = CliRun.of("train", "--dataset", "circle", "--points", "100", "--test-ratio", "0.3", "--epochs", "20", "--log-every", "10");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.outLines().get(0).endsWith(", test 30 % (30 of 100 samples)"), run.outLines().get(0));
        List<String> lossLines = run.outLines().stream().filter(l -> l.startsWith("Epoch ")).toList();
        assertEquals(2, lossLines.size());
        for (String l : lossLines) assertTrue(l.matches("Epoch \\d+ loss: \\d\\.\\d{3} test: \\d\\.\\d{3}"), l);
        assertTrue(run.out().matches("(?s).*Final loss after 20 epochs: [0-9.]+, test loss [0-9.]+\n.*"), run::toString);
        assertTrue(run.out().contains("on the training samples") && run.out().matches("(?s).*Test accuracy: \\d+ of 30 .*"), run::toString);
        // the test loss printed is the trainer's, from the same run
        lab.backprop.data.Dataset d = lab.backprop.data.Generator.remade(BuiltinDatasets.byName("circle"), 100, null, null);
        Trainer t = lab.backprop.train.TrainingSetup.forData(d).withSplit(lab.backprop.data.Split.of(0.3)).newTrainer();
        try { t.runEpochs(11); } catch (lab.backprop.train.DivergenceException e) { throw new AssertionError(e); }
        assertEquals(String.format(Locale.ROOT, "Epoch 10 loss: %.3f test: %.3f", t.loss(), t.testLoss()), lossLines.get(1));
    }

    @Test void lossCsvHoldsEveryEpochsLossAsTheTrainerMeasuredIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("loss.csv");
        CliRun run = CliRun.of("train", "--seed", "3", "--epochs", "25", "--log-every", "5", "--loss-csv", file.toString());
        assertEquals(0, run.exitCode(), run::toString);
        List<String> rows = java.nio.file.Files.readAllLines(file);
        assertEquals("epoch,loss", rows.get(0));
        assertEquals(26, rows.size());
        Trainer t = Setups.trainer(Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 3),
                BuiltinDatasets.gender(), Batching.Mode.PER_SAMPLE, 0.1, 1, 3);
        for (int e = 0; e < 25; e++) assertEquals(e + "," + t.runEpoch(), rows.get(e + 1), "epoch " + e + ", every digit");
        // and with a test split, the test loss in a third column
        CliRun split = CliRun.of("train", "--dataset", "circle", "--test-ratio", "0.2", "--epochs", "3", "--log-every", "0",
                "--loss-csv", file.toString());
        assertEquals(0, split.exitCode(), split::toString);
        rows = java.nio.file.Files.readAllLines(file);
        assertEquals("epoch,loss,test_loss", rows.get(0));
        assertEquals(3, rows.get(3).split(",").length);
        CliRun bad = CliRun.of("train", "--loss-csv", dir.toString() + "/");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--loss-csv"), bad::toString);
    }

    @Test void dataDashReadsTheCsvFromStandardInput() {
        java.util.function.Supplier<java.io.InputStream> before = TrainingOptions.standardInput;
        try {
            TrainingOptions.standardInput = () -> new java.io.ByteArrayInputStream("x,y,label\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            CliRun run = CliRun.of("train", "--data", "-", "--epochs", "5", "--log-every", "0");
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.outLines().get(0).startsWith("Training 2-2-1 sigmoid on stdin, inputs standardized"), run.outLines().get(0));
            assertTrue(run.out().contains("Accuracy: ") && run.out().contains(" of 4 "), run::toString);
            TrainingOptions.standardInput = () -> new java.io.ByteArrayInputStream("1;2;3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            CliRun bad = CliRun.of("train", "--data", "-");
            assertEquals(2, bad.exitCode());
            assertTrue(bad.err().startsWith("Error: stdin line 1: "), bad::toString);
        } finally {
            TrainingOptions.standardInput = before;
        }
    }

    @Test void xorDefaultsAreSeed000() {
        CliRun run = CliRun.of("train", "--dataset", "xor", "--log-every", "1000");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("Training 2-2-1 sigmoid on xor: batch (summed gradient, as seed 000), lr 1, 5000 epochs, uniform init, seed 0", run.outLines().get(0));
        assertEquals(5, run.outLines().stream().filter(l -> l.startsWith("Epoch ")).count());
        assertTrue(run.out().contains("Final loss after 5000 epochs"));
        assertTrue(run.out().contains("1 xor 1"), run::toString);
    }

    @Test void explicitOptionsOverrideTheDefaults() {
        CliRun run = CliRun.of("train", "--dataset", "xor", "--optimizer", "minibatch", "--batch-size", "2", "--lr", "0.5",
                "--epochs", "20", "--hidden", "4", "--activation", "tanh", "--init", "normal", "--seed", "3", "--log-every", "5");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("Training 2-4-1 tanh on xor: minibatch (batch size 2), lr 0.5, 20 epochs, normal init, seed 3", run.outLines().get(0));
        assertEquals(4, run.outLines().stream().filter(l -> l.startsWith("Epoch ")).count());
    }

    @Test void sameSeedGivesTheSameOutput() {
        CliRun a = CliRun.of("train", "--seed", "42", "--epochs", "200");
        CliRun b = CliRun.of("train", "--seed", "42", "--epochs", "200");
        CliRun c = CliRun.of("train", "--seed", "43", "--epochs", "200");
        assertEquals(a.out(), b.out());
        assertTrue(!a.out().substring(a.out().indexOf('\n')).equals(c.out().substring(c.out().indexOf('\n'))),
                "another seed gives another run");
    }

    @Test void zeroEpochsShowsTheInitialNetwork() {
        CliRun run = CliRun.of("train", "--epochs", "0");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("Final loss after 0 epochs"), run::toString);
    }

    @Test void divergencePrintsTheRollbackMessageAndExitsWith1() {
        CliRun run = CliRun.of("train", "--lr", "1e9", "--epochs", "50");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        assertTrue(run.err().startsWith("Error: Training diverged in epoch 1:"), run::toString);
        assertTrue(run.err().contains("rolled back to epoch 0"), run::toString);
        assertTrue(!run.out().contains("Final loss"), "no predictions after a failed run");
    }

    @Test void reportHeapPrintsTenCheckpoints() {
        java.util.function.LongSupplier real = HeapMeter.meter;
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        HeapMeter.meter = () -> (6L << 20) + calls.getAndIncrement() * (1L << 19); // 6 MiB, then 0.5 MiB more each time
        CliRun run;
        try {
            run = CliRun.of("train", "--epochs", "1000", "--log-every", "0", "--report-heap");
        } finally {
            HeapMeter.meter = real;
        }
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(11, calls.get(), "once before training and at ten checkpoints");
        assertTrue(run.outLines().contains("Heap used before training: 6.0 MiB"), run::toString);
        List<String> checkpoints = run.outLines().stream().filter(l -> l.startsWith("Heap used after epoch ")).toList();
        assertEquals(10, checkpoints.size(), run::toString);
        assertEquals("Heap used after epoch 99: 6.5 MiB (loss history: 100 buckets for 100 epochs)", checkpoints.get(0));
        assertEquals("Heap used after epoch 999: 11.0 MiB (loss history: 1000 buckets for 1000 epochs)", checkpoints.get(9));
        assertTrue(run.out().contains("Final loss after 1000 epochs"), run::toString);
    }

    @Test void theRealHeapMeterGivesAPlausibleFigure() {
        long used = HeapMeter.collectAndMeasure();
        assertTrue(used > 0 && used <= Runtime.getRuntime().maxMemory(), "used heap " + used);
    }
}
