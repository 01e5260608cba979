package lab.backprop.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import lab.backprop.lesson.Lesson;
import lab.backprop.lesson.LessonStep;
import lab.backprop.lesson.Lessons;
import lab.backprop.train.LossHistory;

/**
 * The lesson beside the graph: one step of a tutorial at a time, with Back / Next (and the arrow keys, see
 * {@link MainWindow}), "Reset step", the step's text, what to try, and its numbers, recomputed from the live network
 * in the side panel's frames (a {@link FramePacer}). Going to a step installs its start in the lab (network, data,
 * settings), selects its neuron, shows its view and fills Predict; anything may be changed within the step.
 */
public final class LessonPanel extends VBox {
    private final LabViewModel vm;
    private final Consumer<String> showView;
    private final ComboBox<Lesson> lessons = new ComboBox<>();
    private final Label position = new Label();
    private final Label title = new Label();
    private final Label text = new Label();
    private final Label tryThis = new Label();
    private final Label numbers = new Label();
    private final TextArea log = new TextArea();
    private final Label problem = new Label();
    private final Button back = new Button("◀ Back");
    private final Button next = new Button("Next ▶");
    private final Button resetStep = new Button("Reset step");
    private final FramePacer paced = new FramePacer(FramePacer.SIDE, this::refresh);
    private Lesson lesson;
    private int index;

    /** A panel on {@code vm}; {@code showView} shows a side view by its title. */
    public LessonPanel(LabViewModel vm, Consumer<String> showView) {
        super(8);
        this.vm = vm;
        this.showView = showView;
        setId("lessonPanel");
        getStyleClass().addAll("panel", "lesson-panel");
        setPadding(new Insets(8));
        setMinWidth(260);

        lessons.setId("lessonChoice");
        lessons.getItems().setAll(Lessons.ALL);
        lessons.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Lesson l) { return l == null ? "" : "Seed " + l.number() + ": " + l.title(); }
            @Override public Lesson fromString(String s) { return null; }
        });
        lessons.setMaxWidth(Double.MAX_VALUE);
        lessons.setOnAction(e -> { if (lessons.getValue() != null && lessons.getValue() != lesson) open(lessons.getValue(), 0); });

        position.setId("lessonPosition");
        position.getStyleClass().add("muted");
        title.setId("lessonTitle");
        title.getStyleClass().add("panel-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        text.setId("lessonText");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        tryThis.setId("lessonTry");
        tryThis.setWrapText(true);
        tryThis.setMinHeight(Region.USE_PREF_SIZE);
        tryThis.getStyleClass().add("lesson-try");
        numbers.setId("lessonNumbers");
        numbers.getStyleClass().add("lesson-numbers");
        numbers.setMinHeight(Region.USE_PREF_SIZE);
        numbers.setWrapText(true);
        problem.setId("lessonProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add("problem-text");
        problem.setManaged(false);
        problem.setVisible(false);
        log.setId("lessonLog");
        log.setEditable(false);
        log.setPrefRowCount(8);
        log.getStyleClass().add("lesson-numbers");

        back.setId("lessonBack");
        next.setId("lessonNext");
        resetStep.setId("lessonReset");
        back.setTooltip(new Tooltip("The step before (Left arrow, Page Up)"));
        next.setTooltip(new Tooltip("The next step (Right arrow, Page Down)"));
        resetStep.setTooltip(new Tooltip("Put this step's network, data and settings back as the step began"));
        back.setOnAction(e -> go(index - 1));
        next.setOnAction(e -> go(index + 1));
        resetStep.setOnAction(e -> go(index));
        for (Button b : List.of(back, next, resetStep)) b.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(6, 6, back, next, resetStep); // wraps, never truncates
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox body = new VBox(8, title, text, tryThis, problem, numbers, log);
        ScrollPane bodyScroll = new ScrollPane(body);
        bodyScroll.setFitToWidth(true);
        VBox.setVgrow(bodyScroll, Priority.ALWAYS);
        getChildren().addAll(lessons, position, buttons, bodyScroll);

        vm.snapshotProperty().addListener((o, a, b) -> paced.request());
        vm.setupProperty().addListener((o, a, b) -> paced.request());
    }

    /** Opens {@code l} at step {@code step} (0-based). */
    public void open(Lesson l, int step) {
        lesson = l;
        lessons.setValue(l);
        go(step);
    }

    public Lesson lesson() { return lesson; }

    /** The step shown, 0-based. */
    public int stepIndex() { return index; }

    /** Goes to step {@code i} (clamped to the lesson) and sets the window up as it begins. */
    public void go(int i) {
        if (lesson == null) return;
        index = Math.max(0, Math.min(lesson.steps().size() - 1, i));
        LessonStep step = lesson.steps().get(index);
        LessonStep.Start start = step.start().get();
        if (vm.state() == lab.backprop.train.RunState.RUNNING) vm.pause(); // a run of the last step stops here (the step's network replaces it)
        String why = vm.install(start.setup(), start.network());
        problem.setText(why == null ? "" : "This step cannot be set up: " + why);
        problem.setVisible(why != null);
        problem.setManaged(why != null);
        vm.stepSizeProperty().set(start.step());
        vm.probeInputProperty().set(start.probe() != null ? start.probe() : start.setup().data().sample(0).raw());
        if (start.neuron() != null) vm.selectedNeuronProperty().set(NeuronRef.named(start.setup().layout(), start.neuron()));
        if (start.view() != null) showView.accept(start.view());
        position.setText(String.format(Locale.ROOT, "Step %d of %d", index + 1, lesson.steps().size()));
        title.setText(step.title());
        text.setText(step.text());
        tryThis.setText("Try: " + step.tryThis());
        log.setVisible(step.run() != null);
        log.setManaged(step.run() != null);
        back.setDisable(index == 0);
        next.setDisable(index == lesson.steps().size() - 1);
        paced.now();
    }

    /** The step's numbers for the network now, as shown. */
    public String numbersText() { paced.flush(); return numbers.getText(); }

    /** The loss lines of a training step, as shown. */
    public String logText() { paced.flush(); return log.getText(); }

    public Label titleLabel() { return title; }

    private void refresh() {
        if (lesson == null || vm.snapshot() == null) return;
        LessonStep step = lesson.steps().get(index);
        List<String> lines;
        try {
            lines = step.readout().lines(vm.snapshot().toNetwork(), vm.setup());
        } catch (RuntimeException e) { // the user changed the network into one the step's numbers do not fit
            lines = List.of("(these numbers are about the step's own network: press Reset step to have it back)");
        }
        numbers.setText(String.join("\n", lines));
        if (step.run() != null) log.setText(logLines(step.run()));
    }

    /** The seed's loss lines for the epochs trained so far: "Epoch 0 loss: 0.174" is the first epoch's. */
    private String logLines(LessonStep.Run run) {
        LossHistory.View h = vm.lossHistory().view();
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < h.size(); k++) {
            if (h.span() != 1) break; // buckets of several epochs: only exact epochs are printed
            long e = h.firstEpoch()[k] - 1;
            if (e >= 0 && e % run.logEvery() == 0) sb.append(String.format(Locale.ROOT, run.format(), e, h.last()[k])).append('\n');
        }
        if (sb.length() == 0) sb.append("(press Train: the loss lines appear here)");
        return sb.toString();
    }
}
