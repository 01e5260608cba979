package lab.backprop.ui;

import static lab.backprop.ui.FxTestSupport.fx;
import static lab.backprop.ui.FxTestSupport.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window laid out at a projector's 1024x700, a laptop's 1280x800 and a desktop's 1920x1080 (and that at presenter
 * scale 150 %), with every side view shown in turn: no label, button, choice or text field may show an ellipsis or
 * cut its text, no control may lie outside the window, and no view may need scrolling.
 */
@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class LayoutFitTest {
    private LabViewModel vm;
    private MainWindow window;
    private Stage stage;

    @Start void start(Stage s) {
        stage = s;
        vm = new LabViewModel();
        window = new MainWindow(vm);
        BackpropLabApp.show(stage, window);
    }

    @AfterEach void stop() {
        fxRun(() -> Presenter.scaleProperty().set(1));
        fxRun(() -> vm.dispose());
    }

    @Test void everySizeFromAProjectorToADesktop() {
        List<String> problems = new ArrayList<>();
        for (double[] size : new double[][] { { 1024, 700, 1 }, { 1280, 800, 1 }, { 1920, 1080, 1 }, { 1920, 1080, 1.5 } }) {
            fxRun(() -> {
                Presenter.scaleProperty().set(size[2]);
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            for (String view : fx(() -> window.views().titles())) {
                fxRun(() -> window.views().select(view));
                WaitForAsyncUtils.waitForFxEvents();
                fxRun(() -> {
                    stage.getScene().getRoot().applyCss();
                    stage.getScene().getRoot().layout();
                });
                WaitForAsyncUtils.waitForFxEvents();
                String where = (int) size[0] + "x" + (int) size[1] + (size[2] != 1 ? " at " + (int) (size[2] * 100) + " %" : "") + ", " + view + ": ";
                problems.addAll(fx(() -> check(where)));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test void aCrowdedNetworkStillNamesEveryNeuron() {
        fxRun(() -> {
            vm.editSetup(s -> s.withArchitecture(lab.backprop.model.Architecture.of(3, 8, lab.backprop.model.Activation.RELU)));
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> window.graph().isCompact()));
        for (int l = 1; l <= 3; l++) {
            for (int j = 1; j <= 8; j++) {
                String name = "h" + l + "_" + j;
                assertTrue(fx(() -> window.graph().biasText(name)).startsWith("b="), name);
                String value = fx(() -> window.graph().neuronText(name));
                assertTrue(value.length() <= 5, "fits its circle: " + name + " = " + value);
            }
        }
        assertEquals(List.of(), fx(() -> check("2-8-8-8-1 at 1024x700: ")));
    }

    /** Every problem of the scene as it is laid out now. */
    private List<String> check(String where) {
        List<String> problems = new ArrayList<>();
        Bounds scene = new javafx.geometry.BoundingBox(0, 0, stage.getScene().getWidth(), stage.getScene().getHeight());
        visit(stage.getScene().getRoot(), n -> {
            if (!n.isVisible() || n.getScene() == null) return false;
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
                Node shown = l.lookup(".text");
                String meant = l.isMnemonicParsing() ? l.getText().replaceFirst("_", "") : l.getText(); // "_File" shows "File"
                if (shown instanceof Text t && !t.getText().equals(meant) && !t.getText().replace("\n", " ").equals(meant.replace("\n", " "))) {
                    problems.add(where + describe(l) + " shows '" + t.getText() + "' for '" + l.getText() + "'");
                }
            }
            if (n instanceof TextField f && f.getText() != null && !f.getText().isEmpty()) {
                Text t = new Text(f.getText());
                t.setFont(f.getFont());
                double room = f.getWidth() - f.getInsets().getLeft() - f.getInsets().getRight();
                if (t.getLayoutBounds().getWidth() > room + 0.5) problems.add(where + describe(f) + " cuts its text '" + f.getText() + "'");
            }
            if (n instanceof Control c && c.getWidth() > 0 && isShownInWindow(c)) {
                Bounds b = c.localToScene(c.getLayoutBounds());
                if (b.getMaxX() > scene.getMaxX() + 1 || b.getMaxY() > scene.getMaxY() + 1 || b.getMinX() < -1 || b.getMinY() < -1) {
                    problems.add(where + describe(c) + " lies outside the window: " + b);
                }
            }
            if (n instanceof ScrollPane p && !p.getStyleClass().contains("rows") && p.getContent() != null && p.getViewportBounds().getWidth() > 0) {
                Bounds content = p.getContent().getLayoutBounds(), view = p.getViewportBounds();
                if (content.getHeight() > view.getHeight() + 1 || content.getWidth() > view.getWidth() + 1) {
                    problems.add(where + "a view needs scrolling: " + (int) content.getWidth() + "x" + (int) content.getHeight()
                            + " in " + (int) view.getWidth() + "x" + (int) view.getHeight());
                }
            }
            return true;
        });
        return problems;
    }

    /** Not inside a list or table (whose cells scroll by design) or a popup. */
    private static boolean isShownInWindow(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ListView || p instanceof javafx.scene.control.TableView || p instanceof ScrollPane) return false;
        }
        return true;
    }

    private static String describe(Node n) {
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : " #" + n.getId());
    }

    private interface Visitor { boolean visit(Node n); }

    private static void visit(Node n, Visitor v) {
        if (!v.visit(n)) return;
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) visit(c, v);
    }
}
