package lab.backprop.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorReportingTest {
    @TempDir Path dir;

    private static void throwOn(String threadName, RuntimeException e) throws InterruptedException {
        Thread t = new Thread(() -> { throw e; }, threadName);
        t.start();
        t.join();
    }

    @Test
    void uncaughtExceptionIsLoggedToAFileAndShown() throws Exception {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        List<ErrorReporting.Report> shown = new CopyOnWriteArrayList<>();
        Path logFile;
        try (ErrorReporting.Installation errors = ErrorReporting.install(dir.resolve("logs"), shown::add)) {
            logFile = errors.logFile();
            assertEquals(dir.resolve("logs").resolve(ErrorReporting.LOG_FILE_NAME), logFile);
            throwOn("trainer-7", new IllegalStateException("weights torn"));
            assertEquals(1, shown.size());
            ErrorReporting.Report r = shown.get(0);
            assertEquals("trainer-7", r.threadName());
            assertEquals("weights torn", r.error().getMessage());
            assertTrue(r.summary().contains("trainer-7") && r.summary().contains("IllegalStateException: weights torn")
                    && r.summary().contains(logFile.toString()), r.summary());
            String log = Files.readString(logFile);
            assertTrue(log.contains("Uncaught exception on thread trainer-7"), log);
            assertTrue(log.contains("java.lang.IllegalStateException: weights torn"), log);
            assertTrue(log.contains("at lab.backprop.support.ErrorReportingTest"), "stack trace logged");
        }
        assertSame(before, Thread.getDefaultUncaughtExceptionHandler(), "close restores the previous handler");
    }

    @Test
    void aFailingCallbackIsSwallowedAndRepeatsAreShownOnce() throws Exception {
        int[] calls = { 0 };
        try (ErrorReporting.Installation errors = ErrorReporting.install(dir, r -> {
            calls[0]++;
            throw new RuntimeException("dialog broke");
        })) {
            RuntimeException same = new RuntimeException("every frame");
            for (int i = 0; i < 50; i++) errors.report("fx", same);
            assertEquals(1, calls[0], "a storm of the same error opens one dialog");
            errors.report("fx", new RuntimeException("another one"));
            assertEquals(2, calls[0]);
            String log = Files.readString(errors.logFile());
            assertTrue(log.contains("The error dialog itself failed"), log);
            assertTrue(log.contains("dialog broke"), log);
        }
    }

    @Test
    void anUnwritableLogDirectoryFallsBackAndStillShows() throws Exception {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        List<ErrorReporting.Report> shown = new CopyOnWriteArrayList<>();
        try (ErrorReporting.Installation errors = ErrorReporting.install(notADir.resolve("logs"), shown::add)) {
            assertNotNull(errors.logFile());
            assertTrue(errors.logFile().startsWith(Path.of(System.getProperty("java.io.tmpdir"))));
            errors.report("main", new Error("boom"));
            assertEquals(1, shown.size());
        }
    }
}
