package lab.backprop.ui;

import static lab.backprop.ui.FxTestSupport.fx;
import static lab.backprop.ui.FxTestSupport.fxRun;
import static lab.backprop.ui.FxTestSupport.settle;
import static lab.backprop.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import lab.backprop.model.Layout;
import lab.backprop.model.Snapshot;
import lab.backprop.support.Numbers;
import lab.backprop.train.RunState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * For a screen reader: every canvas says in words what it shows (its accessible text, kept current with the
 * network), and every control of the control bar and the data bar has a name.
 */
@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class AccessibilityTest {
    private LabViewModel vm;
    private MainWindow window;

    @Start void start(Stage stage) {
        vm = new LabViewModel();
        window = new MainWindow(vm);
        window.setErrorDialogs(false);
        BackpropLabApp.show(stage, window);
    }

    @AfterEach void stop() { fxRun(() -> vm.dispose()); }

    @Test void theGraphSaysItsWeightsAndTheyFollowAStep() {
        String before = fx(() -> window.graph().getAccessibleText());
        assertEquals(AccessibleRole.TEXT, fx(() -> window.graph().getAccessibleRole()));
        long epoch = fx(() -> vm.snapshot().epoch());
        fxRun(() -> vm.step());
        waitUntil("one epoch trained", 10, () -> vm.state() == RunState.IDLE && vm.snapshot().epoch() == epoch + 1);
        Snapshot s = fx(() -> vm.snapshot());
        String said = fx(() -> window.graph().getAccessibleText());
        assertNotEquals(before, said, "the summary follows the step");
        Layout l = s.layout();
        assertTrue(said.startsWith("Network 2-2-1 (sigmoid), epoch " + s.epoch() + ", loss " + Numbers.loss(s.loss())), said);
        for (int w = 0; w < l.weightCount(); w++) {
            assertTrue(said.contains(l.weightName(w) + " = " + Numbers.brief(s.weight(w)) + " ("), l.weightName(w) + " in: " + said);
        }
        for (int b = 0; b < l.biasCount(); b++) assertTrue(said.contains(l.biasName(b) + " = " + Numbers.brief(s.bias(b))), said);
        assertTrue(said.contains("w1 = " + Numbers.brief(s.weight(0)) + " (x1 to h1)"), said);
        assertTrue(said.contains("For the input in Predict: h1 "), said);
        assertEquals(fx(() -> window.graph().edgeLabel("w1")), Numbers.brief(s.weight(0)), "the same number as the edge shows");

        // While training runs the summary is only marked out of date; read afterwards, it is the network's then.
        fxRun(() -> { vm.epochsPerSecondProperty().set(0); vm.editSetup(x -> x.withEpochs(300)); vm.train(); });
        waitUntil("trained", 30, () -> vm.state() == RunState.IDLE);
        settle();
        Snapshot after = fx(() -> vm.snapshot());
        String now = fx(() -> window.graph().getAccessibleText());
        assertTrue(now.contains("epoch " + after.epoch() + ", loss " + Numbers.loss(after.loss())), now);
        assertTrue(now.contains("w6 = " + Numbers.brief(after.weight(5)) + " (h2 to o1)"), now);
    }

    @Test void theLossCurveAndTheSigmoidSayTheirValues() {
        fxRun(() -> vm.step());
        waitUntil("one epoch trained", 10, () -> vm.state() == RunState.IDLE && vm.snapshot().epoch() == 1);
        settle();
        Snapshot s = fx(() -> vm.snapshot());
        String loss = fx(() -> window.lossCurve().chart().getAccessibleText());
        assertTrue(loss.startsWith("loss (MSE) per epoch: training loss "), loss);
        assertTrue(loss.contains(Numbers.loss(s.loss()) + " at epoch 1"), loss);

        fxRun(() -> vm.selectedNeuronProperty().set(new NeuronRef(1, 0)));
        fxRun(() -> window.views().select("Sigmoid"));
        settle();
        SigmoidShiftView sigmoid = fx(() -> window.sigmoid());
        double b = s.bias(0);
        String said = fx(sigmoid::describe);
        assertTrue(said.startsWith("h1 = sigmoid(u + b),   u = w·x: bias " + Numbers.brief(b)), said);
        assertTrue(said.contains("Alice (F) u = "), said);
        fxRun(() -> vm.setBias(new NeuronRef(1, 0), 1.5));
        settle();
        String moved = fx(() -> findSaying(sigmoid, "h1 = sigmoid"));
        assertTrue(moved.contains("bias 1.500"), "the accessible text follows the bias: " + moved);
    }

    @Test void everyCanvasOfEveryViewSaysWhatItShows() {
        fxRun(() -> { vm.selectedNeuronProperty().set(new NeuronRef(1, 0)); vm.step(); });
        settle();
        List<String> silent = new ArrayList<>();
        int canvases = 0;
        for (Views.Entry e : Views.SIDE_PANEL) {
            fxRun(() -> window.views().select(e.title()));
            settle();
            List<Canvas> found = fx(() -> canvasesIn(window));
            canvases += found.size();
            for (Canvas c : found) {
                String said = fx(() -> sayingOf(c));
                if (said == null || said.isBlank()) silent.add(e.title() + ": a canvas in " + fx(() -> c.getParent().getClass().getSimpleName()));
            }
        }
        assertEquals(List.of(), silent, "canvases without an accessible text");
        assertTrue(canvases > 20, "canvases were found: " + canvases);
        String map = fx(() -> { window.views().select("Decision map"); return window.view(lab.backprop.ui.advanced.DecisionMapView.class).describe(); });
        assertTrue(map.contains(" of 4 samples on their class's side") && map.contains("Alice (F) at 133, 65: output "), map);
    }

    @Test void everyControlOfTheBarsHasAName() {
        List<Control> controls = fx(() -> {
            List<Control> all = new ArrayList<>();
            collectControls(window.controls(), all);
            collectControls(window.dataBar(), all);
            return all;
        });
        assertTrue(controls.size() >= 25, "the bars' controls were found: " + controls.size());
        List<Label> labels = fx(() -> {
            List<Label> all = new ArrayList<>();
            walk(window, n -> { if (n instanceof Label l) all.add(l); });
            return all;
        });
        List<String> nameless = new ArrayList<>();
        for (Control c : controls) {
            boolean named = fx(() -> c.getAccessibleText() != null && !c.getAccessibleText().isBlank()
                    || labels.stream().anyMatch(l -> l.getLabelFor() == c && !l.getText().isBlank())
                    || c instanceof Labeled t && !(c instanceof Label) && t.getText() != null && !t.getText().isBlank());
            if (!named) nameless.add(c.getClass().getSimpleName() + " #" + c.getId());
        }
        assertEquals(List.of(), nameless);
        assertEquals("Learning rate", fx(() -> labels.stream().filter(l -> l.getLabelFor() == window.controls().rate).findFirst().orElseThrow().getText()));
    }

    /** The accessible text that speaks for a canvas: its own or the nearest enclosing node's with the role TEXT. */
    private static String sayingOf(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getAccessibleRole() == AccessibleRole.TEXT && p.getAccessibleText() != null) return p.getAccessibleText();
        }
        return null;
    }

    /** The accessible text under {@code root} that starts with {@code start}. */
    private static String findSaying(Node root, String start) {
        List<String> found = new ArrayList<>();
        walk(root, n -> { if (n.getAccessibleText() != null && n.getAccessibleText().startsWith(start)) found.add(n.getAccessibleText()); });
        assertFalse(found.isEmpty(), "a text starting " + start);
        return found.get(0);
    }

    private static List<Canvas> canvasesIn(Node root) {
        List<Canvas> out = new ArrayList<>();
        walk(root, n -> { if (n instanceof Canvas c && visible(c)) out.add(c); });
        return out;
    }

    private static boolean visible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    /** The controls a user operates, not the parts inside them (a spinner's text field, a combo box's button). */
    private static void collectControls(Node n, List<Control> out) {
        if (n instanceof Control c && !(n instanceof Label)) {
            out.add(c);
            return;
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collectControls(c, out);
    }

    private static void walk(Node n, java.util.function.Consumer<Node> visit) {
        visit.accept(n);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) walk(c, visit);
    }
}
