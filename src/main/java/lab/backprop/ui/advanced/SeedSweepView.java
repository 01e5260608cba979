package lab.backprop.ui.advanced;

import java.util.Arrays;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import lab.backprop.support.Numbers;
import lab.backprop.data.Dataset;
import lab.backprop.train.Job;
import lab.backprop.train.SeedSweep;
import lab.backprop.train.TrainingSetup;
import lab.backprop.ui.LabViewModel;

/**
 * Runs N random starts (seed 000's XOR set-up) as a background {@link Job} and shows how many got stuck, a chart of
 * every start's final loss (stuck ones red) and the list of stuck seeds with why. Polls the job once per frame.
 */
public final class SeedSweepView extends VBox {

    private SeedSweep sweep;
    private final javafx.scene.control.ChoiceBox<lab.backprop.train.UpdateRule> rule = new javafx.scene.control.ChoiceBox<>();
    private final javafx.scene.control.ChoiceBox<lab.backprop.model.LossFunction> lossChoice = new javafx.scene.control.ChoiceBox<>();
    private final TextField count = new TextField("100");
    private final TextField firstSeed = new TextField("0");
    private final Button run = new Button("Run");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label result = new Label();
    private SeedSweep.Result shown;
    private final lab.backprop.ui.ResizableCanvas chart = new lab.backprop.ui.ResizableCanvas(() -> drawChart(this.shown));
    private final LabViewModel vm;
    private final ListView<String> stuckList = new ListView<>();
    private final ReadOnlyObjectWrapper<Job<SeedSweep.Result>> task = new ReadOnlyObjectWrapper<>(this, "job");
    private final AnimationTimer poll = new AnimationTimer() {
        @Override public void handle(long now) { follow(); }
    };

    /** Seed 000's XOR: 2-2-1 sigmoid, uniform [0,1) weights, full batch, rate 1, 5000 epochs. */
    public SeedSweepView(LabViewModel vm) {
        this.vm = vm;
        this.sweep = SeedSweep.xor();
        setSpacing(5);
        setPadding(new Insets(6, 8, 6, 8));
        count.setId("sweep-count");
        count.setTooltip(new Tooltip("How many seeds to train, one network each"));
        firstSeed.setId("sweep-first-seed");
        firstSeed.setTooltip(new Tooltip("The first seed; the others follow it"));
        run.setId("sweep-run");
        run.setTooltip(new Tooltip("Train one network per seed in the background and compare the final losses"));
        cancel.setId("sweep-cancel");
        cancel.setTooltip(new Tooltip("Stop the sweep; the seeds done so far stay"));
        progress.setId("sweep-progress");
        result.setId("sweep-result");
        chart.setId("sweep-chart");
        stuckList.setId("sweep-stuck-list");
        count.setPrefColumnCount(6);
        firstSeed.setPrefColumnCount(8);
        cancel.setDisable(true);
        progress.setPrefWidth(300);
        result.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 13));
        stuckList.setPrefHeight(140);
        stuckList.setMinHeight(48);
        stuckList.setTooltip(new Tooltip("Double-click a seed to put its start in the main window, then Train to watch it get stuck"));
        stuckList.setOnMouseClicked(e -> { if (e.getClickCount() == 2) loadSelected(); });
        chart.setPrefSize(480, 180);
        chart.setMinSize(200, 64); // at 1024x700 the chart gives way first: the view fits without scrolling
        VBox.setVgrow(chart, javafx.scene.layout.Priority.ALWAYS);
        VBox.setVgrow(stuckList, javafx.scene.layout.Priority.ALWAYS);
        result.setWrapText(true);
        result.setMinHeight(Region.USE_PREF_SIZE);
        TrainingSetup s = sweep.setup();
        Label setup = new Label("Each start: seed 000's " + sweep.dataset().name() + " (" + s.architecture().describe(2) + ", "
                + s.init() + ", " + s.batching() + ", rate " + Numbers.plain(s.learningRate()) + ", " + s.epochs()
                + " epochs). Stuck: a sample on the wrong side of 0.5, or loss above " + Numbers.plain(sweep.stuckLoss()) + ".");
        setup.setWrapText(true);
        setup.setMinHeight(Region.USE_PREF_SIZE);
        rule.setId("sweep-rule");
        rule.getItems().setAll(lab.backprop.train.UpdateRule.known());
        rule.setValue(rule.getItems().get(0));
        rule.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(lab.backprop.train.UpdateRule r) { return r == null ? "" : r.name(); }
            @Override public lab.backprop.train.UpdateRule fromString(String t) { throw new UnsupportedOperationException(); }
        });
        rule.setTooltip(new Tooltip("The update rule of every start (its default hyper-parameters): how many get stuck with each?"));
        javafx.scene.layout.FlowPane controls = new javafx.scene.layout.FlowPane(8, 6, new Label("Starts (N)"), count,
                new Label("first seed"), firstSeed, new Label("rule"), rule, new Label("loss"), lossChoice, run, cancel);
        lossChoice.setId("sweep-loss");
        lossChoice.getItems().setAll(lab.backprop.model.LossFunction.values());
        lossChoice.setValue(lab.backprop.model.LossFunction.MSE);
        lossChoice.setTooltip(new Tooltip("The loss every start minimises: MSE (the seed's) or cross-entropy"));
        controls.setAlignment(Pos.CENTER_LEFT);
        for (Node n : controls.getChildren()) if (n instanceof Region r) r.setMinWidth(Region.USE_PREF_SIZE);
        run.setOnAction(e -> start());
        cancel.setOnAction(e -> { if (task.get() != null) task.get().cancel(); });
        HBox progressRow = new HBox(8, progress, result);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        progress.setPrefWidth(140);
        progress.setMinWidth(80);
        HBox.setHgrow(result, javafx.scene.layout.Priority.ALWAYS);
        Label listTitle = new Label("Stuck starts (double-click one to load it)");
        listTitle.setWrapText(true);
        listTitle.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(setup, controls, progressRow, chart, listTitle, stuckList);
        drawChart(null);
    }

    /**
     * Puts the chosen stuck seed's start into the main window: seed 000's XOR set-up with that seed, fresh weights, so
     * that Train shows it getting stuck. Returns false when no seed is chosen.
     */
    public boolean loadSelected() {
        String item = stuckList.getSelectionModel().getSelectedItem();
        if (item == null || !item.startsWith("seed ")) return false;
        long seed = Long.parseLong(item.substring(5, item.indexOf(':')));
        String problem = vm.loadDataset(sweep.dataset());
        if (problem == null) problem = vm.changeSetup(sweep.setup().withData(vm.dataset()).withSeed(seed));
        if (problem != null) vm.report(problem);
        return problem == null;
    }

    /** The list of stuck seeds ("seed 7: 2 of 4 samples on the wrong side of 0.5 (loss 0.125)"). */
    public ListView<String> stuckList() { return stuckList; }

    /** The background job of the last sweep (null before the first). */
    public ReadOnlyObjectProperty<Job<SeedSweep.Result>> jobProperty() { return task.getReadOnlyProperty(); }
    public SeedSweep sweep() { return sweep; }

    /** Starts a sweep, as the Run button does. Returns false (with a message) on bad input. */
    public boolean start() {
        if (task.get() != null && task.get().isRunning()) return false;
        int n;
        long seed;
        try {
            n = (int) Numbers.parseWhole(count.getText(), "N", 1, 100_000);
            try {
                seed = Long.parseLong(firstSeed.getText().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the first seed must be a whole number, got '" + firstSeed.getText().trim() + "'");
            }
        } catch (IllegalArgumentException e) {
            result.setText(e.getMessage());
            return false;
        }
        sweep = SeedSweep.xor().withUpdate(rule.getValue()).withLoss(lossChoice.getValue());
        SeedSweep chosen = sweep;
        task.set(Job.start("seed-sweep", job -> chosen.run(seed, n, job::isCancelled, job::progress)));
        run.setDisable(true);
        cancel.setDisable(false);
        result.setText("0 of " + n + " runs done");
        poll.start();
        return true;
    }

    /** Once per frame while a sweep runs: its progress, then its outcome. */
    private void follow() {
        Job<SeedSweep.Result> job = task.get();
        if (job == null) return;
        progress.setProgress(job.progress());
        if (job.isRunning()) {
            if (!job.message().isEmpty()) result.setText(job.message() + " runs done");
            return;
        }
        poll.stop();
        run.setDisable(false);
        cancel.setDisable(true);
        switch (job.state()) {
            case DONE -> show(job.result());
            case CANCELLED -> {
                if (job.result() != null) show(job.result()); // the seeds done so far stay
                result.setText("cancelled");
            }
            default -> result.setText("failed: " + job.failure().getMessage());
        }
    }

    private void show(SeedSweep.Result r) {
        progress.setProgress(1);
        result.setText(r.stuckCount() + " of " + r.size() + " got stuck with " + sweep.setup().update().title()
                + (sweep.setup().loss() == lab.backprop.model.LossFunction.MSE ? "" : " and " + sweep.setup().loss())
                + (r.complete() ? "" : " (cancelled early)"));
        stuckList.getItems().setAll(r.runs().stream().filter(SeedSweep.Run::stuck)
                .map(x -> "seed " + x.seed() + ": " + x.reason() + " (loss " + Numbers.sig3(x.finalLoss()) + ")").toList());
        shown = r;
        drawChart(r);
    }

    /** Final losses sorted from best to worst, log scale; stuck starts in the stuck colour, solved ones in the solved. */
    private void drawChart(SeedSweep.Result r) {
        describe(r);
        lab.backprop.ui.Palette pal = lab.backprop.ui.Palette.current();
        GraphicsContext g = chart.graphics();
        double w = chart.width(), h = chart.height(), left = 50, top = 10, bottom = 24;
        double pw = w - left - 10, ph = h - top - bottom;
        g.setFill(pal.get(lab.backprop.ui.Palette.Key.PLOT_BACKGROUND));
        g.fillRect(0, 0, w, h);
        if (pw < 20 || ph < 20) return;
        g.setStroke(pal.get(lab.backprop.ui.Palette.Key.AXIS));
        g.strokeRect(left, top, pw, ph);
        g.setFill(pal.get(lab.backprop.ui.Palette.Key.TEXT));
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("starts, sorted by final loss", left + pw / 2, h - 6);
        if (r == null || r.size() == 0) return;
        SeedSweep.Run[] runs = r.runs().toArray(SeedSweep.Run[]::new);
        Arrays.sort(runs, (a, b) -> Double.compare(a.finalLoss(), b.finalLoss()));
        double lo = -6, hi = 0; // 1e-6 .. 1: an MSE on 0/1 targets never exceeds 1
        g.setTextAlign(TextAlignment.RIGHT);
        for (double d = lo; d <= hi; d += 2) {
            double y = top + (hi - d) / (hi - lo) * ph;
            g.setStroke(pal.get(lab.backprop.ui.Palette.Key.GRID));
            g.strokeLine(left, y, left + pw, y);
            g.fillText(lab.backprop.ui.chart.Ticks.label(Math.pow(10, d)), left - 4, y + 4);
        }
        double bw = pw / runs.length;
        for (int i = 0; i < runs.length; i++) {
            double v = Math.log10(Math.max(1e-6, Math.min(1, runs[i].finalLoss())));
            double y = top + (hi - v) / (hi - lo) * ph;
            g.setFill(pal.get(runs[i].stuck() ? lab.backprop.ui.Palette.Key.STUCK : lab.backprop.ui.Palette.Key.SOLVED));
            g.fillRect(left + i * bw + (bw > 3 ? 0.5 : 0), y, Math.max(1, bw - (bw > 3 ? 1 : 0)), top + ph - y);
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    javafx.scene.layout.Region chart() { return chart; }

    private SeedSweep.Result described;

    /** The chart in words, its accessible text, once per result: how many starts, how many stuck, the best and worst loss. */
    private void describe(SeedSweep.Result r) {
        if (r == described && chart.getAccessibleText() != null) return;
        described = r;
        chart.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        if (r == null || r.size() == 0) {
            chart.setAccessibleText("Final losses of the starts, sorted: none yet; Run starts them");
            return;
        }
        double best = Double.POSITIVE_INFINITY, worst = Double.NEGATIVE_INFINITY;
        for (SeedSweep.Run run : r.runs()) {
            best = Math.min(best, run.finalLoss());
            worst = Math.max(worst, run.finalLoss());
        }
        chart.setAccessibleText("Final losses of " + r.size() + " starts, sorted: " + r.stuckCount() + " stuck, " + (r.size() - r.stuckCount())
                + " solved; best " + Numbers.sig3(best) + ", worst " + Numbers.sig3(worst));
    }
}
