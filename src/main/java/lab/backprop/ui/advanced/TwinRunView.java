package lab.backprop.ui.advanced;

import java.util.List;
import java.util.function.Supplier;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.train.NetworkFactory;
import lab.backprop.train.Optimizer;
import lab.backprop.train.TwinRun;

/**
 * Two runs from identical weights that differ in one switch, their loss curves together. The start is
 * the network the window shows now (from the supplier), or a seeded 2-2-1 when there is none. Training
 * happens in a background {@link Task}; the chart redraws every frame while it runs.
 */
public final class TwinRunView extends VBox {
    public static final String SGD_VS_BATCH = "SGD vs full batch";
    public static final String TWO_RATES = "two learning rates";
    static final Color FIRST = Color.web("#d62728"), SECOND = Color.web("#1f77b4");

    private final Supplier<Dataset> data;
    private final Supplier<Snapshot> start;
    private final ChoiceBox<String> mode = new ChoiceBox<>();
    private final ChoiceBox<Optimizer> optimizer = new ChoiceBox<>();
    private final TextField rateA = new TextField("0.1");
    private final TextField rateB = new TextField("1");
    private final TextField epochs = new TextField("2000");
    private final CheckBox paced = new CheckBox("slow enough to watch");
    private final Button run = new Button("Run both");
    private final Button stop = new Button("Stop");
    private final Label status = new Label();
    private final LossChart chart = new LossChart(640, 320);
    private final ReadOnlyObjectWrapper<TwinRun> current = new ReadOnlyObjectWrapper<>(this, "twinRun");
    private final ReadOnlyObjectWrapper<Task<Long>> task = new ReadOnlyObjectWrapper<>(this, "task");
    private final AnimationTimer frames = new AnimationTimer() {
        @Override public void handle(long now) { redraw(); }
    };

    /**
     * @param data  the data set to train on (read when Run is pressed)
     * @param start the starting network (read when Run is pressed); may return null for a seeded 2-2-1
     */
    public TwinRunView(Supplier<Dataset> data, Supplier<Snapshot> start) {
        this.data = data;
        this.start = start;
        setSpacing(8);
        setPadding(new Insets(12));
        mode.setId("twin-mode");
        mode.setTooltip(new Tooltip("What the two runs compare"));
        optimizer.setId("twin-optimizer");
        optimizer.setTooltip(new Tooltip("Optimizer of both runs when comparing two rates"));
        rateA.setId("twin-rate-a");
        rateA.setTooltip(new Tooltip("Learning rate of run A"));
        rateB.setId("twin-rate-b");
        rateB.setTooltip(new Tooltip("Learning rate of run B"));
        epochs.setId("twin-epochs");
        epochs.setTooltip(new Tooltip("Epochs each run trains"));
        paced.setId("twin-paced");
        paced.setTooltip(new Tooltip("Slow the runs down so the curves can be watched growing"));
        run.setId("twin-run");
        run.setTooltip(new Tooltip("Train both runs from the same starting network"));
        stop.setId("twin-stop");
        stop.setTooltip(new Tooltip("Stop both runs"));
        status.setId("twin-status");
        chart.setId("twin-chart");
        mode.getItems().setAll(SGD_VS_BATCH, TWO_RATES);
        mode.setValue(SGD_VS_BATCH);
        optimizer.getItems().setAll(Optimizer.SGD, Optimizer.BATCH, Optimizer.MINIBATCH);
        optimizer.setValue(Optimizer.SGD);
        rateA.setPrefColumnCount(5);
        rateB.setPrefColumnCount(5);
        epochs.setPrefColumnCount(7);
        paced.setSelected(true);
        Label rateBLabel = new Label("vs rate");
        Label optLabel = new Label("optimizer");
        for (var n : List.of(rateB, rateBLabel, optimizer, optLabel)) {
            n.visibleProperty().bind(mode.valueProperty().isEqualTo(TWO_RATES));
            n.managedProperty().bind(n.visibleProperty());
        }
        HBox row1 = new HBox(8, new Label("Switch"), mode, optLabel, optimizer, new Label("rate"), rateA, rateBLabel, rateB);
        HBox row2 = new HBox(8, new Label("Epochs"), epochs, paced, run, stop);
        row1.setAlignment(Pos.CENTER_LEFT);
        row2.setAlignment(Pos.CENTER_LEFT);
        stop.setDisable(true);
        run.setOnAction(e -> start());
        stop.setOnAction(e -> { if (task.get() != null) task.get().cancel(); });
        getChildren().addAll(row1, row2, chart, status);
        status.setText("Both runs start from the same weights; only the switch differs.");
        chart.draw(List.of());
    }

    /** A view that always trains on {@code data}. */
    public TwinRunView(Dataset data, Supplier<Snapshot> start) { this(() -> data, start); }

    /** The pair of the last run (null before the first). */
    public ReadOnlyObjectProperty<TwinRun> twinRunProperty() { return current.getReadOnlyProperty(); }
    /** The background task of the last run (null before the first). */
    public ReadOnlyObjectProperty<Task<Long>> taskProperty() { return task.getReadOnlyProperty(); }
    public Label statusLabel() { return status; }
    LossChart chart() { return chart; }

    /** Starts both runs from the current weights, as the Run button does. Returns false (with a message) on bad input. */
    public boolean start() {
        if (task.get() != null && task.get().isRunning()) return false;
        TwinRun twins;
        long n;
        try {
            Dataset d = data.get();
            if (d == null || d.isEmpty()) throw new IllegalArgumentException("no data to train on");
            n = Numbers.parseInt(epochs.getText(), "epochs", 1, 10_000_000);
            double a = Numbers.parse(rateA.getText(), "the learning rate");
            if (!(a > 0)) throw new IllegalArgumentException("the learning rate must be positive, got " + rateA.getText().trim());
            Snapshot s = start.get();
            Network net = s != null ? s.toNetwork()
                    : NetworkFactory.twoHOne(2, Activation.SIGMOID, Initializer.STANDARD_NORMAL, 1);
            if (TWO_RATES.equals(mode.getValue())) {
                double b = Numbers.parse(rateB.getText(), "the second learning rate");
                if (!(b > 0)) throw new IllegalArgumentException("the second learning rate must be positive, got " + rateB.getText().trim());
                twins = TwinRun.twoRates(net, d, optimizer.getValue(), a, b);
            } else {
                twins = TwinRun.sgdVersusBatch(net, d, a);
            }
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return false;
        }
        current.set(twins);
        final long total = n;
        final boolean slow = paced.isSelected();
        Task<Long> t = new Task<>() {
            @Override protected Long call() {
                // Paced: about three seconds in all, in small chunks, so the curves visibly grow.
                long chunk = slow ? Math.max(1, total / 300) : total;
                long done = 0;
                while (done < total && !isCancelled()) {
                    done += twins.run(Math.min(chunk, total - done), this::isCancelled, e -> updateProgress(e, total));
                    if (slow) {
                        try { Thread.sleep(10); } catch (InterruptedException ex) { break; }
                    }
                    if (twins.failure(0) != null && twins.failure(1) != null) break;
                }
                return done;
            }
        };
        t.setOnSucceeded(e -> finish(twins, "done"));
        t.setOnCancelled(e -> finish(twins, "stopped"));
        t.setOnFailed(e -> finish(twins, "failed: " + t.getException().getMessage()));
        task.set(t);
        run.setDisable(true);
        stop.setDisable(false);
        status.setText("running…");
        frames.start();
        Thread th = new Thread(t, "twin-run");
        th.setDaemon(true);
        th.start();
        return true;
    }

    private void finish(TwinRun twins, String how) {
        frames.stop();
        run.setDisable(false);
        stop.setDisable(true);
        redraw();
        StringBuilder sb = new StringBuilder(how).append(" after ").append(twins.epoch()).append(" epochs: ");
        for (int i = 0; i < 2; i++) {
            sb.append(i > 0 ? ";  " : "").append(twins.side(i).label()).append(" loss ").append(Numbers.sig3(twins.latestLoss(i)));
            if (twins.failure(i) != null) sb.append(" (diverged)");
        }
        status.setText(sb.toString());
    }

    /** Draws both curves from the histories (thread-safe reads). */
    public void redraw() {
        TwinRun twins = current.get();
        if (twins == null) { chart.draw(List.of()); return; }
        chart.draw(List.of(new LossChart.Curve(twins.side(0).label(), FIRST, twins.history(0).view()),
                new LossChart.Curve(twins.side(1).label(), SECOND, twins.history(1).view())));
    }

    public ChoiceBox<String> modeChooser() { return mode; }
    public ChoiceBox<Optimizer> optimizerChooser() { return optimizer; }
    public TextField rateAField() { return rateA; }
    public TextField rateBField() { return rateB; }
    public TextField epochsField() { return epochs; }
    public CheckBox pacedBox() { return paced; }
}
