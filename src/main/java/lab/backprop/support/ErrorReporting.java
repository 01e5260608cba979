package lab.backprop.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * No silent deaths: an uncaught exception on any thread is logged (java.util.logging, to a file in
 * the app directory) and handed to a "show" callback, which the window sets to open a dialog.
 *
 * <pre>
 * ErrorReporting.Installation errors = ErrorReporting.install(report ->
 *         Platform.runLater(() -> showErrorDialog(report.summary(), report.error())));
 * ...
 * errors.close(); // on exit: restores the previous handler, closes the log
 * </pre>
 * The callback may be called on any thread (move to the FX thread yourself). The same error
 * repeated within {@link #REPEAT_WINDOW_MILLIS} is logged but shown only once, so an error in
 * every frame does not open a dialog per frame. A failing callback is logged and never rethrown.
 */
public final class ErrorReporting {
    public static final String LOG_FILE_NAME = "backprop-lab.log";
    public static final long REPEAT_WINDOW_MILLIS = 5000;
    private static final Logger LOG = Logger.getLogger("lab.backprop");

    /** What the callback gets. {@code logFile} is null if no log file could be opened. */
    public record Report(String threadName, Throwable error, Path logFile) {
        /** One paragraph for a dialog: what happened and where the details are. */
        public String summary() {
            String what = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
            return "Something went wrong on thread \"" + threadName + "\": " + what + "."
                    + (logFile == null ? "" : " The details were written to " + logFile + ".");
        }
    }

    private ErrorReporting() { }

    /** Installs the handler, logging under {@link AppDirectories#home()}. */
    public static Installation install(Consumer<Report> show) {
        return install(AppDirectories.home().resolve("logs"), show);
    }

    /** Installs the handler, logging into {@code logDir} (created if needed; temp dir if it fails). */
    public static Installation install(Path logDir, Consumer<Report> show) {
        Installation i = new Installation(logDir, Objects.requireNonNull(show));
        Thread.setDefaultUncaughtExceptionHandler(i::uncaughtException);
        return i;
    }

    /** An installed handler; {@link #report} can also be called for errors caught by hand. */
    public static final class Installation implements AutoCloseable {
        private final Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        private final Consumer<Report> show;
        private final FileHandler fileHandler;
        private final Path logFile;
        private String lastKey;
        private long lastShown;

        private Installation(Path logDir, Consumer<Report> show) {
            this.show = show;
            FileHandler handler = null;
            Path file = null;
            for (Path dir : new Path[] { logDir, Path.of(System.getProperty("java.io.tmpdir")) }) {
                try {
                    Files.createDirectories(dir);
                    Path candidate = dir.resolve(LOG_FILE_NAME);
                    // One file of at most 1 MB, appended across runs.
                    handler = new FileHandler(candidate.toString().replace("%", "%%"), 1 << 20, 1, true);
                    handler.setFormatter(new SimpleFormatter());
                    file = candidate;
                    break;
                } catch (IOException | RuntimeException e) {
                    // try the next directory; without any, errors still reach the console and the callback
                }
            }
            this.fileHandler = handler;
            this.logFile = file;
            if (handler != null) LOG.addHandler(handler);
        }

        /** The log file, or null if none could be opened. */
        public Path logFile() { return logFile; }

        void uncaughtException(Thread thread, Throwable error) {
            report(thread.getName(), error);
        }

        /** Logs the error and shows it (unless the same error was shown moments ago). Never throws. */
        public void report(String threadName, Throwable error) {
            boolean fresh = shouldShow(error);
            try {
                if (fresh) LOG.log(Level.SEVERE, "Uncaught exception on thread " + threadName, error);
                else LOG.log(Level.SEVERE, "Again on thread " + threadName + ": " + error); // no second stack trace
                if (fileHandler != null) fileHandler.flush();
            } catch (Throwable ignored) {
                // logging must not make things worse
            }
            if (!fresh) return;
            try {
                show.accept(new Report(threadName, error, logFile));
            } catch (Throwable callbackFailure) {
                try {
                    LOG.log(Level.SEVERE, "The error dialog itself failed", callbackFailure);
                } catch (Throwable ignored) {
                    // nothing left to do
                }
            }
        }

        private synchronized boolean shouldShow(Throwable error) {
            StackTraceElement[] trace = error.getStackTrace();
            String key = error.getClass().getName() + "|" + error.getMessage() + "|" + (trace.length > 0 ? trace[0] : "");
            long now = System.currentTimeMillis();
            if (key.equals(lastKey) && now - lastShown < REPEAT_WINDOW_MILLIS) return false;
            lastKey = key;
            lastShown = now;
            return true;
        }

        /** Restores the previous default handler and closes the log file. */
        @Override public void close() {
            Thread.setDefaultUncaughtExceptionHandler(previous);
            if (fileHandler != null) {
                LOG.removeHandler(fileHandler);
                fileHandler.close();
            }
        }
    }
}
