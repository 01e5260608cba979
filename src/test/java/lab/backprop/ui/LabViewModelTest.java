package lab.backprop.ui;

import static lab.backprop.ui.FxTestSupport.fx;
import static lab.backprop.ui.FxTestSupport.fxRun;
import static lab.backprop.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    @Test void refusedRatesLeaveTheRateInUse() {
        fxRun(() -> vm.setLearningRate(-3));
        assertEquals(0.1, fx(() -> vm.setup().learningRate()));
        assertEquals(0.1, fx(() -> vm.trainerLearningRate()));
        fxRun(() -> vm.setLearningRate(Double.NaN));
        assertEquals(0.1, fx(() -> vm.trainerLearningRate()));
    }

    @Test void badParameterTextIsRefusedWithAMessage() {
        String msg = fx(() -> vm.editParameter(0, "one"));
        assertNotNull(msg);
        assertTrue(msg.contains("not a number"), msg);
        assertNull(fx(() -> vm.editParameter(0, "0.75")));
        waitUntil("edit applied", 5, () -> vm.snapshot().weight(0) == 0.75);
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

    @Test void resetWithTheSameSeedGivesTheSameWeights() {
        double[] first = fx(() -> vm.snapshot().weights());
        fxRun(() -> vm.setParameter(0, 5));
        waitUntil("edit applied", 5, () -> vm.snapshot().weight(0) == 5);
        fxRun(() -> vm.reset());
        assertEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(fx(() -> vm.snapshot().weights())));
        fxRun(() -> vm.selectDataset(BuiltinDatasets.xor()));
        assertEquals(0L, fx(() -> vm.setup().seed()));
        fxRun(() -> vm.editSetup(s -> s.withArchitecture(lab.backprop.model.Architecture.of(s.architecture().hiddenLayers(), 8, s.architecture().hidden()))));
        assertEquals("2-8-1", fx(() -> vm.snapshot().layout().toString()));
    }

    @Test void miniBatchTrains() {
        fxRun(() -> {
            vm.editSetup(s -> s.withBatching(s.batching().withMode(lab.backprop.data.Batching.Mode.MINI_BATCH)));
            vm.epochsPerSecondProperty().set(0);
            vm.editSetup(s -> s.withEpochs(200));
            vm.train();
        });
        waitUntil("done", 20, () -> vm.state() == RunState.IDLE && vm.snapshot().epoch() == 200);
        assertTrue(fx(() -> vm.snapshot().loss()) < fx(() -> vm.lossHistory().view().max()[0]));
    }
}
