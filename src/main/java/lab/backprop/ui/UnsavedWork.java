package lab.backprop.ui;

import java.util.function.Function;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import lab.backprop.train.LabController;

/**
 * Whether the user has work that no file holds (weights edited, points added or removed since the last save or
 * open), and the question asked before it would be lost: Save / Discard / Cancel.
 * <pre>{@code
 * unsaved.saved();                          // after a save or an open
 * if (!unsaved.mayDiscard("open circle.csv")) return;   // before replacing the network or quitting
 * }</pre>
 * Tests replace the dialog with {@link #setPrompt}. FX thread.
 */
final class UnsavedWork {
    /** The user's answer. */
    enum Answer { SAVE, DISCARD, CANCEL }

    private final LabController lab;
    private final Runnable save;
    private long savedAt;
    private Function<String, Answer> prompt = UnsavedWork::ask;

    /** {@code save} saves the session (a chooser); it leaves {@link #isUnsaved()} false only if it saved. */
    UnsavedWork(LabController lab, Runnable save) {
        this.lab = lab;
        this.save = save;
        this.savedAt = lab.handEdits();
    }

    /** The work as it is now is in a file (saved or just opened). */
    void saved() { savedAt = lab.handEdits(); }

    boolean isUnsaved() { return lab.handEdits() != savedAt; }

    /** Replaces the dialog (tests): gets what would be lost by, e.g. "open circle.csv", answers. */
    void setPrompt(Function<String, Answer> prompt) { this.prompt = prompt; }

    /** True if {@code what} may go on: nothing unsaved, or the user saved it, or chose to discard it. */
    boolean mayDiscard(String what) {
        if (!isUnsaved()) return true;
        return switch (prompt.apply(what)) {
            case SAVE -> { save.run(); yield !isUnsaved(); }
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    private static Answer ask(String what) {
        ButtonType save = new ButtonType("Save session…", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "You edited weights or points since the last save. Save them as a session before you " + what + "?",
                save, discard, ButtonType.CANCEL);
        alert.setTitle("Unsaved work");
        alert.setHeaderText("Unsaved work");
        alert.getDialogPane().setId("unsavedDialog");
        ButtonType b = alert.showAndWait().orElse(ButtonType.CANCEL);
        return b == save ? Answer.SAVE : b == discard ? Answer.DISCARD : Answer.CANCEL;
    }
}
