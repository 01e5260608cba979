package lab.backprop.ui.advanced;

import java.util.ArrayList;
import java.util.List;

import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import lab.backprop.data.Dataset;
import lab.backprop.model.Layout;
import lab.backprop.model.LossFunction;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.model.Workspace;
import lab.backprop.train.Job;
import lab.backprop.ui.LabViewModel;
import lab.backprop.support.Numbers;
import lab.backprop.ui.Palette;
import lab.backprop.ui.ResizableCanvas;

/**
 * The loss landscape: the training loss over two chosen parameters (the two last set by hand, else the first two of
 * the output neuron, w5 and w6 on the seeds' 2-2-1) on a grid centred on their current values, the others as they are now, drawn as a
 * heat map (darker is lower, on a log scale) with the way the two parameters went while training. The grid is worked
 * out off the FX thread (a {@link Job}) at most four times a second; clicking the map moves the two parameters there.
 */
public final class LossLandscapeView extends VBox {
    /** Grid cells per side; odd, so that the centre cell is the current point. */
    public static final int CELLS = 41;
    private static final long MIN_GAP_NANOS = 250_000_000L;
    private static final int TRAIL = 400;
    private final LabViewModel vm;
    private final ComboBox<String> paramA = new ComboBox<>(), paramB = new ComboBox<>();
    private final Label note = new Label();
    private final ResizableCanvas plot = new ResizableCanvas(this::paint);
    private final List<double[]> trail = new ArrayList<>();
    private Grid shown;
    private Job<Grid> job;
    private long lastStart;
    private boolean filling;
    private int[] seenTouched;
    private final AnimationTimer frames = new AnimationTimer() {
        @Override public void handle(long now) { follow(now); }
    };

    /** A computed landscape: which parameters, the ranges, the loss per cell (row 0 at the top: the largest b). */
    public record Grid(int a, int b, double aMin, double aMax, double bMin, double bMax, double[] loss, Snapshot of) {
        /** The loss of cell (col, row). */
        public double at(int col, int row) { return loss[row * CELLS + col]; }
    }

    public LossLandscapeView(LabViewModel vm) {
        super(6);
        this.vm = vm;
        setId("lossLandscapeView");
        setPadding(new Insets(8));
        Label title = new Label("Loss landscape over two parameters, the others as they are");
        title.getStyleClass().add("panel-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        paramA.setId("landscape-a");
        paramB.setId("landscape-b");
        paramA.setTooltip(new Tooltip("The parameter across"));
        paramB.setTooltip(new Tooltip("The parameter up"));
        paramA.setOnAction(e -> { if (!filling) { trail.clear(); lastStart = 0; } });
        paramB.setOnAction(e -> { if (!filling) { trail.clear(); lastStart = 0; } });
        FlowPane pick = new FlowPane(6, 6, new Label("across"), paramA, new Label("up"), paramB);
        pick.setAlignment(Pos.CENTER_LEFT);
        note.setWrapText(true);
        note.getStyleClass().add("muted");
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.setText("Darker is lower loss (log scale); the ring is the network now, the line the way it came. Click to move the two"
                + " parameters there.");
        plot.setId("landscape-plot");
        plot.setMinSize(160, 140);
        plot.setPrefSize(400, 360);
        VBox.setVgrow(plot, Priority.ALWAYS);
        plot.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> clickAt(e.getX(), e.getY()));
        getChildren().addAll(title, pick, plot, note);
        vm.setupProperty().addListener((o, a, b) -> fillParameters());
        vm.generationProperty().addListener((o, a, b) -> { trail.clear(); lastStart = 0; });
        sceneProperty().addListener((o, a, b) -> { if (b != null) frames.start(); else frames.stop(); });
        fillParameters();
        said = lab.backprop.ui.AccessibleSummary.bind(plot, this::describe); // out of date when a new grid is shown
    }

    private final javafx.beans.binding.StringBinding said;

    /**
     * The landscape in words, its accessible text: the two parameters and their ranges, the loss at the network now
     * (the centre) and the lowest cell. "Loss over w5 (across, -3.70 to 5.70) and w6 (up, ...): 0.001449 at the network
     * now (w5 = 1.00, w6 = ...); lowest on the grid 0.00120 at w5 = ..., w6 = ..."
     */
    public String describe() {
        Grid g = shown;
        if (g == null) return "Loss landscape: not computed yet";
        String a = paramA.getItems().size() > g.a() ? paramA.getItems().get(g.a()) : "a", b = paramB.getItems().size() > g.b() ? paramB.getItems().get(g.b()) : "b";
        int best = 0;
        for (int i = 1; i < g.loss().length; i++) if (g.loss()[i] < g.loss()[best] || Double.isNaN(g.loss()[best])) best = i;
        int half = CELLS / 2, col = best % CELLS, row = best / CELLS;
        double ca = g.aMin() + (g.aMax() - g.aMin()) * col / (CELLS - 1), cb = g.bMax() - (g.bMax() - g.bMin()) * row / (CELLS - 1);
        return "Loss over " + a + " (across, " + Numbers.brief(g.aMin()) + " to " + Numbers.brief(g.aMax()) + ") and " + b + " (up, "
                + Numbers.brief(g.bMin()) + " to " + Numbers.brief(g.bMax()) + "), darker is lower: " + Numbers.loss(g.at(half, half))
                + " at the network now (" + a + " = " + Numbers.brief((g.aMin() + g.aMax()) / 2) + ", " + b + " = "
                + Numbers.brief((g.bMin() + g.bMax()) / 2) + "); lowest on the grid " + Numbers.loss(g.loss()[best]) + " at " + a + " = "
                + Numbers.brief(ca) + ", " + b + " = " + Numbers.brief(cb) + ".";
    }

    private void fillParameters() {
        filling = true;
        try {
            Layout l = vm.setup().layout();
            List<String> names = new ArrayList<>();
            for (int p = 0; p < l.parameterCount(); p++) names.add(p < l.weightCount() ? l.weightName(p) : l.biasName(p - l.weightCount()));
            String a = paramA.getValue(), b = paramB.getValue();
            paramA.getItems().setAll(names);
            paramB.getItems().setAll(names);
            int first = l.weightOffset(l.layerCount() - 1); // the output neuron's weights: w5, w6 on the 2-2-1
            String da = names.get(first), db = names.get(Math.min(names.size() - 1, first + 1 < l.weightCount() ? first + 1 : l.weightCount()));
            paramA.setValue(names.contains(a) ? a : da);
            paramB.setValue(names.contains(b) && !b.equals(paramA.getValue()) ? b : db.equals(paramA.getValue()) ? names.get(0) : db);
        } finally {
            filling = false;
        }
    }

    /** Once per frame while shown: takes a finished grid, starts the next one at a bounded rate, follows the network. */
    private void follow(long now) {
        int[] touched = vm.controller().recentlyEdited();
        if (touched != seenTouched) { // the two parameters last set by hand become the axes
            seenTouched = touched;
            if (touched.length == 2 && touched[0] != touched[1] && touched[1] < paramA.getItems().size()) {
                choose(paramA.getItems().get(touched[0]), paramB.getItems().get(touched[1]));
            }
        }
        Snapshot s = vm.snapshot();
        int a = paramA.getItems().indexOf(paramA.getValue()), b = paramB.getItems().indexOf(paramB.getValue());
        if (s == null || a < 0 || b < 0 || a == b) return;
        double va = s.layout().weightCount() > a ? s.weight(a) : s.bias(a - s.layout().weightCount());
        double vb = s.layout().weightCount() > b ? s.weight(b) : s.bias(b - s.layout().weightCount());
        if (trail.isEmpty() || trail.get(trail.size() - 1)[0] != va || trail.get(trail.size() - 1)[1] != vb) {
            trail.add(new double[] { va, vb });
            if (trail.size() > TRAIL) trail.remove(0);
        }
        if (job != null && !job.isRunning()) {
            if (job.state() == Job.State.DONE) {
                shown = job.result();
                said.invalidate();
            }
            job = null;
            paint();
        }
        boolean stale = shown == null || shown.of() != s || shown.a() != a || shown.b() != b;
        if (job == null && stale && now - lastStart >= MIN_GAP_NANOS) {
            lastStart = now;
            Dataset train = vm.controller().trainingData();
            LossFunction loss = vm.setup().loss();
            job = Job.start("loss-landscape", j -> compute(s, train, loss, a, b));
        }
    }

    /** The grid around the current values of parameters a and b (a pure computation: any thread). */
    public static Grid compute(Snapshot s, Dataset data, LossFunction loss, int a, int b) {
        Network net = s.toNetwork();
        double va = net.parameter(a), vb = net.parameter(b);
        double ha = Math.max(2, 1.5 * Math.abs(va)), hb = Math.max(2, 1.5 * Math.abs(vb));
        double[][] x = data.inputs();
        double[] y = data.labels();
        Workspace ws = new Workspace(net.layout());
        double[] out = new double[CELLS * CELLS];
        int half = CELLS / 2;
        for (int row = 0; row < CELLS; row++) {
            net.setParameter(b, row == half ? vb : vb + hb * (half - row) / half); // the centre is the value itself
            for (int col = 0; col < CELLS; col++) {
                net.setParameter(a, col == half ? va : va + ha * (col - half) / half);
                double sum = 0;
                for (int i = 0; i < x.length; i++) {
                    net.forward(x[i], ws);
                    sum += loss.of(y[i], ws.output(0));
                }
                out[row * CELLS + col] = sum / x.length;
            }
        }
        return new Grid(a, b, va - ha, va + ha, vb - hb, vb + hb, out, s);
    }

    private static final double LEFT = 46, TOP = 10, BOTTOM = 34, RIGHT = 10;

    private void paint() {
        GraphicsContext g = plot.graphics();
        Palette pal = Palette.current();
        double w = plot.width(), h = plot.height();
        g.setFill(pal.get(Palette.Key.PLOT_BACKGROUND));
        g.fillRect(0, 0, w, h);
        Grid grid = shown;
        if (grid == null) return;
        double pw = w - LEFT - RIGHT, ph = h - TOP - BOTTOM;
        if (pw < 20 || ph < 20) return;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : grid.loss()) {
            if (v > 0 && Double.isFinite(v)) {
                lo = Math.min(lo, Math.log(v));
                hi = Math.max(hi, Math.log(v));
            }
        }
        Color low = pal.get(Palette.Key.LANDSCAPE_LOW), high = pal.get(Palette.Key.LANDSCAPE_HIGH);
        double cw = pw / CELLS, ch = ph / CELLS;
        for (int row = 0; row < CELLS; row++) {
            for (int col = 0; col < CELLS; col++) {
                double v = grid.at(col, row);
                double t = !(v > 0) || hi <= lo ? 0 : (Math.log(v) - lo) / (hi - lo);
                g.setFill(low.interpolate(high, Math.max(0, Math.min(1, t))));
                g.fillRect(LEFT + col * cw, TOP + row * ch, cw + 0.6, ch + 0.6);
            }
        }
        java.util.function.DoubleUnaryOperator px = v -> LEFT + (v - grid.aMin()) / (grid.aMax() - grid.aMin()) * pw;
        java.util.function.DoubleUnaryOperator py = v -> TOP + (grid.bMax() - v) / (grid.bMax() - grid.bMin()) * ph;
        g.save();
        g.beginPath();
        g.rect(LEFT, TOP, pw, ph);
        g.clip();
        g.setStroke(pal.get(Palette.Key.MARK));
        g.setLineWidth(1.5);
        g.beginPath();
        for (int i = 0; i < trail.size(); i++) {
            double[] p = trail.get(i);
            if (i == 0) g.moveTo(px.applyAsDouble(p[0]), py.applyAsDouble(p[1])); else g.lineTo(px.applyAsDouble(p[0]), py.applyAsDouble(p[1]));
        }
        g.stroke();
        double cx = px.applyAsDouble((grid.aMin() + grid.aMax()) / 2), cy = py.applyAsDouble((grid.bMin() + grid.bMax()) / 2);
        g.setLineWidth(2.5);
        g.strokeOval(cx - 6, cy - 6, 12, 12);
        g.restore();
        lab.backprop.ui.chart.PlotFrame.draw(g, LEFT, TOP, pw, ph, grid.aMin(), grid.aMax(), grid.bMin(), grid.bMax(),
                paramA.getValue(), paramB.getValue());
    }

    /** A click at (x, y) on the plot: the two parameters move to the values there. */
    public void clickAt(double x, double y) {
        Grid grid = shown;
        double pw = plot.width() - LEFT - RIGHT, ph = plot.height() - TOP - BOTTOM;
        if (grid == null || x < LEFT || x > LEFT + pw || y < TOP || y > TOP + ph) return;
        vm.setParameter(grid.a(), grid.aMin() + (x - LEFT) / pw * (grid.aMax() - grid.aMin()));
        vm.setParameter(grid.b(), grid.bMax() - (y - TOP) / ph * (grid.bMax() - grid.bMin()));
    }

    /** The landscape on display, or null before the first is done. */
    public Grid grid() { return shown; }

    /** Where on the plot the value pair (a, b) lies, for tests that click there; null before a grid is shown. */
    public javafx.geometry.Point2D pointOf(double a, double b) {
        Grid grid = shown;
        if (grid == null) return null;
        double pw = plot.width() - LEFT - RIGHT, ph = plot.height() - TOP - BOTTOM;
        return new javafx.geometry.Point2D(LEFT + (a - grid.aMin()) / (grid.aMax() - grid.aMin()) * pw,
                TOP + (grid.bMax() - b) / (grid.bMax() - grid.bMin()) * ph);
    }

    public void choose(String a, String b) {
        paramA.setValue(a);
        paramB.setValue(b);
        trail.clear();
        lastStart = 0;
    }
}
