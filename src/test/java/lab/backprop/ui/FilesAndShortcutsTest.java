package lab.backprop.ui;

import static lab.backprop.ui.FxTestSupport.fx;
import static lab.backprop.ui.FxTestSupport.fxRun;
import static lab.backprop.ui.FxTestSupport.settle;
import static lab.backprop.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import lab.backprop.train.RunState;
import lab.backprop.train.Setups;
import lab.backprop.data.CsvDatasetReader;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Snapshot;
import lab.backprop.session.SessionFile;
import lab.backprop.support.RecentFiles;
import lab.backprop.data.Batching;
import lab.backprop.ui.advanced.DecisionMapView;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 5 in the window: own data, clicking points onto the map, sessions, exports, recent files, shortcuts, tooltips. */
@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class FilesAndShortcutsTest {
    private static final Path ASSETS = Path.of("assets");
    private LabViewModel vm;
    private MainWindow window;
    private Path dir;

    @Start void start(Stage stage) throws IOException {
        dir = Files.createTempDirectory("backprop-ui5-");
        vm = new LabViewModel();
        window = new MainWindow(vm, new RecentFiles(dir.resolve("recent.json"), 10));
        window.setErrorDialogs(false);
        BackpropLabApp.show(stage, window);
    }

    @AfterEach void stop() {
        fxRun(() -> vm.dispose());
    }

    private void train(long epochs) {
        long start = fx(() -> vm.snapshot().epoch());
        fxRun(() -> {
            vm.epochsPerSecondProperty().set(0);
            vm.editSetup(s -> s.withEpochs(epochs));
            vm.train();
        });
        waitUntil("training finished", 30, () -> vm.state() == RunState.IDLE && vm.snapshot().epoch() == start + epochs);
    }

    private static int distinctColours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 1) for (int x = 0; x < img.getWidth(); x += 1) seen.add(img.getRGB(x, y));
        return seen.size();
    }

    private static double mse(Snapshot s, Dataset d) {
        var net = s.toNetwork();
        double sum = 0;
        for (Dataset.Sample x : d.samples()) {
            double e = net.predict(d.toInput(x.raw()))[0] - x.label();
            sum += e * e;
        }
        return sum / d.size();
    }

    // ---- Own data ------------------------------------------------------------------------------

    @Test void importingCircleCsvChangesTheTableTheMapAndTheTrainingData() {
        assertTrue(fx(() -> window.files().openData(ASSETS.resolve("circle.csv"))), () -> window.lastError());
        assertEquals(80, fx(() -> vm.dataset().size()));
        assertEquals(80, fx(() -> window.data().table().getItems().size()));
        assertEquals(80, fx(() -> window.view(DecisionMapView.class).datasetProperty().get().size()));
        assertEquals("circle", fx(() -> window.controls().dataset.getValue()));
        assertTrue(fx(() -> window.controls().dataset.getItems().contains("circle")));
        // The network is trained on the circle now: the shown loss is the MSE over the 80 points.
        Snapshot s = fx(() -> vm.snapshot());
        assertEquals(mse(s, fx(() -> vm.dataset())), s.loss(), 1e-12);
        assertEquals(0, s.epoch());
        assertTrue(fx(() -> window.status().message.getText()).contains("circle"));
        // Switching away and back through the choice box keeps the imported set.
        fxRun(() -> window.controls().dataset.setValue("xor"));
        assertEquals(4, fx(() -> vm.dataset().size()));
        fxRun(() -> window.controls().dataset.setValue("circle"));
        assertEquals(80, fx(() -> vm.dataset().size()));
    }

    @Test void aBadCsvNamesTheLineAndChangesNothing() throws IOException {
        train(20);
        Dataset before = fx(() -> vm.dataset());
        double[] params = FxTestSupport.parameters(vm);
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x,y,label\n1,2,1\n3,abc,0\n");
        assertFalse(fx(() -> window.files().openData(bad)));
        String error = fx(() -> window.lastError());
        assertTrue(error.contains("bad.csv line 3") && error.contains("abc"), error);
        assertSame(before, fx(() -> vm.dataset()));
        assertArrayEquals(params, FxTestSupport.parameters(vm));
        assertEquals(20, fx(() -> vm.snapshot().epoch()));
        assertEquals("gender", fx(() -> window.controls().dataset.getValue()));
        assertTrue(fx(() -> window.files().recentList()).isEmpty(), "a refused file is not a recent file");
    }

    @Test void theErrorShowsInADialog(FxRobot robot) throws IOException {
        Path bad = dir.resolve("semicolons.csv");
        Files.writeString(bad, "1;2;1\n");
        fxRun(() -> window.setErrorDialogs(true));
        fxRun(() -> window.files().openData(bad));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = fx(() -> Window.getWindows().stream().filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> (DialogPane) w.getScene().getRoot()).findFirst().orElse(null));
        assertNotNull(pane, "an error dialog is open");
        String text = fx(pane::getContentText);
        assertTrue(text.contains("semicolons.csv line 1") && text.contains("use commas"), text);
        fxRun(() -> pane.getScene().getWindow().hide());
    }

    // ---- Clicking on the decision map --------------------------------------------------------------

    private Point2D onScreen(DecisionMapView map, double rawX, double rawY) {
        return fx(() -> map.canvas().localToScreen(map.toCanvas(rawX, rawY)));
    }

    @Test void clickingTheMapAddsAndRemovesPointsAndKeepsTheWeights(FxRobot robot) throws Exception {
        train(30);
        double[] params = FxTestSupport.parameters(vm);
        fxRun(() -> window.views().select("Decision map"));
        settle();
        DecisionMapView map = fx(() -> window.view(DecisionMapView.class));
        double pixel = fx(() -> (map.decisionMap().xMax() - map.decisionMap().xMin()) / map.plotSize());
        double pixelY = fx(() -> (map.decisionMap().yMax() - map.decisionMap().yMin()) / map.plotSize());

        robot.clickOn(onScreen(map, 150, 66));                               // plain: positive class
        robot.press(KeyCode.SHIFT).clickOn(onScreen(map, 120, 70)).release(KeyCode.SHIFT); // shift: negative
        robot.clickOn(onScreen(map, 158, 61), MouseButton.SECONDARY);       // right click: negative
        settle();
        Dataset d = fx(() -> vm.dataset());
        assertEquals(7, d.size());
        double[][] expected = { { 150, 66, 1 }, { 120, 70, 0 }, { 158, 61, 0 } };
        for (int k = 0; k < 3; k++) {
            Dataset.Sample s = d.sample(4 + k);
            assertEquals(expected[k][0], s.raw(0), 1.5 * pixel, "x of added point " + k);
            assertEquals(expected[k][1], s.raw(1), 1.5 * pixelY, "y of added point " + k);
            assertEquals(expected[k][2], s.label(), "class of added point " + k);
        }
        assertEquals(7, fx(() -> window.data().table().getItems().size()));
        assertEquals(7, fx(() -> map.datasetProperty().get().size()));
        // Same weights and epoch, loss now measured on 10 points.
        waitUntil("parameters carried over", 5, () -> vm.snapshot().loss() == mse(vm.snapshot(), vm.dataset()));
        assertArrayEquals(params, FxTestSupport.parameters(vm));
        assertEquals(30, fx(() -> vm.snapshot().epoch()));

        // Alt+click on Alice (sample 0) removes her.
        Dataset.Sample alice = d.sample(0);
        robot.press(KeyCode.ALT).clickOn(onScreen(map, alice.raw(0), alice.raw(1))).release(KeyCode.ALT);
        settle();
        assertEquals(6, fx(() -> vm.dataset().size()));
        assertFalse(fx(() -> vm.dataset().samples().contains(alice)));

        // Training goes on from the same weights over the new data; the points added are saved.
        train(10);
        assertEquals(40, fx(() -> vm.snapshot().epoch()));
        Path saved = dir.resolve("mine.csv");
        assertTrue(fx(() -> window.files().saveData(saved)));
        Dataset back = new CsvDatasetReader().read(saved);
        assertEquals(6, back.size());
        assertEquals(fx(() -> vm.dataset().sample(5).raw(0)), back.sample(5).raw(0));
        assertEquals(0.0, back.sample(5).label());
    }

    // ---- Sessions ------------------------------------------------------------------------------

    @Test void aSavedSessionLoadsIntoAFreshWindowBitForBit() throws Exception {
        assertTrue(fx(() -> window.files().openData(ASSETS.resolve("circle.csv"))));
        fxRun(() -> {
            vm.editSetup(s -> s.withArchitecture(lab.backprop.model.Architecture.of(s.architecture().hiddenLayers(), 5, s.architecture().hidden())));
            vm.editSetup(s -> s.withArchitecture(s.architecture().withHidden(Activation.TANH)));
            vm.editSetup(s -> s.withBatching(s.batching().withMode(Batching.Mode.MINI_BATCH)));
            vm.setLearningRate(0.05);
            vm.editSetup(s -> s.withSeed(7));
            vm.reset();
        });
        train(60);
        Path file = dir.resolve("run.json");
        assertTrue(fx(() -> window.files().saveSession(file)), () -> window.lastError());
        Snapshot saved = fx(() -> vm.snapshot());

        LabViewModel fresh = fx(LabViewModel::new);
        MainWindow other = fx(() -> new MainWindow(fresh, new RecentFiles(dir.resolve("recent2.json"), 10)));
        try {
            fxRun(() -> other.setErrorDialogs(false));
            assertTrue(fx(() -> other.files().openSession(file)), () -> other.lastError());
            Snapshot loaded = fx(fresh::snapshot);
            assertEquals(saved.layout(), loaded.layout());
            assertArrayEquals(saved.weights(), loaded.weights());
            assertArrayEquals(saved.biases(), loaded.biases());
            assertEquals(saved.epoch(), loaded.epoch());
            assertEquals(saved.loss(), loaded.loss());
            assertEquals(fx(() -> vm.dataset().samples()), fx(() -> fresh.dataset().samples()));
            assertEquals("circle", fx(() -> other.controls().dataset.getValue()));
            assertEquals(5, fx(() -> other.controls().hidden.getValue()));
            assertEquals(Activation.TANH, fx(() -> fresh.setup().architecture().hidden()));
            assertEquals(Batching.Mode.MINI_BATCH, fx(() -> fresh.setup().batching().mode()));
            assertEquals(fx(() -> vm.setup().learningRate()), fx(() -> fresh.setup().learningRate()));
            assertEquals(7L, fx(() -> fresh.setup().seed()));
            assertEquals(fx(() -> vm.setup().epochs()), fx(() -> fresh.setup().epochs()));
            fxRun(fresh::step);
            waitUntil("the loaded session trains on from its epoch", 5, () -> fresh.snapshot().epoch() == saved.epoch() + 1);
        } finally {
            fxRun(fresh::dispose);
        }
    }

    @Test void aCorruptOrForeignSessionChangesNothing() throws IOException {
        train(15);
        double[] params = FxTestSupport.parameters(vm);
        Dataset data = fx(() -> vm.dataset());
        double rate = fx(() -> vm.setup().learningRate());
        Path truncated = dir.resolve("cut.json");
        String json = fx(() -> SessionFile.toJson(vm.currentSession()));
        Files.writeString(truncated, json.substring(0, json.length() / 2));
        Path foreign = dir.resolve("package.json");
        Files.writeString(foreign, "{\"name\": \"left-pad\", \"version\": \"1.3.0\"}");
        for (Path p : List.of(truncated, foreign)) {
            assertFalse(fx(() -> window.files().openSession(p)));
            String error = fx(() -> window.lastError());
            assertTrue(error.startsWith(p.getFileName().toString() + ": "), error);
            assertArrayEquals(params, FxTestSupport.parameters(vm));
            assertSame(data, fx(() -> vm.dataset()));
            assertEquals(rate, fx(() -> vm.setup().learningRate()));
            assertEquals(15, fx(() -> vm.snapshot().epoch()));
        }
        assertTrue(fx(() -> window.lastError()).contains("not a Backprop Lab session file"));
    }

    @Test void hostileFilesAreRefusedLikeAnyBadFileAndChangeNothing() throws Exception {
        train(7);
        double[] params = FxTestSupport.parameters(vm);
        Dataset data = fx(() -> vm.dataset());
        Path pipe = dir.resolve("pipe.csv");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
        Path nul = Files.write(dir.resolve("nul.csv"), "1,2,1\n3,4\u0000,0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path escape = Files.writeString(dir.resolve("esc.csv"), "x,y,label\n1,\u001b[2J,1\n");
        String head = "{\"format\": \"backprop-lab-session\", \"version\": ";
        Path deep = Files.writeString(dir.resolve("deep.json"), head + "1, \"network\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}");
        Path digits = Files.writeString(dir.resolve("digits.json"), head + "1, \"network\": {\"epoch\": " + "7".repeat(5000) + "}}");
        Path wrap = Files.writeString(dir.resolve("wrap.json"), head + "18446744073709551617}");
        Path trailing = Files.writeString(dir.resolve("trailing.json"), fx(() -> SessionFile.toJson(vm.currentSession())) + "{}");
        Path sessionPipe = dir.resolve("pipe.json");
        assertEquals(0, new ProcessBuilder("mkfifo", sessionPipe.toString()).start().waitFor());
        java.util.Map<Path, String> csv = java.util.Map.of(pipe, "named pipe", dir, "a directory", nul, "control character",
                escape, "\\u001b[2J");
        java.util.Map<Path, String> sessions = java.util.Map.of(deep, "nesting deeper than", digits, "a number longer than",
                wrap, "format version 18446744073709551617", trailing, "more content after the session object",
                sessionPipe, "named pipe", dir, "a directory");
        for (var e : csv.entrySet()) {
            assertFalse(org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                    () -> fx(() -> window.files().openData(e.getKey()))), e.getKey().toString());
            assertOneCleanLine(e.getValue());
        }
        for (var e : sessions.entrySet()) {
            assertFalse(org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                    () -> fx(() -> window.files().openSession(e.getKey()))), e.getKey().toString());
            assertOneCleanLine(e.getValue());
        }
        assertArrayEquals(params, FxTestSupport.parameters(vm), "nothing changed");
        assertSame(data, fx(() -> vm.dataset()));
        assertEquals(7, fx(() -> vm.snapshot().epoch()));
    }

    private void assertOneCleanLine(String fragment) {
        String error = fx(() -> window.lastError());
        assertTrue(error.contains(fragment), error);
        assertFalse(error.contains("\n") || error.chars().anyMatch(c -> c < 0x20), "one clean line: " + error);
        assertFalse(error.matches("(?s).*\\b(com|java|lab|org)\\.[a-z]+\\..*") || error.contains("Exception"), "no class names: " + error);
    }

    @Test void aSessionTheWindowCannotShowIsRefusedWithTheReason() throws IOException {
        double[] params = FxTestSupport.parameters(vm);
        var net = lab.backprop.train.Setups.network(new lab.backprop.model.Layout(2, 3, 4, 1), Activation.SIGMOID,
                Activation.SIGMOID, lab.backprop.model.Initializer.STANDARD_NORMAL, 3);
        var session = new lab.backprop.session.Session(net.snapshot(12, 0.25),
                lab.backprop.train.Setups.setup(net, lab.backprop.data.BuiltinDatasets.xor(), Batching.Mode.FULL_BATCH, 0.5, 2, 3).withEpochs(100));
        Path file = dir.resolve("deep.json");
        SessionFile.save(session, file);
        assertFalse(fx(() -> window.files().openSession(file)));
        assertTrue(fx(() -> window.lastError()).contains("hidden layers of the same size"), fx(() -> window.lastError()));
        assertArrayEquals(params, FxTestSupport.parameters(vm));
        assertEquals("gender", fx(() -> vm.dataset().name()));
        assertEquals(Batching.Mode.PER_SAMPLE, fx(() -> vm.setup().batching().mode()));
    }

    @Test void recentFilesListOpenedFilesAndDropAVanishedOneWithAMessage() throws IOException {
        Path copy = dir.resolve("xor-copy.csv");
        Files.copy(ASSETS.resolve("xor.csv"), copy);
        Path session = dir.resolve("s.json");
        assertTrue(fx(() -> window.files().openData(copy)));
        assertTrue(fx(() -> window.files().saveSession(session)));
        List<Path> recent = fx(() -> window.files().recentList());
        assertEquals(List.of(session.toAbsolutePath().normalize(), copy.toAbsolutePath().normalize()), recent);
        assertTrue(fx(() -> window.files().openRecent(session)));
        Files.delete(copy);
        assertFalse(fx(() -> window.files().openRecent(copy)));
        assertTrue(fx(() -> window.lastError()).contains("no longer exists"), fx(() -> window.lastError()));
        assertEquals(List.of(session.toAbsolutePath().normalize()), fx(() -> window.files().recentList()));
    }

    // ---- Exports -------------------------------------------------------------------------------

    @Test void exportsWriteValidPngsAndTheLossCsv() throws IOException {
        train(50);
        for (FileActions.Picture what : FileActions.Picture.values()) {
            Path png = dir.resolve(what.fileName());
            WritableImage expected = fx(() -> window.files().picture(what));
            assertTrue(fx(() -> window.files().exportPng(what, png)), () -> window.lastError());
            BufferedImage img = ImageIO.read(png.toFile());
            assertNotNull(img, what + " is a PNG");
            assertEquals((int) expected.getWidth(), img.getWidth(), what + " width");
            assertEquals((int) expected.getHeight(), img.getHeight(), what + " height");
            assertTrue(img.getWidth() > 100 && img.getHeight() > 100, what + " size " + img.getWidth() + "x" + img.getHeight());
        }
        for (FileActions.Picture what : FileActions.Picture.values()) { // 2x: twice as wide and high, drawn at that size
            Path png = dir.resolve("2x-" + what.fileName());
            BufferedImage one = ImageIO.read(dir.resolve(what.fileName()).toFile());
            assertTrue(fx(() -> window.files().exportPng(what, 2, png)), () -> window.lastError());
            BufferedImage two = ImageIO.read(png.toFile());
            assertEquals(2 * one.getWidth(), two.getWidth(), what + " 2x width");
            assertEquals(2 * one.getHeight(), two.getHeight(), what + " 2x height");
            assertTrue(distinctColours(two) > distinctColours(one), what + ": drawn at 2x, not blown up (more edge shades)");
        }
        BufferedImage whole = ImageIO.read(dir.resolve("window.png").toFile());
        assertEquals((int) BackpropLabApp.WIDTH, whole.getWidth());
        assertEquals((int) BackpropLabApp.HEIGHT, whole.getHeight());

        Path csv = dir.resolve("loss.csv");
        assertTrue(fx(() -> window.files().exportLoss(csv)));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("epoch,min,max,last", lines.get(0));
        assertEquals(52, lines.size(), "header, the start and 50 epochs");
        assertTrue(lines.get(1).startsWith("0,"));
        assertTrue(lines.get(51).startsWith("50,"));
        double lastLoss = Double.parseDouble(lines.get(51).split(",")[3]);
        assertEquals(fx(() -> vm.snapshot().loss()), lastLoss);
    }

    // ---- Robustness ----------------------------------------------------------------------------

    @Test void aRateOf1000TypedWhileTrainingStopsTrainingAndRollsBack(FxRobot robot) {
        fxRun(() -> {
            vm.epochsPerSecondProperty().set(500);
            vm.editSetup(s -> s.withEpochs(100_000));
            vm.train();
        });
        waitUntil("training", 10, () -> vm.snapshot().epoch() > 5);
        robot.doubleClickOn("#learningRateField").eraseText(8).write("1000").type(KeyCode.ENTER);
        waitUntil("stopped", 20, () -> vm.state() == RunState.IDLE);
        Banner bar = fx(() -> window.banner());
        waitUntil("notification", 5, bar::isShowing);
        String text = fx(bar::getText);
        assertTrue(text.matches("(?s).*\\b[wb]\\d+\\b.*"), text);
        Snapshot s = fx(() -> vm.snapshot());
        for (double p : FxTestSupport.parameters(vm)) assertTrue(Double.isFinite(p) && Math.abs(p) < 1e6, "rolled back: " + p);
        assertEquals(mse(s, fx(() -> vm.dataset())), s.loss(), 1e-12);
    }

    // ---- Shortcuts -------------------------------------------------------------------------------

    @Test void shortcutsTrainPauseStepAndReset(FxRobot robot) {
        fxRun(() -> {
            vm.epochsPerSecondProperty().set(200);
            vm.editSetup(s -> s.withEpochs(100_000));
            window.graph().requestFocus();
        });
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        waitUntil("Ctrl+T trains", 5, () -> vm.state() == RunState.RUNNING);
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        waitUntil("Ctrl+P pauses", 5, () -> vm.state() == RunState.PAUSED);
        robot.type(KeyCode.SPACE);
        waitUntil("Space resumes", 5, () -> vm.state() == RunState.RUNNING);
        robot.type(KeyCode.SPACE);
        waitUntil("Space pauses", 5, () -> vm.state() == RunState.PAUSED);
        settle();
        long epoch = fx(() -> vm.snapshot().epoch());
        fxRun(vm::reset);
        assertEquals(0, fx(() -> vm.snapshot().epoch()));
        robot.press(KeyCode.CONTROL, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.CONTROL);
        waitUntil("Ctrl+Right steps one epoch", 5, () -> vm.snapshot().epoch() == 1);
        assertTrue(epoch > 0);
        double[] stepped = FxTestSupport.parameters(vm);
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil("Ctrl+R resets", 5, () -> vm.snapshot().epoch() == 0);
        assertFalse(java.util.Arrays.equals(stepped, FxTestSupport.parameters(vm)));
    }

    @Test void menusShowTheShortcutsAndEveryActionIsThere() {
        List<MenuItem> items = fx(() -> {
            List<MenuItem> all = new ArrayList<>();
            for (Menu m : window.menuBar().getMenus()) collect(m, all);
            return all;
        });
        Set<String> texts = new HashSet<>();
        Set<Object> keys = new HashSet<>();
        for (MenuItem i : items) {
            texts.add(String.valueOf(i.getText()).replaceFirst("_", ""));
            if (i.getAccelerator() != null) assertTrue(keys.add(i.getAccelerator()), "shortcut used twice: " + i.getAccelerator());
        }
        for (String t : List.of("Open data CSV…", "Save data CSV…", "Open session…", "Save session…", "Recent files",
                "Export loss CSV…", "Export PNG", "Network graph…", "Loss curve…", "Decision map…", "Whole window…", "Quit",
                "Train", "Pause / Resume", "Step one epoch")) {
            assertTrue(texts.contains(t), "menu item " + t);
        }
        assertTrue(keys.containsAll(List.of(Shortcuts.TRAIN, Shortcuts.PAUSE, Shortcuts.STEP, Shortcuts.RESET,
                Shortcuts.OPEN_SESSION, Shortcuts.SAVE_SESSION, Shortcuts.OPEN_DATA, Shortcuts.SAVE_DATA)));
        String trainTip = fx(() -> window.controls().train.getTooltip().getText());
        assertTrue(trainTip.contains(Shortcuts.TRAIN.getDisplayText()), trainTip);
    }

    private static void collect(MenuItem item, List<MenuItem> into) {
        into.add(item);
        if (item instanceof Menu m) for (MenuItem i : m.getItems()) collect(i, into);
    }

    // ---- Tooltips --------------------------------------------------------------------------------

    @Test void everyControlHasATooltip() {
        List<String> missing = fx(() -> {
            List<String> out = new ArrayList<>();
            List<Control> found = new ArrayList<>();
            walk(window, found);
            for (Control c : found) {
                if (c.getTooltip() == null || c.getTooltip().getText() == null || c.getTooltip().getText().isBlank()) {
                    out.add(c.getClass().getSimpleName() + " #" + c.getId() + " " + (c instanceof ButtonBase b ? b.getText() : ""));
                }
            }
            if (found.size() < 20) out.add("only " + found.size() + " controls found");
            return out;
        });
        assertEquals(List.of(), missing);
    }

    /** Walks the scene graph and tab contents; stops inside composite controls (a Spinner's own text field). */
    private static void walk(Node n, List<Control> found) {
        boolean wanted = n instanceof ButtonBase || n instanceof Slider || n instanceof TextField || n instanceof ComboBox<?>
                || n instanceof ChoiceBox<?> || n instanceof CheckBox || n instanceof ToggleButton || n instanceof Spinner<?>;
        if (wanted && n.isVisible()) found.add((Control) n);
        if (n instanceof Spinner<?> || n instanceof ComboBox<?> || n instanceof ChoiceBox<?> || n instanceof ButtonBase) return;
        if (n instanceof TabPane tp) for (Tab t : tp.getTabs()) if (t.getContent() != null) walk(t.getContent(), found);
        if (n instanceof ScrollPane sp && sp.getContent() != null) walk(sp.getContent(), found);
        if (n instanceof SplitPane sp) for (Node i : sp.getItems()) walk(i, found);
        if (n instanceof NotificationPane np) {
            if (np.getContent() != null) walk(np.getContent(), found);
            return; // its own close button belongs to ControlsFX
        }
        if (n instanceof javafx.scene.control.MenuBar) return;
        if (n instanceof Parent p && !(n instanceof TabPane) && !(n instanceof ScrollPane) && !(n instanceof SplitPane)) {
            for (Node c : p.getChildrenUnmodifiable()) walk(c, found);
        }
    }
}
