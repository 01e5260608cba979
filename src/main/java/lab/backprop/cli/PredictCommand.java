package lab.backprop.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import java.nio.file.Path;

import lab.backprop.data.Dataset;
import lab.backprop.session.Session;
import lab.backprop.session.SessionFile;
import lab.backprop.session.SessionFormatException;
import lab.backprop.model.Network;
import lab.backprop.support.Numbers;
import lab.backprop.train.DivergenceException;
import lab.backprop.train.Trainer;
import lab.backprop.train.TrainingSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

    @Option(names = "--model", paramLabel = "FILE.json",
            description = "Answer with a network saved by 'train --save' (or the window) instead of training one now.")
    Path model;

    private Session saved;

    @Override public Integer call() {
        if (model != null) {
            if (options.namesData()) throw options.bad("--model brings its own data set; leave out --dataset and --data");
            try {
                saved = SessionFile.load(model);
            } catch (SessionFormatException e) {
                throw options.bad(e.getMessage());
            }
        }
        Dataset data = saved != null ? saved.dataset() : options.dataset();
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
            in.append(data.featureNames().get(i)).append(' ').append(Numbers.plain(values[i]));
        }
        out.printf(Locale.ROOT, "%s -> output %.3f, class %s%n", in, y, data.classify(y));
        return 0;
    }

    /** The network to ask: the saved one, or one trained now with the given options. */
    private Network network() throws DivergenceException {
        if (saved != null) return saved.newNetwork();
        TrainingSetup setup = options.setup();
        Trainer trainer = setup.newTrainer();
        new LoggedTraining(trainer).run(setup.epochs(), 0, spec.commandLine().getOut(), null);
        return trainer.network();
    }
}
