package lab.backprop.ui;

import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import lab.backprop.data.Batching;
import lab.backprop.data.Dataset;
import lab.backprop.data.Generator;
import lab.backprop.train.TrainingSetup;

/**
 * The row of data tools under the controls, as TensorFlow Playground has them: for a generated set its points,
 * noise and data seed with New points (the network keeps its weights, so one sees it meet the new points); the
 * share of samples held out as a test set (never trained on; its loss is drawn beside the training loss); for
 * mini-batch training the batch size (1 to all samples). The generated and batch groups show only where they apply,
 * and the row takes no room when neither does; the test share is a group the control bar shows ({@link #testGroup}).
 */
public final class DataBar extends FlowPane {
    private final LabViewModel vm;
    final TextField points = new TextField();
    final Slider noise = new Slider(0, Generator.MAX_NOISE * 100, 0);
    final Label noiseLabel = new Label();
    final TextField dataSeed = new TextField();
    final Button regenerate = new Button("New points");
    final Spinner<Integer> batchSize = new Spinner<>();
    final javafx.scene.control.ComboBox<Integer> testShare = new javafx.scene.control.ComboBox<>();
    private final HBox generated;
    private final HBox batch;
    private final HBox testGroup;
    private boolean syncing;

    public DataBar(LabViewModel vm) {
        super(16, 6);
        this.vm = vm;
        setId("dataBar");
        getStyleClass().add("control-bar");
        points.setId("pointsField");
        points.setPrefColumnCount(6);
        points.setTooltip(new Tooltip("How many points to generate, " + Generator.MIN_POINTS + " to "
                + String.format(Locale.ROOT, "%,d", Generator.MAX_POINTS) + " (Enter or New points makes them)"));
        points.setOnAction(e -> regenerate());
        noise.setId("noiseSlider");
        noise.setPrefWidth(110);
        noise.setBlockIncrement(5);
        noise.setMajorTickUnit(5);
        noise.setMinorTickCount(0);
        noise.setSnapToTicks(true);
        noise.setTooltip(new Tooltip("Noise, 0 to 50 %: how far the points stray from their class's shape (0: a clean boundary)"));
        noise.valueProperty().addListener((o, a, b) -> { showNoise(); if (!noise.isValueChanging()) regenerate(); });
        noise.valueChangingProperty().addListener((o, a, b) -> { if (!b) regenerate(); });
        noiseLabel.setId("noiseLabel");
        noiseLabel.setMinWidth(40);
        dataSeed.setId("dataSeedField");
        dataSeed.setPrefColumnCount(4);
        dataSeed.setTooltip(new Tooltip("Seed of the points: the same seed, the same points"));
        dataSeed.setOnAction(e -> regenerate());
        regenerate.setId("regenerateButton");
        regenerate.setTooltip(new Tooltip("Generate the points again with these settings; the network keeps its weights (Reset draws new ones)"));
        regenerate.setOnAction(e -> regenerate());
        generated = group(label("Points"), points, label("Noise"), noise, noiseLabel, label("Data seed"), dataSeed, regenerate);

        batchSize.setId("batchSizeSpinner");
        batchSize.setEditable(true);
        batchSize.setPrefWidth(90);
        batchSize.setTooltip(new Tooltip("Samples per update in mini-batch training: 1 to all of them; a change draws new weights"));
        batchSize.valueProperty().addListener((o, a, b) -> {
            if (syncing || b == null || b == vm.setup().batching().batchSize()) return;
            String problem = vm.editSetup(s -> s.withBatching(new Batching(Batching.Mode.MINI_BATCH, b)));
            if (problem != null) vm.report(problem);
        });
        batch = group(label("Batch size"), batchSize);

        testShare.setId("testShareChoice");
        for (int p = 0; p <= 90; p += 10) testShare.getItems().add(p); // none, then 10 % to 90 %
        testShare.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Integer p) { return p == null ? "" : p == 0 ? "none" : p + " %"; }
            @Override public Integer fromString(String t) { throw new UnsupportedOperationException(); }
        });
        testShare.setTooltip(new Tooltip("Samples held out as a test set: never trained on, their loss drawn beside the training"
                + " loss, hollow on the decision map; a change draws new weights"));
        testShare.valueProperty().addListener((o, a, b) -> {
            if (syncing || b == null || Math.round(vm.setup().split().testRatio() * 100) == b) return;
            String problem = vm.editSetup(s -> s.withSplit(lab.backprop.data.Split.of(b / 100.0)));
            if (problem != null) vm.report(problem);
        });
        testGroup = group(label("Test set"), testShare);

        getChildren().addAll(generated, batch);
        vm.setupProperty().addListener((o, a, b) -> show(b));
        show(vm.setup());
    }

    /**
     * The test-share choice, as a group of its own: the window puts it with the run's settings in the control bar
     * (it applies to every data set), so this row shows only when there is something data-specific to set.
     */
    public HBox testGroup() { return testGroup; }

    /** Whether the generation settings are shown (the data is generated). */
    public boolean showsGeneration() { return generated.isVisible(); }

    /** Whether the batch size is shown (mini-batch training). */
    public boolean showsBatchSize() { return batch.isVisible(); }

    /** Makes the generated set again with the fields' settings, in place of the current one; refusals are reported. */
    void regenerate() {
        if (syncing) return;
        Generator.Spec spec = vm.dataset().generated();
        if (spec == null) return;
        Integer n = parseInt(points.getText());
        Long seed = parseLong(dataSeed.getText());
        if (n == null || seed == null) {
            vm.report(n == null ? "points must be a whole number, " + Generator.MIN_POINTS + " to " + Generator.MAX_POINTS
                    : "the data seed must be a whole number, e.g. 1");
            return;
        }
        String why = Generator.whyNot(n, noise.getValue() / 100);
        if (why != null) {
            vm.report(why);
            return;
        }
        Generator.Spec next = new Generator.Spec(spec.shape(), n, Math.round(noise.getValue()) / 100.0, seed);
        if (next.equals(spec)) return;
        String problem = vm.replaceData(next.make(), "new points");
        if (problem != null) vm.report(problem);
    }

    private void show(TrainingSetup s) {
        syncing = true;
        try {
            Dataset d = s.data();
            Generator.Spec spec = d.generated();
            show(generated, spec != null);
            if (spec != null) {
                if (!Integer.valueOf(spec.points()).equals(parseInt(points.getText()))) points.setText(Integer.toString(spec.points()));
                if (!Long.valueOf(spec.seed()).equals(parseLong(dataSeed.getText()))) dataSeed.setText(Long.toString(spec.seed()));
                if (!noise.isValueChanging()) noise.setValue(spec.noise() * 100);
                showNoise();
            }
            boolean mini = s.batching().mode() == Batching.Mode.MINI_BATCH;
            show(batch, mini);
            int size = Math.min(s.batching().batchSize(), Math.max(1, d.size()));
            batchSize.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, Math.max(1, d.size()), size));
            testShare.setValue((int) Math.round(s.split().testRatio() * 100));
        } finally {
            syncing = false;
        }
        boolean any = generated.isVisible() || batch.isVisible();
        setVisible(any);
        setManaged(any);
    }

    private void showNoise() { noiseLabel.setText(Math.round(noise.getValue()) + " %"); }

    private static void show(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    private static HBox group(Node... nodes) {
        HBox g = ControlBar.group(nodes);
        g.setMinWidth(Region.USE_PREF_SIZE);
        return g;
    }

    private static Label label(String text) { return ControlBar.label(text); }

    private static Integer parseInt(String t) {
        Long v = parseLong(t);
        return v == null || v != v.intValue() ? null : v.intValue();
    }

    private static Long parseLong(String t) {
        if (t == null) return null;
        try {
            return Long.parseLong(t.trim().replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
