package lab.backprop.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import lab.backprop.data.Dataset;
import lab.backprop.model.Network;
import lab.backprop.train.DivergenceException;
import lab.backprop.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** predict: trains quietly with the given options, then answers for one input in raw units. */
@Command(name = "predict",
        description = "Train as 'train' would (quietly), then print the output and class for one input in raw units,"
                + " e.g. 'predict --dataset gender 128 63' for 128 lb, 63 in.")
final class PredictCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin TrainingOptions options;

    @Parameters(arity = "1..*", paramLabel = "VALUE", description = "One raw value per feature (gender: pounds inches; xor: x1 x2).")
    double[] values;

    // predict --model FILE.json plugs in here: add the option; when given, network() and dataset()
    // come from the saved file (its snapshot and data-set description) instead of a training run.

    @Override public Integer call() {
        Dataset data = options.dataset();
        if (values.length != data.featureCount()) {
            throw options.bad("expected " + data.featureCount() + " values (" + String.join(", ", data.featureNames())
                    + "), got " + values.length);
        }
        for (double v : values) if (!Double.isFinite(v)) throw options.bad("input values must be finite numbers, got " + v);
        Network net;
        try {
            net = network();
        } catch (DivergenceException e) {
            spec.commandLine().getErr().println("Error: " + e.getMessage());
            return BackpropCli.EXIT_FAILED;
        }
        double y = net.predict(data.toInput(values))[0];
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) in.append(", ");
            in.append(data.featureNames().get(i)).append(' ').append(Predictions.number(values[i]));
        }
        out.printf(Locale.ROOT, "%s -> output %.3f, class %s%n", in, y, data.classify(y));
        return 0;
    }

    /** The network to ask: trained now with the given options. */
    private Network network() throws DivergenceException {
        RunPlan plan = options.plan();
        Trainer trainer = plan.newTrainer();
        new LoggedTraining(trainer).run(plan.epochs(), 0, spec.commandLine().getOut(), null);
        return trainer.network();
    }
}
