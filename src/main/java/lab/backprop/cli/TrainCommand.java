package lab.backprop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import lab.backprop.session.Session;
import lab.backprop.session.SessionFile;
import lab.backprop.train.DivergenceException;
import lab.backprop.support.RegularFiles;
import lab.backprop.train.Trainer;
import lab.backprop.train.TrainingSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** train: runs the seeds' training, printing the loss and the final predictions. */
@Command(name = "train",
        description = "Train a 2-h-1 network on a data set, print the loss like the seeds and the final predictions.")
final class TrainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin TrainingOptions options;

    @Option(names = "--log-every", paramLabel = "N",
            description = "Print the loss every N epochs, 0 for never (default: 10 for gender, 500 for xor).")
    Long logEvery;

    @Option(names = "--report-heap", description = "Print heap use (after GC) before training and at ten checkpoints.")
    boolean reportHeap;

    @Option(names = "--save", paramLabel = "FILE.json",
            description = "After training, save the network, its settings and the data as a session file"
                    + " (for 'predict --model' and the window's File > Open session).")
    String saveTo;

    @Option(names = "--loss-csv", paramLabel = "FILE.csv",
            description = "Write every epoch's loss (and the test loss with --test-ratio) as CSV: epoch,loss[,test_loss].")
    String lossCsv;

    @Override public Integer call() {
        TrainingSetup setup = options.setup();
        long every = logEvery != null ? logEvery : options.defaultLogEvery();
        if (every < 0) throw options.bad("--log-every must be 0 or more, got " + every);
        if (saveTo != null) {
            String problem = RegularFiles.whyNotWritable(saveTo); // as typed: Path would drop a trailing separator
            if (problem != null) throw options.bad("--save " + saveTo + ": " + problem);
        }
        if (lossCsv != null) {
            String problem = RegularFiles.whyNotWritable(lossCsv);
            if (problem != null) throw options.bad("--loss-csv " + lossCsv + ": " + problem);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Training " + setup.describe());
        Trainer trainer = setup.newTrainer();
        LoggedTraining loop = new LoggedTraining(trainer);
        StringBuilder csv = new StringBuilder();
        if (lossCsv != null) loop.recordCsv(csv);
        long start = System.nanoTime();
        try {
            loop.run(setup.epochs(), every, out, reportHeap ? out : null);
        } catch (DivergenceException e) {
            out.flush();
            spec.commandLine().getErr().println("Error: " + e.getMessage());
            return BackpropCli.EXIT_FAILED;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (lossCsv != null) {
            try {
                lab.backprop.support.AtomicFiles.writeString(Path.of(lossCsv), csv.toString());
            } catch (IOException e) {
                spec.commandLine().getErr().println("Error: could not write " + lossCsv + ": " + e.getMessage());
                return BackpropCli.EXIT_FAILED;
            }
        }
        out.printf(Locale.ROOT, "Final loss after %d epochs: %.4g%s%s%n", trainer.epoch(), trainer.loss(),
                (Double.isNaN(trainer.testLoss()) ? "" : String.format(Locale.ROOT, ", test loss %.4g", trainer.testLoss()))
                        + (trainer.regularization().isNone() ? "" : String.format(Locale.ROOT, ", regularization term %.4g",
                        trainer.regularizationTerm())),
                reportHeap ? String.format(Locale.ROOT, " (%.2f s, %d steps)", seconds, trainer.steps()) : "");
        Predictions.print(trainer.network(), setup.data(), setup.split(), out);
        if (saveTo != null) {
            try {
                SessionFile.save(Session.of(trainer), Path.of(saveTo));
            } catch (IOException e) {
                spec.commandLine().getErr().println("Error: could not save " + saveTo + ": " + e.getMessage());
                return BackpropCli.EXIT_FAILED;
            }
            out.println("Saved to " + saveTo);
        }
        return 0;
    }
}
