package lab.backprop.ui.advanced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.train.Setups;
import lab.backprop.data.Batching;
import lab.backprop.train.SeedSweep;
import lab.backprop.train.Trainer;
import lab.backprop.train.TrainingSetup;
import lab.backprop.model.Architecture;
import lab.backprop.ui.FxTestSupport;
import lab.backprop.ui.LabViewModel;

@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class DecisionMapViewTest {
    private DecisionMapView view;
    private final Dataset gender = BuiltinDatasets.gender();
    private LabViewModel vm;

    @Start void start(Stage stage) {
        vm = new LabViewModel(TrainingSetup.forData(gender));
        view = new DecisionMapView(vm);
        stage.setScene(new Scene(view, 700, 720));
        stage.show();
    }

    @AfterEach void stop() { FxTestSupport.fxRun(vm::dispose); }

    /** Puts a network on the map through the lab, as a loaded session would. */
    private void show(FxRobot robot, TrainingSetup setup, Snapshot s) {
        robot.interact(() -> assertNull(vm.install(setup, s)));
        // A new snapshot is drawn in one of the side panel's frames (FramePacer), not at once.
        FxTestSupport.waitUntil("the map drawn", 5, () -> !view.isRedrawPending());
    }

    private static Snapshot trained(Dataset data, Batching.Mode opt, double lr, int epochs, Initializer init, long seed) throws Exception {
        Network net = Setups.twoHOne(2, Activation.SIGMOID, init, seed);
        Trainer t = Setups.trainer(net, data, opt, lr, data.size(), 0);
        for (int e = 0; e < epochs; e++) t.runEpoch();
        return t.snapshot();
    }

    private Color pixel(FxRobot robot, javafx.scene.Node canvas, Point2D at) {
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = canvas.snapshot(null, null));
        return shot[0].getPixelReader().getColor((int) Math.round(at.getX()), (int) Math.round(at.getY()));
    }

    /** A point of the plot 12 px up-left of a sample's dot, outside the dot and its name. */
    private Color beside(FxRobot robot, Dataset.Sample s) {
        Point2D p = view.toCanvas(s.raw(0), s.raw(1));
        return pixel(robot, view.canvas(), p.add(-12, -12));
    }

    private static boolean blue(Color c) { return c.getBlue() > c.getRed() + 0.2; }
    private static boolean orange(Color c) { return c.getRed() > c.getBlue() + 0.2; }

    @Test
    void afterTrainingGenderTheMapIsBlueAroundWomenAndOrangeAroundMen(FxRobot robot) throws Exception {
        Snapshot s = trained(gender, Batching.Mode.PER_SAMPLE, 0.1, 1000, Initializer.STANDARD_NORMAL, 1);
        Network net = s.toNetwork();
        for (Dataset.Sample sample : gender.samples()) { // the network itself has learnt them
            assertEquals(sample.label() >= 0.5, net.predict(gender.toInput(sample.raw()))[0] >= 0.5, sample.name());
        }
        show(robot, TrainingSetup.forData(gender), s);
        for (Dataset.Sample sample : gender.samples()) {
            double out = net.predict(gender.toInput(sample.raw(0) - 12 / 360.0 * (view.decisionMap().xMax() - view.decisionMap().xMin()),
                    sample.raw(1) + 12 / 360.0 * (view.decisionMap().yMax() - view.decisionMap().yMin())))[0];
            Color c = beside(robot, sample);
            if (out > 0.75) assertTrue(blue(c), sample.name() + " output " + out + " colour " + c);
            if (out < 0.25) assertTrue(orange(c), sample.name() + " output " + out + " colour " + c);
        }
        Color alice = beside(robot, gender.sample(0)), bob = beside(robot, gender.sample(1));
        assertTrue(!alice.equals(bob), "class 1 and class 0 look different: " + alice + " vs " + bob);
        assertTrue(view.caption().getText().contains("weight (lb) × height (in)"), view.caption().getText());
    }

    @Test
    void pixelsFollowTheNetworksOutputOnXor(FxRobot robot) throws Exception {
        Dataset xor = BuiltinDatasets.xor();
        long seed = SeedSweep.xor().run(0, 10, null, null).runs().stream().filter(r -> !r.stuck()).findFirst().orElseThrow().seed();
        Snapshot s = trained(xor, Batching.Mode.FULL_BATCH, 1, 5000, Initializer.UNIFORM_0_1, seed);
        show(robot, TrainingSetup.forData(xor), s);
        Network net = s.toNetwork();
        // The centre of the plot: the colour of the network's output there (smoothing blurs by under a cell).
        double cx = (view.decisionMap().xMin() + view.decisionMap().xMax()) / 2;
        double cy = (view.decisionMap().yMin() + view.decisionMap().yMax()) / 2;
        Color expected = Color.rgb((HeatColors.of(net.predict(cx, cy)[0]) >> 16) & 255, (HeatColors.of(net.predict(cx, cy)[0]) >> 8) & 255,
                HeatColors.of(net.predict(cx, cy)[0]) & 255);
        Color got = pixel(robot, view.canvas(), view.toCanvas(cx, cy));
        assertEquals(expected.getRed(), got.getRed(), 0.12);
        assertEquals(expected.getBlue(), got.getBlue(), 0.12);
        Color zeroZero = beside(robot, xor.sample(0)), zeroOne = beside(robot, xor.sample(1));
        assertTrue(orange(zeroZero) && blue(zeroOne), "0 xor 0 " + zeroZero + ", 0 xor 1 " + zeroOne);
    }

    @Test
    void oneSmallMapPerHiddenNeuronThatGrowsOnHover(FxRobot robot) throws Exception {
        Network net = Setups.network(new lab.backprop.model.Layout(2, 3, 1), Activation.TANH, Activation.SIGMOID,
                Initializer.STANDARD_NORMAL, 4);
        show(robot, TrainingSetup.forData(gender, Architecture.of(1, 3, Activation.TANH)), net.snapshot(0, Double.NaN));
        List<Canvas> maps = view.neuronCanvases();
        assertEquals(3, maps.size());
        assertEquals(List.of("Hidden neurons (hover to enlarge):", "h1", "h2", "h3"),
                robot.lookup("#decision-map-strip").lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList());
        assertEquals(DecisionMapView.SMALL, maps.get(1).getWidth());
        robot.moveTo(maps.get(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(DecisionMapView.LARGE, maps.get(1).getWidth());
        assertEquals(DecisionMapView.SMALL, maps.get(0).getWidth());
        robot.moveTo(view.canvas());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(DecisionMapView.SMALL, maps.get(1).getWidth());
        // each small map is that neuron's own picture: h_j's corners differ between neurons
        Color a = pixel(robot, maps.get(0), new Point2D(3, 3)), b = pixel(robot, maps.get(1), new Point2D(3, 3)),
                c = pixel(robot, maps.get(2), new Point2D(3, 3));
        assertTrue(!(a.equals(b) && b.equals(c)), "three neurons, three pictures");
    }

    @Test
    void aNetworkThatDoesNotFitTheWindowIsRefusedAndTheMapKeepsItsOwn(FxRobot robot) {
        // the first picture is drawn in one of the side panel's frames (FramePacer), not at once
        FxTestSupport.waitUntil("the first map drawn", 5, () -> !view.isRedrawPending());
        Snapshot before = view.getSnapshot();
        Network deep = Network.sigmoid(2, 3, 5, 1); // hidden layers of unequal size
        String why = FxTestSupport.fx(() -> vm.install(TrainingSetup.forData(gender,
                Architecture.of(deep.layout(), Activation.SIGMOID, Activation.SIGMOID)), deep.snapshot(0, 0)));
        assertTrue(why.contains("hidden layers of the same size"), why);
        assertSame(before, view.getSnapshot());
        assertEquals(2, (int) FxTestSupport.fx(() -> view.neuronCanvases().size()));
    }
}
