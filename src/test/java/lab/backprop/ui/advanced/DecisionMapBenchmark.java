package lab.backprop.ui.advanced;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import lab.backprop.data.BuiltinDatasets;
import lab.backprop.model.Activation;
import lab.backprop.model.DecisionMap;
import lab.backprop.model.Initializer;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.train.Setups;

/**
 * The per-frame work of {@link DecisionMapView} without the canvas: snapshot to network, one forward pass per
 * cell filling the output map and every hidden neuron's map, and colouring all of them. The budget for 60 fps
 * is 16.7 ms a frame. Run:
 * {@code java -cp <test classpath> org.openjdk.jmh.Main DecisionMapBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DecisionMapBenchmark {
    @Param({ "80", "160" })
    public int cells;

    @Param({ "2", "8" })
    public int hidden;

    private Snapshot snapshot;
    private DecisionMap map;
    private double[] output;
    private double[][] hiddenMaps;
    private int[] argb;

    @Setup public void setUp() {
        Network net = Setups.network(new Layout(2, hidden, 1), Activation.SIGMOID, Activation.SIGMOID,
                Initializer.STANDARD_NORMAL, 1);
        snapshot = net.snapshot(0, 0);
        map = DecisionMap.around(BuiltinDatasets.gender(), cells, cells, 0.15);
        output = new double[cells * cells];
        hiddenMaps = new double[hidden][cells * cells];
        argb = new int[cells * cells];
    }

    /** Everything the view computes for one new snapshot, before handing pixels to the canvas. */
    @Benchmark public int frame() {
        map.compute(snapshot.toNetwork(), output, hiddenMaps);
        HeatColors.paint(output, Activation.SIGMOID, argb);
        int sum = argb[0];
        for (double[] h : hiddenMaps) {
            HeatColors.paint(h, Activation.SIGMOID, argb);
            sum += argb[argb.length / 2];
        }
        return sum;
    }
}
