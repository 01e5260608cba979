package lab.backprop.ui;

import static lab.backprop.ui.FxTestSupport.fx;
import static lab.backprop.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import lab.backprop.support.ErrorReporting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** An exception nobody caught, on the FX thread or any other, reaches the handler (and so a dialog and the log). */
@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class ErrorDialogsTest {
    private Stage stage;

    @Start void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
        stage.show();
    }

    @Test void uncaughtExceptionsOnTheFxThreadAndOthersAreReportedAndLogged() throws Exception {
        Path logs = Files.createTempDirectory("backprop-errors");
        ConcurrentLinkedQueue<ErrorReporting.Report> reports = new ConcurrentLinkedQueue<>();
        try (ErrorReporting.Installation errors = ErrorReporting.install(logs, reports::add)) {
            Platform.runLater(() -> { throw new IllegalStateException("boom on the FX thread"); });
            Thread t = new Thread(() -> { throw new ArithmeticException("boom elsewhere"); }, "worker-x");
            t.start();
            t.join(5000);
            waitUntil("both reported", 5, () -> reports.size() == 2);
            assertTrue(reports.stream().anyMatch(r -> r.threadName().equals("JavaFX Application Thread")
                    && r.error().getMessage().equals("boom on the FX thread")), reports.toString());
            assertTrue(reports.stream().anyMatch(r -> r.threadName().equals("worker-x")), reports.toString());
            String log = Files.readString(errors.logFile());
            assertTrue(log.contains("boom on the FX thread") && log.contains("boom elsewhere"), log);
        }
    }

    @Test void theDialogSaysWhatHappenedAndKeepsTheStackTrace() {
        ErrorReporting.Report report = new ErrorReporting.Report("backprop-trainer", new IllegalArgumentException("bad thing"),
                Path.of("/tmp/backprop-lab.log"));
        Alert alert = fx(() -> ErrorDialogs.show(stage, report));
        try {
            assertTrue(fx(alert::isShowing));
            assertEquals(report.summary(), fx(alert::getContentText));
            assertTrue(fx(alert::getContentText).contains("bad thing") && fx(alert::getContentText).contains("/tmp/backprop-lab.log"));
            String trace = fx(() -> ((TextArea) alert.getDialogPane().getExpandableContent()).getText());
            assertTrue(trace.contains("IllegalArgumentException: bad thing") && trace.contains("\tat "), trace);
        } finally {
            fx(() -> { alert.close(); return null; });
        }
    }
}
