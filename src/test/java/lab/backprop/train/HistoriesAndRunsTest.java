package lab.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import lab.backprop.data.Batching;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Architecture;
import lab.backprop.model.ChainRuleTrace;
import lab.backprop.model.Initializer;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;

/** Loss and parameter histories at their edges, the training loop's publishing, the sweep's verdicts, twin runs, chains. */
class HistoriesAndRunsTest {
    private static Network net(double w1) {
        Network n = Network.sigmoid(2, 2, 1);
        n.setWeight(0, w1);
        return n;
    }

    @Test void aLossBucketCoversExactlySpanEpochs() {
        LossHistory h = new LossHistory(4);
        assertEquals(-1, h.latestEpoch());
        assertTrue(Double.isNaN(h.latest()));
        for (int e = 0; e < 4; e++) h.record(e, 10 - e);
        assertEquals(4, h.size());
        h.record(4, 5); // full: halve to 2 buckets of 2 epochs, then a new bucket
        LossHistory.View v = h.view();
        assertEquals(2, v.span());
        assertArrayEquals(new long[] { 0, 2, 4 }, v.firstEpoch());
        assertArrayEquals(new double[] { 9, 7, 5 }, v.min(), 0.0);
        assertArrayEquals(new double[] { 10, 8, 5 }, v.max(), 0.0);
        assertArrayEquals(new double[] { 9, 7, 5 }, v.last(), 0.0);
        h.record(5, 6); // epoch 5 < 4 + 2: into the bucket of epoch 4
        assertEquals(3, h.size());
        assertEquals(6, h.view().max()[2], 0.0);
        assertEquals(5, h.view().min()[2], 0.0);
        h.record(6, 1); // 6 = 4 + 2: a new bucket
        assertEquals(4, h.size());
        assertEquals(6, h.latestEpoch());
        assertEquals(7, h.recorded());
        assertEquals(7, h.view().recorded());
        assertEquals(4, h.view().size());
        assertThrows(IllegalArgumentException.class, () -> new LossHistory(3));
        assertThrows(IllegalArgumentException.class, () -> new LossHistory(0));
        assertEquals(2, new LossHistory(2).view().firstEpoch().length + 2);
        h.clear();
        assertEquals(0, h.size());
        assertEquals(-1, h.latestEpoch());
        assertEquals(0, h.recorded());
    }

    @Test void truncatingTheLossKeepsTheEpochsUpToTheGivenOne() {
        LossHistory h = new LossHistory(16);
        for (int e = 0; e <= 10; e++) h.record(e, e);
        h.truncateAfter(6);
        assertEquals(6, h.latestEpoch());
        assertEquals(7, h.size());
        assertEquals(6, h.view().last()[6], 0.0);
        h.truncateAfter(6);
        assertEquals(7, h.size(), "nothing after 6 left");
        h.truncateAfter(20);
        assertEquals(6, h.latestEpoch(), "truncating past the end keeps the latest");
        h.truncateAfter(-1);
        assertEquals(0, h.size());
        assertEquals(-1, h.latestEpoch());
        h.record(0, 3);
        assertEquals(0, h.latestEpoch());
    }

    @Test void parameterHistoryRecordsAnswersAndEdges() {
        ParameterHistory h = new ParameterHistory(4);
        assertEquals(4, h.capacity());
        assertNull(h.layout());
        assertEquals(0, h.parameterCount());
        assertEquals(0, h.epochs().length);
        assertEquals(0, h.losses().length);
        assertEquals(0, h.series(0).length);
        assertNull(h.view().layout());
        assertEquals(0, h.view().size());
        assertThrows(IllegalStateException.class, h::firstEpoch);
        assertThrows(IllegalStateException.class, () -> h.parameterName(0));
        assertThrows(IllegalStateException.class, () -> h.nearestEpoch(0));
        assertTrue(h.record(0, 0.5, net(0)));
        assertFalse(h.record(0, 0.4, net(9)), "an epoch already recorded is ignored");
        assertTrue(h.record(3, 0.3, net(3)));
        assertTrue(h.record(5, 0.2, net(5)));
        assertEquals(new Layout(2, 2, 1), h.layout());
        assertEquals(9, h.parameterCount());
        assertEquals(0, h.firstEpoch());
        assertEquals(5, h.latestEpoch());
        assertArrayEquals(new long[] { 0, 3, 5 }, h.epochs());
        assertArrayEquals(new double[] { 0.5, 0.3, 0.2 }, h.losses(), 0.0);
        assertArrayEquals(new double[] { 0, 3, 5 }, h.series(0), 0.0);
        assertThrows(IndexOutOfBoundsException.class, () -> h.series(9));
        assertThrows(IndexOutOfBoundsException.class, () -> h.series(-1));
        assertEquals("w6", h.parameterName(5));
        assertEquals("b1", h.parameterName(6));
        assertEquals(3, h.nearestEpoch(4), "a tie goes to the earlier");
        assertEquals(5, h.nearestEpoch(9));
        assertEquals(0, h.nearestEpoch(-3));
        ParameterHistory.View v = h.view();
        assertEquals(3, v.size());
        assertArrayEquals(h.series(0), v.series()[0], 0.0);
        assertThrows(IllegalArgumentException.class, () -> new ParameterHistory(3));
        assertThrows(IllegalArgumentException.class, () -> new ParameterHistory(0));
        assertEquals(2, new ParameterHistory(2).capacity());
    }

    @Test void thinningKeepsTheFirstAndEveryOtherEntry() {
        ParameterHistory h = new ParameterHistory(4);
        for (int e = 0; e < 6; e++) h.record(e, e, net(e));
        assertEquals(2, h.stride());
        assertArrayEquals(new long[] { 0, 2, 4, 5 }, h.epochs(), "0, 2 kept after thinning, 4 on the stride, 5 the latest");
        assertArrayEquals(new double[] { 0, 2, 4, 5 }, h.series(0), 0.0);
        h.truncateFrom(5);
        assertArrayEquals(new long[] { 0, 2, 4 }, h.epochs());
        h.truncateFrom(2);
        assertArrayEquals(new long[] { 0 }, h.epochs());
        h.truncateFrom(0);
        assertTrue(h.isEmpty());
        new ParameterHistory().truncateFrom(3); // nothing recorded: nothing to do
    }

    @Test void theLoopPublishesEditsAtOnceAndForgetsTheFutureAfterARewind() throws Exception {
        Trainer t = Setups.trainer(Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1), BuiltinDatasets.gender(),
                Batching.Mode.PER_SAMPLE, 0.1, 2, 1);
        LossHistory losses = new LossHistory();
        ParameterHistory params = new ParameterHistory();
        TrainingLoop loop = new TrainingLoop(t, losses, params);
        assertSame(t, loop.trainer());
        assertSame(losses, loop.history());
        assertEquals(TrainingLoop.FULL_SPEED, loop.epochsPerSecond());
        assertFalse(loop.applyEditsAndPublish(), "no edits: nothing published");
        loop.run(10);
        assertEquals(10, params.latestEpoch());
        t.resumeAt(4); // a rewind to epoch 4 (the parameters stay as they are in this test)
        t.submitEdit(0, 2.5);
        loop.run(1);
        assertEquals(5, params.latestEpoch(), "epochs 5..10 of the old line replaced");
        assertEquals(2.5, params.at(4).weight(0), 0.0, "epoch 4 is the edited network");
        assertEquals(5, losses.latestEpoch());
        loop.setEpochsPerSecond(2);
        assertEquals(2, loop.epochsPerSecond());
        assertThrows(IllegalArgumentException.class, () -> loop.setEpochsPerSecond(Double.NaN));
        loop.wake(); // nobody waits: nothing happens
        CompletableFuture<TrainingLoop.Outcome> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return loop.run(100);
            } catch (DivergenceException e) {
                throw new IllegalStateException(e);
            }
        });
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (loop.latest().epoch() < 6 && System.nanoTime() < until) Thread.onSpinWait();
        t.submitEdit(1, -4);
        long t0 = System.nanoTime();
        loop.wake();
        while (loop.latest().weight(1) != -4 && System.nanoTime() < until) Thread.onSpinWait();
        assertTrue(System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(300), "published while the pace waits half a second");
        loop.requestStop();
        assertEquals(TrainingLoop.Outcome.STOPPED, slow.get(5, TimeUnit.SECONDS));
        assertTrue(loop.steps() > 0);
    }

    @Test void theSweepsVerdictsAtTheirThresholds() {
        TrainingSetup one = SeedSweep.seed000().withEpochs(1);
        SeedSweep.Run r = SeedSweep.runOne(one.withSeed(3), 1e-9);
        assertTrue(r.stuck(), "one epoch does not solve XOR");
        assertEquals(3, r.seed());
        assertEquals(4, r.outputs().length);
        SeedSweep.Run solved = SeedSweep.runOne(SeedSweep.seed000().withSeed(0), SeedSweep.STUCK_LOSS);
        assertFalse(solved.stuck(), "seed 0 solves XOR: " + solved.reason());
        assertNull(solved.reason());
        SeedSweep.Run strict = SeedSweep.runOne(SeedSweep.seed000().withSeed(0), solved.finalLoss());
        assertFalse(strict.stuck(), "a loss equal to the threshold is not above it");
        SeedSweep.Run stricter = SeedSweep.runOne(SeedSweep.seed000().withSeed(0), Math.nextDown(solved.finalLoss()));
        assertTrue(stricter.stuck());
        assertEquals("loss " + solved.finalLoss() + " above " + Math.nextDown(solved.finalLoss()), stricter.reason());
        SeedSweep.Run diverged = SeedSweep.runOne(SeedSweep.seed000().withLearningRate(1e9).withEpochs(50), 0.1);
        assertEquals("diverged", diverged.reason());
        SeedSweep sweep = SeedSweep.xor();
        assertEquals("xor", sweep.dataset().name());
        assertEquals(SeedSweep.STUCK_LOSS, sweep.stuckLoss());
        assertEquals(5000, sweep.setup().epochs());
        SeedSweep.Result single = new SeedSweep(SeedSweep.seed000().withEpochs(1), 0.1).run(7, 1, null, null);
        assertEquals(1, single.size());
        assertEquals(1, single.requested());
        assertTrue(single.complete());
        assertFalse(new SeedSweep(SeedSweep.seed000(), 0.1).run(0, 3, () -> true, null).complete());
        assertThrows(IllegalArgumentException.class, () -> new SeedSweep(SeedSweep.seed000(), 0));
        assertThrows(IllegalArgumentException.class, () -> new SeedSweep(SeedSweep.seed000(), Double.NaN));
        assertEquals(1, new SeedSweep(SeedSweep.seed000().withEpochs(1), Double.MIN_VALUE).run(0, 1, null, null).size());
    }

    @Test void twinRunsStopWhenBothSidesHaveDiverged() {
        Network start = Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1);
        TwinRun both = TwinRun.twoRates(start, TrainingSetup.forData(BuiltinDatasets.gender()), 1e9, 2e9);
        long ran = both.run(1000, null, null);
        assertNotNull(both.failure(0));
        assertNotNull(both.failure(1));
        assertTrue(ran < 1000, "stopped once both failed: " + ran);
        assertEquals(ran, both.run(10, null, null) + ran, "and runs no more");
        assertEquals("lr 1000000000", both.side(0).label());
        assertThrows(IllegalArgumentException.class, () -> both.run(-1, null, null));
        TwinRun ok = TwinRun.sgdVersusBatch(start, TrainingSetup.forData(BuiltinDatasets.gender()));
        assertEquals(0, ok.run(0, null, null));
        assertEquals(5, ok.run(5, () -> false, null));
        assertEquals(5, ok.epoch());
        assertEquals(5, ok.trainer(1).epoch());
    }

    @Test void chainsOfHiddenParametersAgreeWithTheGradientAtEveryDepth() {
        Dataset gender = BuiltinDatasets.gender();
        Network deep = Setups.network(new Layout(2, 3, 2, 1), Activation.TANH, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 5);
        double[] x = gender.toInput(133, 65);
        lab.backprop.model.Workspace ws = new lab.backprop.model.Workspace(deep.layout());
        double[] gw = new double[deep.layout().weightCount()], gb = new double[deep.layout().biasCount()];
        deep.forward(x, ws);
        deep.backward(new double[] { 1 }, 1, ws, gw, gb);
        for (int p = 0; p < deep.layout().parameterCount(); p++) {
            ChainRuleTrace t = ChainRuleTrace.of(deep, x, 1, p, 0.25);
            double g = p < gw.length ? gw[p] : gb[p - gw.length];
            assertEquals(g, t.gradient(), 1e-12 * Math.max(1, Math.abs(g)), t.parameterName());
            assertEquals(deep.parameter(p) - 0.25 * t.gradient(), t.updated(), 0.0);
            assertEquals(deep.parameter(p), t.value(), 0.0);
            assertEquals(0.25, t.learningRate(), 0.0);
        }
        ChainRuleTrace first = ChainRuleTrace.of(deep, x, 1, 0, 0.1);
        assertEquals("sum over paths from h1_1 to ypred", first.factors().get(1).formula());
        ChainRuleTrace second = ChainRuleTrace.of(deep, x, 1, 6, 0.1); // w7: into h2_1
        assertEquals("w13 * f'(z_o1)", second.factors().get(1).formula());
        ChainRuleTrace bias = ChainRuleTrace.of(deep, x, 1, deep.layout().weightCount(), 0.1);
        assertEquals("b1", bias.parameterName());
        assertEquals("1 * f'(z_h1_1)", bias.factors().get(2).formula());
        assertEquals((1 - bias.ypred()) * (1 - bias.ypred()), bias.loss(), 1e-15);
        assertThrows(IndexOutOfBoundsException.class, () -> ChainRuleTrace.of(deep, x, 1, -1, 0.1));
        assertThrows(IndexOutOfBoundsException.class, () -> ChainRuleTrace.of(deep, x, 1, deep.layout().parameterCount(), 0.1));
        assertThrows(IllegalArgumentException.class, () -> ChainRuleTrace.of(Network.sigmoid(2, 2), x, 1, 0, 0.1));
        assertNotSame(first.factors(), ChainRuleTrace.of(deep, x, 1, 0, 0.1).factors());
        Network single = Network.sigmoid(2, 1);
        assertEquals(2, ChainRuleTrace.of(single, x, 0, 0, 0.1).factors().size(), "a single neuron: two factors");
    }
}
