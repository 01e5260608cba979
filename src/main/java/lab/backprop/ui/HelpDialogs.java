package lab.backprop.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import lab.backprop.support.AppDirectories;
import lab.backprop.support.AppVersion;

/**
 * Help's two dialogs: About (name, build version, Java and JavaFX versions, where the app keeps its files) and the
 * keyboard reference, made from the menu bar's own accelerators, so that it never lists a key the menus do not have.
 * <pre>{@code HelpDialogs.about(window);  String keys = HelpDialogs.keyboardText(window.menuBar());}</pre>
 */
final class HelpDialogs {
    /** Keys that belong to no menu item. */
    private static final List<String> OTHER_KEYS = List.of(
            "Space\tpause / resume training (train when idle); in Step through: play / pause",
            "Alt + underlined letter\topen that menu (Alt+F: File, Alt+E: Edit, ...)",
            "Left / Right, Page Up / Down\tthe lesson's previous / next step (when a lesson is open; Left / Right not in the network graph)",
            "Tab / Shift+Tab\tmove between controls (the network graph is one of them)",
            "Up / Down (network graph)\tthe keyboard cursor to the neuron above / below, or the edge before / after in its column",
            "Left / Right (network graph)\tfrom a neuron to an edge on that side; from an edge to its source / target neuron",
            "Home / End (network graph)\tthe first / last neuron of the layer, or edge of the column",
            "Enter or F2 (network graph)\tedit the weight under the cursor, or the neuron's bias (Enter sets, Escape cancels)",
            Shortcuts.COPY_VALUE.getDisplayText() + " (network graph)\tcopy the weight or bias under the cursor, every digit",
            "Ctrl + number-pad + / - / 0\tpresenter mode bigger / smaller / 100 %");

    private HelpDialogs() { }

    /** The About text: name, version, runtime versions, app folder. */
    static String aboutText() {
        return "Backprop Lab " + AppVersion.get() + "\n"
                + "Watch a small neural network learn by backpropagation.\n\n"
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor", "") + ")\n"
                + "JavaFX " + System.getProperty("javafx.runtime.version", "?") + "\n"
                + "App folder: " + AppDirectories.home();
    }

    static void about(MainWindow window) {
        Alert about = new Alert(Alert.AlertType.INFORMATION, aboutText(), ButtonType.CLOSE);
        about.setTitle("About Backprop Lab");
        about.setHeaderText("Backprop Lab " + AppVersion.get());
        about.getDialogPane().setId("aboutDialog");
        owned(about, window).show();
    }

    /** One line per key: "Ctrl+T<TAB>Train ▸ Train", the menu items' accelerators first, then {@link #OTHER_KEYS}. */
    static String keyboardText(MenuBar bar) {
        List<String> lines = new ArrayList<>();
        for (Menu m : bar.getMenus()) collect(m, plain(m.getText()), lines);
        lines.addAll(OTHER_KEYS);
        return String.join("\n", lines);
    }

    static void keyboard(MainWindow window) {
        TextArea keys = new TextArea(keyboardText(window.menuBar()).replace("\t", "    —    "));
        keys.setEditable(false);
        keys.setWrapText(true); // a long line wraps rather than scrolling sideways
        keys.setId("keyboardText");
        keys.setPrefRowCount(18);
        keys.setPrefColumnCount(60);
        keys.setAccessibleText("Keyboard reference");
        Alert dialog = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.CLOSE);
        dialog.setTitle("Keyboard reference");
        dialog.setHeaderText("Keys of Backprop Lab");
        dialog.getDialogPane().setContent(new VBox(6, new Label("Every shortcut of the menus, and the keys beside them:"), keys));
        dialog.getDialogPane().setId("keyboardDialog");
        owned(dialog, window).show();
    }

    private static void collect(Menu menu, String path, List<String> lines) {
        for (MenuItem i : menu.getItems()) {
            if (i instanceof Menu sub) collect(sub, path + " ▸ " + plain(sub.getText()), lines);
            else if (i.getAccelerator() != null) lines.add(i.getAccelerator().getDisplayText() + "\t" + path + " ▸ " + plain(i.getText()));
        }
    }

    /** A menu text without its mnemonic mark: "_Open session…" is "Open session…". */
    private static String plain(String text) { return text == null ? "" : text.replaceFirst("_", ""); }

    private static Alert owned(Alert dialog, MainWindow window) {
        if (window.getScene() != null && window.getScene().getWindow() != null) dialog.initOwner(window.getScene().getWindow());
        return dialog;
    }
}
