package lab.backprop.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.train.Setups;

/** Seed 001's 2-2-1 SGD loop written out in nine scalars: the tightest per-sample SGD in Java. Scores are steps/s. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScalarBenchmark {
    private HandWritten221 net;

    @Setup public void setUp() {
        Dataset data = BuiltinDatasets.gender();
        net = new HandWritten221(Setups.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1),
                data.inputs(), data.labels());
    }

    @Benchmark @OperationsPerInvocation(4)
    public double scalarSgd221() {
        net.sgdEpoch(0.1);
        return net.outputBias();
    }

    @Benchmark @OperationsPerInvocation(4)
    public double scalarSgd221WithLoss() {
        net.sgdEpoch(0.1);
        return net.loss();
    }
}
