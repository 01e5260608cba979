package lab.backprop.ui;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javafx.beans.binding.StringBinding;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Layout;
import lab.backprop.model.Snapshot;
import lab.backprop.support.Numbers;
import lab.backprop.ui.Palette.Key;

/**
 * The network drawn on one canvas: one line per weight (solid for +, dashed for −, wider for larger, its number on
 * it where there is room), one circle per neuron (shaded by its activation for the probe input, its value inside, its
 * name and bias beside it, for every neuron of every size of network). The input nodes show the network's input,
 * which is the typed value shifted ("133 − 135"). Hover a weight for its exact value, click it (or a bias) to type
 * a new one; click a neuron to select it. A parameter named by a divergence is marked until the next run.
 *
 * <p>The keyboard reaches all of it: Tab focuses the graph and a cursor (a ring in the stylesheet's focus colour, or
 * an edge drawn with a halo and its number) sits on the selected neuron. Up / Down move within a layer, or within
 * the column of edges between two layers (in the weights' order); Left / Right go from a neuron to an edge on that
 * side (back along the one it came by, else the one most nearly straight across) and from an edge to its source /
 * target neuron; Home / End go to the first / last of the layer or column. A hidden or output neuron reached is
 * selected, as by a click. Enter or F2 opens the editor for the weight or the neuron's bias; Enter there sets it,
 * Escape cancels, and the focus comes back to the graph on the same item. The accessible text starts with the
 * cursor's item while the graph has the focus.
 *
 * <p>Only invisible pick shapes are scene nodes (one circle per neuron, one box per bias: for the mouse, the keyboard
 * and tests); everything seen is drawn in one pass per frame, so a 2-8-8-8-1 network costs the renderer one texture,
 * not hundreds of shapes. Positions and label places are worked out only when the layout or the size changes.
 */
public final class NetworkGraphView extends Pane {
    private static final double RADIUS = 27;
    /** Between two layers with more edges than this, the numbers are left to the tooltip. */
    private static final int MAX_LABELLED_EDGES = 16;
    private static final double[] SHIFTS = { 0, 0.09, -0.09, 0.18, -0.18, 0.27 };

    private final LabViewModel vm;
    private final ResizableCanvas canvas = new ResizableCanvas(this::draw);
    private final FramePacer redraw = new FramePacer(FramePacer.GRAPH, this::draw);
    private final Group picks = new Group();
    private final VBox editor = new VBox(2);
    private final Label editorTitle = new Label();
    private final TextField editorField = new TextField();
    private final Label editorError = new Label();
    private final Tooltip edgeTip = new Tooltip();
    /** A word from the keyboard that is no edit (Enter on an input): shown beside the cursor until it moves. */
    private final Label note = new Label();
    private final StringBinding said;
    private final Map<String, String> shown = new HashMap<>(); // what each number says now, by id: weight-w1, bias-h1, activation-x1
    private int editingParameter = -1;
    private int hoveredEdge = -1;
    private String highlighted;
    /** The keyboard cursor: on {@link #cursorEdge} (a weight index) when that is 0 or more, else on this neuron. */
    private NeuronRef cursorNeuron;
    private int cursorEdge = -1;
    /** The edge the cursor came along onto its neuron (or -1): Left / Right from there go back along it. */
    private int cameAlong = -1;

    private Layout layout;
    private double[] nx = new double[0], ny = new double[0]; // neuron centres, by index among all neurons
    private double radius = RADIUS;
    private boolean compact;
    /** Per neuron: its name and bias go beside it (to the right), as its layer leaves no room above it. */
    private boolean[] beside = new boolean[0];
    private Edge[] edges = new Edge[0];

    /** One weight's place: its layer and ends, whether its number is drawn, and where. */
    private static final class Edge {
        final int weight, layer, from, to;
        boolean labelled, placed; // its layers are sparse enough for numbers; a free place was found for this one
        double t, labelX, labelY; // where along the line the number sits; its centre from the last layout

        Edge(int weight, int layer, int from, int to) {
            this.weight = weight;
            this.layer = layer;
            this.from = from;
            this.to = to;
        }
    }

    public NetworkGraphView(LabViewModel vm) {
        this.vm = vm;
        getStyleClass().add("network-graph");
        setMinSize(260, 180);
        editorField.setId("edgeEditor");
        editorField.setTooltip(new Tooltip("Type a new value and press Enter; Escape cancels"));
        editorField.setPrefColumnCount(8);
        editorError.setId("edgeEditorError");
        editorError.getStyleClass().add("error-text");
        editorError.setWrapText(true);
        editorError.setMaxWidth(240);
        editorError.managedProperty().bind(editorError.textProperty().isNotEmpty()); // no empty line under the field
        editorError.visibleProperty().bind(editorError.managedProperty());
        editor.getStyleClass().add("edge-editor");
        editor.getChildren().addAll(editorTitle, editorField, editorError);
        editor.setManaged(false);
        editor.setVisible(false);
        editorTitle.setLabelFor(editorField);
        editorField.setOnKeyPressed(e -> {
            if (e.getCode() != KeyCode.ESCAPE) return;
            closeEditor();
            requestFocus(); // back on the graph, the cursor on the item
            e.consume();
        });
        editorField.setOnAction(e -> commitEditor());
        note.setId("graphNote");
        note.getStyleClass().add("edge-editor");
        note.setWrapText(true);
        note.setMaxWidth(260);
        note.setManaged(false);
        note.setVisible(false);
        note.setMouseTransparent(true);
        editorField.focusedProperty().addListener((o, was, now) -> {
            if (!now && editor.isVisible() && editorError.getText().isEmpty()) closeEditor();
        });
        canvas.setManaged(false);
        canvas.setMouseTransparent(false);
        edgeTip.setShowDelay(Duration.millis(80));
        edgeTip.setHideDelay(Duration.millis(100));
        Tooltip.install(canvas, edgeTip);
        edgeTip.setOnShowing(e -> edgeTip.setText(hoveredEdge < 0 ? NO_EDGE_TIP : tipFor(edges[hoveredEdge])));
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(edgeAt(e.getX(), e.getY())));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(-1));
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            int edge = edgeAt(e.getX(), e.getY());
            if (edge >= 0 && e.getButton() == MouseButton.PRIMARY) openEditor(edges[edge].weight, e.getX(), e.getY());
        });
        getChildren().addAll(canvas, picks, editor, note);

        // The keyboard: focused by Tab or by a click anywhere on it (but in the editor); the plain arrows, Home, End,
        // Enter and F2 are the graph's (never a shortcut's, never a move of the focus); Space stays the window's.
        setFocusTraversable(true);
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (!(e.getTarget() instanceof javafx.scene.Node n && isInside(n, editor))) requestFocus();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        focusWithinProperty().addListener((o, was, now) -> {
            if (!now) hideNote();
            draw();
        });

        vm.snapshotProperty().addListener((o, a, b) -> refresh());
        // The probe and the gradients follow each snapshot: paced like it.
        vm.probeProperty().addListener((o, a, b) -> redraw.request());
        vm.gradientsProperty().addListener((o, a, b) -> redraw.request());
        vm.selectedNeuronProperty().addListener((o, a, b) -> {
            // A neuron selected elsewhere (a click, the sigmoid view, a new network): the cursor on a neuron follows.
            if (cursorEdge < 0 && b != null && layout != null && b.fits(layout) && !b.equals(cursorNeuron)) {
                cursorNeuron = b;
                cameAlong = -1;
                cursorMoved(); // draws
            } else {
                draw();
            }
        });
        vm.showNamesProperty().addListener((o, a, b) -> requestLayout());
        vm.traceDoneProperty().addListener((o, a, b) -> draw());
        vm.alertParameterProperty().addListener((o, a, b) -> { highlighted = b; draw(); });
        vm.stateProperty().addListener((o, a, b) -> {
            if (b == lab.backprop.train.RunState.RUNNING && highlighted != null) { highlighted = null; draw(); }
        });
        // For a screen reader: the graph in words, worked out when read (a new snapshot only marks it out of date).
        said = AccessibleSummary.bind(this, this::describe, vm.snapshotProperty(), vm.probeProperty(), vm.gradientsProperty(),
                vm.selectedNeuronProperty(), vm.alertParameterProperty(), focusWithinProperty());
        refresh();
    }

    /** At most this many weights (and as many biases) are named in {@link #describe()}; the rest are counted. */
    private static final int DESCRIBED_PARAMETERS = 48;

    /**
     * The graph in words, its accessible text: the architecture, the loss, every weight and bias as the edges show it
     * (with the neurons it joins), the gradients when shown, each neuron's activation for the predict input, the
     * selected neuron and the marks ("h1 flat"). While the graph (or its editor) has the focus, the keyboard cursor's
     * item comes first, so that a screen reader says it after each move.
     * "Network 2-2-1 (sigmoid), epoch 5, loss 0.095538. Weights: w1 = -1.203 (x1 to h1), ... Biases: b1 = ..."
     */
    public String describe() {
        Snapshot s = vm.snapshot();
        if (s == null || layout == null || !s.layout().equals(layout)) return "Network: none yet";
        redraw.flush(); // the badges of this snapshot
        StringBuilder sb = new StringBuilder();
        if (isFocusWithin()) sb.append("Keyboard cursor: ").append(keyboardDescription()).append(". ");
        sb.append("Network ").append(layout);
        if (layout.layerCount() > 2) sb.append(" (").append(s.hiddenActivation().label()).append(')');
        sb.append(", epoch ").append(s.epoch()).append(", loss ").append(Numbers.loss(s.loss()));
        if (!Double.isNaN(s.testLoss())) sb.append(", test loss ").append(Numbers.loss(s.testLoss()));
        java.util.List<String> weights = new java.util.ArrayList<>(), biases = new java.util.ArrayList<>();
        for (Edge e : edges) {
            if (weights.size() == DESCRIBED_PARAMETERS) break;
            weights.add(layout.weightName(e.weight) + " = " + Numbers.brief(s.weight(e.weight)) + " (" + layout.neuronName(e.layer - 1, e.from)
                    + " to " + layout.neuronName(e.layer, e.to) + ")");
        }
        for (int l = 1; l < layout.layerCount(); l++) {
            for (int j = 0; j < layout.size(l) && biases.size() < DESCRIBED_PARAMETERS; j++) {
                int b = layout.biasIndex(l, j);
                biases.add(layout.biasName(b) + " = " + Numbers.brief(s.bias(b)) + " (" + layout.neuronName(l, j) + ")");
            }
        }
        sb.append(". Weights: ").append(AccessibleSummary.list(weights, layout.weightCount()));
        sb.append(". Biases: ").append(AccessibleSummary.list(biases, layout.biasCount()));
        double[] grads = vm.gradientsProperty().get();
        if (grads != null && grads.length == layout.parameterCount()) {
            java.util.List<String> g = new java.util.ArrayList<>();
            for (int p = 0; p < Math.min(grads.length, DESCRIBED_PARAMETERS); p++) {
                g.add("dL/d" + (p < layout.weightCount() ? layout.weightName(p) : layout.biasName(p - layout.weightCount())) + " = " + Numbers.brief(grads[p]));
            }
            sb.append(". Gradients summed over the data: ").append(AccessibleSummary.list(g, grads.length));
        }
        Probe probe = vm.probeProperty().get();
        boolean probeFits = probe != null && probe.activations().length == layout.layerCount();
        for (int l = 1; probeFits && l < layout.layerCount(); l++) probeFits = probe.activations()[l].length == layout.size(l);
        if (probeFits) {
            java.util.List<String> a = new java.util.ArrayList<>();
            for (int l = 1; l < layout.layerCount(); l++) {
                for (int j = 0; j < layout.size(l) && a.size() < DESCRIBED_PARAMETERS; j++) a.add(layout.neuronName(l, j) + " " + neuronText(probe.activations()[l][j], false));
            }
            sb.append(". For the input in Predict: ").append(AccessibleSummary.list(a, layout.neuronCount() - layout.inputSize()));
        }
        NeuronRef selected = vm.selectedNeuronProperty().get();
        if (selected != null && selected.fits(layout)) sb.append(". Selected: ").append(selected.name(layout));
        java.util.List<String> trouble = new java.util.ArrayList<>();
        for (int l = 1; l < layout.layerCount() - 1; l++) {
            for (int j = 0; j < layout.size(l); j++) {
                String badge = shown.get("trouble-" + layout.neuronName(l, j));
                if (badge != null && !badge.isEmpty()) trouble.add(layout.neuronName(l, j) + " " + badge);
            }
        }
        if (!trouble.isEmpty()) sb.append(". Marked: ").append(String.join(", ", trouble));
        if (highlighted != null) sb.append(". Training blew up at ").append(highlighted);
        return sb.append('.').toString();
    }

    // ---- Building and layout -------------------------------------------------------------------------

    /** A new snapshot: a new shape is laid out at once, new values are drawn on the graph's next frame. */
    private void refresh() {
        Snapshot s = vm.snapshot();
        if (s == null) return;
        if (!s.layout().equals(layout)) {
            rebuild(s.layout());
            redraw.now();
        } else {
            redraw.request();
        }
    }

    private void rebuild(Layout newLayout) {
        closeEditor();
        hideNote();
        Layout old = layout;
        layout = newLayout;
        nx = new double[layout.neuronCount()];
        ny = new double[layout.neuronCount()];
        beside = new boolean[layout.neuronCount()];
        edges = new Edge[layout.weightCount()];
        for (int l = 1; l < layout.layerCount(); l++) {
            boolean labelled = layout.size(l) * layout.size(l - 1) <= MAX_LABELLED_EDGES;
            for (int j = 0; j < layout.size(l); j++) {
                for (int i = 0; i < layout.size(l - 1); i++) {
                    int w = layout.weightIndex(l, j, i);
                    Edge e = new Edge(w, l, i, j);
                    e.labelled = labelled;
                    // Numbers sit where the edges are most spread out: near the narrower layer's far side,
                    // staggered so that two edges leaving one neuron do not overlap.
                    boolean fanOut = layout.size(l) > layout.size(l - 1);
                    e.t = fanOut ? 0.72 - 0.12 * (i % 2) : 0.24 + 0.14 * (j % 2) + (layout.size(l - 1) == 1 ? 0.2 : 0);
                    edges[w] = e;
                }
            }
        }
        picks.getChildren().clear();
        for (int l = 0; l < layout.layerCount(); l++) {
            for (int j = 0; j < layout.size(l); j++) {
                NeuronRef ref = new NeuronRef(l, j);
                String name = layout.neuronName(l, j);
                Circle pick = new Circle(RADIUS);
                pick.setId("neuron-" + name);
                pick.getStyleClass().add(l == 0 ? "neuron-input" : "neuron");
                pick.setOpacity(0); // picked by the mouse, drawn by the canvas
                Tooltip tip = new Tooltip();
                tip.setShowDelay(Duration.millis(80));
                tip.setOnShowing(ev -> tip.setText(tipFor(ref)));
                Tooltip.install(pick, tip);
                if (l > 0) {
                    pick.setCursor(Cursor.HAND);
                    pick.setOnMouseClicked(ev -> placeCursor(ref, -1)); // selects it
                    Rectangle biasPick = new Rectangle(0, 0, 1, 1);
                    biasPick.setId("bias-" + name);
                    biasPick.setOpacity(0);
                    biasPick.setCursor(Cursor.TEXT);
                    Tooltip.install(biasPick, new Tooltip("Click to type a new bias for " + name));
                    int parameter = ref.biasParameter(layout);
                    biasPick.setOnMouseClicked(ev -> openEditor(parameter, biasPick.getX() + ev.getX(), biasPick.getY() + ev.getY()));
                    picks.getChildren().add(biasPick);
                }
                else pick.setOnMouseClicked(ev -> placeCursor(ref, -1));
                picks.getChildren().add(pick);
            }
        }
        keepCursor(old);
        requestLayout();
    }

    /**
     * After a new layout: the cursor stays on its neuron, or on the edge between the same two neurons, where the new
     * network has them; else it goes to the selected neuron.
     */
    private void keepCursor(Layout old) {
        if (cursorEdge >= 0 && old != null && cursorEdge < old.weightCount()) {
            int l = old.layerOfWeight(cursorEdge), to = (cursorEdge - old.weightOffset(l)) / old.size(l - 1);
            int from = cursorEdge - old.weightOffset(l) - to * old.size(l - 1);
            boolean fits = l < layout.layerCount() && to < layout.size(l) && from < layout.size(l - 1);
            cursorEdge = fits ? layout.weightIndex(l, to, from) : -1;
        } else {
            cursorEdge = -1;
        }
        if (cursorEdge < 0 && (cursorNeuron == null || !cursorNeuron.fits(layout))) {
            NeuronRef selected = vm.selectedNeuronProperty().get();
            cursorNeuron = selected != null && selected.fits(layout) ? selected : new NeuronRef(1, 0);
        }
        cameAlong = -1;
        said.invalidate();
    }

    @Override protected void layoutChildren() {
        canvas.resizeRelocate(0, 0, getWidth(), getHeight());
        if (layout == null) return;
        double w = getWidth(), h = getHeight();
        int layers = layout.layerCount();
        double left = 78, right = w - 60, top = 40, bottom = h - 44;
        double minGap = Double.MAX_VALUE;
        for (int l = 0; l < layers; l++) minGap = Math.min(minGap, Math.min(170, (bottom - top) / Math.max(1, layout.size(l))));
        compact = minGap < 60;
        radius = Math.max(11, Math.min(RADIUS, minGap * (compact ? 0.3 : 0.26)));
        for (int l = 0; l < layers; l++) {
            double x = layers == 1 ? w / 2 : left + (right - left) * l / (layers - 1);
            int n = layout.size(l);
            double gap = Math.min(170, (bottom - top) / Math.max(1, n));
            double y0 = (top + bottom) / 2 - gap * (n - 1) / 2;
            for (int j = 0; j < n; j++) {
                int k = layout.neuronIndex(l, j);
                beside[k] = compact && l > 0 && gap < 2 * radius + 16;
                nx[k] = x;
                ny[k] = y0 + gap * j;
            }
        }
        for (javafx.scene.Node p : picks.getChildren()) {
            String id = p.getId();
            int k = neuronIndexOf(id.substring(id.indexOf('-') + 1));
            if (p instanceof Circle c) {
                c.setRadius(radius);
                c.setCenterX(nx[k]);
                c.setCenterY(ny[k]);
            } else if (p instanceof Rectangle r) {
                double[] box = biasBox(k);
                r.setX(box[0]);
                r.setY(box[1]);
                r.setWidth(box[2]);
                r.setHeight(box[3]);
            }
        }
        placeLabels();
        if (editor.isVisible()) editor.autosize();
        if (note.isVisible()) placeNote();
        draw();
    }

    private int neuronIndexOf(String name) {
        NeuronRef n = NeuronRef.named(layout, name);
        if (n == null) throw new IllegalArgumentException("no neuron " + name);
        return layout.neuronIndex(n.layer(), n.index());
    }

    /** Where a neuron's bias text sits: below it, or (crowded) above it beside its name. x, y, width, height. */
    private double[] biasBox(int k) {
        if (k < beside.length && beside[k]) return new double[] { nx[k] + radius + 2, ny[k] - 7, 84, 14 };
        return compact ? new double[] { nx[k] - 44, ny[k] - radius - 15, 88, 13 } : new double[] { nx[k] - 40, ny[k] + radius + 4, 80, 16 };
    }

    /**
     * Slides each number along its edge until it covers neither a number placed before (crossing edges), nor a
     * neuron, nor a neuron's name or bias; a number that finds no free place is left to the edge's tooltip rather
     * than drawn over another (a 2-8 fan has 16 edges close together).
     */
    private void placeLabels() {
        int neurons = nx.length;
        double[] placed = new double[4 * (edges.length + 3 * neurons)];
        int count = 0;
        for (int k = 0; k < neurons; k++) { // the neurons and their captions are in the way
            double r = radius + 2;
            count = put(placed, count, nx[k] - r, ny[k] - r, 2 * r, 2 * r);
            double[] caption = biasBox(k);
            count = put(placed, count, caption[0], caption[1], caption[2], caption[3]);
            if (!compact) count = put(placed, count, nx[k] - 20, ny[k] - radius - 19, 40, 16); // the name above
        }
        double lw = vm.showNamesProperty().get() ? 66 : 46, lh = 16;
        for (Edge e : edges) {
            e.placed = false;
            if (!e.labelled) continue;
            int a = layout.neuronIndex(e.layer - 1, e.from), b = layout.neuronIndex(e.layer, e.to);
            for (double shift : SHIFTS) {
                double t = Math.max(0.15, Math.min(0.85, e.t + shift));
                double lx = nx[a] + (nx[b] - nx[a]) * t - lw / 2, ly = ny[a] + (ny[b] - ny[a]) * t - lh / 2;
                if (!overlaps(placed, count, lx, ly, lw, lh)) {
                    count = put(placed, count, lx, ly, lw, lh);
                    e.placed = true;
                    e.labelX = lx + lw / 2;
                    e.labelY = ly + lh / 2;
                    break;
                }
            }
        }
    }

    private static int put(double[] boxes, int count, double x, double y, double w, double h) {
        boxes[4 * count] = x;
        boxes[4 * count + 1] = y;
        boxes[4 * count + 2] = w;
        boxes[4 * count + 3] = h;
        return count + 1;
    }

    /** Whether box (x, y, w, h) intersects one of the first {@code count} boxes in {@code placed} (x, y, w, h each). */
    private static boolean overlaps(double[] placed, int count, double x, double y, double w, double h) {
        for (int k = 0; k < count; k++) {
            double px = placed[4 * k], py = placed[4 * k + 1], pw = placed[4 * k + 2], ph = placed[4 * k + 3];
            if (x <= px + pw && x + w >= px && y <= py + ph && y + h >= py) return true;
        }
        return false;
    }

    // ---- Drawing ---------------------------------------------------------------------------------

    private void draw() {
        Snapshot s = vm.snapshot();
        if (s == null || layout == null || !s.layout().equals(layout) || nx.length == 0) return;
        GraphicsContext g = canvas.graphics();
        g.clearRect(0, 0, canvas.width(), canvas.height());
        Palette pal = Palette.current();
        double[] grads = vm.gradientsProperty().get();
        boolean showGrad = grads != null && grads.length == layout.parameterCount();
        Font labelFont = Font.font(null, FontWeight.BOLD, 11.5);
        boolean cursorShown = isFocusWithin() && cursorFits();
        if (cursorShown && cursorEdge >= 0) drawEdgeHalo(g, s, pal, grads, showGrad);
        drawEdges(g, s, pal, grads, showGrad);
        g.setLineDashes((double[]) null);
        drawGradientFlow(g, pal, showGrad ? grads : null);
        g.setFont(labelFont);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (Edge e : edges) {
            double value = showGrad ? grads[e.weight] : s.weight(e.weight);
            String text = (vm.showNamesProperty().get() ? layout.weightName(e.weight) + " " : "") + (showGrad ? "∂" : "") + Numbers.brief(value);
            shown.put("weight-" + layout.weightName(e.weight), text);
            if (!e.placed) continue;
            double tw = textWidth(text, labelFont) + 6;
            g.setFill(pal.get(Key.PLOT_BACKGROUND).deriveColor(0, 1, 1, 0.9));
            g.fillRoundRect(e.labelX - tw / 2, e.labelY - 8, tw, 16, 6, 6);
            g.setFill(pal.get(value >= 0 ? Key.WEIGHT_POSITIVE_TEXT : Key.WEIGHT_NEGATIVE_TEXT));
            g.fillText(text, e.labelX, e.labelY);
        }
        if (cursorShown && cursorEdge < 0) drawCursor(g, s, pal, grads, showGrad, labelFont); // under the names and badges
        drawNeurons(g, s, pal, grads, showGrad);
        drawTrouble(g, s, pal);
        drawTrace(g, pal);
        if (cursorShown && cursorEdge >= 0) drawCursor(g, s, pal, grads, showGrad, labelFont); // over everything
    }

    /** Under the edges: a wide band in the focus colour along the cursor's edge (the edge itself stays as it is). */
    private void drawEdgeHalo(GraphicsContext g, Snapshot s, Palette pal, double[] grads, boolean showGrad) {
        Edge e = edges[cursorEdge];
        double value = showGrad ? grads[e.weight] : s.weight(e.weight);
        double size = showGrad ? Math.log1p(Math.abs(value) * 20) : Math.log1p(Math.abs(value));
        double width = Double.isNaN(value) ? 1 : Math.min(10, 1 + 2.4 * size);
        int a = layout.neuronIndex(e.layer - 1, e.from), b = layout.neuronIndex(e.layer, e.to);
        g.setLineDashes((double[]) null);
        g.setStroke(pal.get(Key.FOCUS).deriveColor(0, 1, 1, 0.35));
        g.setLineWidth(width + 10);
        g.strokeLine(nx[a], ny[a], nx[b], ny[b]);
        g.setStroke(pal.get(Key.FOCUS));
        g.setLineWidth(1.5); // its outline: the band reads as a band on any ground
        double dx = nx[b] - nx[a], dy = ny[b] - ny[a], len = Math.hypot(dx, dy), off = (width + 10) / 2;
        if (len == 0) return;
        double ox = -dy / len * off, oy = dx / len * off;
        g.strokeLine(nx[a] + ox, ny[a] + oy, nx[b] + ox, ny[b] + oy);
        g.strokeLine(nx[a] - ox, ny[a] - oy, nx[b] - ox, ny[b] - oy);
    }

    /**
     * The keyboard cursor. On a neuron, a ring in the focus colour outside the selection's ring (drawn before the
     * neurons, so that their names and badges stay on top); on an edge, its name and number on a plate framed in the
     * focus colour, over everything (also where the edges are too many for numbers).
     */
    private void drawCursor(GraphicsContext g, Snapshot s, Palette pal, double[] grads, boolean showGrad, Font labelFont) {
        Color focus = pal.get(Key.FOCUS);
        g.setLineDashes((double[]) null);
        if (cursorEdge < 0) {
            int k = layout.neuronIndex(cursorNeuron.layer(), cursorNeuron.index());
            double r = radius + 5.5;
            g.setStroke(pal.get(Key.PLOT_BACKGROUND));
            g.setLineWidth(5);
            g.strokeOval(nx[k] - r, ny[k] - r, 2 * r, 2 * r);
            g.setStroke(focus);
            g.setLineWidth(3);
            g.strokeOval(nx[k] - r, ny[k] - r, 2 * r, 2 * r);
            return;
        }
        Edge e = edges[cursorEdge];
        double value = showGrad ? grads[e.weight] : s.weight(e.weight);
        String text = layout.weightName(e.weight) + " " + (showGrad ? "∂" : "") + Numbers.brief(value);
        Point2D at = edgePointOf(e);
        double tw = textWidth(text, labelFont) + 10, th = 18;
        double x = Math.max(2, Math.min(at.getX() - tw / 2, getWidth() - tw - 2)), y = at.getY() - th / 2;
        g.setFill(pal.get(Key.PLOT_BACKGROUND));
        g.fillRoundRect(x, y, tw, th, 6, 6);
        g.setStroke(focus);
        g.setLineWidth(2);
        g.strokeRoundRect(x, y, tw, th, 6, 6);
        g.setFont(labelFont);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(pal.get(value >= 0 ? Key.WEIGHT_POSITIVE_TEXT : Key.WEIGHT_NEGATIVE_TEXT));
        g.fillText(text, x + tw / 2, at.getY());
    }

    /** At most this many samples are checked for saturated or dead neurons per drawing (big own data: the first ones). */
    private static final int HEALTH_SAMPLES = 1000;
    private lab.backprop.model.NeuronHealth health;
    private lab.backprop.data.Dataset healthData;
    private double[][] healthInputs;
    private Snapshot healthOf;

    /** A badge on each saturated ("flat") or dead-ReLU ("dead") hidden neuron; its tooltip says why. */
    private void drawTrouble(GraphicsContext g, Snapshot s, Palette pal) {
        if (healthData != vm.dataset()) { // the inputs once per data set, not per frame
            healthData = vm.dataset();
            double[][] all = healthData.inputs();
            healthInputs = all.length > HEALTH_SAMPLES ? java.util.Arrays.copyOf(all, HEALTH_SAMPLES) : all;
            healthOf = null;
        }
        double[][] in = healthInputs;
        if (in.length == 0) { health = null; return; }
        if (healthOf != s) { // once per snapshot: redraws for a selection, a hover or a step-through move reuse it
            health = lab.backprop.model.NeuronHealth.of(s.toNetwork(), in);
            healthOf = s;
        }
        g.setFont(Font.font(null, FontWeight.BOLD, 10));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int l = 1; l < layout.layerCount() - 1; l++) {
            for (int j = 0; j < layout.size(l); j++) {
                lab.backprop.model.NeuronHealth.Trouble t = health.trouble(l, j);
                String badge = t == lab.backprop.model.NeuronHealth.Trouble.SATURATED ? "flat" : t == lab.backprop.model.NeuronHealth.Trouble.DEAD ? "dead" : null;
                shown.put("trouble-" + layout.neuronName(l, j), badge == null ? "" : badge);
                if (badge == null) continue;
                int k = layout.neuronIndex(l, j);
                double bx = nx[k] - radius * 0.8, by = ny[k] - radius * 0.8;
                g.setFill(pal.get(Key.MARK));
                if (compact) { // no room for a word: a dot with a ring, the tooltip says which and why
                    g.fillOval(bx - 5, by - 5, 10, 10);
                    g.setStroke(pal.get(Key.PLOT_BACKGROUND));
                    g.setLineWidth(1.5);
                    g.strokeOval(bx - 5, by - 5, 10, 10);
                    continue;
                }
                g.fillRoundRect(bx - 14, by - 7, 28, 14, 7, 7);
                g.setFill(pal.get(Key.PLOT_BACKGROUND));
                g.fillText(badge, bx, by);
            }
        }
    }

    /** The badge on a hidden neuron ("flat", "dead") or "" when it passes gradients. */
    public String troubleBadge(String neuron) { return drawn("trouble-" + neuron); }

    /**
     * The step-through on the graph: what the current computation reads (dashed rings) and writes (a thick ring, or
     * the edge of the weight it updates), and beside each neuron its values so far, forward (z, a) in the text colour
     * and backward (δ) in the mark colour.
     */
    private void drawTrace(GraphicsContext g, Palette pal) {
        java.util.List<lab.backprop.model.StepTrace.Computation> done = vm.traceDoneProperty().get();
        shown.remove("trace-current");
        if (done == null || done.isEmpty()) return;
        lab.backprop.model.StepTrace.Computation now = done.get(done.size() - 1);
        int n = nx.length;
        String[] forward = new String[n], backward = new String[n];
        for (lab.backprop.model.StepTrace.Computation c : done) {
            if (c.neuron() < 0 || c.neuron() >= n) continue;
            switch (c.kind()) {
                case SUM -> forward[c.neuron()] = "z " + Numbers.brief(c.value());
                case ACTIVATION -> forward[c.neuron()] = forward[c.neuron()] + "  a " + Numbers.brief(c.value());
                case DELTA -> backward[c.neuron()] = "δ " + Numbers.brief(c.value());
                default -> { }
            }
        }
        Font tag = Font.font(null, FontWeight.BOLD, 10.5);
        g.setFont(tag);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        // Crowded layers have no room under each neuron: there only the neurons the computation reads or writes get
        // their values, beside them (over their caption); roomy ones keep every value so far under each neuron.
        boolean[] involved = new boolean[n];
        for (int k : now.reads()) if (k >= 0 && k < n) involved[k] = true;
        if (now.neuron() >= 0 && now.neuron() < n) involved[now.neuron()] = true;
        for (int k = 0; k < n; k++) {
            if (compact && !involved[k]) continue;
            double x = compact ? nx[k] + radius + 4 : nx[k] - radius, y = compact ? ny[k] - 7 : ny[k] + radius + 30;
            if (forward[k] != null) plate(g, pal, forward[k], x, y, pal.get(Key.TEXT));
            if (backward[k] != null) plate(g, pal, backward[k], x, y + 14, pal.get(Key.MARK));
        }
        g.setLineDashes(4, 3);
        g.setStroke(pal.get(Key.MARK));
        g.setLineWidth(2);
        for (int k : now.reads()) {
            if (k >= 0 && k < n && k != now.neuron()) g.strokeOval(nx[k] - radius - 4, ny[k] - radius - 4, 2 * radius + 8, 2 * radius + 8);
        }
        g.setLineDashes((double[]) null);
        if (now.neuron() >= 0 && now.neuron() < n) {
            g.setLineWidth(4);
            g.strokeOval(nx[now.neuron()] - radius - 6, ny[now.neuron()] - radius - 6, 2 * radius + 12, 2 * radius + 12);
        }
        if (now.parameter() >= 0 && now.parameter() < layout.weightCount()) {
            for (Edge e : edges) {
                if (e.weight != now.parameter()) continue;
                int a = layout.neuronIndex(e.layer - 1, e.from), b = layout.neuronIndex(e.layer, e.to);
                g.setStroke(pal.get(Key.MARK).deriveColor(0, 1, 1, 0.5));
                g.setLineWidth(8);
                g.strokeLine(nx[a], ny[a], nx[b], ny[b]);
            }
        }
        shown.put("trace-current", now.equation());
        g.setTextAlign(TextAlignment.CENTER);
    }

    private void plate(GraphicsContext g, Palette pal, String text, double x, double y, javafx.scene.paint.Color colour) {
        double tw = textWidth(text, g.getFont()) + 6;
        x = Math.max(3, Math.min(x, getWidth() - tw)); // inside the graph
        g.setFill(pal.get(Key.PLOT_BACKGROUND).deriveColor(0, 1, 1, 0.9));
        g.fillRoundRect(x - 3, y - 7, tw, 14, 4, 4);
        g.setFill(colour);
        g.fillText(text, x, y);
    }

    /** The equation of the step-through's current computation, as the graph shows it highlighted, or null. */
    public String traceCurrent() { return shown.get("trace-current"); }

    /**
     * The edges, grouped by how they look: one path per sign and width step (the alpha follows the width), because the
     * software renderer pays per stroke far more than per pixel; 152 strokes for 2-8-8-8-1 become a dozen or so.
     */
    private void drawEdges(GraphicsContext g, Snapshot s, Palette pal, double[] grads, boolean showGrad) {
        int n = edges.length;
        if (edgeStyle.length != n) edgeStyle = new long[n];
        for (int i = 0; i < n; i++) {
            Edge e = edges[i];
            double value = showGrad ? grads[e.weight] : s.weight(e.weight);
            double size = showGrad ? Math.log1p(Math.abs(value) * 20) : Math.log1p(Math.abs(value));
            long step = Math.round(Math.min(10, 1 + 2.4 * size) * 4); // quarter-pixel widths
            if (Double.isNaN(value)) step = 4;
            edgeStyle[i] = (value >= 0 ? 0 : 1L << 40) | (step << 20) | i; // sign, width, then the edge
            if (layout.weightName(e.weight).equals(highlighted)) {
                int a = layout.neuronIndex(e.layer - 1, e.from), b = layout.neuronIndex(e.layer, e.to);
                g.setStroke(pal.get(Key.MARK).deriveColor(0, 1, 1, 0.45));
                g.setLineWidth(step / 4.0 + 10);
                g.setLineDashes((double[]) null);
                g.strokeLine(nx[a], ny[a], nx[b], ny[b]);
            }
        }
        java.util.Arrays.sort(edgeStyle);
        int i = 0;
        while (i < n) {
            long style = edgeStyle[i] >>> 20;
            boolean negative = (style >>> 20) != 0;
            double width = (style & 0xFFFFF) / 4.0;
            double size = (width - 1) / 2.4;
            Color c = pal.get(negative ? Key.WEIGHT_NEGATIVE : Key.WEIGHT_POSITIVE);
            g.setStroke(c.deriveColor(0, 1, 1, Math.round(255 * (0.4 + 0.6 * Math.min(1, size / 2))) / 255.0));
            g.setLineWidth(width);
            if (negative) g.setLineDashes(Math.max(6, 2 * width), Math.max(4, 1.4 * width)); else g.setLineDashes((double[]) null);
            g.beginPath();
            for (; i < n && edgeStyle[i] >>> 20 == style; i++) {
                Edge e = edges[(int) (edgeStyle[i] & 0xFFFFF)];
                int a = layout.neuronIndex(e.layer - 1, e.from), b = layout.neuronIndex(e.layer, e.to);
                g.moveTo(nx[a], ny[a]);
                g.lineTo(nx[b], ny[b]);
            }
            g.stroke();
        }
    }

    private long[] edgeStyle = new long[0];

    /** Time for a gradient pulse to travel one edge, output end to input end. */
    private static final long FLOW_PERIOD_NANOS = 1_200_000_000L;
    private final Map<String, Double> flow = new java.util.LinkedHashMap<>();

    /**
     * While training with the gradients shown: two pulses travel backward along every edge (from the neuron the
     * error comes from to the one it goes to), each as big as the edge's |dL/dw| against the largest on the graph,
     * so one sees where learning happens. Drawn with the graph's paced frames; edges with under 2 % of the largest
     * gradient carry none.
     */
    private void drawGradientFlow(GraphicsContext g, Palette pal, double[] grads) {
        flow.clear();
        if (grads == null || vm.state() != lab.backprop.train.RunState.RUNNING) return;
        double max = 0;
        for (Edge e : edges) if (Double.isFinite(grads[e.weight])) max = Math.max(max, Math.abs(grads[e.weight]));
        if (!(max > 0)) return;
        double phase = (System.nanoTime() % FLOW_PERIOD_NANOS) / (double) FLOW_PERIOD_NANOS;
        g.setFill(pal.get(Key.MARK).deriveColor(0, 1, 1, 0.85));
        for (Edge e : edges) {
            double rel = Math.abs(grads[e.weight]) / max;
            if (!(rel >= 0.02)) continue;
            double r = 1.5 + 4 * Math.sqrt(rel);
            flow.put(layout.weightName(e.weight), r);
            int a = layout.neuronIndex(e.layer - 1, e.from), b = layout.neuronIndex(e.layer, e.to);
            for (int k = 0; k < 2; k++) {
                double t = (phase + 0.5 * k) % 1.0;
                double x = nx[b] + (nx[a] - nx[b]) * t, y = ny[b] + (ny[a] - ny[b]) * t;
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
            }
        }
        if (!flow.isEmpty()) redraw.request(); // the pulses move on at the graph's pace, also between slow epochs
    }

    /** The gradient pulses of the last drawing: their radius per weight name (empty unless training with gradients shown). */
    public Map<String, Double> gradientFlow() { return Map.copyOf(flow); }

    private void drawNeurons(GraphicsContext g, Snapshot s, Palette pal, double[] grads, boolean showGrad) {
        Probe probe = vm.probeProperty().get();
        boolean probeFits = probe != null && probe.activations().length == layout.layerCount()
                && probe.activations()[layout.layerCount() - 2].length == layout.size(layout.layerCount() - 2);
        NeuronRef selected = vm.selectedNeuronProperty().get();
        Font value = Font.font(null, FontWeight.BOLD, compact ? Math.max(8.5, radius * 0.62) : radius < 22 ? 10.5 : 12);
        Font name = Font.font(null, FontWeight.BOLD, compact ? 10.5 : 12.5);
        Font small = Font.font(compact ? 10 : 11);
        Dataset data = vm.dataset();
        for (int l = 0; l < layout.layerCount(); l++) {
            Activation f = l == 0 ? null : l == layout.layerCount() - 1 ? s.outputActivation() : s.hiddenActivation();
            for (int j = 0; j < layout.size(l); j++) {
                int k = layout.neuronIndex(l, j);
                String neuron = layout.neuronName(l, j);
                double x = nx[k], y = ny[k];
                double a = probeFits ? probe.activations()[l][j] : Double.NaN;
                Color fill = l == 0 ? pal.get(Key.NEURON_INPUT)
                        : pal.get(Key.NEURON_LOW).interpolate(pal.get(Key.NEURON_HIGH), Double.isNaN(a) ? 0 : f.range().fraction(a, 3));
                g.setFill(fill);
                g.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
                boolean sel = new NeuronRef(l, j).equals(selected);
                g.setStroke(sel ? pal.get(Key.SELECTION) : pal.get(Key.NEURON_OUTLINE));
                g.setLineWidth(sel ? 4 : 1.5);
                if (l == 0) g.setLineDashes(4, 3);
                g.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
                g.setLineDashes((double[]) null);
                if (l > 0 && layout.biasName(layout.biasIndex(l, j)).equals(highlighted)) {
                    g.setStroke(pal.get(Key.MARK));
                    g.setLineWidth(3);
                    g.strokeOval(x - radius - 5, y - radius - 5, 2 * radius + 10, 2 * radius + 10);
                }
                String v = neuronText(a, compact);
                shown.put("activation-" + neuron, v);
                g.setFont(value);
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                g.setFill(pal.textOn(fill)); // light on a dark shade, dark on a light one, in either theme
                g.fillText(v, x, y);
                g.setFill(pal.get(Key.TEXT));
                if (l == 0) {
                    drawInputCaption(g, data, probe, probeFits, j, x, y, name, small, pal);
                    continue;
                }
                int b = layout.biasIndex(l, j);
                String bias = (vm.showNamesProperty().get() ? layout.biasName(b) : "b") + "=" + Numbers.brief(s.bias(b)) + (showGrad ? "  ∂" + Numbers.brief(grads[layout.weightCount() + b]) : "");
                shown.put("bias-" + neuron, bias);
                if (beside[layout.neuronIndex(l, j)]) {
                    // No room above in a crowded layer: beside the neuron, on a plate over the edges leaving it.
                    String caption = neuron + "  " + bias;
                    double tw = textWidth(caption, small) + 4;
                    g.setFill(pal.get(Key.PLOT_BACKGROUND).deriveColor(0, 1, 1, 0.85));
                    g.fillRoundRect(x + radius + 2, y - 7, tw, 14, 4, 4);
                    g.setFill(pal.get(Key.TEXT));
                    g.setFont(small);
                    g.setTextAlign(TextAlignment.LEFT);
                    g.setTextBaseline(VPos.CENTER);
                    g.fillText(caption, x + radius + 4, y);
                    g.setTextAlign(TextAlignment.CENTER);
                } else if (compact) {
                    // On a plate: between crowded layers edges cross the caption.
                    String caption = neuron + "  " + bias;
                    double tw = textWidth(caption, small) + 4;
                    g.setFill(pal.get(Key.PLOT_BACKGROUND).deriveColor(0, 1, 1, 0.85));
                    g.fillRoundRect(x - tw / 2, y - radius - 15, tw, 13, 4, 4);
                    g.setFill(pal.get(Key.TEXT));
                    g.setFont(small);
                    g.setTextBaseline(VPos.BOTTOM);
                    g.fillText(caption, x, y - radius - 2);
                } else {
                    g.setFont(name);
                    g.setTextBaseline(VPos.BOTTOM);
                    g.fillText(neuron, x, y - radius - 3);
                    g.setFont(small);
                    g.setFill(pal.get(Key.MUTED_TEXT));
                    g.setTextBaseline(VPos.TOP);
                    g.fillText(bias, x, y + radius + 5);
                }
            }
        }
    }

    /** Under an input: its name and, for shifted data, the typed value and the shift ("133 − 135"). */
    private void drawInputCaption(GraphicsContext g, Dataset data, Probe probe, boolean probeFits, int j, double x, double y,
                                  Font name, Font small, Palette pal) {
        String neuron = layout.neuronName(0, j);
        g.setFont(name);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(neuron, x, y - radius - 3);
        g.setFont(small);
        g.setFill(pal.get(Key.MUTED_TEXT));
        g.setTextBaseline(VPos.TOP);
        boolean featured = data.features() != null && !data.features().equals(lab.backprop.data.Feature.PLAIN);
        String feature = j < data.inputCount() ? data.inputNames().get(j) : "";
        double shift = !featured && j < data.featureCount() ? data.shift()[j] : 0;
        String caption = feature.equals(neuron) ? "" : feature;
        double scale = !featured && j < data.featureCount() ? data.scale()[j] : 1;
        if ((shift != 0 || scale != 1) && probeFits) { // "133 − 135", or standardised "(57697 − 59998) ÷ 9041"
            String moved = Numbers.trimmed(probe.raw()[j], 5) + (shift == 0 ? "" : (shift < 0 ? " − " : " + ") + Numbers.trimmed(Math.abs(shift), 5));
            caption = (caption.isEmpty() ? "" : caption + "\n") + (scale == 1 ? moved : "(" + moved + ") ÷ " + Numbers.trimmed(1 / scale, 4));
        }
        shown.put("input-" + neuron, caption);
        g.setTextAlign(TextAlignment.CENTER);
        if (!caption.isEmpty()) { // on a plate: the edges leave from here
            double tw = 0;
            String[] lines = caption.split("\n");
            for (String line : lines) tw = Math.max(tw, textWidth(line, small));
            double cx = Math.max(x, 40);
            g.setFill(pal.get(Key.PLOT_BACKGROUND).deriveColor(0, 1, 1, 0.85));
            g.fillRoundRect(cx - tw / 2 - 2, y + radius + 3, tw + 4, lines.length * (small.getSize() * 1.25) + 2, 4, 4);
            g.setFill(pal.get(Key.MUTED_TEXT));
        }
        g.fillText(caption, Math.max(x, 40), y + radius + 4);
    }

    /** A neuron's value in its circle: three decimals (two when crowded), never an exponent that spills out. */
    static String neuronText(double a, boolean compact) {
        if (Double.isNaN(a)) return "-";
        double m = Math.abs(a);
        if (m < (compact ? 0.005 : 0.0005)) return compact ? "0.00" : "0.000";
        if (m < 10) return String.format(Locale.ROOT, compact ? "%.2f" : "%.3f", a);
        if (m < 1000) return String.format(Locale.ROOT, "%.1f", a);
        if (m < 1e6) return String.format(Locale.ROOT, "%.0f", a);
        return String.format(Locale.ROOT, "%.0e", a);
    }

    private final Map<String, Double> widths = new HashMap<>();

    private double textWidth(String s, Font f) {
        if (widths.size() > 2000) widths.clear();
        return widths.computeIfAbsent(f.getSize() + "|" + s, key -> {
            Text t = new Text(s);
            t.setFont(f);
            return t.getLayoutBounds().getWidth();
        });
    }

    // ---- The mouse over the lines ---------------------------------------------------------------

    private static final String NO_EDGE_TIP = "Hover a line for its weight. Keyboard: Tab to the graph, arrows move, Enter edits";

    /** The weight whose line passes within a few pixels of (x, y), the nearest, or -1. */
    private int edgeAt(double x, double y) {
        if (layout == null) return -1;
        int best = -1;
        double bestD = 7;
        for (int n = 0; n < nx.length; n++) if (Math.hypot(nx[n] - x, ny[n] - y) <= radius) return -1; // a neuron is on top
        for (Edge e : edges) {
            int a = layout.neuronIndex(e.layer - 1, e.from), b = layout.neuronIndex(e.layer, e.to);
            double d = distanceToSegment(x, y, nx[a], ny[a], nx[b], ny[b]);
            if (e.placed && Math.abs(x - e.labelX) < 24 && Math.abs(y - e.labelY) < 9) d = 0;
            if (d < bestD) {
                bestD = d;
                best = e.weight;
            }
        }
        return best;
    }

    private static double distanceToSegment(double x, double y, double x1, double y1, double x2, double y2) {
        double dx = x2 - x1, dy = y2 - y1, len = dx * dx + dy * dy;
        double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len));
        return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
    }

    private void hover(int edge) {
        if (edge == hoveredEdge) return;
        hoveredEdge = edge;
        canvas.setCursor(edge >= 0 ? Cursor.HAND : Cursor.DEFAULT);
        edgeTip.setText(edge < 0 ? NO_EDGE_TIP : tipFor(edges[edge]));
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
    private String tipFor(NeuronRef n) {
        Snapshot s = vm.snapshot();
        if (s == null || layout == null || !n.fits(layout)) return "";
        int l = n.layer();
        Probe probe = vm.probeProperty().get();
        boolean probeFits = probe != null && probe.activations().length == layout.layerCount()
                && probe.activations()[layout.layerCount() - 2].length == layout.size(layout.layerCount() - 2);
        double a = probeFits ? probe.activation(n) : Double.NaN;
        String name = layout.neuronName(l, n.index());
        return name + (l == 0 ? " (input: " + vm.dataset().inputNames().get(n.index()) + ", shifted as the network sees it)" : "")
                + "\nactivation for the probe input = " + Numbers.full(a)
                + (l > 0 ? "\nbias " + layout.biasName(layout.biasIndex(l, n.index())) + " = " + Numbers.full(s.bias(layout.biasIndex(l, n.index())))
                        + "\nClick to show its activation curve; click the bias to type a new one" : "")
                + (health != null && l > 0 && health.why(l, n.index()) != null ? "\n" + health.why(l, n.index()) : "");
    }

    // ---- Editing a weight or a bias ----------------------------------------------------------------

    private void openEditor(int parameter, double x, double y) {
        hideNote();
        editingParameter = parameter;
        Snapshot s = vm.snapshot();
        int w = layout.weightCount();
        // The cursor goes to what is edited (a click too), so that it is there when the focus comes back.
        if (parameter < w) {
            if (cursorEdge != parameter) placeCursor(parameter);
        } else {
            int k = layout.neuronOfBias(parameter - w), l = layout.layerOfBias(parameter - w);
            NeuronRef n = new NeuronRef(l, k - layout.neuronIndex(l, 0));
            if (cursorEdge >= 0 || !n.equals(cursorNeuron)) { cursorEdge = -1; cursorNeuron = n; cameAlong = -1; cursorMoved(); }
        }
        String value = Numbers.full(parameter < w ? s.weight(parameter) : s.bias(parameter - w));
        String name = parameter < w ? layout.weightName(parameter) + " (" + ends(edges[parameter], " → ") + ")"
                : layout.biasName(parameter - w) + " (bias of " + cursorNeuron.name(layout) + ")";
        editorField.setText(value);
        editorError.setText("");
        editorTitle.setText("New value for " + name + " (Enter sets, Esc cancels)");
        editorField.setAccessibleText("New value for " + name.replace(" → ", " to ") + ", now " + value + "; Enter sets, Escape cancels");
        editorField.setAccessibleHelp(null);
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
            editorField.setAccessibleHelp(error);
            editor.autosize();
            return;
        }
        closeEditor();
        requestFocus(); // back on the graph, the cursor on the item
    }

    private void closeEditor() {
        editingParameter = -1;
        editor.setVisible(false);
        editorError.setText("");
        editorField.setAccessibleHelp(null);
    }

    // ---- The keyboard cursor -----------------------------------------------------------------------------

    private void keyPressed(KeyEvent e) {
        if (e.getTarget() == this && layout != null && Shortcuts.COPY_VALUE.match(e)) {
            copyAtCursor();
            e.consume();
            return;
        }
        // Keys typed in the editor are its own; with Ctrl, Alt or Meta they are shortcuts (Ctrl+Right is Step).
        if (e.getTarget() != this || layout == null || e.isShortcutDown() || e.isControlDown() || e.isAltDown() || e.isMetaDown()) return;
        if (!cursorFits()) keepCursor(null);
        switch (e.getCode()) {
            case UP, KP_UP -> moveAlong(-1, false);
            case DOWN, KP_DOWN -> moveAlong(1, false);
            case HOME -> moveAlong(-1, true);
            case END -> moveAlong(1, true);
            case LEFT, KP_LEFT -> moveAcross(-1);
            case RIGHT, KP_RIGHT -> moveAcross(1);
            case ENTER, F2 -> editAtCursor();
            case ESCAPE -> {
                if (!note.isVisible()) return;
                hideNote();
            }
            default -> { return; }
        }
        e.consume(); // also at the end of a layer: the arrows never move the focus out of the graph
    }

    /** Up / Down (by -1 / 1), Home / End ({@code toEnd}): within the cursor's layer or its column of edges. */
    private void moveAlong(int by, boolean toEnd) {
        if (cursorEdge >= 0) {
            int l = layout.layerOfWeight(cursorEdge), first = layout.weightOffset(l), last = first + layout.size(l) * layout.size(l - 1) - 1;
            int to = toEnd ? (by < 0 ? first : last) : Math.max(first, Math.min(last, cursorEdge + by));
            if (to != cursorEdge) placeCursor(to);
        } else {
            int l = cursorNeuron.layer(), last = layout.size(l) - 1;
            int to = toEnd ? (by < 0 ? 0 : last) : Math.max(0, Math.min(last, cursorNeuron.index() + by));
            if (to != cursorNeuron.index()) placeCursor(new NeuronRef(l, to), -1);
        }
    }

    /**
     * Left / Right (by -1 / 1): from an edge to its source / target neuron; from a neuron to an edge on that side: back
     * along the edge it came by, else the one to the neuron most nearly straight across (the first of equals).
     */
    private void moveAcross(int by) {
        if (cursorEdge >= 0) {
            Edge e = edges[cursorEdge];
            placeCursor(by < 0 ? new NeuronRef(e.layer - 1, e.from) : new NeuronRef(e.layer, e.to), cursorEdge);
            return;
        }
        int l = cursorNeuron.layer(), j = cursorNeuron.index(), other = l + by;
        if (other < 0 || other >= layout.layerCount()) return;
        if (cameAlong >= 0) {
            Edge e = edges[cameAlong];
            boolean onThatSide = by > 0 ? e.layer == l + 1 && e.from == j : e.layer == l && e.to == j;
            if (onThatSide) {
                placeCursor(cameAlong);
                return;
            }
        }
        double y = ny[layout.neuronIndex(l, j)];
        int nearest = 0;
        for (int k = 1; k < layout.size(other); k++) {
            if (Math.abs(ny[layout.neuronIndex(other, k)] - y) < Math.abs(ny[layout.neuronIndex(other, nearest)] - y) - 1e-6) nearest = k;
        }
        placeCursor(by > 0 ? layout.weightIndex(other, nearest, j) : layout.weightIndex(l, j, nearest));
    }

    /** The cursor onto neuron {@code n} (reached along edge {@code along}, or -1); a hidden or output one is selected. */
    private void placeCursor(NeuronRef n, int along) {
        cursorEdge = -1;
        cursorNeuron = n;
        cameAlong = along;
        if (!n.isInput()) vm.selectedNeuronProperty().set(n);
        cursorMoved();
    }

    /** The cursor onto the edge of weight {@code w}. */
    private void placeCursor(int w) {
        cursorEdge = w;
        cameAlong = -1;
        cursorMoved();
    }

    private void cursorMoved() {
        hideNote();
        said.invalidate();
        draw();
    }

    private boolean cursorFits() {
        return layout != null && (cursorEdge >= 0 ? cursorEdge < edges.length : cursorNeuron != null && cursorNeuron.fits(layout));
    }

    /** Enter or F2: the editor for the weight, or for the neuron's bias; on an input, a note that it has none. */
    private void editAtCursor() {
        if (vm.snapshot() == null || !vm.snapshot().layout().equals(layout)) return;
        if (cursorEdge >= 0) {
            Point2D at = edgePointOf(edges[cursorEdge]);
            openEditor(cursorEdge, at.getX(), at.getY());
            return;
        }
        int k = layout.neuronIndex(cursorNeuron.layer(), cursorNeuron.index());
        if (cursorNeuron.isInput()) {
            showNote(cursorNeuron.name(layout) + " is an input: it has no bias to type (its value is the data's; try"
                    + " another in Predict). Right goes to its edges.");
            return;
        }
        double[] box = biasBox(k);
        openEditor(cursorNeuron.biasParameter(layout), box[0], box[1] + box[3]);
    }

    /** {@link Shortcuts#COPY_VALUE} on the graph: the cursor's weight or bias, every digit ("w5 = 0.5123..."), as Edit ▸ Copy does. */
    private void copyAtCursor() {
        Snapshot s = vm.snapshot();
        if (s == null || !s.layout().equals(layout)) return;
        if (!cursorFits()) keepCursor(null);
        String text = null;
        if (cursorEdge >= 0) {
            text = layout.weightName(cursorEdge) + " = " + s.weight(cursorEdge);
        } else if (!cursorNeuron.isInput()) {
            int b = cursorNeuron.biasParameter(layout) - layout.weightCount();
            text = layout.biasName(b) + " = " + s.bias(b);
        }
        if (text != null) Copying.put(text);
        showNote(text != null ? "Copied " + text : cursorNeuron.name(layout) + " is an input: it has no weight or bias to copy");
    }

    private void showNote(String text) {
        note.setText(text);
        note.setVisible(true);
        placeNote();
        said.invalidate();
    }

    /** The note beside the cursor's neuron (right of it where there is room) or below its edge's number, wrapped to at most its width. */
    private void placeNote() {
        if (!cursorFits()) return;
        double w = Math.min(note.prefWidth(-1), note.getMaxWidth()), h = note.prefHeight(w);
        note.resize(w, h);
        if (cursorEdge >= 0) {
            Point2D at = edgePointOf(edges[cursorEdge]);
            note.relocate(Math.max(4, Math.min(at.getX() - w / 2, getWidth() - w - 4)), Math.max(4, Math.min(at.getY() + 14, getHeight() - h - 4)));
            return;
        }
        int k = layout.neuronIndex(cursorNeuron.layer(), cursorNeuron.index());
        double x = nx[k] + radius + 10 + w <= getWidth() - 4 ? nx[k] + radius + 10 : nx[k] - radius - 10 - w;
        note.relocate(Math.max(4, x), Math.max(4, Math.min(ny[k] - h / 2, getHeight() - h - 4)));
    }

    private void hideNote() {
        if (!note.isVisible()) return;
        note.setVisible(false);
        said.invalidate();
    }

    /** "h1 → o1" (with {@code to} between the ends). */
    private String ends(Edge e, String to) {
        return layout.neuronName(e.layer - 1, e.from) + to + layout.neuronName(e.layer, e.to);
    }

    /** The middle of an edge: where its number is drawn, else halfway. */
    private Point2D edgePointOf(Edge e) {
        if (e.placed) return new Point2D(e.labelX, e.labelY);
        int a = layout.neuronIndex(e.layer - 1, e.from), b = layout.neuronIndex(e.layer, e.to);
        return new Point2D((nx[a] + nx[b]) / 2, (ny[a] + ny[b]) / 2);
    }

    private static boolean isInside(javafx.scene.Node n, javafx.scene.Node parent) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) if (p == parent) return true;
        return false;
    }

    /**
     * What the cursor is on, in words: "w5 = 0.123, from h1 to o1; Enter to edit", "h1, activation 0.731, bias b1 =
     * 0.250; Enter to edit the bias", "x1 (input height), value 0.500; an input has no bias".
     */
    public String keyboardDescription() {
        Snapshot s = vm.snapshot();
        if (s == null || !cursorFits() || !s.layout().equals(layout)) return "none";
        if (cursorEdge >= 0) {
            Edge e = edges[cursorEdge];
            String d = layout.weightName(e.weight) + " = " + Numbers.brief(s.weight(e.weight)) + ", from " + ends(e, " to ");
            double[] grads = vm.gradientsProperty().get();
            if (grads != null && grads.length == layout.parameterCount()) d += ", dL/d" + layout.weightName(e.weight) + " = " + Numbers.brief(grads[e.weight]);
            return d + "; Enter to edit";
        }
        int l = cursorNeuron.layer(), j = cursorNeuron.index();
        Probe probe = vm.probeProperty().get();
        boolean probeFits = probe != null && probe.activations().length == layout.layerCount() && probe.activations()[l].length == layout.size(l);
        String value = probeFits ? neuronText(probe.activations()[l][j], false) : "-";
        String name = cursorNeuron.name(layout);
        if (l == 0) {
            String feature = j < vm.dataset().inputNames().size() ? vm.dataset().inputNames().get(j) : name;
            return name + " (input" + (feature.equals(name) ? "" : " " + feature) + "), value " + value + "; an input has no bias to edit"
                    + (note.isVisible() ? ". " + note.getText() : "");
        }
        int b = layout.biasIndex(l, j);
        return name + ", activation " + value + ", bias " + layout.biasName(b) + " = " + Numbers.brief(s.bias(b)) + "; Enter to edit the bias";
    }

    /** The keyboard cursor's item: "w5", "h1", "x2", "h2_3". */
    public String keyboardItem() {
        if (!cursorFits()) return null;
        return cursorEdge >= 0 ? layout.weightName(cursorEdge) : cursorNeuron.name(layout);
    }

    /** The weight or bias the editor is open for ("w5", "b1"), or null when it is closed. */
    public String editorTarget() {
        if (editingParameter < 0 || !editor.isVisible()) return null;
        int w = layout.weightCount();
        return editingParameter < w ? layout.weightName(editingParameter) : layout.biasName(editingParameter - w);
    }

    /** The note shown beside the cursor (Enter on an input), or null. */
    public String keyboardNote() { return note.isVisible() ? note.getText() : null; }

    // ---- What tests and other views read ------------------------------------------------------------

    /** The number drawn on (or, between crowded layers, kept for) the edge of weight {@code name} ("w1"). */
    public String edgeLabel(String name) { return drawn("weight-" + name); }

    /** Whether the edge's number is drawn on it (not only in its tooltip). */
    public boolean isEdgeLabelled(String name) { return edges[weightIndex(name)].placed; }

    /** The value drawn in neuron {@code name}'s circle ("h1", "x2"). */
    public String neuronText(String name) { return drawn("activation-" + name); }

    /** The bias text of neuron {@code name} ("b=-0.314"). */
    public String biasText(String name) { return drawn("bias-" + name); }

    /** The caption under input {@code name} (its feature and, for shifted data, "133 − 135"). */
    public String inputCaption(String name) { return drawn("input-" + name); }

    private String drawn(String id) {
        redraw.flush();
        String s = shown.get(id);
        if (s == null) throw new IllegalArgumentException("nothing drawn as " + id);
        return s;
    }

    /** The middle of the edge of weight {@code name} in this view's coordinates (where a click edits it). */
    public Point2D edgePoint(String name) { return edgePointOf(edges[weightIndex(name)]); }

    private int weightIndex(String name) {
        for (int w = 0; w < layout.weightCount(); w++) if (layout.weightName(w).equals(name)) return w;
        throw new IllegalArgumentException("no edge " + name);
    }

    /** The tooltip text of an edge. */
    public String edgeTooltip(String name) { return tipFor(edges[weightIndex(name)]); }

    /** The parameter marked (named by the last divergence), or null. */
    public String highlighted() { return highlighted; }

    /** Number of neurons drawn. */
    public int neuronCount() { return nx.length; }

    /** Number of edges drawn. */
    public int edgeCount() { return edges.length; }

    /** Whether neurons are drawn small (names and biases above them, two decimals). */
    public boolean isCompact() { return compact; }
}
