package lab.backprop.ui;

import static lab.backprop.ui.FxTestSupport.fx;
import static lab.backprop.ui.FxTestSupport.fxRun;
import static lab.backprop.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.stage.Stage;
import lab.backprop.train.RunState;
import lab.backprop.data.Batching;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.model.Activation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The view-model without the window: what other panels can rely on. */
@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class LabViewModelTest {
    private LabViewModel vm;

    @Start void start(Stage stage) {
        vm = new LabViewModel();
    }

    @AfterEach void stop() {
        fxRun(() -> vm.dispose());
    }

    @Test void startsAsSeed001() {
        assertEquals("gender", fx(() -> vm.dataset().name()));
        assertEquals("2-2-1", fx(() -> vm.snapshot().layout().toString()));
        assertEquals(Activation.SIGMOID, fx(() -> vm.snapshot().hiddenActivation()));
        assertEquals(0.1, fx(() -> vm.trainerLearningRate()));
        assertEquals(new NeuronRef(1, 0), fx(() -> vm.selectedNeuronProperty().get()));
        assertNotNull(fx(() -> vm.probeProperty().get()));
        assertEquals(1, fx(() -> vm.lossHistory().recorded()));
    }

    @Test void theProbeFollowsTheTypedInputThroughTheShift() {
        fxRun(() -> vm.probeInputProperty().set(new double[] { 135, 66 }));
        Probe p = fx(() -> vm.probeProperty().get());
        assertEquals(0.0, p.activations()[0][0]);
        assertEquals(0.0, p.activations()[0][1]);
        double expected = fx(() -> vm.snapshot().toNetwork().predict(0, 0)[0]);
        assertEquals(expected, p.output(), 1e-15);
        assertEquals(expected >= 0.5 ? "F" : "M", p.className());
    }

    @Test void commandsShowAtOnceAndTheSetupIsMirrored() {
        fxRun(() -> {
            vm.epochsPerSecondProperty().set(50);
            vm.editSetup(s -> s.withEpochs(100_000));
            vm.train();
        });
        assertEquals(lab.backprop.train.RunState.RUNNING, fx(vm::state), "no frame needed");
        fxRun(vm::pause);
        waitUntil("paused", 5, () -> vm.state() == lab.backprop.train.RunState.PAUSED);
        fxRun(() -> vm.selectDataset(lab.backprop.data.BuiltinDatasets.xor()));
        assertEquals("xor", fx(() -> vm.dataset().name()));
        assertEquals(lab.backprop.train.RunState.IDLE, fx(vm::state));
        assertSame(fx(() -> vm.controller().setup()), fx(vm::setup));
        assertEquals("[0.0, 0.0]", fx(() -> java.util.Arrays.toString(vm.probeInputProperty().get())), "the probe starts at XOR's first row");
        assertTrue(fx(() -> vm.datasetNames().contains("xor")));
        assertTrue(fx(() -> vm.changeSetup(vm.setup().withArchitecture(lab.backprop.model.Architecture.of(4, 2, Activation.SIGMOID))))
                .contains("hidden layers"));
    }
}
