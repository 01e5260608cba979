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
import lab.backprop.model.Activation;
import lab.backprop.model.Layout;
import lab.backprop.model.Snapshot;

/**
 * The network as a graph of shapes: one line per weight (colour = sign, width = size, number on it),
 * one circle per neuron (shade = activation for the probe input, bias below). Hover an edge for its
 * exact value, click it to type a new one, click a neuron to select it for the sigmoid plot.
 * Works for any layout; edge numbers are hidden between two layers with more than 16 edges (the
 * tooltip still has them).
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
        double x, y;

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
                    e.hit.setStroke(Color.TRANSPARENT);
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
        java.util.List<javafx.geometry.Bounds> placed = new java.util.ArrayList<>();
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
            javafx.geometry.Bounds box = null;
            for (double shift : new double[] { 0, 0.09, -0.09, 0.18, -0.18, 0.27 }) {
                double t = Math.max(0.15, Math.min(0.85, e.t + shift));
                double lx = a.x + (b.x - a.x) * t - lw / 2, ly = a.y + (b.y - a.y) * t - lh / 2;
                javafx.geometry.Bounds candidate = new javafx.geometry.BoundingBox(lx, ly, lw, lh);
                if (box == null) box = candidate;
                if (placed.stream().noneMatch(candidate::intersects)) {
                    box = candidate;
                    break;
                }
            }
            placed.add(box);
            e.label.relocate(box.getMinX(), box.getMinY());
        }
        if (editor.isVisible()) editor.autosize();
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
        if (!s.layout().equals(layout)) rebuild(s.layout());
        double[] grads = vm.gradientsProperty().get();
        boolean showGrad = grads != null && grads.length == layout.parameterCount();
        for (Edge e : edges) {
            double weight = s.weight(e.weight);
            double shown = showGrad ? grads[e.weight] : weight;
            Color colour = showGrad ? (shown >= 0 ? GRAD_POSITIVE : GRAD_NEGATIVE) : (shown >= 0 ? POSITIVE : NEGATIVE);
            double size = showGrad ? Math.log1p(Math.abs(shown) * 20) : Math.log1p(Math.abs(shown));
            e.line.setStroke(colour.deriveColor(0, 1, 1, 0.35 + 0.65 * Math.min(1, size / 2)));
            e.line.setStrokeWidth(Math.min(12, 1 + 2.4 * size));
            String name = layout.weightName(e.weight);
            e.label.setText(showGrad ? "∂" + Fmt.shortNum(shown) : Fmt.shortNum(shown));
            e.label.setTextFill(colour.darker());
            String tip = name + " = " + Fmt.full(weight)
                    + (showGrad ? "\ndL/d" + name + " (summed over the data) = " + Fmt.full(shown) : "")
                    + "\n" + layout.neuronName(e.layer - 1, e.from) + " → " + layout.neuronName(e.layer, e.to)
                    + "\nClick to type a new value";
            if (!tip.equals(e.tooltip.getText())) e.tooltip.setText(tip);
        }
        Probe probe = vm.probeProperty().get();
        boolean probeFits = probe != null && probe.activations().length == layout.layerCount()
                && probe.activations()[layout.layerCount() - 2].length == layout.size(layout.layerCount() - 2);
        NeuronRef selected = vm.selectedNeuronProperty().get();
        for (int l = 0; l < nodes.length; l++) {
            Activation f = l == 0 ? null : l == nodes.length - 1 ? s.outputActivation() : s.hiddenActivation();
            for (Node n : nodes[l]) {
                double a = probeFits ? probe.activation(n.ref) : Double.NaN;
                n.value.setText(Fmt.shortNum(a));
                n.circle.setFill(shade(a, f));
                n.value.setFill(brightness(a, f) > 0.55 ? Color.WHITE : Color.web("#1f2937"));
                if (l > 0) {
                    int b = layout.biasIndex(l, n.ref.index());
                    String text = "b=" + Fmt.shortNum(s.bias(b));
                    if (showGrad) text += "  ∂" + Fmt.shortNum(grads[layout.weightCount() + b]);
                    n.bias.setText(text);
                } else {
                    String feature = vm.dataset().featureNames().get(n.ref.index());
                    n.bias.setText(feature.equals(n.name.getText()) ? "" : feature);
                }
                String tip = layout.neuronName(l, n.ref.index()) + (l == 0 ? " (input: " + vm.dataset().featureNames().get(n.ref.index()) + ")" : "")
                        + "\nactivation for the probe input = " + Fmt.full(a)
                        + (l > 0 ? "\n" + n.bias.getText() + "\nClick to show its activation curve" : "");
                if (!tip.equals(n.tooltip.getText())) n.tooltip.setText(tip);
                boolean sel = n.ref.equals(selected);
                if (sel != n.group.getStyleClass().contains("selected")) {
                    if (sel) n.group.getStyleClass().add("selected"); else n.group.getStyleClass().remove("selected");
                }
            }
        }
        requestLayout();
    }

    /** 0..1 share of the activation's range, used for the fill. */
    private static double brightness(double a, Activation f) {
        if (Double.isNaN(a)) return 0;
        if (f == null) return Math.max(0, Math.min(1, 0.5 + a / 40)); // inputs: just a hint
        return switch (f) {
            case SIGMOID -> a;
            case TANH -> (a + 1) / 2;
            case RELU -> Math.min(1, a / 3);
        };
    }

    private static Color shade(double a, Activation f) {
        if (f == null) return Color.web("#e5e7eb");
        return Color.web("#f8fafc").interpolate(Color.web("#1e3a8a"), Math.max(0, Math.min(1, brightness(a, f))));
    }

    // ---- Editing an edge ---------------------------------------------------------------------------

    private void openEditor(Edge e, double x, double y) {
        editingParameter = e.weight;
        Snapshot s = vm.snapshot();
        editorField.setText(Fmt.full(s.weight(e.weight)));
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

    /** The text shown on the edge of weight {@code name} ("w1"); for tests and for other views. */
    public String edgeText(String name) {
        for (Edge e : edges) if (layout.weightName(e.weight).equals(name)) return e.label.getText();
        throw new IllegalArgumentException("no edge " + name);
    }

    /** The tooltip text of an edge. */
    public String edgeTooltip(String name) {
        for (Edge e : edges) if (layout.weightName(e.weight).equals(name)) return e.tooltip.getText();
        throw new IllegalArgumentException("no edge " + name);
    }

    /** Stroke width of an edge: grows with the size of the weight. */
    public double edgeWidth(String name) {
        for (Edge e : edges) if (layout.weightName(e.weight).equals(name)) return e.line.getStrokeWidth();
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
