package lab.backprop.ui.advanced;

import static lab.backprop.ui.FxTestSupport.fx;
import static lab.backprop.ui.FxTestSupport.fxRun;
import static lab.backprop.ui.FxTestSupport.settle;
import static lab.backprop.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lab.backprop.data.BuiltinDatasets;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.model.Workspace;
import lab.backprop.ui.BackpropLabApp;
import lab.backprop.ui.LabViewModel;
import lab.backprop.ui.MainWindow;

/** Issue 15's hidden-space view: the positions are the network's hidden activations, the line is the output's 0.5. */
@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class HiddenSpaceViewTest {
    private LabViewModel vm;
    private MainWindow window;

    @Start void start(Stage stage) {
        vm = new LabViewModel();
        window = new MainWindow(vm);
        BackpropLabApp.show(stage, window);
    }

    @AfterEach void stop() { fxRun(vm::dispose); }

    @Test void xorsPointsSitAtTheirHiddenActivationsAndTheLineIsTheOutputsHalf(FxRobot robot) {
        fxRun(() -> { vm.selectDataset(BuiltinDatasets.xor()); window.views().select("Hidden space"); });
        settle();
        HiddenSpaceView view = fx(() -> window.view(HiddenSpaceView.class));
        checkAgainstTheNetwork(view);
        // live: train, and the positions follow the new weights
        fxRun(() -> { vm.editSetup(s -> s.withEpochs(500)); vm.train(); });
        waitUntil("trained", 20, () -> vm.state() == lab.backprop.train.RunState.IDLE && vm.snapshot().epoch() == 500);
        settle();
        checkAgainstTheNetwork(view);
        assertTrue(fx(view::noteText).startsWith("The line: where the output is 0.5"), fx(view::noteText));
    }

    private void checkAgainstTheNetwork(HiddenSpaceView view) {
        waitUntil("drawn for this network", 5, () -> view.positions().length == 4);
        double[][] shown = fx(view::positions);
        double[] line = fx(view::decisionLine);
        Snapshot s = fx(vm::snapshot);
        Network net = s.toNetwork();
        Layout l = s.layout();
        Workspace ws = new Workspace(l);
        var d = fx(vm::dataset);
        for (int i = 0; i < 4; i++) {
            net.forward(d.toInput(d.sample(i).raw()), ws);
            assertArrayEquals(new double[] { ws.activation(1, 0), ws.activation(1, 1) }, shown[i], 0.0, d.nameOf(i));
            // on the line's side where the output is at least 0.5
            double side = line[0] * shown[i][0] + line[1] * shown[i][1] + line[2];
            assertEquals(ws.output(0) >= 0.5, side >= 0, d.nameOf(i) + ": output " + ws.output(0) + ", side " + side);
        }
    }

    @Test void aWiderLayerShowsTwoChosenNeuronsAndSaysTheRestAreHeldAtTheirMean(FxRobot robot) {
        fxRun(() -> {
            vm.editSetup(s -> s.withArchitecture(lab.backprop.model.Architecture.of(2, 4, lab.backprop.model.Activation.TANH)));
            window.views().select("Hidden space");
        });
        settle();
        HiddenSpaceView view = fx(() -> window.view(HiddenSpaceView.class));
        fxRun(() -> view.choose("h2_3", "h2_1"));
        settle();
        Snapshot s = fx(vm::snapshot);
        Network net = s.toNetwork();
        Workspace ws = new Workspace(s.layout());
        var d = fx(vm::dataset);
        double[][] shown = fx(view::positions);
        for (int i = 0; i < d.size(); i++) {
            net.forward(d.toInput(d.sample(i).raw()), ws);
            assertArrayEquals(new double[] { ws.activation(2, 2), ws.activation(2, 0) }, shown[i], 0.0);
        }
        assertTrue(fx(view::noteText).contains("other 2 neurons at their mean"), fx(view::noteText));
        fxRun(() -> vm.editSetup(s2 -> s2.withArchitecture(lab.backprop.model.Architecture.of(0, 1, lab.backprop.model.Activation.SIGMOID))));
        settle();
        assertTrue(fx(view::noteText).startsWith("The hidden space needs a hidden layer of at least two neurons"));
    }
}
