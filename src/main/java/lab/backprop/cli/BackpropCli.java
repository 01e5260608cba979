package lab.backprop.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless command line: train, predict, bench. */
@Command(name = "backprop-lab", mixinStandardHelpOptions = true, version = "Backprop Lab 0.1",
        description = "Train and query small neural networks like the tutorials do.",
        subcommands = { })
public final class BackpropCli implements Runnable {

    /** Runs the command line and returns the exit code (2 for bad arguments). */
    public static int run(String... args) {
        return new CommandLine(new BackpropCli()).execute(args);
    }

    @Override public void run() {
        CommandLine.usage(this, System.out);
    }
}
