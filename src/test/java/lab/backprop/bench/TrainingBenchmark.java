package lab.backprop.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Network;
import lab.backprop.model.Workspace;
import lab.backprop.train.DivergenceException;
import lab.backprop.train.Setups;
import lab.backprop.data.Batching;
import lab.backprop.train.Trainer;

/**
 * Training steps per second on the gender data (4 samples), engine against hand-written loops doing the same math.
 * A step is one parameter update: one sample for SGD, one whole epoch for full batch. Every score is steps/s
 * (SGD methods count 4 operations per call). Run: see README, section performance.
 *
 * <ul>
 * <li>engine*Chunks: {@link Trainer#runEpochs} of {@value #CHUNK} epochs, which measures the MSE, checks for
 *     divergence and keeps a roll-back copy once per chunk (what the CLI's {@code train} runs); compare with the
 *     bare hand-written loop.</li>
 * <li>engine*: {@link Trainer#runEpoch()}, which does that after every epoch (what the window runs, its loss curve
 *     needs every epoch); compare with the hand-written loop "WithLoss".</li>
 * <li>model*: the engine's {@link Network} forward/backward/step alone, through its general API.</li>
 * <li>handWritten*: {@link HandWrittenTwoHOne} (plain arrays; {@link ScalarBenchmark} has seed 001's scalar loop).
 *     "WithLoss" variants add the same end-of-epoch MSE as the engine's runEpoch(), for a like-for-like comparison.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TrainingBenchmark {
    private static final double LR = 0.1;
    private static final int SAMPLES = 4;
    static final int CHUNK = 1000;

    @Param({ "2", "8" })
    public int hidden;

    private Trainer sgd;
    private Trainer batch;
    private Trainer sgdChunks;
    private Trainer batchChunks;
    private Network net;
    private Workspace ws;
    private double[][] inputs;
    private double[][] targets;
    private double[] gradW;
    private double[] gradB;
    private HandWrittenTwoHOne refSgd;
    private HandWrittenTwoHOne refBatch;

    @Setup public void setUp() {
        Dataset data = BuiltinDatasets.gender();
        if (data.size() != SAMPLES) throw new IllegalStateException("gender has " + data.size() + " samples");
        sgd = Setups.trainer(fresh(), data, Batching.Mode.PER_SAMPLE, LR, 1, 1);
        batch = Setups.trainer(fresh(), data, Batching.Mode.FULL_BATCH, LR, 1, 1);
        sgdChunks = Setups.trainer(fresh(), data, Batching.Mode.PER_SAMPLE, LR, 1, 1);
        batchChunks = Setups.trainer(fresh(), data, Batching.Mode.FULL_BATCH, LR, 1, 1);
        net = fresh();
        ws = new Workspace(net.layout());
        inputs = data.inputs();
        double[] y = data.labels();
        targets = new double[y.length][];
        for (int i = 0; i < y.length; i++) targets[i] = new double[] { y[i] };
        gradW = new double[net.layout().weightCount()];
        gradB = new double[net.layout().biasCount()];
        refSgd = new HandWrittenTwoHOne(fresh(), inputs, y);
        refBatch = new HandWrittenTwoHOne(fresh(), inputs, y);
    }

    private Network fresh() {
        return Setups.twoHOne(hidden, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1);
    }

    // ---- per-sample SGD (4 steps per call) ----

    @Benchmark @OperationsPerInvocation(SAMPLES * CHUNK)
    public double engineSgdChunks() throws DivergenceException {
        return sgdChunks.runEpochs(CHUNK);
    }

    @Benchmark @OperationsPerInvocation(SAMPLES)
    public double engineSgd() throws DivergenceException {
        return sgd.runEpoch();
    }

    @Benchmark @OperationsPerInvocation(SAMPLES)
    public double modelSgd() {
        for (int s = 0; s < SAMPLES; s++) {
            java.util.Arrays.fill(gradW, 0);
            java.util.Arrays.fill(gradB, 0);
            net.forward(inputs[s], ws);
            net.backward(targets[s], 1.0, ws, gradW, gradB);
            net.step(LR, gradW, gradB);
        }
        return ws.output(0);
    }

    @Benchmark @OperationsPerInvocation(SAMPLES)
    public double handWrittenSgd() {
        refSgd.sgdEpoch(LR);
        return refSgd.outputBias();
    }

    @Benchmark @OperationsPerInvocation(SAMPLES)
    public double handWrittenSgdWithLoss() {
        refSgd.sgdEpoch(LR);
        return refSgd.loss();
    }

    // ---- full batch (1 step per call) ----

    @Benchmark @OperationsPerInvocation(CHUNK)
    public double engineBatchChunks() throws DivergenceException {
        return batchChunks.runEpochs(CHUNK);
    }

    @Benchmark
    public double engineBatch() throws DivergenceException {
        return batch.runEpoch();
    }

    @Benchmark
    public double handWrittenBatch() {
        refBatch.batchEpoch(LR);
        return refBatch.outputBias();
    }

    @Benchmark
    public double handWrittenBatchWithLoss() {
        refBatch.batchEpoch(LR);
        return refBatch.loss();
    }
}
