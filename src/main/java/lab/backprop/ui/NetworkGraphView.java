package lab.backprop.ui;

import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Text;
import javafx.util.Duration;
import lab.backprop.support.Numbers;
import lab.backprop.model.Activation;
import lab.backprop.model.Layout;
import lab.backprop.model.Snapshot;

/**
 * The network as a graph of shapes: one line per weight (colour = sign, width = size, number on it),
 * one circle per neuron (shade = activation for the probe input, bias below). Hover an edge for its
 * exact value, click it to type a new one, click a neuron to select it for the sigmoid plot.
 * Works for any layout; edge numbers are hidden between two layers with more than 16 edges (the
 * tooltip still has them).
 * <p>Training publishes a snapshot every frame, so an update only touches what changed: a text when the shown
 * string changes, a colour when it changes, tooltips only when they are about to show or are showing; the
 * layout (positions, label placement) is worked out only when the layout or the size changes.
 */
public final class NetworkGraphView extends Pane {
    static final Color POSITIVE = Color.web("#2563eb");
    static final Color NEGATIVE = Color.web("#ea580c");
    static final Color GRAD_POSITIVE = Color.web("#059669");
    static final Color GRAD_NEGATIVE = Color.web("#c026d3");
    private static final double RADIUS = 27;
    private static final int MAX_LABELLED_EDGES = 8;

    private final LabViewModel vm;
    private final Group edgeLayer = new Group();
    private final Group labelLayer = new Group();
    private final Group neuronLayer = new Group();
    private final VBox editor = new VBox(2);
    private final TextField editorField = new TextField();
    private final Label editorError = new Label();
    private int editingParameter = -1;

    private Layout layout;
    private Edge[] edges = new Edge[0];
    private Node[][] nodes = new Node[0][];

    /** The shapes of one weight. */
    private static final class Edge {
        final int weight;
        final int layer, from, to;
        final Line line = new Line();
        final Line hit = new Line();
        final Label label = new Label();
        final Tooltip tooltip = new Tooltip();
        double t; // where along the line the number sits
        double labelX, labelY; // centre of the number, from the last layout pass
        double shownValue = Double.NaN; // what the number says, to skip formatting an unchanged value
        boolean shownGrad;
        Color shownColour;
        double shownAlpha = -1;

        Edge(int weight, int layer, int from, int to) {
            this.weight = weight;
            this.layer = layer;
            this.from = from;
            this.to = to;
        }
    }

    /** The shapes of one neuron. */
    private static final class Node {
        final NeuronRef ref;
        final Group group = new Group();
        final Circle circle = new Circle(RADIUS);
        final Text value = new Text();
        final Text name = new Text();
        final Text bias = new Text();
        final Tooltip tooltip = new Tooltip();
        double x, y, r = RADIUS;

        Node(NeuronRef ref) { this.ref = ref; }
    }

    public NetworkGraphView(LabViewModel vm) {
        this.vm = vm;
        getStyleClass().add("network-graph");
        setMinSize(300, 200);
        editorField.setId("edgeEditor");
        editorField.setTooltip(new Tooltip("Type a new value and press Enter; Escape cancels"));
        editorField.setPrefColumnCount(8);
        editorError.setId("edgeEditorError");
        editorError.getStyleClass().add("error-text");
        editorError.setWrapText(true);
        editorError.setMaxWidth(220);
        editor.getStyleClass().add("edge-editor");
        editor.getChildren().addAll(new Label("New value (Enter to set, Esc to cancel)"), editorField, editorError);
        editor.setManaged(false);
        editor.setVisible(false);
        editorField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) closeEditor();
        });
        editorField.setOnAction(e -> commitEditor());
        editorField.focusedProperty().addListener((o, was, now) -> {
            if (!now && editor.isVisible() && editorError.getText().isEmpty()) closeEditor();
        });
        getChildren().addAll(edgeLayer, labelLayer, neuronLayer, editor);

        vm.snapshotProperty().addListener((o, a, b) -> refresh());
        vm.probeProperty().addListener((o, a, b) -> refresh());
        vm.gradientsProperty().addListener((o, a, b) -> refresh());
        vm.selectedNeuronProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    // ---- Building -------------------------------------------------------------------------------

    private void rebuild(Layout newLayout) {
        closeEditor();
        layout = newLayout;
        edgeLayer.getChildren().clear();
        labelLayer.getChildren().clear();
        neuronLayer.getChildren().clear();
        edges = new Edge[layout.weightCount()];
        for (int l = 1; l < layout.layerCount(); l++) {
            boolean labelled = layout.size(l) * layout.size(l - 1) <= MAX_LABELLED_EDGES;
            for (int j = 0; j < layout.size(l); j++) {
                for (int i = 0; i < layout.size(l - 1); i++) {
                    int w = layout.weightIndex(l, j, i);
                    Edge e = new Edge(w, l, i, j);
                    // Numbers sit where the edges are most spread out: near the narrower layer's far side,
                    // staggered so that two edges leaving one neuron do not overlap.
                    boolean fanOut = layout.size(l) > layout.size(l - 1);
                    e.t = fanOut ? 0.72 - 0.12 * (i % 2) : 0.24 + 0.14 * (j % 2) + (layout.size(l - 1) == 1 ? 0.2 : 0);
                    String name = layout.weightName(w);
                    e.hit.setId("edge-" + name);
                    e.hit.getStyleClass().add("edge-hit");
                    // Opacity 0: the renderer skips it (a transparent 14 px stroke still cost a quarter of the
                    // rendering), but picking ignores opacity, so hover and click still hit the wide line.
                    e.hit.setStroke(Color.BLACK);
                    e.hit.setOpacity(0);
                    e.hit.setStrokeWidth(14);
                    e.line.setStrokeLineCap(StrokeLineCap.ROUND);
                    e.line.setMouseTransparent(true);
                    e.label.setId("weight-" + name);
                    e.label.getStyleClass().add("edge-label");
                    e.label.setVisible(labelled);
                    e.label.setManaged(false);
                    e.label.setMouseTransparent(true);
                    e.tooltip.setShowDelay(Duration.millis(80));
                    e.tooltip.setHideDelay(Duration.millis(100));
                    e.tooltip.setOnShowing(ev -> e.tooltip.setText(tipFor(e)));
                    e.hit.setOnMouseEntered(ev -> e.tooltip.setText(tipFor(e)));
                    Tooltip.install(e.hit, e.tooltip);
                    e.hit.setOnMouseClicked(ev -> {
                        if (ev.getButton() == MouseButton.PRIMARY) openEditor(e, ev.getX(), ev.getY());
                    });
                    edges[w] = e;
                    edgeLayer.getChildren().addAll(e.line, e.hit);
                    labelLayer.getChildren().add(e.label);
                }
            }
        }
        nodes = new Node[layout.layerCount()][];
        for (int l = 0; l < layout.layerCount(); l++) {
            nodes[l] = new Node[layout.size(l)];
            for (int j = 0; j < layout.size(l); j++) {
                Node n = new Node(new NeuronRef(l, j));
                String name = layout.neuronName(l, j);
                n.group.setId("neuron-" + name);
                n.group.getStyleClass().add(l == 0 ? "neuron-input" : "neuron");
                n.circle.getStyleClass().add("neuron-circle");
                n.value.setId("activation-" + name);
                n.value.getStyleClass().add("neuron-value");
                n.name.getStyleClass().add("neuron-name");
                n.name.setText(name);
                n.bias.setId("bias-" + name);
                n.bias.getStyleClass().add("neuron-bias");
                n.group.getChildren().addAll(n.circle, n.value, n.name, n.bias);
                n.tooltip.setShowDelay(Duration.millis(80));
                n.tooltip.setOnShowing(ev -> n.tooltip.setText(tipFor(n)));
                n.group.setOnMouseEntered(ev -> n.tooltip.setText(tipFor(n)));
                Tooltip.install(n.group, n.tooltip);
                if (l > 0) n.group.setOnMouseClicked(ev -> vm.selectedNeuronProperty().set(n.ref));
                nodes[l][j] = n;
                neuronLayer.getChildren().add(n.group);
            }
        }
        requestLayout();
    }

    @Override protected void layoutChildren() {
        if (layout == null) return;
        double w = getWidth(), h = getHeight();
        int layers = layout.layerCount();
        double left = 70, right = w - 70, top = 46, bottom = h - 40;
        for (int l = 0; l < layers; l++) {
            double x = layers == 1 ? w / 2 : left + (right - left) * l / (layers - 1);
            int n = layout.size(l);
            double gap = Math.min(170, (bottom - top) / Math.max(1, n));
            double y0 = (top + bottom) / 2 - gap * (n - 1) / 2;
            for (int j = 0; j < n; j++) {
                Node node = nodes[l][j];
                node.x = x;
                node.y = y0 + gap * j;
                double r = Math.max(12, Math.min(RADIUS, gap * 0.26));
                // Crowded layers keep only the number; name and bias move to the tooltip.
                boolean compact = gap < 56;
                node.r = r;
                node.circle.setRadius(r);
                node.name.setVisible(!compact || j == 0);
                node.bias.setVisible(!compact);
                node.value.setStyle(compact ? "-fx-font-size: 9px;" : r < 22 ? "-fx-font-size: 10.5px;" : "");
                node.group.setLayoutX(x);
                node.group.setLayoutY(node.y);
                centre(node.value, 0, 0);
                centre(node.name, 0, -r - 7);
                centre(node.bias, 0, r + 14);
            }
        }
        // Label placement: only here, when the layout or the size changed (not per frame).
        double[] placed = new double[4 * edges.length];
        int count = 0;
        for (Edge e : edges) {
            Node a = nodes[e.layer - 1][e.from], b = nodes[e.layer][e.to];
            for (Line line : new Line[] { e.line, e.hit }) {
                line.setStartX(a.x);
                line.setStartY(a.y);
                line.setEndX(b.x);
                line.setEndY(b.y);
            }
            if (!e.label.isVisible()) continue;
            e.label.autosize();
            double lw = e.label.getWidth(), lh = e.label.getHeight();
            // Slide a number along its edge until it no longer covers one placed before (crossing edges).
            double bx = Double.NaN, by = Double.NaN;
            for (double shift : SHIFTS) {
                double t = Math.max(0.15, Math.min(0.85, e.t + shift));
                double lx = a.x + (b.x - a.x) * t - lw / 2, ly = a.y + (b.y - a.y) * t - lh / 2;
                if (Double.isNaN(bx)) { bx = lx; by = ly; }
                if (!overlaps(placed, count, lx, ly, lw, lh)) {
                    bx = lx;
                    by = ly;
                    break;
                }
            }
            placed[4 * count] = bx;
            placed[4 * count + 1] = by;
            placed[4 * count + 2] = lw;
            placed[4 * count + 3] = lh;
            count++;
            e.labelX = bx + lw / 2;
            e.labelY = by + lh / 2;
            e.label.relocate(bx, by);
        }
        if (editor.isVisible()) editor.autosize();
    }

    private static final double[] SHIFTS = { 0, 0.09, -0.09, 0.18, -0.18, 0.27 };

    /** Whether box (x, y, w, h) intersects one of the first {@code count} boxes in {@code placed} (x, y, w, h each). */
    private static boolean overlaps(double[] placed, int count, double x, double y, double w, double h) {
        for (int k = 0; k < count; k++) {
            double px = placed[4 * k], py = placed[4 * k + 1], pw = placed[4 * k + 2], ph = placed[4 * k + 3];
            if (x <= px + pw && x + w >= px && y <= py + ph && y + h >= py) return true;
        }
        return false;
    }

    private static void centre(Text t, double x, double y) {
        double tw = t.getLayoutBounds().getWidth();
        t.setX(x - tw / 2);
        t.setY(y + t.getLayoutBounds().getHeight() / 4);
    }

    // ---- Showing values ---------------------------------------------------------------------------

    private void refresh() {
        Snapshot s = vm.snapshot();
        if (s == null) return;
        boolean rebuilt = !s.layout().equals(layout);
        if (rebuilt) rebuild(s.layout());
        double[] grads = vm.gradientsProperty().get();
        boolean showGrad = grads != null && grads.length == layout.parameterCount();
        for (Edge e : edges) {
            double shown = showGrad ? grads[e.weight] : s.weight(e.weight);
            Color colour = showGrad ? (shown >= 0 ? GRAD_POSITIVE : GRAD_NEGATIVE) : (shown >= 0 ? POSITIVE : NEGATIVE);
            double size = showGrad ? Math.log1p(Math.abs(shown) * 20) : Math.log1p(Math.abs(shown));
            // Alpha in 1/255 steps, as the screen shows it: an unchanged colour is not set again.
            double alpha = Math.round(255 * (0.35 + 0.65 * Math.min(1, size / 2))) / 255.0;
            if (colour != e.shownColour || alpha != e.shownAlpha) {
                e.line.setStroke(colour.deriveColor(0, 1, 1, alpha));
                if (colour != e.shownColour) e.label.setTextFill(darker(colour));
                e.shownColour = colour;
                e.shownAlpha = alpha;
            }
            e.line.setStrokeWidth(Math.min(12, 1 + 2.4 * size));
            if (e.label.isVisible() && (shown != e.shownValue || showGrad != e.shownGrad)) {
                e.shownValue = shown;
                e.shownGrad = showGrad;
                String text = labelText(shown, showGrad);
                if (!text.equals(e.label.getText())) {
                    e.label.setText(text);
                    // Keep the number centred where the last layout put it (a longer number grows both ways).
                    e.label.autosize();
                    e.label.relocate(e.labelX - e.label.getWidth() / 2, e.labelY - e.label.getHeight() / 2);
                }
            }
            if (rebuilt || e.tooltip.isShowing()) e.tooltip.setText(tipFor(e));
        }
        Probe probe = vm.probeProperty().get();
        boolean probeFits = probe != null && probe.activations().length == layout.layerCount()
                && probe.activations()[layout.layerCount() - 2].length == layout.size(layout.layerCount() - 2);
        NeuronRef selected = vm.selectedNeuronProperty().get();
        for (int l = 0; l < nodes.length; l++) {
            Activation f = l == 0 ? null : l == nodes.length - 1 ? s.outputActivation() : s.hiddenActivation();
            for (Node n : nodes[l]) {
                double a = probeFits ? probe.activation(n.ref) : Double.NaN;
                String value = Numbers.brief(a);
                if (!value.equals(n.value.getText())) {
                    n.value.setText(value);
                    centre(n.value, 0, 0);
                }
                Color fill = shade(a, f);
                if (!fill.equals(n.circle.getFill())) n.circle.setFill(fill);
                Color textFill = brightness(a, f) > 0.55 ? Color.WHITE : DARK_TEXT;
                if (!textFill.equals(n.value.getFill())) n.value.setFill(textFill);
                String bias = biasText(n, s, grads, showGrad);
                if (!bias.equals(n.bias.getText())) {
                    n.bias.setText(bias);
                    centre(n.bias, 0, n.r + 14);
                }
                if (rebuilt || n.tooltip.isShowing()) n.tooltip.setText(tipFor(n));
                boolean sel = n.ref.equals(selected);
                if (sel != n.group.getStyleClass().contains("selected")) {
                    if (sel) n.group.getStyleClass().add("selected"); else n.group.getStyleClass().remove("selected");
                }
            }
        }
    }

    private static final Color DARK_TEXT = Color.web("#1f2937");
    private static final java.util.Map<Color, Color> DARKER = java.util.Map.of(
            POSITIVE, POSITIVE.darker(), NEGATIVE, NEGATIVE.darker(), GRAD_POSITIVE, GRAD_POSITIVE.darker(), GRAD_NEGATIVE, GRAD_NEGATIVE.darker());

    private static Color darker(Color c) { return DARKER.getOrDefault(c, c.darker()); }

    private static String labelText(double shown, boolean showGrad) {
        return showGrad ? "∂" + Numbers.brief(shown) : Numbers.brief(shown);
    }

    private String biasText(Node n, Snapshot s, double[] grads, boolean showGrad) {
        int l = n.ref.layer();
        if (l > 0) {
            int b = layout.biasIndex(l, n.ref.index());
            String text = "b=" + Numbers.brief(s.bias(b));
            return showGrad ? text + "  ∂" + Numbers.brief(grads[layout.weightCount() + b]) : text;
        }
        String feature = vm.dataset().featureNames().get(n.ref.index());
        return feature.equals(n.name.getText()) ? "" : feature;
    }

    /** The tooltip of an edge for the current snapshot: built when it is about to show (or shows), not per frame. */
    private String tipFor(Edge e) {
        Snapshot s = vm.snapshot();
        if (s == null || layout == null) return "";
        double[] grads = vm.gradientsProperty().get();
        boolean showGrad = grads != null && grads.length == layout.parameterCount();
        String name = layout.weightName(e.weight);
        return name + " = " + Numbers.full(s.weight(e.weight))
                + (showGrad ? "\ndL/d" + name + " (summed over the data) = " + Numbers.full(grads[e.weight]) : "")
                + "\n" + layout.neuronName(e.layer - 1, e.from) + " → " + layout.neuronName(e.layer, e.to)
                + "\nClick to type a new value";
    }

    /** The tooltip of a neuron for the current snapshot and probe. */
    private String tipFor(Node n) {
        Snapshot s = vm.snapshot();
        if (s == null || layout == null) return "";
        int l = n.ref.layer();
        Probe probe = vm.probeProperty().get();
        boolean probeFits = probe != null && probe.activations().length == layout.layerCount()
                && probe.activations()[layout.layerCount() - 2].length == layout.size(layout.layerCount() - 2);
        double a = probeFits ? probe.activation(n.ref) : Double.NaN;
        return layout.neuronName(l, n.ref.index()) + (l == 0 ? " (input: " + vm.dataset().featureNames().get(n.ref.index()) + ")" : "")
                + "\nactivation for the probe input = " + Numbers.full(a)
                + (l > 0 ? "\n" + n.bias.getText() + "\nClick to show its activation curve" : "");
    }

    /** 0..1 share of the activation's range, used for the fill (ReLU: 0..3 shows as 0..1). */
    private static double brightness(double a, Activation f) {
        if (Double.isNaN(a)) return 0;
        if (f == null) return Math.max(0, Math.min(1, 0.5 + a / 40)); // inputs: just a hint
        return f.range().fraction(a, 3);
    }

    private static Color shade(double a, Activation f) {
        if (f == null) return Color.web("#e5e7eb");
        return Color.web("#f8fafc").interpolate(Color.web("#1e3a8a"), Math.max(0, Math.min(1, brightness(a, f))));
    }

    // ---- Editing an edge ---------------------------------------------------------------------------

    private void openEditor(Edge e, double x, double y) {
        editingParameter = e.weight;
        Snapshot s = vm.snapshot();
        editorField.setText(Numbers.full(s.weight(e.weight)));
        editorError.setText("");
        ((Label) editor.getChildren().get(0)).setText("New value for " + layout.weightName(e.weight) + " (Enter sets, Esc cancels)");
        editor.setVisible(true);
        editor.autosize();
        double ex = Math.min(Math.max(4, x + 8), getWidth() - editor.prefWidth(-1) - 4);
        double ey = Math.min(Math.max(4, y + 8), getHeight() - editor.prefHeight(-1) - 4);
        editor.relocate(ex, ey);
        editorField.requestFocus();
        editorField.selectAll();
    }

    private void commitEditor() {
        if (editingParameter < 0) return;
        String error = vm.editParameter(editingParameter, editorField.getText());
        if (error != null) {
            editorError.setText(error);
            editor.autosize();
            return;
        }
        closeEditor();
    }

    private void closeEditor() {
        editingParameter = -1;
        editor.setVisible(false);
        editorError.setText("");
    }

    /** The tooltip text of an edge. */
    public String edgeTooltip(String name) {
        for (Edge e : edges) {
            if (!layout.weightName(e.weight).equals(name)) continue;
            e.tooltip.setText(tipFor(e));
            return e.tooltip.getText();
        }
        throw new IllegalArgumentException("no edge " + name);
    }

    /** Number of neurons drawn. */
    public int neuronCount() {
        int n = 0;
        for (Node[] layer : nodes) n += layer.length;
        return n;
    }

    /** Number of edges drawn. */
    public int edgeCount() { return edges.length; }
}
