package lab.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import lab.backprop.model.Regularization;
import lab.backprop.session.Session;
import lab.backprop.session.SessionFile;
import lab.backprop.train.LabController;
import lab.backprop.train.Trainer;
import lab.backprop.train.TrainingSetup;

/**
 * train --resume: a saved session goes on headless exactly as it goes on in the window (the lab controller the window
 * drives: Open session, set the epochs, Train), every parameter and the update rule's state bit for bit.
 */
class ResumeCommandTest {
    @TempDir Path dir;

    /** Runs the CLI and expects success. */
    private static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err(), run::toString);
        return run;
    }

    private Path saved(String name, String... trainArgs) {
        Path file = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("train", "--log-every", "0", "--save", file.toString()));
        args.addAll(List.of(trainArgs));
        ok(args.toArray(String[]::new));
        return file;
    }

    /** What the window does with a session file: Open session, the setup edited in the controls, Train; then Save session. */
    private static Session continuedInTheWindow(Path file, UnaryOperator<TrainingSetup> edit) throws Exception {
        Session s = SessionFile.load(file);
        try (LabController lab = new LabController(LabController.defaultSetup())) {
            assertNull(lab.load(s.setup(), s.network(), s.updateState()));
            assertNull(lab.changeSetup(edit.apply(lab.setup())));
            lab.train();
            assertTrue(lab.awaitQueued(60, TimeUnit.SECONDS), "the run ended");
            assertNull(lab.alert());
            LabController.Published p = lab.published();
            return new Session(p.network(), p.setup(), p.updateState());
        }
    }

    private static long[] bits(double[] values) { return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray(); }

    private static void assertSameBits(Session expected, Session actual) {
        assertEquals(expected.epochReached(), actual.epochReached(), "epoch");
        assertEquals(Arrays.toString(bits(expected.network().weights())), Arrays.toString(bits(actual.network().weights())), "weights");
        assertEquals(Arrays.toString(bits(expected.network().biases())), Arrays.toString(bits(actual.network().biases())), "biases");
        assertEquals(Arrays.toString(bits(expected.updateState())), Arrays.toString(bits(actual.updateState())), "update state");
        assertEquals(expected.setup().withData(actual.dataset()), actual.setup(), "settings");
    }

    static Stream<Arguments> sessions() {
        return Stream.of(
                Arguments.of("seed 001's gender, per sample", List.of("--dataset", "gender", "--epochs", "200"), List.<String>of(),
                        (UnaryOperator<TrainingSetup>) s -> s.withEpochs(150)),
                Arguments.of("circle: mini-batch, Nesterov, split, L2, features, cross-entropy, 2 tanh layers",
                        List.of("--dataset", "circle", "--points", "120", "--noise", "0.1", "--optimizer", "minibatch", "--batch-size", "8",
                                "--update", "nesterov", "--beta", "0.8", "--test-ratio", "0.3", "--regularization", "l2", "--reg-rate", "0.002",
                                "--features", "x1,x2,x1x2", "--loss", "cross-entropy", "--hidden", "3", "--layers", "2", "--activation", "tanh",
                                "--epochs", "40"),
                        List.<String>of(), (UnaryOperator<TrainingSetup>) s -> s.withEpochs(150)),
                Arguments.of("xor, full batch, RMSprop, a new rate and regularisation",
                        List.of("--dataset", "xor", "--update", "rmsprop", "--epochs", "300"),
                        List.of("--lr", "0.05", "--regularization", "l1", "--reg-rate", "0.001"),
                        (UnaryOperator<TrainingSetup>) s -> s.withEpochs(150).withLearningRate(0.05)
                                .withRegularization(new Regularization(Regularization.Kind.L1, 0.001))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void goesOnBitForBitAsTheWindowDoes(String name, List<String> made, List<String> overrides, UnaryOperator<TrainingSetup> edit) throws Exception {
        Path start = saved("start.json", made.toArray(String[]::new));
        Path cliResult = dir.resolve("cli.json");
        List<String> args = new ArrayList<>(List.of("train", "--resume", start.toString(), "--epochs", "150", "--save", cliResult.toString()));
        args.addAll(overrides);
        CliRun run = ok(args.toArray(String[]::new));
        Session before = SessionFile.load(start), cli = SessionFile.load(cliResult), window = continuedInTheWindow(start, edit);
        assertEquals(before.epochReached() + 150, cli.epochReached());
        assertSameBits(window, cli);
        assertNotEquals(Arrays.toString(before.network().weights()), Arrays.toString(cli.network().weights()), "it trained");
        assertTrue(run.outLines().get(0).startsWith("Resuming " + start + " at epoch " + before.epochReached() + ": "), run::toString);
    }

    @Test
    void anAdamRunGoesOnExactlyWithItsMoments() throws Exception {
        Path whole = saved("whole.json", "--update", "adam", "--lr", "0.05", "--epochs", "300");
        Path half = saved("half.json", "--update", "adam", "--lr", "0.05", "--epochs", "100");
        Path rest = dir.resolve("rest.json");
        ok("train", "--resume", half.toString(), "--epochs", "200", "--save", rest.toString());
        Session uninterrupted = SessionFile.load(whole), resumed = SessionFile.load(rest);
        assertSameBits(uninterrupted.withSetup(uninterrupted.setup().withEpochs(200)), resumed);
        double[] state = resumed.updateState();
        assertEquals(1200, state[state.length - 1], "Adam's step count: 300 epochs of 4 samples");

        // The check has teeth: the same network with Adam's moments forgotten goes elsewhere.
        Session halfway = SessionFile.load(half);
        Trainer forgetful = new Session(halfway.network(), halfway.setup()).newTrainer();
        forgetful.runEpochs(200);
        assertNotEquals(Arrays.toString(resumed.network().weights()), Arrays.toString(forgetful.snapshot().weights()));
    }

    @Test
    void lossLinesAndTheLossCsvCountOnFromTheSavedEpoch() throws Exception {
        Path half = saved("half.json", "--epochs", "100");
        Path csv = dir.resolve("loss.csv");
        CliRun resumed = ok("train", "--resume", half.toString(), "--epochs", "30", "--log-every", "10", "--loss-csv", csv.toString());
        CliRun whole = ok("train", "--epochs", "130", "--log-every", "10");
        List<String> lines = resumed.outLines().stream().filter(l -> l.startsWith("Epoch ")).toList();
        assertEquals(List.of("Epoch 100", "Epoch 110", "Epoch 120"), lines.stream().map(l -> l.substring(0, l.indexOf(" loss"))).toList());
        assertTrue(whole.outLines().containsAll(lines), "the uninterrupted run printed the same lines: " + whole);
        assertTrue(resumed.out().contains("Final loss after 130 epochs"), resumed::toString);
        List<String> rows = Files.readAllLines(csv);
        assertEquals("epoch,loss", rows.get(0));
        assertEquals(31, rows.size());
        assertTrue(rows.get(1).startsWith("100,") && rows.get(30).startsWith("129,"), rows::toString);
    }

    @Test
    void withoutEpochsItTrainsTheSessionsEpochsSettingAsTheWindowsTrainDoes() throws Exception {
        Path start = saved("start.json", "--epochs", "40");
        Path out = dir.resolve("out.json");
        ok("train", "--resume", start.toString(), "--save", out.toString());
        assertEquals(80, SessionFile.load(out).epochReached());
        assertSameBits(continuedInTheWindow(start, s -> s), SessionFile.load(out));
    }

    /** A valid value for each option a session fixes: every one is refused with --resume (the test fails on a new one). */
    private static final Map<String, List<String>> FIXED_BY_THE_SESSION = Map.ofEntries(
            Map.entry("--dataset", List.of("xor")), Map.entry("--points", List.of("50")), Map.entry("--noise", List.of("0.1")),
            Map.entry("--data-seed", List.of("2")), Map.entry("--data", List.of("assets/xor.csv")),
            Map.entry("--optimizer", List.of("batch")), Map.entry("--batching", List.of("batch")), Map.entry("--hidden", List.of("3")),
            Map.entry("--layers", List.of("2")), Map.entry("--activation", List.of("tanh")), Map.entry("--seed", List.of("5")),
            Map.entry("--batch-size", List.of("2")), Map.entry("--features", List.of("x1,x2,x1x2")), Map.entry("--loss", List.of("mse")),
            Map.entry("--update", List.of("adam")), Map.entry("--beta", List.of("0.5")), Map.entry("--rho", List.of("0.5")),
            Map.entry("--beta1", List.of("0.5")), Map.entry("--beta2", List.of("0.5")), Map.entry("--epsilon", List.of("1e-6")),
            Map.entry("--test-ratio", List.of("0.2")), Map.entry("--init", List.of("uniform")));

    @Test
    void optionsThatWouldMakeAnotherNetworkOrOtherDataAreRefused() {
        Path start = saved("start.json", "--epochs", "10");
        TreeSet<String> declared = new TreeSet<>();
        var train = BackpropCli.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter()))
                .getSubcommands().get("train");
        for (var o : train.getCommandSpec().mixins().get("options").options()) {
            if (!o.usageHelp()) declared.addAll(List.of(o.names()));
        }
        declared.removeAll(TrainingOptions.SESSION_OVERRIDES);
        assertEquals(declared, new TreeSet<>(FIXED_BY_THE_SESSION.keySet()), "every training option is either refused or an override");
        for (var e : FIXED_BY_THE_SESSION.entrySet()) {
            List<String> args = new ArrayList<>(List.of("train", "--resume", start.toString(), e.getKey()));
            args.addAll(e.getValue());
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(2, run.exitCode(), run::toString);
            assertEquals("", run.out(), "nothing trained: " + run);
            assertEquals(1, run.errLines().size(), run::toString);
            assertTrue(run.err().contains("trains the session's own network on its own data; leave out --"), run::toString);
        }
        CliRun hidden = CliRun.of("train", "--resume", start.toString(), "--hidden", "4");
        assertTrue(hidden.err().startsWith("Error: --resume " + start + " trains the session's own network on its own data; leave out"
                + " --hidden (a resumed run takes only --epochs, --lr, --regularization and --reg-rate)"), hidden::toString);
    }

    @Test
    void aRegularizationRateAloneNeedsARegularizedSession() throws Exception {
        Path plain = saved("plain.json", "--epochs", "10");
        CliRun refused = CliRun.of("train", "--resume", plain.toString(), "--reg-rate", "0.01");
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("--reg-rate needs --regularization l1 or l2"), refused::toString);

        Path l2 = saved("l2.json", "--epochs", "10", "--regularization", "l2", "--reg-rate", "0.01");
        Path out = dir.resolve("out.json");
        ok("train", "--resume", l2.toString(), "--epochs", "5", "--reg-rate", "0.03", "--save", out.toString());
        assertEquals(new Regularization(Regularization.Kind.L2, 0.03), SessionFile.load(out).setup().regularization());
        ok("train", "--resume", l2.toString(), "--epochs", "5", "--save", out.toString());
        assertEquals(new Regularization(Regularization.Kind.L2, 0.01), SessionFile.load(out).setup().regularization(), "kept");
    }

    @Test
    void aBadSessionFileIsOneLineAndExitCodeTwo() throws Exception {
        Path notJson = dir.resolve("notes.json");
        Files.writeString(notJson, "these are notes, not JSON\n");
        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, Files.readString(saved("ok.json", "--epochs", "5")).replace("\"version\" : 1", "\"version\" : 2"));
        Map<Path, String> expected = Map.of(
                dir.resolve("missing.json"), "Error: --resume missing.json: ",
                notJson, "Error: --resume notes.json: not valid JSON",
                newer, "Error: --resume newer.json: the file has format version 2, written by a newer Backprop Lab; this one reads version 1",
                dir, "Error: --resume ");
        for (var e : expected.entrySet()) {
            CliRun run = CliRun.of("train", "--resume", e.getKey().toString(), "--epochs", "5");
            assertEquals(2, run.exitCode(), run::toString);
            assertEquals("", run.out(), run::toString);
            assertEquals(1, run.errLines().size(), run::toString);
            assertTrue(run.err().startsWith(e.getValue()), run::toString);
            assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run::toString);
        }
    }
}
