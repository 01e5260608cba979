package lab.backprop;

import lab.backprop.cli.BackpropCli;

/**
 * Entry point. With no command it opens the window; with a command (train, predict, bench, ...)
 * it runs headless. Kept apart from the JavaFX Application class so that a plain classpath works.
 */
public final class Launcher {
    private Launcher() { }

    public static void main(String[] args) {
        if (args.length == 0 || opensFile(args[0]) || args[0].startsWith("-") && !args[0].equals("-h") && !args[0].equals("--help")
                && !args[0].equals("-V") && !args[0].equals("--version")) {
            lab.backprop.ui.BackpropLabApp.launchWindow(args);
            return;
        }
        System.exit(BackpropCli.run(args));
    }

    /** A file manager opens a session or a CSV with the app: {@code backprop-lab run.bplab} opens the window on it. */
    private static boolean opensFile(String arg) {
        String a = arg.toLowerCase(java.util.Locale.ROOT);
        return (a.endsWith(".json") || a.endsWith(".bplab") || a.endsWith(".csv")) && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(arg));
    }
}
