package lab.backprop.ui.advanced;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import lab.backprop.data.Batching;
import lab.backprop.data.Dataset;
import lab.backprop.model.Network;
import lab.backprop.model.NeuronHealth;
import lab.backprop.model.Snapshot;
import lab.backprop.model.StepTrace;
import lab.backprop.train.RunState;
import lab.backprop.train.StepSize;
import lab.backprop.ui.LabViewModel;

/**
 * Step-through: every computation of one training step ({@link StepTrace}) in order, highlighted on the network graph
 * (what it reads and writes; the values so far stay there), its equation with numbers here. Left / Right step,
 * Home / End jump, Play goes through at the chosen pace. The step is traced from the network as it is when the view
 * starts (or Restart is pressed), on the trainer's next update: in SGD a chosen sample, in a mini-batch the samples
 * the trainer draws next (its own shuffle), in full batch all samples (gradients summed, as the trainer's full batch
 * does). "Apply" then trains exactly that update (the same bits); leaving the view after stepping into the trace asks
 * whether to apply or discard it ({@link #finish}). Below, "Whole chain" is the detail view: every factor of one
 * parameter's chain rule for one sample ({@link BackpropStepView}). Saturated and dead neurons are named below, with
 * why their gradients vanish.
 */
public final class StepThroughView extends VBox {
    private final LabViewModel vm;
    private final ComboBox<String> sampleBox = new ComboBox<>();
    private final Label position = new Label();
    private final Label equation = new Label();
    private final Label batchNote = new Label();
    private final Label trouble = new Label();
    private final Button first = new Button("First"), back = new Button("◀ Back"), next = new Button("Next ▶"), last = new Button("Last");
    private final ToggleButton play = new ToggleButton("Play");
    private final Slider pace = new Slider(1, 20, 4);
    private final Button apply = new Button("Apply this step");
    private final Button restart = new Button("Restart");
    private final ToggleButton chain = new ToggleButton("Whole chain ▸");
    private final Timeline player = new Timeline();
    private final BackpropStepView chainView;
    private StepTrace trace;
    private Snapshot traced;
    private int index = -1;

    public StepThroughView(LabViewModel vm) {
        super(4);
        this.vm = vm;
        setId("stepThroughView");
        setPadding(new Insets(8));
        setFocusTraversable(true);
        Label title = new Label("One training step on");
        title.getStyleClass().add("panel-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        sampleBox.setId("stepThroughSample");
        sampleBox.setOnAction(e -> { if (!filling) restart(); });
        position.setId("stepThroughPosition");
        equation.setId("stepThroughEquation");
        equation.getStyleClass().add("lesson-numbers");
        equation.setWrapText(true);
        equation.setMinHeight(Region.USE_PREF_SIZE);
        equation.setStyle("-fx-font-size: 14px;");
        batchNote.setWrapText(true);
        batchNote.getStyleClass().add("muted");
        batchNote.setMinHeight(Region.USE_PREF_SIZE);
        trouble.setId("stepThroughTrouble");
        trouble.setWrapText(true);
        trouble.getStyleClass().add("problem-text");
        trouble.setMinHeight(Region.USE_PREF_SIZE);
        first.setId("stepThroughFirst");
        back.setId("stepThroughBack");
        next.setId("stepThroughNext");
        last.setId("stepThroughLast");
        play.setId("stepThroughPlay");
        apply.setId("stepThroughApply");
        restart.setId("stepThroughRestart");
        first.setTooltip(new Tooltip("The first computation (Home)"));
        back.setTooltip(new Tooltip("The computation before (Left)"));
        next.setTooltip(new Tooltip("The next computation (Right)"));
        last.setTooltip(new Tooltip("The last computation (End)"));
        play.setTooltip(new Tooltip("Go through the computations at the pace on the right (Space, with this view focused)"));
        pace.setTooltip(new Tooltip("Computations per second"));
        pace.setPrefWidth(70);
        apply.setTooltip(new Tooltip("Train exactly this update: the weights become the ones in the last lines"));
        restart.setTooltip(new Tooltip("Trace the step again from the network as it is now"));
        first.setOnAction(e -> go(0));
        back.setOnAction(e -> go(index - 1));
        next.setOnAction(e -> go(index + 1));
        last.setOnAction(e -> go(Integer.MAX_VALUE));
        restart.setOnAction(e -> restart());
        chain.setId("stepThroughChain");
        chain.setTooltip(new Tooltip("The whole chain of one gradient below: every factor of its chain rule for any parameter and"
                + " sample, with the tutorial's rounding; on a gradient or an update it opens on that parameter"));
        chainView = new BackpropStepView(vm);
        chainView.setId("stepThroughChainView");
        chainView.setMinWidth(0); // the view's width, not the chain's widest line: that one wraps
        chainView.setPadding(Insets.EMPTY);
        chainView.visibleProperty().bind(chain.selectedProperty());
        chainView.managedProperty().bind(chain.selectedProperty());
        chain.selectedProperty().addListener((o, a, b) -> {
            chain.setText(b ? "Whole chain ▾" : "Whole chain ▸");
            if (b) showChainOfCurrent();
        });
        apply.setOnAction(e -> applyStep());
        play.selectedProperty().addListener((o, a, b) -> { if (b) startPlaying(); else player.stop(); });
        pace.valueProperty().addListener((o, a, b) -> { if (play.isSelected()) startPlaying(); });
        for (var b : List.of(first, back, next, last, play, apply, restart, chain)) b.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane buttons = new FlowPane(6, 6, first, back, next, last, play, pace);
        buttons.setAlignment(Pos.CENTER_LEFT);
        FlowPane actions = new FlowPane(6, 6, apply, restart, chain);
        FlowPane sampleRow = new FlowPane(6, 6, title, sampleBox);
        sampleRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(sampleRow, batchNote, buttons, position, equation, actions, trouble, chainView);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof javafx.scene.control.ComboBoxBase<?> || e.getTarget() instanceof Slider) return;
            if (e.getTarget() instanceof Node n && isInside(n, chainView)) return;
            switch (e.getCode()) {
                case LEFT -> go(index - 1);
                case RIGHT -> go(index + 1);
                case HOME -> go(0);
                case END -> go(Integer.MAX_VALUE);
                default -> { return; }
            }
            e.consume();
        });
        setOnMouseClicked(e -> requestFocus());
        vm.setupProperty().addListener((o, a, b) -> { fillSamples(); restart(); });
        vm.generationProperty().addListener((o, a, b) -> restart());
        vm.stateProperty().addListener((o, a, b) -> { if (b == RunState.RUNNING) leave(); });
        sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                leave();
            } else {
                restart();
                javafx.application.Platform.runLater(this::requestFocus); // the arrow keys step through it
            }
        });
        vm.snapshotProperty().addListener((o, a, b) -> { // a new network state: trace it, unless training runs
            if (b != null && b != traced && getScene() != null && vm.state() != RunState.RUNNING) restart();
        });
        visibleProperty().addListener((o, a, b) -> { if (!b) leave(); });
        fillSamples();
    }

    private boolean filling;

    private void fillSamples() {
        filling = true;
        try {
            Dataset d = vm.dataset();
            List<String> names = new ArrayList<>();
            Batching.Mode mode = vm.setup().batching().mode();
            if (mode == Batching.Mode.PER_SAMPLE) {
                for (int i = 0; i < d.size(); i++) names.add(d.nameOf(i));
            } else {
                names.add(mode == Batching.Mode.FULL_BATCH ? "all " + vm.controller().trainingData().size() + " training samples (full batch)"
                        : "the next mini-batch of " + Math.min(d.size(), vm.setup().batching().batchSize()));
            }
            sampleBox.getItems().setAll(names);
            int next = Math.min(names.size() - 1, mode == Batching.Mode.PER_SAMPLE ? trainersNextSample() : 0);
            sampleBox.getSelectionModel().select(Math.max(0, next));
        } finally {
            filling = false;
        }
    }

    /** The data's index of the sample the trainer trains next in SGD (its first one when the trainer is busy). */
    private int trainersNextSample() {
        int[] next = vm.controller().upcoming();
        return next == null || next.length == 0 ? 0 : next[0];
    }

    /** Traces the step again from the network now, at its first computation. */
    public void restart() {
        Snapshot s = vm.snapshot();
        if (s == null) return;
        if (getScene() == null) { // not shown: nothing on the graph, traced again when shown
            trace = null;
            leave();
            return;
        }
        Dataset d = vm.dataset();
        Batching b = vm.setup().batching();
        double[][] in;
        double[] y;
        double scale;
        int pick = Math.max(0, sampleBox.getSelectionModel().getSelectedIndex());
        switch (b.mode()) {
            case PER_SAMPLE -> {
                Dataset.Sample one = d.sample(Math.min(pick, d.size() - 1));
                in = new double[][] { d.toInput(one.raw()) };
                y = new double[] { one.label() };
                scale = 1;
                batchNote.setText("SGD: one sample's error (y - ypred)², the trainer's update.");
            }
            case FULL_BATCH -> {
                Dataset trained = vm.controller().trainingData();
                in = trained.inputs();
                y = trained.labels();
                scale = vm.setup().fullBatchScale(trained.size());
                batchNote.setText(vm.setup().data().preset().sumsFullBatch() ? "Full batch: each gradient is summed over the " + trained.size() + " training samples (of"
                        + " (y - ypred)² / 2 each, as seed 000's numpy code adds the whole batch), exactly as the trainer's update."
                        : "Full batch: each gradient is the mean over the " + trained.size() + " training samples, exactly as the"
                        + " trainer's update (a sum would grow with the data).");
            }
            default -> {
                int[] next = vm.controller().upcoming(); // the trainer's own next batch (its shuffle)
                if (next == null) return;
                in = new double[next.length][];
                y = new double[next.length];
                double[][] all = d.inputs();
                double[] labels = d.labels();
                for (int k = 0; k < next.length; k++) {
                    in[k] = all[next[k]];
                    y[k] = labels[next[k]];
                }
                scale = 1.0 / next.length;
                batchNote.setText("Mini-batch: gradients are the mean over the " + next.length + " samples the trainer takes next"
                        + " (its own shuffle of this epoch): " + sampleNames(d, next) + ".");
            }
        }
        Network net = s.toNetwork();
        net.setLoss(vm.setup().loss());
        trace = StepTrace.of(net, in, y, scale, vm.trainerLearningRate(), vm.setup().regularization());
        traced = s;
        trouble.setText(NeuronHealth.of(net, d.inputs()).reasons().stream().map(r -> r + ".").collect(java.util.stream.Collectors.joining("\n")));
        go(0);
    }

    /** Shows computation {@code i} (clamped) and the ones before it on the graph. */
    public void go(int i) {
        if (trace == null) return;
        List<StepTrace.Computation> all = trace.steps();
        index = Math.max(0, Math.min(all.size() - 1, i));
        StepTrace.Computation c = all.get(index);
        position.setText(String.format(Locale.ROOT, "%d of %d · %s", index + 1, all.size(), describe(c.kind())));
        equation.setText(c.equation());
        vm.traceDoneProperty().set(List.copyOf(all.subList(0, index + 1)));
        first.setDisable(index == 0);
        back.setDisable(index == 0);
        next.setDisable(index == all.size() - 1);
        last.setDisable(index == all.size() - 1);
        if (index == all.size() - 1) play.setSelected(false);
        if (chain.isSelected()) showChainOfCurrent();
    }

    /** The whole chain on the current gradient's or update's parameter and the chosen sample (SGD), else as it was. */
    private void showChainOfCurrent() {
        if (trace == null || index < 0) return;
        StepTrace.Computation c = trace.steps().get(index);
        boolean oneSample = vm.setup().batching().mode() == Batching.Mode.PER_SAMPLE;
        if (oneSample && (c.kind() == StepTrace.Kind.GRADIENT || c.kind() == StepTrace.Kind.UPDATE)) {
            chainView.showChain(Math.max(0, sampleBox.getSelectionModel().getSelectedIndex()), c.parameter());
        }
    }

    private static String describe(StepTrace.Kind k) {
        return switch (k) {
            case SUM -> "forward: weighted sum";
            case ACTIVATION -> "forward: activation";
            case LOSS -> "the loss";
            case DELTA -> "backward: the error term δ = dL/dz";
            case GRADIENT -> "backward: a gradient";
            case UPDATE -> "the update";
        };
    }

    private void startPlaying() {
        player.stop();
        player.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1 / pace.getValue()), e -> go(index + 1)));
        player.setCycleCount(Timeline.INDEFINITE);
        player.play();
    }

    private static String sampleNames(Dataset d, int[] which) {
        StringBuilder out = new StringBuilder();
        int shown = Math.min(which.length, 12);
        for (int k = 0; k < shown; k++) out.append(k == 0 ? "" : ", ").append(d.nameOf(which[k]));
        if (shown < which.length) out.append(" and ").append(which.length - shown).append(" more");
        return out.toString();
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) if (p == ancestor) return true;
        return false;
    }

    /**
     * Whether a traced step has been gone into (past its first computation) and not applied, on the network it was
     * traced from: leaving the view then asks whether to apply it.
     */
    public boolean hasPendingStep() { return trace != null && index > 0 && vm.snapshot() == traced && vm.state() != RunState.RUNNING; }

    /** Leaves the mode, applying the traced step if {@code apply} (the user's choice), else discarding it. */
    public void finish(boolean apply) {
        if (apply && hasPendingStep()) applyStep(); else leave();
    }

    /** The whole chain of one gradient, the detail view below the step-through. */
    public BackpropStepView chainView() { return chainView; }

    /** Whether the whole chain is open. */
    public boolean isChainShown() { return chain.isSelected(); }

    /** Trains the traced update (the same bits: {@link StepTrace} is the trainer's step), then traces the next. */
    private void applyStep() {
        if (trace == null || vm.snapshot() != traced) { restart(); return; }
        Batching.Mode mode = vm.setup().batching().mode();
        if (mode == Batching.Mode.PER_SAMPLE && sampleBox.getSelectionModel().getSelectedIndex() != trainersNextSample()) {
            // Not the trainer's next sample: the traced weights are set as an edit, outside the training order.
            Network after = trace.after();
            for (int p = 0; p < after.layout().parameterCount(); p++) vm.setParameter(p, after.parameter(p));
        } else {
            vm.stepBy(StepSize.UPDATE);
        }
        leave();
    }

    /** Plays or stops (Space while this view has the focus). */
    public void togglePlay() { play.setSelected(!play.isSelected()); }

    public boolean isPlaying() { return play.isSelected(); }

    /** Leaves the mode: the graph no longer shows the trace. */
    public void leave() {
        play.setSelected(false);
        vm.traceDoneProperty().set(List.of());
    }

    /** The trace shown (null before there is a network). */
    public StepTrace trace() { return trace; }

    public int index() { return index; }

    public String equationText() { return equation.getText(); }

    public String troubleText() { return trouble.getText(); }

    /** What the step's gradients are (one sample, a batch's mean, the full batch's sum) and which samples. */
    public String batchNoteText() { return batchNote.getText(); }

    /** Whether the trace shown is of the network as it is now. */
    public boolean tracesCurrentNetwork() { return trace != null && traced == vm.snapshot(); }
}
