package lab.backprop.ui.advanced;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import lab.backprop.data.Dataset;
import lab.backprop.model.DecisionMap;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.model.Workspace;
import lab.backprop.ui.FramePacer;
import lab.backprop.ui.LabViewModel;
import lab.backprop.support.Numbers;
import lab.backprop.ui.Palette;
import lab.backprop.ui.ResizableCanvas;
import lab.backprop.ui.WhenShown;

/**
 * The hidden space: every sample drawn where the last hidden layer puts it, at (h_a, h_b), with the output neuron's
 * decision line in that plane and the input plane's grid as the layer warps it. For the seeds' 2-2-1 on XOR one
 * watches the four points being pulled apart until a straight line separates them. For a wider layer two of its
 * neurons are chosen; the line then holds the layer's other neurons at their mean over the samples (said under the
 * plot). Live while training, redrawn in the side panel's frames and only when shown.
 */
public final class HiddenSpaceView extends VBox {
    /** At most this many samples are drawn (a big set: its first ones). */
    static final int MAX_POINTS = 2000;
    private static final int GRID_LINES = 11, GRID_STEPS = 40;
    private final LabViewModel vm;
    private final ComboBox<String> neuronA = new ComboBox<>(), neuronB = new ComboBox<>();
    private final Label note = new Label();
    private final ResizableCanvas plot = new ResizableCanvas(this::paint);
    private final WhenShown whenShown = new WhenShown(this, this::recompute);
    private final FramePacer paced = new FramePacer(FramePacer.SIDE, whenShown::request);
    private double[][] points = new double[0][];    // (h_a, h_b) of each drawn sample
    private double[] labels = new double[0];
    private final List<double[][]> grid = new ArrayList<>(); // each warped grid line: its (h_a, h_b) points
    private double[] line;                           // w_a, w_b, c of the decision line w_a·h_a + w_b·h_b + c = 0, or null
    private double xMin, xMax, yMin, yMax;
    private boolean filling;

    public HiddenSpaceView(LabViewModel vm) {
        super(6);
        this.vm = vm;
        setId("hiddenSpaceView");
        setPadding(new Insets(8));
        Label title = new Label("Hidden space: each sample where the last hidden layer puts it");
        title.getStyleClass().add("panel-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        neuronA.setId("hidden-space-a");
        neuronB.setId("hidden-space-b");
        neuronA.setTooltip(new Tooltip("The hidden neuron on the horizontal axis"));
        neuronB.setTooltip(new Tooltip("The hidden neuron on the vertical axis"));
        neuronA.setOnAction(e -> { if (!filling) whenShown.request(); });
        neuronB.setOnAction(e -> { if (!filling) whenShown.request(); });
        FlowPane pick = new FlowPane(6, 6, new Label("across"), neuronA, new Label("up"), neuronB);
        pick.setAlignment(Pos.CENTER_LEFT);
        note.setWrapText(true);
        note.getStyleClass().add("muted");
        note.setMinHeight(Region.USE_PREF_SIZE);
        plot.setId("hidden-space-plot");
        plot.setMinSize(160, 140);
        plot.setPrefSize(400, 360);
        VBox.setVgrow(plot, Priority.ALWAYS);
        getChildren().addAll(title, pick, plot, note);
        vm.snapshotProperty().addListener((o, a, b) -> paced.request());
        vm.setupProperty().addListener((o, a, b) -> { fillNeurons(); whenShown.request(); });
        fillNeurons();
        whenShown.request(); // owed until shown
        said = lab.backprop.ui.AccessibleSummary.bind(plot, this::describe); // out of date after each recompute
    }

    private final javafx.beans.binding.StringBinding said;
    private static final int DESCRIBED_SAMPLES = 12;

    /**
     * The plot in words, its accessible text: the two neurons, the output's decision line in their plane and where a
     * few samples lie. "h1 across, h2 up: the output is 0.5 on 3.131·h1 - 3.421·h2 + 0.190 = 0. Alice (F) at (0.962,
     * 0.015), ..."
     */
    public String describe() {
        whenShown.flush();
        if (points.length == 0) return note.getText();
        Dataset d = vm.dataset();
        StringBuilder sb = new StringBuilder("Hidden space, ").append(neuronA.getValue()).append(" across, ").append(neuronB.getValue()).append(" up");
        if (line != null) {
            sb.append(": the output is 0.5 on ").append(Numbers.brief(line[0])).append('·').append(neuronA.getValue())
                    .append(line[1] < 0 ? " - " : " + ").append(Numbers.brief(Math.abs(line[1]))).append('·').append(neuronB.getValue())
                    .append(line[2] < 0 ? " - " : " + ").append(Numbers.brief(Math.abs(line[2]))).append(" = 0");
        }
        List<String> named = new ArrayList<>();
        for (int i = 0; i < Math.min(points.length, DESCRIBED_SAMPLES); i++) {
            String name = i < d.size() ? d.nameOf(i) : null;
            named.add((name == null || name.isEmpty() ? "sample " + (i + 1) : name) + " (" + (labels[i] >= 0.5 ? d.positiveClass() : d.negativeClass())
                    + ") at (" + Numbers.brief(points[i][0]) + ", " + Numbers.brief(points[i][1]) + ")");
        }
        return sb.append(". ").append(lab.backprop.ui.AccessibleSummary.list(named, points.length)).append('.').toString();
    }

    private void fillNeurons() {
        filling = true;
        try {
            Layout l = vm.setup().layout();
            int layer = l.layerCount() - 2;
            List<String> names = new ArrayList<>();
            for (int j = 0; layer >= 1 && j < l.size(layer); j++) names.add(l.neuronName(layer, j));
            String a = neuronA.getValue(), b = neuronB.getValue();
            neuronA.getItems().setAll(names);
            neuronB.getItems().setAll(names);
            if (names.size() >= 2) {
                neuronA.setValue(names.contains(a) ? a : names.get(0));
                neuronB.setValue(names.contains(b) && !b.equals(neuronA.getValue()) ? b : names.get(neuronA.getValue().equals(names.get(1)) ? 0 : 1));
            }
        } finally {
            filling = false;
        }
    }

    /** The samples' hidden positions, the warped grid and the line, from the network as it is now. */
    private void recompute() {
        Snapshot s = vm.snapshot();
        Dataset d = vm.dataset();
        grid.clear();
        line = null;
        points = new double[0][];
        Layout l = s == null ? null : s.layout();
        int layer = l == null ? 0 : l.layerCount() - 2;
        if (l == null || layer < 1 || l.size(layer) < 2 || neuronA.getValue() == null || neuronB.getValue() == null || d.featureCount() != 2) {
            note.setText("The hidden space needs a hidden layer of at least two neurons (and data of two coordinates).");
            if (said != null) said.invalidate();
            paint();
            return;
        }
        int ja = neuronA.getItems().indexOf(neuronA.getValue()), jb = neuronB.getItems().indexOf(neuronB.getValue());
        Network net = s.toNetwork();
        Workspace ws = new Workspace(l);
        int n = Math.min(d.size(), MAX_POINTS), width = l.size(layer);
        points = new double[n][];
        labels = new double[n];
        double[] mean = new double[width];
        for (int i = 0; i < n; i++) {
            Dataset.Sample x = d.sample(i);
            net.forward(d.toInput(x.raw()), ws);
            points[i] = new double[] { ws.activation(layer, ja), ws.activation(layer, jb) };
            labels[i] = x.label();
            for (int k = 0; k < width; k++) mean[k] += ws.activation(layer, k) / n;
        }
        // the input plane's grid, warped: lines of constant x1 and of constant x2 over the decision map's area
        DecisionMap area = DecisionMap.around(d, 2, 2, 0.15);
        double[] in = new double[d.inputCount()];
        for (int dir = 0; dir < 2; dir++) {
            for (int g = 0; g < GRID_LINES; g++) {
                double fixed = g / (double) (GRID_LINES - 1);
                double[][] poly = new double[GRID_STEPS + 1][];
                for (int t = 0; t <= GRID_STEPS; t++) {
                    double u = t / (double) GRID_STEPS;
                    double fx = dir == 0 ? fixed : u, fy = dir == 0 ? u : fixed;
                    d.toInput(area.xMin() + fx * (area.xMax() - area.xMin()), area.yMin() + fy * (area.yMax() - area.yMin()), in);
                    net.forward(in, ws);
                    poly[t] = new double[] { ws.activation(layer, ja), ws.activation(layer, jb) };
                }
                grid.add(poly);
            }
        }
        // the output's decision line: sigmoid(w·h + b) = 0.5 where w·h + b = 0, the other neurons at their mean
        int last = l.layerCount() - 1;
        double c = s.bias(l.biasIndex(last, 0));
        for (int k = 0; k < width; k++) if (k != ja && k != jb) c += s.weight(l.weightIndex(last, 0, k)) * mean[k];
        line = new double[] { s.weight(l.weightIndex(last, 0, ja)), s.weight(l.weightIndex(last, 0, jb)), c };
        bounds();
        if (said != null) said.invalidate();
        note.setText(width == 2 ? "The line: where the output is 0.5. Training moves the points until a straight line separates the classes."
                : "The line: where the output is 0.5 with the layer's other " + (width - 2) + " neurons at their mean over the samples"
                        + " (a slice of a " + width + "-dimensional space)." + (d.size() > n ? " The first " + n + " samples are drawn." : ""));
        paint();
    }

    private void bounds() {
        xMin = yMin = Double.POSITIVE_INFINITY;
        xMax = yMax = Double.NEGATIVE_INFINITY;
        List<double[][]> all = new ArrayList<>(grid);
        all.add(points);
        for (double[][] set : all) {
            for (double[] p : set) {
                xMin = Math.min(xMin, p[0]);
                xMax = Math.max(xMax, p[0]);
                yMin = Math.min(yMin, p[1]);
                yMax = Math.max(yMax, p[1]);
            }
        }
        double padX = Math.max(0.05, (xMax - xMin) * 0.06), padY = Math.max(0.05, (yMax - yMin) * 0.06);
        xMin -= padX;
        xMax += padX;
        yMin -= padY;
        yMax += padY;
    }

    private static final double LEFT = 44, TOP = 10, BOTTOM = 34, RIGHT = 10;

    private void paint() {
        GraphicsContext g = plot.graphics();
        Palette pal = Palette.current();
        double w = plot.width(), h = plot.height();
        g.setFill(pal.get(Palette.Key.PLOT_BACKGROUND));
        g.fillRect(0, 0, w, h);
        if (points.length == 0) return;
        double pw = w - LEFT - RIGHT, ph = h - TOP - BOTTOM;
        if (pw < 20 || ph < 20) return;
        java.util.function.DoubleUnaryOperator px = v -> LEFT + (v - xMin) / (xMax - xMin) * pw;
        java.util.function.DoubleUnaryOperator py = v -> TOP + (yMax - v) / (yMax - yMin) * ph;
        g.setStroke(pal.get(Palette.Key.AXIS).deriveColor(0, 1, 1, 0.35)); // the warped input grid, behind the points
        g.setLineWidth(1);
        for (double[][] poly : grid) {
            g.beginPath();
            for (int t = 0; t < poly.length; t++) {
                if (t == 0) g.moveTo(px.applyAsDouble(poly[t][0]), py.applyAsDouble(poly[t][1]));
                else g.lineTo(px.applyAsDouble(poly[t][0]), py.applyAsDouble(poly[t][1]));
            }
            g.stroke();
        }
        if (line != null && (line[0] != 0 || line[1] != 0)) drawLine(g, pal, px, py);
        double r = DecisionMapView.pointRadius(5, points.length);
        for (int i = 0; i < points.length; i++) {
            g.setFill(pal.classColor(labels[i] >= 0.5));
            double x = px.applyAsDouble(points[i][0]), y = py.applyAsDouble(points[i][1]);
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            if (r >= 2) {
                g.setStroke(pal.get(Palette.Key.POINT_OUTLINE));
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            }
        }
        lab.backprop.ui.chart.PlotFrame.draw(g, LEFT, TOP, pw, ph, xMin, xMax, yMin, yMax, neuronA.getValue(), neuronB.getValue());
    }

    /** The decision line clipped to the plot: solved for h_b along the axis, or for h_a when it is steep. */
    private void drawLine(GraphicsContext g, Palette pal, java.util.function.DoubleUnaryOperator px, java.util.function.DoubleUnaryOperator py) {
        double a = line[0], b = line[1], c = line[2];
        double x0, y0, x1, y1;
        if (Math.abs(b) >= Math.abs(a)) {
            x0 = xMin;
            x1 = xMax;
            y0 = -(a * x0 + c) / b;
            y1 = -(a * x1 + c) / b;
        } else {
            y0 = yMin;
            y1 = yMax;
            x0 = -(b * y0 + c) / a;
            x1 = -(b * y1 + c) / a;
        }
        g.save();
        g.beginPath();
        g.rect(LEFT, TOP, plot.width() - LEFT - RIGHT, plot.height() - TOP - BOTTOM);
        g.clip();
        g.setStroke(pal.get(Palette.Key.MARK));
        g.setLineWidth(2);
        g.setLineDashes(8, 5);
        g.strokeLine(px.applyAsDouble(x0), py.applyAsDouble(y0), px.applyAsDouble(x1), py.applyAsDouble(y1));
        g.restore();
    }

    /** Each drawn sample's position (h_a, h_b), as last computed (tests read what it drew). */
    public double[][] positions() {
        whenShown.flush();
        double[][] copy = new double[points.length][];
        for (int i = 0; i < points.length; i++) copy[i] = points[i].clone();
        return copy;
    }

    /** The decision line's w_a, w_b, c (w_a·h_a + w_b·h_b + c = 0), or null. */
    public double[] decisionLine() {
        whenShown.flush();
        return line == null ? null : line.clone();
    }

    /** Chooses the two neurons by name ("h1", "h2"). */
    public void choose(String a, String b) {
        neuronA.setValue(a);
        neuronB.setValue(b);
        whenShown.request();
    }

    public String noteText() { return note.getText(); }
}
