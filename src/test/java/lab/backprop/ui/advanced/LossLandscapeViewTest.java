package lab.backprop.ui.advanced;

import static lab.backprop.ui.FxTestSupport.fx;
import static lab.backprop.ui.FxTestSupport.fxRun;
import static lab.backprop.ui.FxTestSupport.settle;
import static lab.backprop.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lab.backprop.model.LossFunction;
import lab.backprop.model.Snapshot;
import lab.backprop.ui.BackpropLabApp;
import lab.backprop.ui.LabViewModel;
import lab.backprop.ui.MainWindow;

/** Issue 15's loss landscape: its value at the current point is the loss; a click moves the two parameters there. */
@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class LossLandscapeViewTest {
    private LabViewModel vm;
    private MainWindow window;

    @Start void start(Stage stage) {
        vm = new LabViewModel();
        window = new MainWindow(vm);
        BackpropLabApp.show(stage, window);
    }

    @AfterEach void stop() { fxRun(vm::dispose); }

    @Test void theCentreIsTheLossAndAClickMovesTheParameters(FxRobot robot) {
        fxRun(() -> window.views().select("Landscape"));
        LossLandscapeView view = fx(() -> window.view(LossLandscapeView.class));
        waitUntil("a landscape", 10, () -> view.grid() != null && view.grid().of() == vm.snapshot());
        LossLandscapeView.Grid g = fx(view::grid);
        assertEquals(4, g.a(), "w5 across by default");
        assertEquals(5, g.b(), "w6 up");
        int c = LossLandscapeView.CELLS / 2;
        assertEquals(fx(() -> vm.snapshot().loss()), g.at(c, c), 1e-15, "the centre is the network as it is");
        // another cell is the loss with those two values set, and the others as they are
        Snapshot s = fx(vm::snapshot);
        var net = s.toNetwork();
        net.setParameter(4, g.aMin());
        net.setParameter(5, g.bMax());
        var d = fx(() -> vm.controller().trainingData());
        double sum = 0;
        for (var x : d.samples()) sum += LossFunction.MSE.of(x.label(), net.predict(d.toInput(x.raw()))[0]);
        assertEquals(sum / d.size(), g.at(0, 0), 1e-15, "the top-left corner");
        // a click moves w5 and w6 to the values under the mouse
        double ta = s.weight(4) + 1, tb = s.weight(5) - 1;
        Point2D at = fx(() -> {
            Point2D local = view.pointOf(ta, tb);
            var plot = view.lookup("#landscape-plot");
            return plot.localToScreen(local);
        });
        robot.clickOn(at);
        waitUntil("moved", 5, () -> Math.abs(vm.snapshot().weight(4) - ta) < 0.2 && Math.abs(vm.snapshot().weight(5) - tb) < 0.2);
        settle();
        waitUntil("a landscape around the new point", 10, () -> view.grid() != null && view.grid().of() == vm.snapshot());
        assertEquals(fx(() -> vm.snapshot().loss()), fx(view::grid).at(c, c), 1e-15);
    }

    @Test void theTwoParametersLastSetByHandBecomeTheAxes(FxRobot robot) {
        fxRun(() -> window.views().select("Landscape"));
        LossLandscapeView view = fx(() -> window.view(LossLandscapeView.class));
        fxRun(() -> { vm.setParameter(1, 0.5); vm.setParameter(7, -0.25); }); // w2, then b2
        waitUntil("a landscape of w2 and b2", 10, () -> view.grid() != null && view.grid().a() == 1 && view.grid().b() == 7
                && view.grid().of() == vm.snapshot());
        int c = LossLandscapeView.CELLS / 2;
        assertEquals(fx(() -> vm.snapshot().loss()), fx(view::grid).at(c, c), 1e-15);
    }

    @Test void otherParametersAndTheTrailWhileTraining(FxRobot robot) {
        fxRun(() -> { window.views().select("Landscape"); window.view(LossLandscapeView.class).choose("w1", "b3"); });
        fxRun(() -> { vm.editSetup(s -> s.withEpochs(200)); vm.train(); });
        LossLandscapeView view = fx(() -> window.view(LossLandscapeView.class));
        waitUntil("trained", 20, () -> vm.state() == lab.backprop.train.RunState.IDLE && vm.snapshot().epoch() == 200);
        waitUntil("a landscape of w1 and b3 now", 10, () -> view.grid() != null && view.grid().of() == vm.snapshot());
        LossLandscapeView.Grid g = fx(view::grid);
        assertEquals(0, g.a());
        assertEquals(fx(() -> vm.snapshot().layout().weightCount()) + 2, g.b(), "b3 is the third bias");
        int c = LossLandscapeView.CELLS / 2;
        assertEquals(fx(() -> vm.snapshot().loss()), g.at(c, c), 1e-15);
        assertTrue(g.aMin() < fx(() -> vm.snapshot().weight(0)) && g.aMax() > fx(() -> vm.snapshot().weight(0)));
    }
}
