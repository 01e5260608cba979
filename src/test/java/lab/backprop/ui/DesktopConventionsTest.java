package lab.backprop.ui;

import static lab.backprop.ui.FxTestSupport.fx;
import static lab.backprop.ui.FxTestSupport.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.prefs.Preferences;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.session.SessionFile;
import lab.backprop.support.AppVersion;
import lab.backprop.support.RecentFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 16's desktop conventions: menus with mnemonics, Help, files dropped or passed by a file manager, folders remembered. */
@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class DesktopConventionsTest {
    private LabViewModel vm;
    private MainWindow window;
    private Path dir;
    private Preferences prefs;

    @Start void start(Stage stage) throws IOException {
        dir = Files.createTempDirectory("backprop-desktop-");
        prefs = Preferences.userRoot().node("backprop-test-" + System.nanoTime());
        vm = new LabViewModel();
        window = new MainWindow(vm, new RecentFiles(dir.resolve("recent.json"), 10));
        window.setErrorDialogs(false);
        BackpropLabApp.show(stage, window);
    }

    @AfterEach void stop() throws Exception {
        fxRun(() -> vm.dispose());
        prefs.removeNode();
    }

    @Test void everyMenuHasItsOwnMnemonicAndHelpIsLast() {
        List<String> texts = fx(() -> window.menuBar().getMenus().stream().map(Menu::getText).toList());
        assertEquals(List.of("_File", "_Edit", "_View", "_Train", "_Lesson", "_Help"), texts);
        Set<Character> letters = new HashSet<>();
        for (String t : texts) assertTrue(letters.add(Character.toLowerCase(t.charAt(t.indexOf('_') + 1))), "mnemonic used twice: " + t);
        assertTrue(fx(() -> window.menuBar().getMenus().stream().allMatch(Menu::isMnemonicParsing)));
        // Within a menu, no two items share a mnemonic letter.
        for (Menu m : fx(() -> window.menuBar().getMenus())) {
            Set<Character> inMenu = new HashSet<>();
            for (MenuItem i : fx(() -> List.copyOf(m.getItems()))) {
                String t = i.getText();
                if (t == null || !i.isMnemonicParsing() || t.indexOf('_') < 0) continue;
                assertTrue(inMenu.add(Character.toLowerCase(t.charAt(t.indexOf('_') + 1))), m.getText() + ": " + t);
            }
        }
    }

    @Test void keyboardReferenceListsEveryAcceleratorOfTheMenusAndAboutTellsTheVersion() {
        String keys = fx(() -> HelpDialogs.keyboardText(window.menuBar()));
        assertTrue(keys.contains(Shortcuts.TRAIN.getDisplayText() + "\tTrain ▸ Train"), keys);
        assertTrue(keys.contains(Shortcuts.OPEN_SESSION.getDisplayText() + "\tFile ▸ Open session…"), keys);
        assertTrue(keys.contains(Shortcuts.HELP_KEYS.getDisplayText() + "\tHelp ▸ Keyboard reference"), keys);
        assertTrue(keys.contains("Space\t"), keys);
        assertFalse(keys.contains("_"), "mnemonic marks are not shown: " + keys);
        String about = HelpDialogs.aboutText();
        assertTrue(about.startsWith("Backprop Lab " + AppVersion.get() + "\n"), about);
        assertTrue(about.contains("JavaFX 21"), about);
    }

    @Test void aDroppedCsvOrSessionOpensByItsKindAndAnythingElseIsRefused() throws IOException {
        Path csv = dir.resolve("circle.csv");
        Files.copy(Path.of("assets/circle.csv"), csv);
        Path session = dir.resolve("gender.bplab");
        fxRun(() -> { vm.loadDataset(BuiltinDatasets.gender()); });
        SessionFile.save(fx(() -> vm.currentSession()), session);
        Path picture = dir.resolve("map.png");
        Files.write(picture, new byte[] {1, 2, 3});
        fxRun(() -> vm.loadDataset(BuiltinDatasets.xor()));

        // what the drop handler takes from a drag board: the first file it can open
        assertNull(FileActions.droppable(List.of(picture.toFile(), dir.toFile())));
        assertEquals(csv, FileActions.droppable(List.of(picture.toFile(), csv.toFile(), session.toFile())));

        assertTrue(fx(() -> window.files().open(csv)));
        assertEquals("circle", fx(() -> vm.dataset().name()));
        assertTrue(fx(() -> window.files().open(session)));
        assertEquals(BuiltinDatasets.gender().size(), fx(() -> vm.dataset().size()));
        assertFalse(fx(() -> window.files().open(picture)));
        assertTrue(fx(() -> window.files().errorProperty().get()).contains("opens data (.csv) and sessions"));
        assertEquals(BuiltinDatasets.gender().size(), fx(() -> vm.dataset().size()), "a refused file changes nothing");
        assertTrue(fx(() -> window.getOnDragDropped() != null && window.getOnDragOver() != null), "the window takes drops");
    }

    @Test void editedWeightsOrAddedPointsAreUnsavedWorkAndTheQuestionDecides() throws IOException {
        UnsavedWork unsaved = fx(() -> window.files().unsaved());
        List<String> asked = new java.util.ArrayList<>();
        UnsavedWork.Answer[] answer = {UnsavedWork.Answer.CANCEL};
        fxRun(() -> unsaved.setPrompt(what -> { asked.add(what); return answer[0]; }));
        assertFalse(fx(unsaved::isUnsaved), "a fresh window has nothing unsaved");
        assertTrue(fx(() -> unsaved.mayDiscard("quit")));
        assertTrue(asked.isEmpty(), "nothing unsaved: no question");

        fxRun(() -> vm.setParameter(0, 0.25)); // a weight edited by hand
        assertTrue(fx(unsaved::isUnsaved));
        assertFalse(fx(() -> unsaved.mayDiscard("quit")), "Cancel keeps the window");
        assertEquals(List.of("quit"), asked);
        answer[0] = UnsavedWork.Answer.DISCARD;
        assertTrue(fx(() -> unsaved.mayDiscard("open circle.csv")), "Discard lets it go on");

        Path session = dir.resolve("saved.json");
        assertTrue(fx(() -> window.files().saveSession(session)));
        assertFalse(fx(unsaved::isUnsaved), "saved: nothing unsaved");

        var points = fx(() -> vm.dataset());
        assertNull(fx(() -> vm.replaceData(points.with(new lab.backprop.data.Dataset.Sample(null, new double[] {0.5, 0.5}, 1))))); // a point added on the map
        assertTrue(fx(unsaved::isUnsaved), "an added point is unsaved work");
        assertTrue(fx(() -> window.files().openSession(session)));
        assertFalse(fx(unsaved::isUnsaved), "opening a file: its content is what is shown");

        long epoch = fx(() -> vm.snapshot().epoch());
        fxRun(vm::step);
        FxTestSupport.waitUntil("stepped", 5, () -> vm.snapshot().epoch() == epoch + 1);
        assertFalse(fx(unsaved::isUnsaved), "training is not unsaved work");
    }

    @Test void copyPutsTheParametersTheSessionTheBiasAndAPictureOnTheClipboard() throws Exception {
        fxRun(() -> vm.setParameter(0, 0.1 + 0.2)); // a value whose shortest text has 17 digits
        FxTestSupport.waitUntil("edit shown", 5, () -> vm.snapshot().weight(0) == 0.1 + 0.2);
        String text = fx(() -> Copying.parametersAsText(vm));
        assertEquals(text, fx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        var s = fx(() -> vm.snapshot());
        List<String> lines = text.lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(s.weightCount() + s.biasCount(), lines.size());
        for (int i = 0; i < s.weightCount(); i++) {
            String[] kv = lines.get(i).split(" = ");
            assertEquals("w" + (i + 1), kv[0]);
            assertEquals(Double.doubleToLongBits(s.weight(i)), Double.doubleToLongBits(Double.parseDouble(kv[1])), kv[0]);
        }
        for (int i = 0; i < s.biasCount(); i++) {
            assertEquals(s.bias(i), Double.parseDouble(lines.get(s.weightCount() + i).split(" = ")[1]), 0.0);
        }

        String json = fx(() -> Copying.sessionAsJson(vm));
        assertEquals(json, fx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertEquals(0.1 + 0.2, tree.get("network").get("weights").get(0).asDouble(), 0.0);

        fxRun(() -> vm.selectedNeuronProperty().set(new NeuronRef(1, 0)));
        String bias = fx(() -> Copying.selectedValue(vm));
        assertEquals("h1 bias b1 = " + s.bias(0), bias);
        fxRun(() -> vm.selectedNeuronProperty().set(new NeuronRef(0, 0)));
        assertNull(fx(() -> Copying.selectedValue(vm)), "an input has no bias");

        var image = fx(() -> Copying.viewAsImage(window.graph()));
        var onClipboard = fx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getImage());
        assertEquals((int) fx(() -> window.graph().getWidth()).doubleValue(), (int) image.getWidth());
        assertEquals(image.getWidth(), onClipboard.getWidth(), 0.0);
        assertEquals(image.getHeight(), onClipboard.getHeight(), 0.0);
    }

    @Test void editUndoAndRedoInTheMenuTakeBackAWeightTypedInAndAPointAdded() {
        double before = fx(() -> vm.snapshot().weight(2));
        assertNull(fx(() -> vm.editParameter(2, "0.75")));
        FxTestSupport.waitUntil("edit shown", 5, () -> vm.snapshot().weight(2) == 0.75);
        Menu edit = fx(() -> window.menuBar().getMenus().get(1));
        MenuItem undo = fx(() -> edit.getItems().stream().filter(i -> "undoItem".equals(i.getId())).findFirst().orElseThrow());
        MenuItem redo = fx(() -> edit.getItems().stream().filter(i -> "redoItem".equals(i.getId())).findFirst().orElseThrow());
        assertEquals(Shortcuts.UNDO, undo.getAccelerator());
        assertEquals(Shortcuts.REDO, redo.getAccelerator());
        fxRun(undo::fire);
        FxTestSupport.waitUntil("undone", 5, () -> vm.snapshot().weight(2) == before);
        fxRun(redo::fire);
        FxTestSupport.waitUntil("redone", 5, () -> vm.snapshot().weight(2) == 0.75);

        int size = fx(() -> vm.dataset().size());
        assertNull(fx(() -> vm.replaceData(vm.dataset().with(new lab.backprop.data.Dataset.Sample(null, new double[] {0.2, 0.9}, 0)), "add point")));
        assertEquals(size + 1, fx(() -> vm.dataset().size()));
        fxRun(undo::fire);
        assertEquals(size, fx(() -> vm.dataset().size()), "the point is gone again");
        assertEquals(0.75, fx(() -> vm.snapshot().weight(2)), 0.0, "the weight edit before it stays");
    }

    @Test void editUndoTakesBackANewArchitectureADataSetChosenAndAFileOpenedAndTheControlsFollow() throws IOException {
        Menu edit = fx(() -> window.menuBar().getMenus().get(1));
        MenuItem undo = fx(() -> edit.getItems().stream().filter(i -> "undoItem".equals(i.getId())).findFirst().orElseThrow());
        MenuItem redo = fx(() -> edit.getItems().stream().filter(i -> "redoItem".equals(i.getId())).findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Integer> hidden = (javafx.scene.control.Spinner<Integer>) fx(() -> window.lookup("#hiddenSpinner"));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> data = (javafx.scene.control.ComboBox<String>) fx(() -> window.lookup("#datasetChoice"));
        double[] start = fx(() -> vm.snapshot().weights());

        // An architecture change from the control bar, taken back and done again; the spinner follows.
        fxRun(() -> hidden.getValueFactory().setValue(3));
        assertEquals("2-3-1", fx(() -> vm.snapshot().layout().toString()));
        assertEquals("network 2-3-1 sigmoid", fx(() -> vm.controller().edits().undoLabel()));
        fxRun(undo::fire);
        assertEquals("2-2-1", fx(() -> vm.snapshot().layout().toString()));
        assertEquals(2, fx(hidden::getValue), "the spinner shows the network put back");
        assertEquals("Undid network 2-3-1 sigmoid", fx(() -> ((javafx.scene.control.Label) window.lookup("#statusMessage")).getText()));
        org.junit.jupiter.api.Assertions.assertArrayEquals(start, fx(() -> vm.snapshot().weights()), 0.0);
        fxRun(redo::fire);
        assertEquals("2-3-1", fx(() -> vm.snapshot().layout().toString()));
        assertEquals(3, fx(hidden::getValue));
        fxRun(undo::fire);

        // Another data set from the choice box, then a CSV opened: each is one step back.
        fxRun(() -> data.setValue("xor"));
        assertEquals("xor", fx(() -> vm.dataset().name()));
        Path csv = dir.resolve("circle.csv");
        Files.copy(Path.of("assets/circle.csv"), csv);
        assertTrue(fx(() -> window.files().open(csv)));
        assertEquals("circle", fx(() -> vm.dataset().name()));
        assertEquals("data set circle", fx(() -> vm.controller().edits().undoLabel()));
        fxRun(undo::fire);
        assertEquals("xor", fx(() -> vm.dataset().name()));
        assertEquals("xor", fx(data::getValue), "the choice box follows");
        fxRun(undo::fire);
        assertEquals("gender", fx(() -> vm.dataset().name()));
        assertEquals("gender", fx(data::getValue));
        org.junit.jupiter.api.Assertions.assertArrayEquals(start, fx(() -> vm.snapshot().weights()), 0.0, "gender's weights as they were");
        org.junit.jupiter.api.Assertions.assertArrayEquals(BuiltinDatasets.gender().sample(0).raw(), fx(() -> vm.probeInputProperty().get()), 0.0,
                "the predict panel asks about gender's first sample again");
        fxRun(redo::fire);
        fxRun(redo::fire);
        assertEquals("circle", fx(() -> vm.dataset().name()), "redone in turn");
    }

    @Test void aFileManagersFileArgumentOpensTheWindowOnIt() {
        Path session = Path.of("run.bplab");
        assertEquals(session, WindowOptions.parse(List.of("run.bplab")).file());
        assertNull(WindowOptions.parse(List.of("--stats")).file());
    }

    @Test void fileChoosersStartInTheFolderChosenLastEvenInALaterRun() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("my data"));
        FileActions first = fx(() -> new FileActions(window, new RecentFiles(dir.resolve("r1.json"), 10), prefs));
        assertNull(fx(first::initialFolder));
        fxRun(() -> first.remember(folder.resolve("points.csv").toFile()));
        FileActions later = fx(() -> new FileActions(window, new RecentFiles(dir.resolve("r2.json"), 10), prefs));
        assertEquals(folder.toFile().getAbsoluteFile(), fx(later::initialFolder));
        Files.delete(folder);
        assertNull(fx(later::initialFolder), "a folder that vanished is not offered");
    }
}
