package lab.backprop.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line: train, predict, lesson, bench.
 *
 * <p>Exit codes: 0 done, 1 the run failed (divergence or another error), 2 bad arguments.
 * Errors are one line on stderr, never a stack trace.
 */
@Command(name = "backprop-lab", mixinStandardHelpOptions = true, versionProvider = BackpropCli.Version.class,
        description = "Train and query small neural networks like the tutorials do.",
        subcommands = { TrainCommand.class, PredictCommand.class, LessonCommand.class, BenchCommand.class, CompletionCommand.class })
public final class BackpropCli implements Runnable {
    /** --version: the build's version, not a number typed into the source. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() { return new String[] { "Backprop Lab " + lab.backprop.support.AppVersion.get(), lab.backprop.support.AppVersion.platform() }; }
    }

    /** The run failed, e.g. training diverged. */
    public static final int EXIT_FAILED = 1;
    /** The arguments were wrong. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** Runs the command line on System.out / System.err and returns the exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), args);
    }

    /** Same, printing to the given writers (tests capture them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(out, err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Same, printing to the given streams. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new BackpropCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(BackpropCli::badArguments);
        cl.setExecutionExceptionHandler(BackpropCli::failed);
        return cl;
    }

    /** Bad arguments: one line naming the problem and where help is, exit code 2. */
    private static int badArguments(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println("Error: " + oneLine(ex.getMessage()) + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        return EXIT_USAGE;
    }

    /** An exception escaped a command: one line, exit 2 for a refused value, else 1. */
    private static int failed(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (ex instanceof IllegalArgumentException) {
            cmd.getErr().println("Error: " + oneLine(ex.getMessage()));
            return EXIT_USAGE;
        }
        String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        cmd.getErr().println("Error: " + oneLine(msg));
        return EXIT_FAILED;
    }

    /** One line, with control characters a user typed (or a file held) written as escapes, never raw. */
    static String oneLine(String s) {
        return s == null ? "" : lab.backprop.support.Texts.escape(s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim());
    }

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
