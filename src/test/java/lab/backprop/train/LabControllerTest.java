package lab.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import lab.backprop.data.Batching;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Architecture;
import lab.backprop.model.Initializer;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;

/** The lab without a window: every command, the run state machine, swaps, rewinds and loads, in milliseconds. */
class LabControllerTest {
    private LabController lab;

    @BeforeEach void start() { lab = new LabController(LabController.defaultSetup()); }

    @AfterEach void stop() { lab.close(); }

    private void settle() { assertTrue(lab.awaitQueued(20, TimeUnit.SECONDS), "the training thread finished its work"); }

    private static void waitFor(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) fail("timed out waiting for: " + what);
            Thread.onSpinWait();
        }
    }

    private static double mse(Snapshot s, Dataset d) {
        Network n = s.toNetwork();
        double sum = 0;
        for (int i = 0; i < d.size(); i++) {
            double e = d.labels()[i] - n.predict(d.inputs()[i])[0];
            sum += e * e;
        }
        return sum / d.size();
    }

    @Test void startsAsSeed001() {
        assertEquals("gender", lab.data().name());
        assertEquals("2-2-1", lab.latest().layout().toString());
        assertEquals(Activation.SIGMOID, lab.latest().hiddenActivation());
        assertEquals(0.1, lab.trainerLearningRate());
        assertEquals(Batching.Mode.PER_SAMPLE, lab.setup().batching().mode());
        assertEquals(Initializer.STANDARD_NORMAL, lab.setup().init());
        assertEquals(1, lab.setup().seed());
        assertEquals(1000, lab.setup().epochs());
        assertEquals(1, lab.lossHistory().recorded());
        assertEquals(RunState.IDLE, lab.state());
        assertEquals(Arrays.toString(Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1).weightsCopy()),
                Arrays.toString(lab.latest().weights()), "seed 1's draw");
    }

    @Test void refusedRatesLeaveTheRateInUse() {
        assertNotNull(lab.setLearningRate(-3));
        assertEquals(0.1, lab.setup().learningRate());
        assertEquals(0.1, lab.trainerLearningRate());
        assertTrue(lab.setLearningRate(Double.NaN).contains("positive number"));
        assertEquals(0.1, lab.trainerLearningRate());
        assertNull(lab.setLearningRate(0.25));
        assertEquals(0.25, lab.trainerLearningRate());
        assertEquals(0.25, lab.setup().learningRate());
    }

    @Test void aNewRateOrEpochCountKeepsTheNetworkAnythingElseDrawsAFreshOne() {
        long generation = lab.generation();
        assertNull(lab.changeSetup(lab.setup().withLearningRate(0.5).withEpochs(7)));
        assertEquals(generation, lab.generation(), "same trainer");
        assertEquals(0.5, lab.trainerLearningRate());
        assertEquals(7, lab.setup().epochs());
        assertNull(lab.changeSetup(lab.setup().withSeed(3)));
        assertNotEquals(generation, lab.generation());
        assertArrayEquals(Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 3).weightsCopy(), lab.latest().weights(), 0.0);
        assertNull(lab.changeSetup(lab.setup().withArchitecture(Architecture.of(3, 8, Activation.TANH))));
        assertEquals("2-8-8-8-1", lab.latest().layout().toString());
        assertEquals(Activation.TANH, lab.latest().hiddenActivation());
        String tooBig = lab.changeSetup(lab.setup().withArchitecture(Architecture.of(1, 9, Activation.TANH)));
        assertTrue(tooBig.contains("up to 8"), tooBig);
        assertEquals("2-8-8-8-1", lab.latest().layout().toString(), "a refusal changes nothing");
        assertNotNull(lab.changeSetup(lab.setup().withData(BuiltinDatasets.xor())), "data goes through selectData");
    }

    @Test void badParameterTextIsRefusedWithAMessage() {
        String msg = lab.editParameter(0, "one");
        assertTrue(msg.contains("not a number"), msg);
        assertTrue(lab.editParameter(0, "1,5").contains("use a dot"), "a decimal comma is refused by name");
        assertEquals("no parameter 9", lab.editParameter(9, "1"));
        assertNull(lab.editParameter(0, "0.75"));
        settle();
        assertEquals(0.75, lab.latest().weight(0));
        assertEquals(mse(lab.latest(), lab.data()), lab.latest().loss(), 1e-15, "the loss of the edited network");
    }

    @Test void resetWithTheSameSeedGivesTheSameWeightsAndADataSetBringsItsPreset() {
        double[] first = lab.latest().weights();
        lab.setParameter(0, 5);
        settle();
        assertEquals(5, lab.latest().weight(0));
        lab.reset();
        assertArrayEquals(first, lab.latest().weights(), 0.0);
        assertNull(lab.selectData(BuiltinDatasets.xor()));
        TrainingSetup xor = lab.setup();
        assertEquals(0, xor.seed());
        assertEquals(Batching.Mode.FULL_BATCH, xor.batching().mode());
        assertEquals(Initializer.UNIFORM_0_1, xor.init());
        assertEquals(1.0, lab.trainerLearningRate());
        assertEquals(5000, xor.epochs());
        for (double p : lab.latest().weights()) assertTrue(p >= 0 && p < 1, "uniform [0,1) start: " + p);
        assertTrue(lab.knownNames().containsAll(java.util.List.of("xor", "gender")));
    }

    @Test void theArchitectureStaysWhenTheDataChanges() {
        assertNull(lab.changeSetup(lab.setup().withArchitecture(Architecture.of(2, 5, Activation.RELU))));
        assertNull(lab.selectData(BuiltinDatasets.xor()));
        assertEquals("2-5-5-1", lab.latest().layout().toString());
        assertEquals(Activation.RELU, lab.setup().architecture().hidden());
    }

    @Test void trainRunsTheEpochsOfTheSetupInEveryBatching() {
        for (Batching.Mode mode : Batching.Mode.values()) {
            assertNull(lab.changeSetup(lab.setup().withBatching(new Batching(mode, 2)).withEpochs(200)));
            lab.setEpochsPerSecond(0);
            lab.train();
            assertTrue(lab.state() == RunState.RUNNING || lab.latest().epoch() == 200, "running, or already done");
            settle();
            assertEquals(RunState.IDLE, lab.state());
            assertEquals(200, lab.latest().epoch(), mode.label());
            assertTrue(lab.latest().loss() < lab.lossHistory().view().max()[0], mode.label() + " learns");
            assertEquals(201, lab.lossHistory().recorded());
            assertEquals(201, lab.parameterHistory().size());
        }
    }

    @Test void pauseStopsTheWeightsAndResumeGoesOnToTheSameTarget() throws Exception {
        lab.setEpochsPerSecond(200);
        assertNull(lab.changeSetup(lab.setup().withEpochs(100)));
        lab.train();
        waitFor("some epochs", () -> lab.latest().epoch() > 5);
        lab.pause();
        waitFor("paused", () -> lab.state() == RunState.PAUSED);
        Snapshot paused = lab.latest();
        Thread.sleep(100);
        assertSame(paused, lab.latest(), "nothing trains while paused");
        lab.resume();
        assertEquals(RunState.RUNNING, lab.state());
        lab.setEpochsPerSecond(0);
        settle();
        assertEquals(RunState.IDLE, lab.state());
        assertEquals(100, lab.latest().epoch(), "the run ends where it was heading");
        lab.resume();
        assertEquals(RunState.IDLE, lab.state(), "nothing to resume");
    }

    @Test void stepRunsExactlyOneEpochAndStaysIdle() throws Exception {
        Trainer same = lab.setup().newTrainer();
        lab.step();
        settle();
        assertEquals(1, lab.latest().epoch());
        assertEquals(RunState.IDLE, lab.state());
        assertEquals(1, lab.finishedRuns());
        assertTrue(same.runEpoch() == lab.latest().loss());
        assertArrayEquals(same.network().weightsCopy(), lab.latest().weights(), 0.0, "one epoch of the setup, bit for bit");
    }

    @Test void divergenceStopsTrainingRollsBackAndRaisesAnAlertNamingTheParameter() {
        assertNull(lab.setLearningRate(1000));
        assertNull(lab.changeSetup(lab.setup().withEpochs(100_000)));
        lab.setEpochsPerSecond(0);
        lab.train();
        settle();
        assertEquals(RunState.IDLE, lab.state());
        LabController.Alert alert = lab.alert();
        assertNotNull(alert);
        assertTrue(alert.message().contains("diverged") && alert.message().matches("(?s).*\\b[wb]\\d+\\b.*"), alert.message());
        for (double p : lab.latest().weights()) assertTrue(Double.isFinite(p) && Math.abs(p) <= 1e6, "rolled back: " + p);
        assertNull(lab.setLearningRate(0.1));
        lab.step();
        settle();
        assertSame(alert, lab.alert(), "no new problem");
    }

    @Test void rewindingPutsTheParametersAndTheEpochBackAndKeepsTheFutureUntilTrainingGoesOn() {
        Snapshot start = lab.latest();
        assertNull(lab.changeSetup(lab.setup().withEpochs(40)));
        lab.setEpochsPerSecond(0);
        lab.train();
        settle();
        Snapshot at40 = lab.latest();
        assertTrue(lab.restoreParameters(start));
        settle();
        assertArrayEquals(start.weights(), lab.latest().weights(), 0.0);
        assertArrayEquals(start.biases(), lab.latest().biases(), 0.0);
        assertEquals(0, lab.latest().epoch());
        assertEquals(40, lab.parameterHistory().latestEpoch(), "the later epochs stay, to scrub forward again");
        assertTrue(lab.restoreParameters(lab.parameterHistory().at(40)));
        settle();
        assertArrayEquals(at40.weights(), lab.latest().weights(), 0.0);
        assertFalse(lab.restoreParameters(Network.sigmoid(2, 3, 1).snapshot(0, 0)), "another layout");
        assertTrue(lab.restoreParameters(lab.parameterHistory().at(10)));
        lab.step();
        settle();
        assertEquals(11, lab.latest().epoch());
        assertEquals(11, lab.parameterHistory().latestEpoch(), "training on from epoch 10 replaced 11..40");
        assertEquals(11, lab.lossHistory().latestEpoch());
    }

    @Test void aPointAddedWhileTrainingKeepsTheRunGoingOnTheNewData() {
        lab.setEpochsPerSecond(200);
        assertNull(lab.changeSetup(lab.setup().withEpochs(2000)));
        lab.train();
        waitFor("some epochs", () -> lab.latest().epoch() > 20);
        int size = lab.data().size();
        LossHistory history = lab.lossHistory();
        assertNull(lab.replaceData(lab.data().with(new Dataset.Sample("new", new double[] { 150, 66 }, 1))));
        assertEquals(RunState.RUNNING, lab.state(), () -> "alert: " + lab.alert());
        lab.setEpochsPerSecond(0);
        settle();
        assertEquals(RunState.IDLE, lab.state());
        Snapshot s = lab.latest();
        assertEquals(2000, s.epoch());
        assertEquals(mse(s, lab.data()), s.loss(), 1e-12);
        assertEquals(size + 1, lab.data().size());
        assertSame(history, lab.lossHistory(), "one curve across the swap");
    }

    @Test void anEditTypedRightAfterAddingAPointIsKept() {
        assertNull(lab.changeSetup(lab.setup().withEpochs(20)));
        lab.setEpochsPerSecond(0);
        lab.train();
        settle();
        double[] before = lab.latest().weights();
        assertNull(lab.replaceData(lab.data().with(new Dataset.Sample(null, new double[] { 140, 68 }, 0))));
        assertNull(lab.editParameter(0, "3.25"));
        settle();
        double[] after = lab.latest().weights();
        assertEquals(3.25, after[0]);
        for (int i = 1; i < after.length; i++) assertEquals(before[i], after[i], "parameter " + i);
        assertEquals(20, lab.latest().epoch());
        assertEquals(mse(lab.latest(), lab.data()), lab.latest().loss(), 1e-12);
    }

    @Test void replacingDataWithOtherFeaturesIsRefused() {
        String why = lab.replaceData(BuiltinDatasets.xor());
        assertTrue(why.contains("other features"), why);
        assertEquals("gender", lab.data().name());
        assertTrue(lab.replaceData(lab.data().without(0).without(0).without(0).without(0)).contains("no samples"));
    }

    @Test void loadPutsANetworkInPlaceAndCountsOnFromItsEpoch() throws Exception {
        Network net = Setups.twoHOne(2, Activation.SIGMOID, Initializer.UNIFORM_0_1, 8);
        TrainingSetup setup = TrainingSetup.forData(BuiltinDatasets.xor());
        assertNull(lab.load(setup, net.snapshot(300, Double.NaN)));
        assertEquals("xor", lab.data().name());
        assertEquals(300, lab.latest().epoch());
        assertArrayEquals(net.weightsCopy(), lab.latest().weights(), 0.0);
        lab.step();
        settle();
        assertEquals(301, lab.latest().epoch());
        Trainer same = setup.newTrainer(net.copy());
        same.runEpoch();
        assertArrayEquals(same.network().weightsCopy(), lab.latest().weights(), 0.0);
        LabController.Published p = lab.published();
        assertSame(lab.latest(), p.network());
        assertEquals(lab.setup(), p.setup());
    }

    @Test void aNetworkTheWindowCannotShowIsRefusedWithTheReasonAndChangesNothing() {
        double[] before = lab.latest().weights();
        Network deep = Setups.network(new lab.backprop.model.Layout(2, 3, 4, 1), Activation.SIGMOID, Activation.SIGMOID,
                Initializer.STANDARD_NORMAL, 3);
        TrainingSetup setup = TrainingSetup.forData(BuiltinDatasets.xor(),
                Architecture.of(deep.layout(), Activation.SIGMOID, Activation.SIGMOID));
        String why = lab.load(setup, deep.snapshot(12, 0.25));
        assertTrue(why.contains("hidden layers of the same size"), why);
        assertArrayEquals(before, lab.latest().weights(), 0.0);
        assertEquals("gender", lab.data().name());
        Network mismatch = Network.sigmoid(2, 2, 1);
        assertTrue(lab.load(TrainingSetup.forData(BuiltinDatasets.xor(), Architecture.of(1, 3, Activation.SIGMOID)),
                mismatch.snapshot(0, 0)).contains("does not match"));
    }

    @Test void anEditReachesAPacedTrainerWithinAFewMilliseconds() {
        lab.setEpochsPerSecond(0.3);
        assertNull(lab.changeSetup(lab.setup().withEpochs(100)));
        lab.train();
        waitFor("the first slow epoch", () -> lab.latest().epoch() >= 1);
        long t0 = System.nanoTime();
        lab.setParameter(0, 4.5);
        waitFor("the edit is published", () -> lab.latest().weight(0) == 4.5);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms < 1000, "shown after " + ms + " ms while the pace waits 3.3 s between epochs");
        assertEquals(RunState.RUNNING, lab.state());
        lab.pause();
        settle();
    }

    @Test void aSelectedDataSetMustHaveTwoFeaturesAndSamples() {
        Dataset three = new Dataset("three", java.util.List.of("a", "b", "c"), new double[3],
                java.util.List.of(new Dataset.Sample(null, new double[] { 1, 2, 3 }, 1)), "1", "0");
        assertTrue(lab.selectData(three).contains("2 features"));
        assertTrue(lab.selectData(null).contains("no data"));
        Dataset empty = BuiltinDatasets.xor().without(0).without(0).without(0).without(0);
        assertTrue(lab.selectData(empty).contains("no samples"));
        assertEquals("gender", lab.data().name());
        Dataset mine = BuiltinDatasets.xor().named("mine");
        assertNull(lab.selectData(mine));
        assertSame(mine, lab.known("mine"));
        assertEquals(Batching.Mode.FULL_BATCH, lab.setup().batching().mode(), "a renamed XOR still carries XOR's preset");
    }

    @Test void closingStopsARun() {
        lab.setEpochsPerSecond(0);
        assertNull(lab.changeSetup(lab.setup().withEpochs(100_000_000)));
        lab.train();
        waitFor("running", () -> lab.latest().epoch() > 0);
        lab.close();
        assertEquals(RunState.IDLE, lab.state());
        long epoch = lab.latest().epoch();
        assertNotSame(null, lab.latest());
        assertTrue(epoch < 100_000_000);
    }

    /** Starts a slow run, waits for its first epochs. */
    private void slowRun() {
        lab.setEpochsPerSecond(100);
        assertNull(lab.changeSetup(lab.setup().withEpochs(100_000)));
        lab.train();
        waitFor("a few epochs", () -> lab.latest().epoch() >= 2);
    }

    @Test void everyCommandThatReplacesTheNetworkStopsARunForGood() throws Exception {
        Runnable[] replacing = {
            () -> lab.reset(),
            () -> assertNull(lab.changeSetup(lab.setup().withSeed(5))),
            () -> assertNull(lab.selectData(BuiltinDatasets.xor())),
            () -> assertNull(lab.load(TrainingSetup.forData(BuiltinDatasets.gender()), Network.sigmoid(2, 2, 1).snapshot(0, 0.3))),
        };
        for (Runnable command : replacing) {
            slowRun();
            long generation = lab.generation();
            command.run();
            assertEquals(RunState.IDLE, lab.state());
            assertTrue(lab.generation() > generation);
            settle();
            Thread.sleep(50);
            assertEquals(RunState.IDLE, lab.state(), "the old run's end changes nothing");
            assertEquals(0, lab.latest().epoch(), "nothing trains the new network");
            assertSame(lab.data(), lab.known(lab.data().name()));
        }
    }

    @Test void aPausedRunCanBeSteppedResumedAndToggled() throws Exception {
        slowRun();
        lab.togglePause();
        waitFor("paused", () -> lab.state() == RunState.PAUSED);
        long epoch = lab.latest().epoch();
        lab.step();
        settle();
        assertEquals(epoch + 1, lab.latest().epoch(), "a step after a pause runs its epoch");
        assertEquals(RunState.PAUSED, lab.state());
        lab.togglePause();
        assertEquals(RunState.RUNNING, lab.state());
        lab.pause();
        waitFor("paused again", () -> lab.state() == RunState.PAUSED);
        lab.step();
        lab.train(); // a new run of the setup's epochs from here
        assertEquals(RunState.RUNNING, lab.state());
        lab.train(); // already running: nothing
        lab.step();  // nothing while running
        lab.pause();
        settle();
        assertTrue(lab.finishedRuns() >= 3);
    }

    @Test void resumingARunThatIsAlreadyAtItsTargetEndsIt() {
        lab.setEpochsPerSecond(100);
        assertNull(lab.changeSetup(lab.setup().withEpochs(50)));
        lab.train();
        waitFor("a few epochs", () -> lab.latest().epoch() >= 2);
        lab.pause();
        waitFor("paused", () -> lab.state() == RunState.PAUSED);
        Network there = lab.latest().toNetwork();
        assertTrue(lab.restoreParameters(there.snapshot(50, 0.2)));
        settle();
        assertEquals(50, lab.latest().epoch());
        lab.resume();
        assertEquals(RunState.IDLE, lab.state(), "nothing is left to run");
    }

    @Test void aRewindWhileRunningPausesFirst() {
        Snapshot start = lab.latest();
        slowRun();
        assertTrue(lab.restoreParameters(start));
        settle();
        assertEquals(RunState.PAUSED, lab.state());
        assertEquals(0, lab.latest().epoch());
        assertArrayEquals(start.weights(), lab.latest().weights(), 0.0);
    }

    @Test void aSwapWhilePausedKeepsThePauseAndTheNewDataIsKnown() {
        slowRun();
        lab.pause();
        waitFor("paused", () -> lab.state() == RunState.PAUSED);
        Snapshot before = lab.latest();
        Dataset more = lab.data().with(new Dataset.Sample("Eve", new double[] { 125, 62 }, 1));
        assertNull(lab.replaceData(more));
        settle();
        assertSame(more, lab.known("gender"), "the edited set is the one listed");
        assertEquals(before.epoch(), lab.latest().epoch());
        assertArrayEquals(before.weights(), lab.latest().weights(), 0.0);
        assertEquals(mse(lab.latest(), more), lab.latest().loss(), 1e-15);
        assertEquals(RunState.PAUSED, lab.state(), "still paused on the new data");
        lab.setEpochsPerSecond(0);
        lab.resume();
        settle();
        assertEquals(100_000, lab.latest().epoch(), "resumed to the epoch it was heading for");
        assertEquals(RunState.IDLE, lab.state());
    }

    @Test void theNewTrainerKeepsThePace() throws Exception {
        lab.setEpochsPerSecond(5);
        lab.reset();
        assertNull(lab.changeSetup(lab.setup().withEpochs(1000)));
        lab.train();
        Thread.sleep(300);
        assertTrue(lab.latest().epoch() <= 3, "5 epochs a second: " + lab.latest().epoch());
        lab.pause();
        settle();
    }

    @Test void smallCommandsAndAnswers() throws Exception {
        assertEquals("change the data set with selectData", lab.changeSetup(lab.setup().withData(BuiltinDatasets.xor())));
        assertTrue(lab.setLearningRate(0).contains("positive number, got 0"));
        assertNull(lab.setLearningRate(Double.MIN_VALUE));
        assertEquals("'' is not a number (empty); type e.g. 0.5 or -1.2", lab.editParameter(0, null));
        assertEquals("no parameter -1", lab.editParameter(-1, "2"));
        assertSame(LabController.Limits.WINDOW, lab.limits());
        assertTrue(lab.toString().startsWith("LabController[2-2-1 sigmoid on gender: sgd"), lab.toString());
        assertNull(lab.setLearningRate(0.1));
        assertNull(lab.changeSetup(lab.setup().withEpochs(25)));
        lab.setEpochsPerSecond(0);
        lab.train();
        settle();
        assertEquals(100, lab.steps(), "4 samples x 25 epochs");
        assertEquals(1, lab.finishedRuns());
        assertTrue(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("backprop-trainer")).allMatch(Thread::isDaemon));
        slowRun();
        assertFalse(lab.awaitQueued(20, TimeUnit.MILLISECONDS), "a long run is still going");
        lab.pause();
        settle();
    }

    @Test void aStepThatDivergesRaisesAnAlert() {
        assertNull(lab.setLearningRate(1e9));
        for (int i = 0; i < 50 && lab.alert() == null; i++) {
            lab.step();
            settle();
        }
        assertNotNull(lab.alert());
        assertTrue(lab.alert().message().startsWith("Training diverged"), lab.alert().message());
        assertEquals(RunState.IDLE, lab.state());
    }
}
