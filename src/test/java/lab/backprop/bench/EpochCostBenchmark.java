package lab.backprop.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
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
import lab.backprop.train.DivergenceException;
import lab.backprop.train.Setups;
import lab.backprop.data.Batching;
import lab.backprop.train.Trainer;

/**
 * Where one SGD epoch of {@link Trainer#runEpoch()} spends its time, in nanoseconds per call:
 * the whole epoch, and the public pieces it is made of besides the four updates
 * (the end-of-epoch MSE, the divergence scan, the roll-back copy, the edit queue).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EpochCostBenchmark {
    @Param({ "2", "8" })
    public int hidden;

    private Trainer trainer;
    private Network net;
    private Network lastGood;

    @Setup public void setUp() throws DivergenceException {
        Dataset data = BuiltinDatasets.gender();
        trainer = Setups.trainer(Setups.twoHOne(hidden, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1),
                data, Batching.Mode.PER_SAMPLE, 0.1, 1, 1);
        for (int i = 0; i < 1000; i++) trainer.runEpoch();
        net = trainer.network();
        lastGood = net.copy();
    }

    @Benchmark public double wholeEpoch() throws DivergenceException {
        return trainer.runEpoch();
    }

    @Benchmark public double endOfEpochLoss() {
        return trainer.measureLoss();
    }

    @Benchmark public int divergenceScan() {
        int bad = net.firstNonFiniteParameter();
        if (bad < 0) {
            int n = net.layout().parameterCount();
            for (int p = 0; p < n; p++) if (Math.abs(net.parameter(p)) > Trainer.DEFAULT_BLOW_UP_LIMIT) return p;
        }
        return bad;
    }

    @Benchmark public Network rollBackCopy() {
        lastGood.copyParametersFrom(net);
        return lastGood;
    }

    @Benchmark public boolean editQueue() {
        return trainer.applyEdits();
    }
}
