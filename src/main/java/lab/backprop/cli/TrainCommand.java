package lab.backprop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import lab.backprop.session.Session;
import lab.backprop.session.SessionFile;
import lab.backprop.session.SessionFormatException;
import lab.backprop.train.DivergenceException;
import lab.backprop.support.RegularFiles;
import lab.backprop.train.Trainer;
import lab.backprop.train.TrainingSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * train: runs the seeds' training, printing the loss and the final predictions (or, with --format json, only the final
 * report as JSON: {@link JsonReport}). With --resume it trains a saved session on: the trainer is
 * {@link Session#newTrainer()}, made as the window's Open session makes its own ({@code LabController.load}: the saved
 * network, settings, epoch and update-rule state), so both continue to the same bits.
 */
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

    @Option(names = "--resume", paramLabel = "FILE.json",
            description = "Continue a saved session (train --save, the window's Save session): its network, settings,"
                    + " update-rule state and data, for --epochs more epochs (default: the session's epochs setting), as the"
                    + " window's Train would. Only --epochs, --lr, --regularization and --reg-rate may change it.")
    Path resume;

    /** What the report looks like. */
    enum Format { TEXT, JSON }

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text: the loss lines, the final loss and the predictions; json: only the final report, as one"
                    + " JSON object with every number at full precision (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override public Integer call() {
        boolean json = format == Format.JSON;
        if (json && logEvery != null) throw options.bad("--format json prints only the final report; leave out --log-every");
        if (json && reportHeap) throw options.bad("--format json prints only the final report; leave out --report-heap");
        Session resumed = resume != null ? resumed() : null;
        TrainingSetup setup = resumed != null ? resumed.setup() : options.setup();
        long every = json ? 0 : logEvery != null ? logEvery
                : resumed != null ? resumed.dataset().preset().logEvery() : options.defaultLogEvery();
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
        PrintWriter text = json ? new PrintWriter(Writer.nullWriter()) : out; // json: nothing but the report on stdout
        text.println(resumed != null ? "Resuming " + resume + " at epoch " + resumed.epochReached() + ": " + setup.describe()
                : "Training " + setup.describe());
        Trainer trainer = resumed != null ? resumed.newTrainer() : setup.newTrainer();
        long startEpoch = trainer.epoch();
        LoggedTraining loop = new LoggedTraining(trainer);
        StringBuilder csv = new StringBuilder();
        if (lossCsv != null) loop.recordCsv(csv);
        long start = System.nanoTime();
        try {
            loop.run(setup.epochs(), every, text, reportHeap ? text : null);
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
        if (json) out.println(JsonReport.of(trainer, startEpoch, seconds)); else printReport(trainer, seconds, out);
        if (saveTo != null) {
            try {
                SessionFile.save(Session.of(trainer), Path.of(saveTo));
            } catch (IOException e) {
                spec.commandLine().getErr().println("Error: could not save " + saveTo + ": " + e.getMessage());
                return BackpropCli.EXIT_FAILED;
            }
            text.println("Saved to " + saveTo);
        }
        return 0;
    }

    /** The --resume file with the overriding options applied; a bad file or a conflicting option is a bad argument. */
    private Session resumed() {
        Session saved;
        try {
            saved = SessionFile.load(resume);
        } catch (SessionFormatException e) {
            throw options.bad("--resume " + e.getMessage());
        }
        return saved.withSetup(options.resumed(saved.setup(), resume.toString()));
    }

    /** The text report: the final loss line, then the predictions and the accuracy. */
    private void printReport(Trainer trainer, double seconds, PrintWriter out) {
        out.printf(Locale.ROOT, "Final loss after %d epochs: %.4g%s%s%n", trainer.epoch(), trainer.loss(),
                (Double.isNaN(trainer.testLoss()) ? "" : String.format(Locale.ROOT, ", test loss %.4g", trainer.testLoss()))
                        + (trainer.regularization().isNone() ? "" : String.format(Locale.ROOT, ", regularization term %.4g",
                        trainer.regularizationTerm())),
                reportHeap ? String.format(Locale.ROOT, " (%.2f s, %d steps)", seconds, trainer.steps()) : "");
        TrainingSetup setup = trainer.setup();
        Predictions.print(trainer.network(), setup.data(), setup.split(), out);
    }
}
