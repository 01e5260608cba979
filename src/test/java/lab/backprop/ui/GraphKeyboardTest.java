package lab.backprop.ui;

import static lab.backprop.ui.FxTestSupport.fx;
import static lab.backprop.ui.FxTestSupport.fxRun;
import static lab.backprop.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lab.backprop.model.Activation;
import lab.backprop.model.Architecture;
import lab.backprop.model.Layout;
import lab.backprop.support.Numbers;
import lab.backprop.support.RecentFiles;
import lab.backprop.train.RunState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The network graph with the keyboard only, through real key presses: Tab reaches it, the arrows reach every neuron
 * and edge, Enter edits the weight or bias under the cursor (Enter sets, Escape cancels, a bad number keeps the
 * editor), Undo takes a typed weight back, and the accessible text says what the cursor is on.
 */
@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class GraphKeyboardTest {
    private LabViewModel vm;
    private MainWindow window;
    private NetworkGraphView graph;

    @Start void start(Stage stage) throws IOException {
        Path dir = Files.createTempDirectory("backprop-keys-");
        vm = new LabViewModel();
        window = new MainWindow(vm, new RecentFiles(dir.resolve("recent.json"), 10));
        window.setErrorDialogs(false);
        graph = window.graph();
        BackpropLabApp.show(stage, window);
    }

    @AfterEach void stop() { fxRun(() -> vm.dispose()); }

    // ---- helpers ---------------------------------------------------------------------------------

    private Node focusOwner() { return fx(() -> window.getScene().getFocusOwner()); }

    private boolean graphFocused() { return fx(() -> graph.isFocused()); }

    /** Presses Tab until the graph has the focus (as a keyboard user would); fails if it never does. */
    private void tabToGraph(FxRobot robot) {
        for (int i = 0; i < 120 && !graphFocused(); i++) robot.type(KeyCode.TAB);
        assertTrue(graphFocused(), "Tab reaches the graph; the focus is on " + focusOwner());
    }

    private String item() { return fx(() -> graph.keyboardItem()); }

    /** Types {@code key} and returns the cursor's item after it. */
    private String press(FxRobot robot, KeyCode key) {
        robot.type(key);
        return item();
    }

    private TextField editor(FxRobot robot) { return robot.lookup("#edgeEditor").queryAs(TextField.class); }

    private String editorError(FxRobot robot) { return fx(() -> robot.lookup("#edgeEditorError").queryAs(Label.class).getText()); }

    private void awaitQueued() {
        assertTrue(vm.controller().awaitQueued(20, TimeUnit.SECONDS), "the training thread did its work");
        FxTestSupport.settle();
    }

    /** Every neuron and edge name of a layout: x1.., h1.., o1, w1... */
    private static Set<String> everyItem(Layout l) {
        Set<String> all = new HashSet<>();
        for (int layer = 0; layer < l.layerCount(); layer++) for (int j = 0; j < l.size(layer); j++) all.add(l.neuronName(layer, j));
        for (int w = 0; w < l.weightCount(); w++) all.add(l.weightName(w));
        return all;
    }

    /**
     * A walk with the keys only: back to the inputs with Left, then layer by layer: Home and Down through every
     * neuron, Right onto an edge, Home and Down through every edge of the column, Right onto the next layer.
     */
    private List<String> walkEverything(FxRobot robot, Layout l) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 2 * l.layerCount(); i++) seen.add(press(robot, KeyCode.LEFT));
        assertTrue(item().startsWith("x"), "Left ends on an input: " + item());
        for (int layer = 0; layer < l.layerCount(); layer++) {
            seen.add(press(robot, KeyCode.HOME));
            for (int j = 1; j < l.size(layer); j++) seen.add(press(robot, KeyCode.DOWN));
            seen.add(press(robot, KeyCode.DOWN)); // at the end: stays
            if (layer == l.layerCount() - 1) break;
            seen.add(press(robot, KeyCode.RIGHT));
            assertTrue(item().startsWith("w"), "Right from a neuron is an edge: " + item());
            seen.add(press(robot, KeyCode.HOME));
            for (int e = 1; e < l.size(layer) * l.size(layer + 1); e++) seen.add(press(robot, KeyCode.DOWN));
            seen.add(press(robot, KeyCode.RIGHT));
        }
        return seen;
    }

    // ---- tests ---------------------------------------------------------------------------------

    @Test void tabReachesTheGraphWithTheCursorOnTheSelectedNeuronAndTabLeavesIt(FxRobot robot) {
        tabToGraph(robot);
        assertEquals("h1", item(), "the cursor sits on the selected neuron");
        String said = fx(() -> graph.getAccessibleText());
        assertTrue(said.startsWith("Keyboard cursor: h1, activation "), said);
        assertTrue(said.contains("; Enter to edit the bias. Network 2-2-1"), said);

        robot.type(KeyCode.TAB);
        assertFalse(graphFocused(), "Tab leaves the graph");
        assertTrue(fx(() -> graph.getAccessibleText()).startsWith("Network 2-2-1"), "no cursor said without the focus");
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        assertTrue(graphFocused(), "Shift+Tab comes back; the focus is on " + focusOwner());
        assertEquals("h1", item());
    }

    @Test void theArrowsReachEveryNeuronAndEdgeOfTheTwoTwoOneNetworkPredictably(FxRobot robot) {
        tabToGraph(robot);
        // Left from h1 goes to the edge straight across (from x1), Down walks the column in the weights' order.
        List<String> path = new ArrayList<>();
        for (KeyCode k : List.of(KeyCode.LEFT, KeyCode.DOWN, KeyCode.DOWN, KeyCode.DOWN, KeyCode.DOWN, KeyCode.LEFT, KeyCode.UP,
                KeyCode.RIGHT, KeyCode.RIGHT, KeyCode.RIGHT, KeyCode.RIGHT, KeyCode.RIGHT, KeyCode.LEFT, KeyCode.DOWN, KeyCode.LEFT,
                KeyCode.LEFT, KeyCode.RIGHT, KeyCode.RIGHT, KeyCode.UP, KeyCode.END)) {
            path.add(press(robot, k));
        }
        assertEquals(List.of("w1", "w2", "w3", "w4", "w4", "x2", "x1",
                "w1", "h1", "w5", "o1", "o1", "w5", "w6", "h2",
                "w4", "h2", "w6", "w5", "w6"), path);
        Set<String> seen = new HashSet<>(path);
        seen.add("h1");
        assertEquals(everyItem(new Layout(2, 2, 1)), seen, "every neuron and every edge was reached");
        assertTrue(graphFocused(), "the arrows never moved the focus out of the graph");
        assertEquals(0, fx(() -> vm.snapshot().epoch()), "no arrow trained (Ctrl+Right is Step, a plain Right is not)");
        assertEquals(RunState.IDLE, fx(() -> vm.state()));

        // A neuron reached is selected as by a click: the sigmoid view follows. An input is not.
        robot.type(KeyCode.RIGHT); // w6 -> o1
        assertEquals("o1", item());
        assertEquals(new NeuronRef(2, 0), fx(() -> vm.selectedNeuronProperty().get()));
        robot.type(KeyCode.LEFT, KeyCode.LEFT, KeyCode.LEFT, KeyCode.LEFT); // w6, h2, w4, x2
        assertEquals("x2", item());
        assertEquals(new NeuronRef(1, 1), fx(() -> vm.selectedNeuronProperty().get()), "h2 stays selected on the input");

        // Ctrl+Right with the graph focused is still Step; the cursor stays.
        robot.press(KeyCode.CONTROL, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.CONTROL);
        waitUntil("Ctrl+Right steps", 10, () -> vm.snapshot().epoch() == 1 && vm.state() == RunState.IDLE);
        assertEquals("x2", item());
        assertTrue(graphFocused());
    }

    @Test void theArrowsReachEveryNeuronAndEdgeOfAWiderNetworkAndTheCursorKeepsAValidItem(FxRobot robot) {
        assertNull(fx(() -> vm.editSetup(s -> s.withArchitecture(Architecture.of(2, 3, Activation.SIGMOID)))));
        Layout wide = new Layout(2, 3, 3, 1);
        waitUntil("2-3-3-1 shown", 5, () -> vm.snapshot().layout().equals(wide) && graph.edgeCount() == wide.weightCount());
        tabToGraph(robot);
        assertEquals("h1_1", item());
        List<String> seen = walkEverything(robot, wide);
        assertEquals(everyItem(wide), new HashSet<>(seen), "every neuron and every edge of 2-3-3-1 was reached: " + seen);
        assertEquals(27, new HashSet<>(seen).size());

        // Training: the cursor stays where it is.
        robot.type(KeyCode.LEFT); // o1 -> an edge into it
        String edge = item();
        assertTrue(edge.startsWith("w"), edge);
        fxRun(vm::step);
        waitUntil("one epoch", 10, () -> vm.snapshot().epoch() == 1 && vm.state() == RunState.IDLE);
        assertEquals(edge, item(), "a new snapshot keeps the cursor");

        // Another architecture: the cursor is put on an item that exists, and the keys go on from there.
        robot.type(KeyCode.LEFT); // onto the edge's source, a neuron of the second hidden layer
        assertTrue(item().startsWith("h2_"), item());
        assertNull(fx(() -> vm.editSetup(s -> s.withArchitecture(Architecture.of(1, 1, Activation.SIGMOID)))));
        waitUntil("2-1-1 shown", 5, () -> vm.snapshot().layout().equals(new Layout(2, 1, 1)) && graph.edgeCount() == 3);
        assertEquals("h1", item(), "a neuron gone: the cursor is on the selected one");
        assertEquals(List.of("w1", "x1", "x2", "w2", "h1", "w3", "o1"), List.of(press(robot, KeyCode.LEFT), press(robot, KeyCode.LEFT),
                press(robot, KeyCode.DOWN), press(robot, KeyCode.RIGHT), press(robot, KeyCode.RIGHT), press(robot, KeyCode.RIGHT),
                press(robot, KeyCode.RIGHT)));
    }

    @Test void aWeightTypedWithTheKeyboardIsExactAndUndoTakesItBack(FxRobot robot) {
        tabToGraph(robot);
        robot.type(KeyCode.RIGHT); // h1 -> w5 (h1 to o1)
        assertEquals("w5", item());
        double before = fx(() -> vm.snapshot().weight(4));
        String said = fx(() -> graph.getAccessibleText());
        assertTrue(said.startsWith("Keyboard cursor: w5 = " + Numbers.brief(before) + ", from h1 to o1; Enter to edit."), said);

        robot.type(KeyCode.ENTER);
        assertEquals("w5", fx(() -> graph.editorTarget()));
        TextField editor = editor(robot);
        assertEquals(editor, focusOwner(), "the editor has the focus");
        assertEquals(Numbers.full(before), fx(editor::getText));
        assertTrue(fx(editor::getAccessibleText).startsWith("New value for w5 (h1 to o1), now "), fx(editor::getAccessibleText));
        robot.write("0.375").type(KeyCode.ENTER); // the old value is selected: typing replaces it
        awaitQueued();
        waitUntil("w5 typed", 5, () -> vm.snapshot().weight(4) == 0.375);
        assertEquals(0.375, fx(() -> vm.snapshot().weight(4)), 0.0);
        assertNull(fx(() -> graph.editorTarget()), "Enter closed the editor");
        assertTrue(graphFocused(), "the focus is back on the graph");
        assertEquals("w5", item(), "on the same item");
        assertTrue(fx(() -> graph.getAccessibleText()).startsWith("Keyboard cursor: w5 = 0.375, from h1 to o1"));

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL); // Edit ▸ Undo
        awaitQueued();
        waitUntil("undone", 5, () -> vm.snapshot().weight(4) == before);
        assertEquals(before, fx(() -> vm.snapshot().weight(4)), 0.0, "Undo puts back the weight bit for bit");
        assertEquals("w5", item());

        // Ctrl+C copies the value under the cursor, every digit; on an input there is nothing to copy.
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        String copied = fx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertEquals("w5 = " + before, copied);
        assertEquals(before, Double.parseDouble(copied.substring(5)), 0.0, "reads back to the same double");
        assertEquals("Copied " + copied, fx(() -> graph.keyboardNote()));
        robot.type(KeyCode.RIGHT, KeyCode.LEFT, KeyCode.LEFT); // o1, w5, h1
        assertEquals("h1", item());
        assertNull(fx(() -> graph.keyboardNote()), "a move hides the note");
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        assertEquals("b1 = " + fx(() -> vm.snapshot().bias(0)), fx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        robot.type(KeyCode.LEFT, KeyCode.LEFT); // w1, x1
        assertEquals("x1", item());
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        assertTrue(fx(() -> graph.keyboardNote()).contains("no weight or bias to copy"), fx(() -> graph.keyboardNote()));
        assertEquals("b1 = " + fx(() -> vm.snapshot().bias(0)), fx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()),
                "the clipboard keeps what was copied last");
    }

    @Test void aBadNumberKeepsTheEditorOpenAndEscapeChangesNothing(FxRobot robot) {
        tabToGraph(robot);
        double[] before = FxTestSupport.parameters(vm);
        robot.type(KeyCode.LEFT, KeyCode.DOWN); // w1, w2
        assertEquals("w2", item());
        robot.type(KeyCode.F2).write("heavy").type(KeyCode.ENTER);
        assertTrue(editorError(robot).contains("not a number"), editorError(robot));
        assertEquals("w2", fx(() -> graph.editorTarget()), "the editor stays open");
        assertEquals(editor(robot), focusOwner());
        assertEquals(editorError(robot), fx(() -> editor(robot).getAccessibleHelp()), "the reason is said too");
        awaitQueued();
        assertArrayEquals(before, FxTestSupport.parameters(vm), "nothing changed");

        robot.type(KeyCode.ESCAPE);
        assertNull(fx(() -> graph.editorTarget()), "Escape closes it");
        assertTrue(graphFocused(), "the focus is back on the graph");
        assertEquals("w2", item());

        robot.type(KeyCode.ENTER).write("5").type(KeyCode.ESCAPE);
        assertNull(fx(() -> graph.editorTarget()));
        assertTrue(graphFocused());
        awaitQueued();
        assertArrayEquals(before, FxTestSupport.parameters(vm), "Escape sets nothing");
        robot.type(KeyCode.DOWN);
        assertEquals("w3", item(), "the arrows go on from the same item");
    }

    @Test void enterOnANeuronTypesItsBiasAndOnAnInputSaysItHasNone(FxRobot robot) {
        tabToGraph(robot);
        robot.type(KeyCode.DOWN); // h2
        assertEquals("h2", item());
        assertEquals(new NeuronRef(1, 1), fx(() -> vm.selectedNeuronProperty().get()));
        double[] before = FxTestSupport.parameters(vm);
        robot.type(KeyCode.ENTER);
        assertEquals("b2", fx(() -> graph.editorTarget()));
        robot.write("-0.5").type(KeyCode.ENTER);
        awaitQueued();
        waitUntil("b2 typed", 5, () -> vm.snapshot().bias(1) == -0.5);
        double[] after = FxTestSupport.parameters(vm);
        before[6 + 1] = -0.5;
        assertArrayEquals(before, after, 0.0, "only b2 changed, to exactly -0.5");
        assertTrue(graphFocused());
        assertEquals("h2", item());

        robot.type(KeyCode.LEFT, KeyCode.LEFT); // w4 (x2 to h2), x2
        assertEquals("x2", item());
        robot.type(KeyCode.ENTER);
        assertNull(fx(() -> graph.editorTarget()), "no editor for an input");
        String note = fx(() -> graph.keyboardNote());
        assertNotNull(note);
        assertTrue(note.startsWith("x2 is an input: it has no bias"), note);
        assertTrue(fx(() -> graph.getAccessibleText()).startsWith("Keyboard cursor: x2 (input"), fx(() -> graph.getAccessibleText()));
        assertTrue(fx(() -> graph.getAccessibleText()).contains(note), "the note is said");
        assertTrue(graphFocused());
        awaitQueued();
        assertArrayEquals(after, FxTestSupport.parameters(vm), "nothing changed");
        robot.type(KeyCode.UP);
        assertNull(fx(() -> graph.keyboardNote()), "a move hides the note");
        assertEquals("x1", item());
    }

    @Test void spaceStillTrainsWithTheGraphFocusedAndTheHelpListsTheGraphKeys(FxRobot robot) {
        fxRun(() -> vm.editSetup(s -> s.withEpochs(5)));
        tabToGraph(robot);
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.SPACE);
        waitUntil("Space trained", 20, () -> vm.snapshot().epoch() == 5 && vm.state() == RunState.IDLE);
        assertTrue(graphFocused());
        assertEquals("w5", item());
        String keys = fx(() -> HelpDialogs.keyboardText(window.menuBar()));
        assertTrue(keys.contains("Enter or F2 (network graph)\tedit the weight"), keys);
        assertTrue(keys.contains("Up / Down (network graph)\t"), keys);
    }

    @Test void withALessonOpenTheArrowsOnTheGraphMoveTheCursorNotTheLesson(FxRobot robot) {
        fxRun(() -> window.openLesson(lab.backprop.lesson.Lessons.byNumber("001")));
        FxTestSupport.settle();
        fxRun(() -> window.lesson().go(1));
        FxTestSupport.settle();
        int step = fx(() -> window.lesson().stepIndex());
        assertEquals(1, step);
        fxRun(graph::requestFocus);
        String start = item();
        robot.type(KeyCode.LEFT);
        assertEquals(step, fx(() -> window.lesson().stepIndex()), "the lesson stayed");
        assertTrue(item().startsWith("w"), "the cursor moved from " + start + " to " + item());
    }
}
