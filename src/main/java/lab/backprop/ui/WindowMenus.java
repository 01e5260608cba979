package lab.backprop.ui;

import java.nio.file.Path;
import java.util.List;

import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import lab.backprop.train.RunState;

/** The menu bar: File (data, sessions, recent files, exports, quit) and Train (with the shortcuts). */
final class WindowMenus {
    private final MainWindow window;
    private final FileActions files;
    private final LabViewModel vm;

    WindowMenus(MainWindow window) {
        this.window = window;
        this.files = window.files();
        this.vm = window.viewModel();
    }

    MenuBar menuBar() {
        MenuBar bar = new MenuBar(fileMenu(), editMenu(), viewMenu(), trainMenu(), lessonMenu(), helpMenu());
        bar.setId("menuBar");
        // On macOS the menus go to the system menu bar at the top of the screen, as Mac users expect.
        bar.setUseSystemMenuBar(System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac"));
        return bar;
    }

    private Menu fileMenu() {
        Menu recent = new Menu("_Recent files");
        recent.setId("recentMenu");
        // Filled when opened, so the list is fresh (another window may have added files).
        recent.getItems().add(new MenuItem("(none)"));
        recent.setOnShowing(e -> fillRecent(recent));
        Menu png = new Menu("Export _PNG");
        png.setId("exportPngMenu");
        png.getItems().setAll(pngItems(1, "", "exportPng"));
        png.getItems().add(new SeparatorMenuItem());
        png.getItems().addAll(pngItems(2, " at 2x (HiDPI)", "exportPng2x"));
        Menu file = new Menu("_File");
        file.setId("fileMenu");
        file.getItems().setAll(
                item("Open _data CSV…", "openDataItem", Shortcuts.OPEN_DATA, files::chooseOpenData),
                item("Save data CS_V…", "saveDataItem", Shortcuts.SAVE_DATA, files::chooseSaveData),
                new SeparatorMenuItem(),
                item("_Open session…", "openSessionItem", Shortcuts.OPEN_SESSION, files::chooseOpenSession),
                item("_Save session…", "saveSessionItem", Shortcuts.SAVE_SESSION, files::chooseSaveSession),
                recent,
                new SeparatorMenuItem(),
                item("Export _loss CSV…", "exportLossItem", null, files::chooseExportLoss),
                png,
                new SeparatorMenuItem(),
                item("_Quit", "quitItem", Shortcuts.QUIT, this::quit));
        return file;
    }

    private Menu editMenu() {
        Menu edit = new Menu("_Edit");
        edit.setId("editMenu");
        MenuItem bias = item("Copy the selected neuron's _bias", "copyBiasItem", null,
                () -> told(Copying.selectedValue(vm), "Copied "));
        Menu picture = new Menu("Copy an _image");
        picture.setId("copyPictureMenu");
        picture.getItems().setAll(
                item("_Network graph", "copyGraphItem", null, () -> pictured(Copying.viewAsImage(window.graph()), "the network graph")),
                item("_Loss curve", "copyLossItem", null, () -> pictured(Copying.viewAsImage(window.lossCurve()), "the loss curve")),
                item("_Whole window", "copyWindowItem", null, () -> pictured(Copying.viewAsImage(window.getScene().getRoot()), "the window")));
        MenuItem undo = item("_Undo", "undoItem", Shortcuts.UNDO, () -> {
            String label = vm.controller().edits().undoLabel(); // before the step takes it to the other side
            undone(vm.undo(), "Undid " + label);
        });
        MenuItem redo = item("_Redo", "redoItem", Shortcuts.REDO, () -> {
            String label = vm.controller().edits().redoLabel();
            undone(vm.redo(), "Redid " + label);
        });
        edit.setOnShowing(e -> {
            String u = vm.controller().edits().undoLabel(), r = vm.controller().edits().redoLabel();
            undo.setText(u == null ? "_Undo (nothing to undo)" : "_Undo " + u);
            redo.setText(r == null ? "_Redo (nothing to redo)" : "_Redo " + r);
            undo.setMnemonicParsing(true);
        });
        edit.setOnHidden(e -> { undo.setText("_Undo"); redo.setText("_Redo"); });
        edit.addEventHandler(javafx.scene.control.Menu.ON_SHOWING, e -> bias.setDisable(vm.selectedNeuronProperty().get() == null || vm.selectedNeuronProperty().get().isInput()));
        edit.getItems().setAll(
                undo, redo, new SeparatorMenuItem(),
                bias,
                item("Copy the _parameters as text", "copyParametersItem", Shortcuts.COPY_PARAMETERS,
                        () -> told(Copying.parametersAsText(vm), "Copied the parameters as text: ")),
                item("Copy the session as _JSON", "copySessionItem", null,
                        () -> told(Copying.sessionAsJson(vm), "Copied the session as JSON: ")),
                picture);
        return edit;
    }

    /** Undo / Redo: the status bar says what was taken back ("Undid network 2-3-1 sigmoid"), or why nothing was. */
    private void undone(String problem, String what) {
        window.status().showMessage(problem == null ? what : "Nothing changed: " + problem);
    }

    private void told(String copied, String what) {
        if (copied == null) return;
        String first = copied.lines().findFirst().orElse("");
        window.status().showMessage(what + (first.length() > 60 ? first.substring(0, 60) + "…" : first));
    }

    private void pictured(javafx.scene.image.Image image, String what) {
        window.status().showMessage("Copied a picture of " + what + " (" + (int) image.getWidth() + " x " + (int) image.getHeight() + ")");
    }

    private Menu viewMenu() {
        Menu view = new Menu("_View");
        view.setId("viewMenu");
        MenuItem bigger = item("_Bigger (presenter mode)", "zoomInItem", Shortcuts.ZOOM_IN, () -> Presenter.step(1));
        MenuItem smaller = item("S_maller", "zoomOutItem", Shortcuts.ZOOM_OUT, () -> Presenter.step(-1));
        MenuItem actual = item("Actual size (100 %)", "zoomResetItem", Shortcuts.ZOOM_RESET, () -> Presenter.scaleProperty().set(1));
        view.setOnShowing(e -> actual.setText("Actual size (now " + Math.round(Presenter.scale() * 100) + " %)"));
        Menu theme = Theme.menu(window::getScene);
        theme.setText("T_heme");
        view.getItems().setAll(bigger, smaller, actual, new SeparatorMenuItem(), theme);
        return view;
    }

    private Menu trainMenu() {
        Menu train = new Menu("_Train");
        train.setId("trainMenu");
        MenuItem pause = item("_Pause / Resume", "pauseItem", Shortcuts.PAUSE, vm::togglePause);
        MenuItem trainItem = item("_Train", "trainItem", Shortcuts.TRAIN, vm::train);
        MenuItem step = item("_Step one epoch", "stepItem", Shortcuts.STEP, vm::step);
        train.setOnShowing(e -> {
            boolean running = vm.state() == RunState.RUNNING;
            trainItem.setDisable(running);
            lab.backprop.train.StepSize size = vm.stepSizeProperty().get();
            step.setText("Step " + (size == null ? lab.backprop.train.StepSize.EPOCH : size).describe(vm.setup().batching()));
            step.setDisable(running);
            pause.setText(vm.state() == RunState.PAUSED ? "Resume" : "Pause");
        });
        train.getItems().setAll(trainItem, pause, step,
                item("_Reset (new weights from the seed)", "resetItem", Shortcuts.RESET, vm::reset),
                new SeparatorMenuItem(),
                disabled("Space: pause / resume (train when idle)"));
        return train;
    }

    private Menu lessonMenu() {
        Menu lesson = new Menu("_Lesson");
        lesson.setId("lessonMenu");
        for (lab.backprop.lesson.Lesson l : lab.backprop.lesson.Lessons.ALL) {
            MenuItem i = item("Seed " + l.number() + ": " + l.title(), "lesson" + l.number() + "Item", null, () -> window.openLesson(l));
            i.setMnemonicParsing(false);
            lesson.getItems().add(i);
        }
        MenuItem close = item("_Close the lesson", "closeLessonItem", null, window::closeLesson);
        lesson.setOnShowing(e -> close.setDisable(!window.isLessonOpen()));
        lesson.getItems().addAll(new SeparatorMenuItem(), close, disabled("Left / Right arrow or Page Up / Down: step back / on"));
        return lesson;
    }

    private List<MenuItem> pngItems(int scale, String suffix, String idPrefix) {
        List<MenuItem> items = new java.util.ArrayList<>();
        String[] texts = {"Network graph", "Loss curve", "Decision map", "Whole window"};
        String[] ids = {"Graph", "Loss", "Map", "Window"};
        FileActions.Picture[] pictures = {FileActions.Picture.GRAPH, FileActions.Picture.LOSS_CURVE,
                FileActions.Picture.DECISION_MAP, FileActions.Picture.WINDOW};
        for (int k = 0; k < pictures.length; k++) {
            FileActions.Picture p = pictures[k];
            MenuItem i = item(texts[k] + suffix + "…", idPrefix + ids[k], null, () -> files.chooseExportPng(p, scale));
            i.setMnemonicParsing(false);
            items.add(i);
        }
        return items;
    }

    private Menu helpMenu() {
        Menu help = new Menu("_Help");
        help.setId("helpMenu");
        MenuItem lesson = item("_Lesson: seed 000, step by step", "helpLessonItem", null,
                () -> window.openLesson(lab.backprop.lesson.Lessons.ALL.get(0)));
        help.getItems().setAll(
                item("_Keyboard reference", "keyboardItem", Shortcuts.HELP_KEYS, () -> HelpDialogs.keyboard(window)),
                lesson,
                new SeparatorMenuItem(),
                item("_About Backprop Lab", "aboutItem", null, () -> HelpDialogs.about(window)));
        return help;
    }

    private void fillRecent(Menu recent) {
        List<Path> list = files.recentList();
        if (list.isEmpty()) {
            recent.getItems().setAll(disabled("(none)"));
            return;
        }
        recent.getItems().clear();
        for (Path p : list) {
            MenuItem i = new MenuItem(p.getFileName() + "  —  " + (p.getParent() == null ? "" : p.getParent()));
            i.setMnemonicParsing(false);
            i.setOnAction(e -> files.chooseRecent(p));
            recent.getItems().add(i);
        }
        recent.getItems().addAll(new SeparatorMenuItem(), item("Clear the list", "clearRecentItem", null, () -> files.recentFiles().clear()));
    }

    private void quit() {
        if (!files.unsaved().mayDiscard("quit")) return;
        if (window.getScene() != null && window.getScene().getWindow() != null) window.getScene().getWindow().hide();
        Platform.exit();
    }

    private static MenuItem item(String text, String id, KeyCombination key, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        if (key != null) i.setAccelerator(key);
        i.setOnAction(e -> action.run());
        return i;
    }

    private static MenuItem disabled(String text) {
        MenuItem i = new MenuItem(text);
        i.setDisable(true);
        return i;
    }
}
