package lab.backprop.ui;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import lab.backprop.data.CsvDatasetReader;
import lab.backprop.data.CsvDatasetWriter;
import lab.backprop.data.DataFormatException;
import lab.backprop.data.Dataset;
import lab.backprop.session.LossHistoryCsv;
import lab.backprop.session.Session;
import lab.backprop.session.SessionFile;
import lab.backprop.session.SessionFormatException;
import lab.backprop.support.AtomicFiles;
import lab.backprop.support.RecentFiles;

/**
 * What the File menu does. Every action takes a {@link Path} (so tests call them directly) and returns whether
 * it worked; the menu asks for the path with a {@link FileChooser} first ({@code choose...} methods). A problem
 * never changes anything: it is put on {@link #errorProperty()} (the window shows it in a dialog); a success is
 * described on {@link #messageProperty()} (the status bar). FX thread only.
 */
public final class FileActions {
    /** What "Export PNG" can picture. */
    public enum Picture {
        GRAPH("graph"), LOSS_CURVE("loss-curve"), DECISION_MAP("decision-map"), WINDOW("window");

        private final String fileName;
        Picture(String fileName) { this.fileName = fileName; }
        /** Suggested file name, e.g. {@code loss-curve.png}. */
        public String fileName() { return fileName + ".png"; }
    }

    private static final FileChooser.ExtensionFilter CSV = new FileChooser.ExtensionFilter("CSV data (*.csv)", "*.csv");
    private static final FileChooser.ExtensionFilter JSON = new FileChooser.ExtensionFilter("Backprop Lab session (*.json, *.bplab)", "*.json", "*.bplab");
    private static final FileChooser.ExtensionFilter PNG = new FileChooser.ExtensionFilter("PNG image (*.png)", "*.png");
    private static final FileChooser.ExtensionFilter ANY = new FileChooser.ExtensionFilter("All files", "*");

    private final MainWindow window;
    private final LabViewModel vm;
    private final RecentFiles recent;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final CsvDatasetReader reader = new CsvDatasetReader();
    private static final String LAST_FOLDER = "lastFolder";
    private final UnsavedWork unsaved;
    private File lastDirectory;
    private final java.util.prefs.Preferences folders;

    public FileActions(MainWindow window, RecentFiles recent) {
        this(window, recent, java.util.prefs.Preferences.userNodeForPackage(FileActions.class).node("files"));
    }

    /** With the preferences node where the last chooser's folder is kept between runs (null: kept for this run only). */
    public FileActions(MainWindow window, RecentFiles recent, java.util.prefs.Preferences folders) {
        this.folders = folders;
        this.window = window;
        this.vm = window.viewModel();
        this.unsaved = new UnsavedWork(vm.controller(), this::chooseSaveSession);
        this.recent = recent;
    }

    /** The latest problem, e.g. a DataFormatException's message naming the line; set anew for every problem. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** What the latest action did, e.g. "Saved session run.json". */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public RecentFiles recentFiles() { return recent; }
    /** Work no file holds yet, and the question before it is lost (quitting, opening over it). */
    UnsavedWork unsaved() { return unsaved; }

    // ---- Actions on a path -----------------------------------------------------------------------

    /** Reads a CSV and makes it the current data set with a fresh network; a bad file changes nothing. */
    public boolean openData(Path file) {
        Dataset data;
        try {
            data = reader.read(file);
        } catch (DataFormatException e) {
            return fail(e.getMessage());
        }
        String problem = vm.loadDataset(data);
        if (problem != null) return fail(file.getFileName() + ": " + problem);
        recent.add(file);
        unsaved.saved();
        return done("Opened " + data.name() + " (" + data.size() + " samples) from " + file.getFileName());
    }

    /** Saves the current data set (with any points added on the decision map) as CSV. */
    public boolean saveData(Path file) {
        try {
            CsvDatasetWriter.write(vm.dataset(), file);
        } catch (IOException | RuntimeException e) {
            return fail("Cannot save " + file.getFileName() + ": " + describe(e));
        }
        recent.add(file);
        return done("Saved " + vm.dataset().size() + " samples to " + file.getFileName());
    }

    /** Loads a session file: network, settings and data; a corrupt or foreign file changes nothing. */
    public boolean openSession(Path file) {
        Session session;
        try {
            session = SessionFile.load(file);
        } catch (SessionFormatException e) {
            return fail(e.getMessage());
        }
        String problem = vm.loadSession(session, "open " + file.getFileName());
        if (problem != null) return fail(file.getFileName() + ": " + problem);
        recent.add(file);
        unsaved.saved();
        return done("Opened session " + file.getFileName() + " (epoch " + session.epochReached() + ")");
    }

    /** Saves the network as shown, the settings and the data set. */
    public boolean saveSession(Path file) {
        try {
            SessionFile.save(vm.currentSession(), file);
        } catch (IOException | RuntimeException e) {
            return fail("Cannot save " + file.getFileName() + ": " + describe(e));
        }
        recent.add(file);
        unsaved.saved();
        return done("Saved session " + file.getFileName() + " (epoch " + vm.currentSession().epochReached() + ")");
    }

    /**
     * Opens a file by its kind, as a drop on the window or a file manager does: a CSV as data, a session
     * ({@code .json}, {@code .bplab}) as a session; anything else is refused with a message and changes nothing.
     */
    public boolean open(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (isCsv(file)) return openData(file);
        if (name.endsWith(".json") || name.endsWith(".bplab")) return openSession(file);
        return fail("Cannot open " + file.getFileName() + ": Backprop Lab opens data (.csv) and sessions (.json, .bplab).");
    }

    /**
     * Lets a CSV or a session file be dropped on {@code target} (the window) to open it; the drag shows "copy" only
     * over a file that {@link #open} takes. Of several files dropped, the first it takes is opened.
     */
    public void installDrop(Node target) {
        target.setOnDragOver(e -> {
            if (droppable(e.getDragboard()) != null) e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            e.consume();
        });
        target.setOnDragDropped(e -> {
            Path p = droppable(e.getDragboard());
            e.setDropCompleted(p != null && unsaved.mayDiscard("open " + p.getFileName()) && open(p));
            e.consume();
        });
    }

    /** The first file on a drag board that {@link #open} takes, or null. */
    static Path droppable(javafx.scene.input.Dragboard board) {
        return board == null || !board.hasFiles() ? null : droppable(board.getFiles());
    }

    /** The first of these files that {@link #open} takes, or null. */
    static Path droppable(List<File> files) {
        for (File f : files) if (f.isFile() && opens(f.toPath())) return f.toPath();
        return null;
    }

    /** True when {@link #open} takes this file. */
    public static boolean opens(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".json") || name.endsWith(".bplab");
    }

    /** Opens a file from the recent list: a CSV as data, anything else as a session. A vanished file leaves the list. */
    public boolean openRecent(Path file) {
        if (!Files.exists(file)) { // anything else that is not a file is refused by the reader, with its reason
            recent.remove(file);
            return fail(file + " no longer exists; it was removed from the recent files.");
        }
        return isCsv(file) ? openData(file) : openSession(file);
    }

    /** Writes the loss history as CSV: epoch,min,max,last. */
    public boolean exportLoss(Path file) {
        try {
            LossHistoryCsv.write(vm.lossHistory().view(), file);
        } catch (IOException | RuntimeException e) {
            return fail("Cannot export the loss to " + file.getFileName() + ": " + describe(e));
        }
        return done("Exported the loss history to " + file.getFileName());
    }

    /** Writes a picture of a part of the window (or all of it) as PNG, at screen size. */
    public boolean exportPng(Picture what, Path file) { return exportPng(what, 1, file); }

    /** The same at {@code scale} times the screen size (2: for HiDPI screens and print), drawn at that size, not blown up. */
    public boolean exportPng(Picture what, int scale, Path file) {
        try {
            writePng(picture(what, scale), file);
        } catch (IOException | RuntimeException e) {
            return fail("Cannot export " + file.getFileName() + ": " + describe(e));
        }
        return done("Exported " + what.fileName().replace(".png", "").replace('-', ' ') + " to " + file.getFileName());
    }

    /** The image an export would write (also for tests). */
    public WritableImage picture(Picture what) { return picture(what, 1); }

    /** The image an export at {@code scale} (1 or 2) would write. */
    public WritableImage picture(Picture what, int scale) {
        if (scale < 1 || scale > 4) throw new IllegalArgumentException("scale 1 to 4, got " + scale);
        return switch (what) {
            case GRAPH -> snapshot(window.graph(), scale);
            case LOSS_CURVE -> snapshot(window.lossCurve(), scale);
            case DECISION_MAP -> {
                window.views().select("Decision map"); // laid out and drawn only when shown
                window.layout();
                window.applyCss();
                if (window.getScene() != null) window.getScene().getRoot().layout();
                yield snapshot(window.view(lab.backprop.ui.advanced.DecisionMapView.class).canvas(), scale);
            }
            case WINDOW -> {
                Scene scene = window.getScene();
                if (scene != null && scale == 1) yield scene.snapshot(null);
                yield snapshot(scene != null ? scene.getRoot() : window, scale);
            }
        };
    }

    private static WritableImage snapshot(Node node, int scale) {
        javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
        if (scale != 1) p.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
        if (node.getScene() != null && node.getScene().getFill() != null) p.setFill(node.getScene().getFill());
        return node.snapshot(p, null);
    }

    /** Writes an FX image as PNG, atomically. */
    public static void writePng(javafx.scene.image.Image image, Path file) throws IOException {
        BufferedImage argb = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        BufferedImage png = SwingFXUtils.fromFXImage(image, argb);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(png, "png", out)) throw new IOException("no PNG writer available");
        });
    }

    // ---- The same behind a file chooser ----------------------------------------------------------

    public void chooseOpenData() { Path p = open("Open data CSV", CSV, ANY); if (p != null && asked(p)) openData(p); }
    public void chooseSaveData() { Path p = save("Save data CSV", vm.dataset().name() + ".csv", CSV); if (p != null) saveData(p); }
    public void chooseOpenSession() { Path p = open("Open session", JSON, ANY); if (p != null && asked(p)) openSession(p); }
    /** Open Recent from the menu: asks first when there is unsaved work. */
    public void chooseRecent(Path p) { if (asked(p)) openRecent(p); }
    private boolean asked(Path p) { return unsaved.mayDiscard("open " + p.getFileName()); }
    public void chooseSaveSession() { Path p = save("Save session", vm.dataset().name() + "-session.json", JSON); if (p != null) saveSession(p); }
    public void chooseExportLoss() { Path p = save("Export loss history", "loss.csv", CSV); if (p != null) exportLoss(p); }
    public void chooseExportPng(Picture what) { chooseExportPng(what, 1); }
    public void chooseExportPng(Picture what, int scale) {
        String name = scale == 1 ? what.fileName() : what.fileName().replace(".png", "@" + scale + "x.png");
        Path p = save(scale == 1 ? "Export PNG" : "Export PNG at " + scale + "x", name, PNG);
        if (p != null) exportPng(what, scale, p);
    }

    /** The recent files, most recent first (vanished ones are already dropped). */
    public List<Path> recentList() { return recent.list(); }

    private Path open(String title, FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = chooser(title, filters);
        File f = chooser.showOpenDialog(owner());
        return remember(f);
    }

    private Path save(String title, String suggested, FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = chooser(title, filters);
        chooser.setInitialFileName(suggested);
        File f = chooser.showSaveDialog(owner());
        return remember(f);
    }

    private FileChooser chooser(String title, FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().setAll(filters);
        File start = lastDirectory != null ? lastDirectory : rememberedFolder();
        if (start == null) { // first time: the sample files, when started from the project
            File assets = new File(System.getProperty("user.dir", "."), "assets");
            start = assets.isDirectory() ? assets : null;
        }
        if (start != null && start.isDirectory()) chooser.setInitialDirectory(start);
        return chooser;
    }

    /** Remembers the folder of a file chosen (a chooser's answer; also for tests). */
    Path remember(File f) {
        if (f == null) return null;
        lastDirectory = f.getAbsoluteFile().getParentFile();
        if (folders != null && lastDirectory != null) folders.put(LAST_FOLDER, lastDirectory.getPath());
        return f.toPath();
    }

    /** The folder of the last chooser of an earlier run, if it still exists. */
    private File rememberedFolder() {
        String path = folders == null ? null : folders.get(LAST_FOLDER, null);
        File dir = path == null ? null : new File(path);
        return dir != null && dir.isDirectory() ? dir : null;
    }

    /** The folder the next chooser starts in: the last one chosen, in this run or an earlier one (null: none yet). */
    public File initialFolder() { return lastDirectory != null ? lastDirectory : rememberedFolder(); }

    private Window owner() { return window.getScene() == null ? null : window.getScene().getWindow(); }

    private static boolean isCsv(Path file) {
        return String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private boolean fail(String problem) {
        error.set(null);
        error.set(problem);
        return false;
    }

    private boolean done(String what) {
        message.set(what);
        return true;
    }
}
