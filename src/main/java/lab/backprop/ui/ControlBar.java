package lab.backprop.ui;

import java.util.Locale;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.FlowPane;
import javafx.util.StringConverter;
import lab.backprop.data.Batching;
import lab.backprop.model.Activation;
import lab.backprop.model.Architecture;
import lab.backprop.model.Initializer;
import lab.backprop.support.Numbers;
import lab.backprop.train.RunState;
import lab.backprop.train.TrainingSetup;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/**
 * The two rows of controls at the top: what to train (data, batching, architecture, initialisation, seed) and how
 * (Train / Pause / Step, epochs, speed, learning rate). Every control shows a field of the view-model's
 * {@link TrainingSetup} and edits it through {@link LabViewModel#editSetup}.
 */
public final class ControlBar extends FlowPane {
    /** Speed slider 0..100: 100 is full speed, below it epochs per second grow on a log scale from 0.3 to 30 000. */
    static final double FULL_SPEED_POSITION = 100;

    private final LabViewModel vm;
    private final ValidationSupport validation = new ValidationSupport();
    final ComboBox<String> dataset = new ComboBox<>();
    final ComboBox<Batching.Mode> optimizer = new ComboBox<>();
    final Spinner<Integer> hidden = new Spinner<>(1, LabViewModel.MAX_HIDDEN_NEURONS, 2);
    final Spinner<Integer> layers = new Spinner<>(0, LabViewModel.MAX_HIDDEN_LAYERS, 1);
    final ComboBox<Activation> activation = new ComboBox<>();
    final ComboBox<Initializer> init = new ComboBox<>();
    final TextField seed = new TextField();
    final Button reset = new Button("Reset");
    final Button train = new Button("Train");
    final Button pause = new Button("Pause");
    final Button step = new Button("Step");
    final ComboBox<lab.backprop.train.StepSize> stepSize = new ComboBox<>();
    final TextField epochs = new TextField();
    final Slider speed = new Slider(0, FULL_SPEED_POSITION, 0);
    final Label speedLabel = new Label();
    final Slider rate = new Slider(Math.log10(LabViewModel.MIN_RATE), Math.log10(LabViewModel.MAX_RATE), -1);
    final TextField rateField = new TextField();
    private boolean syncing;

    public ControlBar(LabViewModel vm) {
        super(16, 4);
        this.vm = vm;
        getStyleClass().add("control-bar");
        setId("controlBar");
        // One flow of groups: a narrow window puts whole groups on the next row instead of cutting a control short.
        getChildren().addAll(settingsGroups());
        getChildren().addAll(runGroups());
        for (javafx.scene.Node n : getChildren()) ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        vm.stateProperty().addListener((o, a, b) -> showState());
        vm.setupProperty().addListener((o, a, b) -> showSetup(b));
        showState();
        showSetup(vm.setup());
    }

    /** Puts the setup's values into the controls, without reacting to them as edits. */
    private void showSetup(TrainingSetup s) {
        syncing = true;
        try {
            if (!s.data().name().equals(dataset.getValue())) dataset.setValue(s.data().name());
            optimizer.setValue(s.batching().mode());
            Architecture a = s.architecture();
            hidden.getValueFactory().setValue(Math.max(1, a.firstHiddenSize()));
            layers.getValueFactory().setValue(a.hiddenLayers());
            activation.setValue(a.hidden());
            init.setValue(s.init());
            if (!Long.valueOf(s.seed()).equals(parseLong(seed.getText()))) seed.setText(Long.toString(s.seed()));
            if (!Long.valueOf(s.epochs()).equals(parseLong(epochs.getText()))) epochs.setText(Long.toString(s.epochs()));
        } finally {
            syncing = false;
        }
        showRate();
    }

    /** An edit of the setup from a control (not while the controls are being filled from the setup). */
    private void edit(java.util.function.UnaryOperator<TrainingSetup> change) {
        if (syncing) return;
        String problem = vm.editSetup(change);
        if (problem != null) vm.report(problem);
    }

    private void editArchitecture() {
        if (hidden.getValue() == null || layers.getValue() == null || activation.getValue() == null) return;
        edit(s -> s.withArchitecture(new Architecture(java.util.Collections.nCopies(layers.getValue(), hidden.getValue()),
                activation.getValue(), s.architecture().output())));
    }

    public ValidationSupport validation() { return validation; }

    private java.util.List<HBox> settingsGroups() {
        dataset.setId("datasetChoice");
        dataset.setItems(vm.datasetNames());
        dataset.setValue(vm.dataset().name());
        dataset.setTooltip(new Tooltip("The data to train on: built-in, or opened from a CSV file (File ▸ Open data CSV…)"));
        dataset.valueProperty().addListener((o, a, b) -> {
            if (syncing || b == null || b.equals(vm.dataset().name()) || vm.knownDataset(b) == null) return;
            String problem = vm.loadDataset(vm.knownDataset(b));
            if (problem != null) vm.report(problem);
        });
        optimizer.setTooltip(new Tooltip("How often the weights change: after every sample, once per epoch, or per mini-batch"));
        hidden.setTooltip(new Tooltip("Neurons in each hidden layer (1-" + LabViewModel.MAX_HIDDEN_NEURONS + "); a change resets the network"));
        layers.setTooltip(new Tooltip("Hidden layers (0-" + LabViewModel.MAX_HIDDEN_LAYERS + ", 0 is a single neuron); a change resets the network"));
        activation.setTooltip(new Tooltip("Activation of the hidden neurons (the output is always a sigmoid)"));
        init.setTooltip(new Tooltip("How the starting weights are drawn"));

        optimizer.setId("optimizerChoice");
        optimizer.getItems().setAll(Batching.Mode.values());
        optimizer.setConverter(converter(o -> o == Batching.Mode.MINI_BATCH
                ? "Mini-batch (" + vm.setup().batching().batchSize() + ")" : o == Batching.Mode.FULL_BATCH ? "Full batch" : o.title()));
        optimizer.valueProperty().addListener((o, a, b) -> { if (b != null) edit(s -> s.withBatching(s.batching().withMode(b))); });

        hidden.setId("hiddenSpinner");
        hidden.setPrefWidth(64);
        hidden.valueProperty().addListener((o, a, b) -> editArchitecture());
        layers.setId("layersSpinner");
        layers.setPrefWidth(64);
        layers.valueProperty().addListener((o, a, b) -> editArchitecture());

        activation.setId("activationChoice");
        activation.getItems().setAll(Activation.values());
        activation.valueProperty().addListener((o, a, b) -> editArchitecture());

        init.setId("initChoice");
        init.getItems().setAll(Initializer.values());
        init.setConverter(converter(Initializer::description));
        init.valueProperty().addListener((o, a, b) -> { if (b != null) edit(s -> s.withInit(b)); });

        seed.setId("seedField");
        seed.setPrefColumnCount(5);
        seed.setTooltip(new Tooltip("Seed of the random start; Reset draws new weights from it"));
        validation.registerValidator(seed, false, Validator.createPredicateValidator(
                t -> parseLong((String) t) != null, "The seed must be a whole number, e.g. 1"));
        seed.setOnAction(e -> resetFromSeed());

        reset.setId("resetButton");
        reset.setTooltip(new Tooltip("New random weights from the seed (" + Shortcuts.RESET.getDisplayText() + ")"));
        reset.setOnAction(e -> resetFromSeed());

        return java.util.List.of(group(label("Data"), dataset, label("Batching"), optimizer),
                group(label("Hidden"), hidden, label("× layers"), layers, label("Activation"), activation),
                group(label("Init"), init, label("Seed"), seed, reset));
    }

    private java.util.List<HBox> runGroups() {
        train.setId("trainButton");
        train.getStyleClass().add("accent");
        train.setOnAction(e -> vm.train());
        train.setTooltip(new Tooltip("Train for the number of epochs on the right (" + Shortcuts.TRAIN.getDisplayText() + ")"));
        pause.setId("pauseButton");
        pause.setOnAction(e -> vm.togglePause());
        pause.setTooltip(new Tooltip("Pause or resume training (" + Shortcuts.PAUSE.getDisplayText() + ", or Space)"));
        step.setId("stepButton");
        step.setOnAction(e -> vm.step());
        step.setTooltip(new Tooltip("Train one update or one epoch, as chosen beside it (" + Shortcuts.STEP.getDisplayText() + ")"));
        stepSize.setId("stepSizeChoice");
        stepSize.getItems().setAll(lab.backprop.train.StepSize.values());
        stepSize.setConverter(converter(z -> z.describe(vm.setup().batching())));
        stepSize.valueProperty().bindBidirectional(vm.stepSizeProperty());
        stepSize.setTooltip(new Tooltip("How far Step trains: one update (the tutorial's unit: one sample in SGD) or one epoch"));
        stepSize.setAccessibleText("How far Step trains");
        vm.setupProperty().addListener((o, a, b) -> { // the update's name follows the batching
            var keep = stepSize.getValue();
            stepSize.setConverter(converter(z -> z.describe(b.batching())));
            stepSize.setValue(keep);
        });

        epochs.setId("epochsField");
        epochs.setPrefColumnCount(6);
        epochs.setTooltip(new Tooltip("How many epochs Train runs"));
        validation.registerValidator(epochs, false, Validator.createPredicateValidator(
                t -> { Long v = parseLong((String) t); return v != null && v > 0; }, "Epochs must be a whole number above 0"));
        epochs.textProperty().addListener((o, a, b) -> {
            Long v = parseLong(b);
            if (v != null && v > 0 && v != vm.setup().epochs()) edit(s -> s.withEpochs(v));
        });

        speed.setId("speedSlider");
        speed.setPrefWidth(150);
        speed.setTooltip(new Tooltip("Epochs per second: slow motion on the left, full speed at the right end"));
        speedLabel.setId("speedLabel");
        speedLabel.setMinWidth(92);
        speed.setValue(positionOf(vm.epochsPerSecondProperty().get()));
        speed.valueProperty().addListener((o, a, b) -> vm.epochsPerSecondProperty().set(epochsPerSecondAt(b.doubleValue())));
        vm.epochsPerSecondProperty().addListener((o, a, b) -> showSpeed());
        showSpeed();

        rate.setId("learningRateSlider");
        rate.setPrefWidth(170);
        rate.setTooltip(new Tooltip("Learning rate on a log scale, 0.001 to 10; acts at once, also while training"));
        rate.setMajorTickUnit(1);
        rate.setShowTickMarks(true);
        rateField.setId("learningRateField");
        rateField.setPrefColumnCount(6);
        rateField.setTooltip(new Tooltip("Any positive number; takes effect at once, also while training"));
        rateField.setAccessibleText("Learning rate, typed");
        validation.registerValidator(rateField, false, Validator.createPredicateValidator(
                t -> { Double v = Numbers.parse((String) t); return v != null && v > 0; }, "The learning rate must be a positive number, e.g. 0.1"));
        rate.valueProperty().addListener((o, a, b) -> {
            if (syncing) return;
            vm.setLearningRate(roundRate(Math.pow(10, b.doubleValue())));
        });
        rateField.setOnAction(e -> commitRateField());
        rateField.focusedProperty().addListener((o, was, now) -> { if (!now) commitRateField(); });

        return java.util.List.of(group(train, pause, step, stepSize, label("Epochs"), epochs), group(label("Speed"), speed, speedLabel),
                group(label("Learning rate"), rate, rateField));
    }

    private void resetFromSeed() {
        Long v = parseLong(seed.getText());
        if (v == null) return; // the mark on the field says why
        if (v != vm.setup().seed()) edit(s -> s.withSeed(v)); // a new seed draws new weights
        else vm.reset();
    }

    private void commitRateField() {
        Double v = Numbers.parse(rateField.getText());
        if (v == null || v <= 0) return; // marked invalid; the rate stays
        vm.setLearningRate(v);
        showRate();
    }

    private void showRate() {
        double r = vm.setup().learningRate();
        boolean was = syncing;
        syncing = true;
        try {
            rate.setValue(Math.log10(r));
            if (!rateField.isFocused() || !Double.valueOf(r).equals(Numbers.parse(rateField.getText()))) rateField.setText(Numbers.rate(r));
        } finally {
            syncing = was;
        }
    }

    private void showSpeed() {
        double eps = vm.epochsPerSecondProperty().get();
        speedLabel.setText(eps <= 0 ? "full speed"
                : eps < 10 ? String.format(Locale.ROOT, "%.1f epochs/s", eps)
                : String.format(Locale.ROOT, "%,.0f epochs/s", eps));
    }

    private void showState() {
        RunState s = vm.state();
        // A focused button that is about to be disabled hands the focus to the button that acts now (Pause while
        // running, Train when stopped), not to the next control in line: that is the Epochs field, and the next
        // Space would type into it instead of pausing.
        boolean running = s == RunState.RUNNING, idle = s == RunState.IDLE;
        Button next = running && (train.isFocused() || step.isFocused()) ? pause : idle && pause.isFocused() ? train : null;
        train.setDisable(running);
        step.setDisable(running);
        pause.setDisable(idle);
        pause.setText(s == RunState.PAUSED ? "Resume" : "Pause");
        if (next != null) next.requestFocus();
    }

    /** Epochs per second at a slider position; 0 (full speed) at the right end. */
    static double epochsPerSecondAt(double position) {
        if (position >= FULL_SPEED_POSITION - 0.5) return 0;
        return Math.pow(10, -0.5 + 5 * position / FULL_SPEED_POSITION);
    }

    static double positionOf(double eps) {
        if (eps <= 0) return FULL_SPEED_POSITION;
        return Math.max(0, Math.min(FULL_SPEED_POSITION - 1, (Math.log10(eps) + 0.5) / 5 * FULL_SPEED_POSITION));
    }

    /** Three significant digits, so the slider gives rates like 0.0316 rather than 0.031622776. */
    static double roundRate(double r) {
        return new java.math.BigDecimal(r).round(new java.math.MathContext(3)).doubleValue();
    }

    private static Long parseLong(String text) {
        if (text == null) return null;
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Controls that belong together, kept on one row; nothing in it shrinks below its natural width. A control's
     * label ({@link #label}) just before it names it for a screen reader ({@link Label#setLabelFor}).
     */
    static HBox group(javafx.scene.Node... nodes) {
        HBox g = new HBox(8, nodes);
        g.setAlignment(Pos.CENTER_LEFT);
        g.getStyleClass().add("control-group");
        for (javafx.scene.Node n : nodes) if (n instanceof Region r) r.setMinWidth(Region.USE_PREF_SIZE);
        for (int i = 0; i + 1 < nodes.length; i++) {
            if (nodes[i] instanceof Label l && l.getStyleClass().contains("control-label") && l.getLabelFor() == null
                    && nodes[i + 1] instanceof javafx.scene.control.Control c && !(c instanceof Label)) l.setLabelFor(c);
        }
        return g;
    }

    static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("control-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> show) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : show.apply(t); }
            @Override public T fromString(String s) { throw new UnsupportedOperationException(); }
        };
    }
}
