package lab.backprop.lesson;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.train.StepSize;
import lab.backprop.train.TrainingSetup;

/**
 * One step of a {@link Lesson}: what it sets up, what it says, and the numbers it reads off the network.
 *
 * <p>The step's {@link #start()} is the whole state a window or the CLI puts in place: the settings (data,
 * architecture, batching, rate, epochs), the network's exact weights and biases, the neuron to select, the view to
 * show and the input for Predict. {@link #readout} computes the step's numbers from whatever network is current, so
 * in the window they follow every edit and every epoch; the CLI prints them for the start.
 *
 * @param title   a few words ("One neuron")
 * @param text    the step's explanation, with its equation
 * @param tryThis what the user may try in the window ("drag the bias: the curve slides")
 * @param start   makes the step's starting state (called once per step; may train, e.g. 5000 epochs of XOR)
 * @param readout the step's numbers for a network and its settings, one line each
 * @param run     training this step runs (in the CLI; the window's Train button does it), or null
 */
public record LessonStep(String title, String text, String tryThis, Supplier<Start> start, Readout readout, Run run) {

    public LessonStep {
        Objects.requireNonNull(title);
        Objects.requireNonNull(text);
        Objects.requireNonNull(tryThis);
        Objects.requireNonNull(start);
        Objects.requireNonNull(readout);
    }

    /**
     * Where a step starts.
     *
     * @param setup   the settings
     * @param network the exact parameters (epoch 0 unless the step starts from a trained network)
     * @param neuron  the neuron to select ("h1", "o1"), or null
     * @param view    the side view to show (a name from the window's view list, e.g. "Sigmoid"), or null
     * @param probe   the raw input for Predict, or null
     * @param step    how far the window's Step button goes in this step
     */
    public record Start(TrainingSetup setup, Snapshot network, String neuron, String view, double[] probe, StepSize step) {
        public Start {
            Objects.requireNonNull(setup);
            Objects.requireNonNull(network);
            Objects.requireNonNull(step);
            probe = probe == null ? null : probe.clone();
        }

        @Override public double[] probe() { return probe == null ? null : probe.clone(); }
    }

    /** The step's numbers for the current network. */
    @FunctionalInterface
    public interface Readout {
        List<String> lines(Network net, TrainingSetup setup);
    }

    /**
     * Training a step runs in the CLI, printing the loss as the seed does.
     *
     * @param logEvery loss lines every this many epochs (epoch 0 first, as {@code if epoch % 10 == 0})
     * @param format   the seed's line, e.g. {@code "Epoch %d loss: %.3f"}
     */
    public record Run(long logEvery, String format) { }
}
