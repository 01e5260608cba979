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
