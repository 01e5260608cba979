package lab.backprop.ui;

import java.io.PrintWriter;
import java.io.StringWriter;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

import lab.backprop.support.ErrorReporting;

/** Uncaught exceptions on any thread (FX thread included) become a dialog and a log entry, never a silent death. */
public final class ErrorDialogs {
    private ErrorDialogs() { }

    /** Installs {@link ErrorReporting} with a dialog over {@code owner}; close the installation on exit. */
    public static ErrorReporting.Installation install(Window owner) {
        return ErrorReporting.install(report -> Platform.runLater(() -> show(owner, report)));
    }

    /** The dialog: the summary, and the stack trace folded away under "Show details". */
    static Alert show(Window owner, ErrorReporting.Report report) {
        Alert alert = new Alert(Alert.AlertType.ERROR, report.summary());
        if (owner != null && owner.isShowing() && owner.getScene() != null) alert.initOwner(owner);
        alert.setTitle("Backprop Lab: unexpected error");
        alert.setHeaderText("Something went wrong. The lab keeps running; you may want to save your session.");
        StringWriter trace = new StringWriter();
        report.error().printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setEditable(false);
        details.setPrefRowCount(12);
        alert.getDialogPane().setExpandableContent(details);
        alert.show();
        return alert;
    }
}
