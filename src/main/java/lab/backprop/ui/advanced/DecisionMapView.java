package lab.backprop.ui.advanced;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import lab.backprop.support.Numbers;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.DecisionMap;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.ui.LabViewModel;

/**
 * The network's output over the input plane as a heat map (orange = negative class, blue = positive),
 * the samples drawn on top, axes in the data's raw units; below, one small map per hidden neuron that
 * grows while the mouse is over it. Follows the view-model's snapshot and data set; a click adds or removes a point
 * (the view-model's {@code replaceData}: the network keeps its weights).
 */
public final class DecisionMapView extends VBox {
    public static final int DEFAULT_CELLS = 80;
    static final double LEFT = 56, TOP = 12, RIGHT = 16, BOTTOM = 44;
    static final double SMALL = 52, LARGE = 192;

    private final ObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>(this, "snapshot");
    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final int cells;
    private final lab.backprop.ui.ResizableCanvas canvas = new lab.backprop.ui.ResizableCanvas(this::paint);
    private final WritableImage image;
    private final int[] argb;
    private final double[] output;
    private final javafx.scene.layout.FlowPane strip = new javafx.scene.layout.FlowPane(6, 6);
    private final Label message = new Label();
    private final Label caption = new Label();
    private final Label editHint = new Label();
    private final List<NeuronMap> neuronMaps = new ArrayList<>();
    private final javafx.scene.control.CheckBox showTest = new javafx.scene.control.CheckBox("test points");
    private final javafx.scene.control.CheckBox discretize = new javafx.scene.control.CheckBox("discretize output");
    private boolean[] testMask = new boolean[0];
    private final javafx.scene.layout.FlowPane options = new javafx.scene.layout.FlowPane(14, 4, showTest, discretize);
    private DecisionMap map;
    private double[][] hidden = new double[0][];
    private long lastRenderNanos;
    private long redraws;
    private java.util.function.Consumer<Dataset> onEditData;
    private boolean keepGrid; // a click edited the data: keep the axes still if the points still fit
    // A map in a hidden tab does not recompute on every published snapshot; it catches up when shown.
    private final lab.backprop.ui.WhenShown whenShown = new lab.backprop.ui.WhenShown(this, this::redraw);
    /** New snapshots while training: redrawn in the side panel's frames (see FramePacer), and only when shown. */
    private final lab.backprop.ui.FramePacer paced = new lab.backprop.ui.FramePacer(lab.backprop.ui.FramePacer.SIDE, whenShown::request);
    /** How close (in pixels) a click must be to a point to remove it. */
    public static final double PICK_RADIUS = 9;

    /** The lab's map at 80x80 cells. */
    public DecisionMapView(LabViewModel vm) { this(vm, DEFAULT_CELLS); }

    public DecisionMapView(LabViewModel vm, int cells) {
        if (cells < 2 || cells > 1000) throw new IllegalArgumentException("cells must be between 2 and 1000, got " + cells);
        this.cells = cells;
        image = new WritableImage(cells, cells);
        argb = new int[cells * cells];
        output = new double[cells * cells];
        setSpacing(6);
        setPadding(new Insets(8));
        message.getStyleClass().add("decision-map-message");
        message.setId("decision-map-message");
        canvas.setId("decision-map-canvas");
        strip.setId("decision-map-strip");
        strip.setAlignment(Pos.TOP_LEFT);
        caption.setId("decision-map-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        Label stripTitle = new Label("Hidden neurons (hover to enlarge):");
        stripTitle.setWrapText(true);
        stripTitle.setMinHeight(Region.USE_PREF_SIZE);
        stripTitle.setMaxWidth(130);
        strip.getChildren().add(stripTitle);
        editHint.setId("decision-map-edit-hint");
        editHint.getStyleClass().add("muted");
        editHint.setWrapText(true);
        editHint.setMinHeight(Region.USE_PREF_SIZE);
        editHint.managedProperty().bind(editHint.visibleProperty());
        editHint.setVisible(false);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        canvas.setMinSize(160, 130);
        canvas.setPrefSize(440, 420);
        VBox.setVgrow(canvas, javafx.scene.layout.Priority.ALWAYS);
        setSpacing(4);
        showTest.setId("decision-map-show-test");
        showTest.setSelected(true);
        showTest.setTooltip(new Tooltip("Show the held-out test samples (hollow rings) beside the training samples (filled)"));
        discretize.setId("decision-map-discretize");
        discretize.setTooltip(new Tooltip("Colour each cell by the class it gets (output ≥ 0.5 or not) instead of by the output"));
        showTest.selectedProperty().addListener((o, a, b) -> paint());
        discretize.selectedProperty().addListener((o, a, b) -> redraw());
        vm.setupProperty().addListener((o, a, b) -> { testMask = vm.controller().testMask(); showOptions(); paint(); });
        testMask = vm.controller().testMask();
        showOptions();
        getChildren().addAll(caption, options, editHint, canvas, message, strip);
        // A theme switch: new heat colours, recomputed when shown (the canvas repaints itself at once).
        lab.backprop.ui.Palette.current().onChange(this, () -> { HeatColors.refresh(); whenShown.request(); });
        snapshot.addListener((o, a, b) -> paced.request());
        dataset.addListener((o, a, b) -> { rebuildGrid(); redraw(); showEditHint(); });
        dataset.bind(vm.datasetProperty());
        snapshot.bind(vm.snapshotProperty());
        // For a screen reader: the map in words, worked out when read (a new snapshot only marks it out of date).
        lab.backprop.ui.AccessibleSummary.bind(canvas, this::describe, snapshot, dataset, discretize.selectedProperty());
        setOnEditData(d -> {
            String problem = vm.replaceData(d, d.size() > vm.dataset().size() ? "add point" : "remove point");
            if (problem != null) vm.report(problem);
        });
        canvas.setOnMouseClicked(e -> {
            if (onEditData == null || e.isStillSincePress() == false) return;
            Dataset d = dataset.get();
            if (d == null || map == null) return;
            Dataset edited = editAt(d, e.getX(), e.getY(), e.isAltDown() || e.isControlDown() || e.isShortcutDown(),
                    e.isShiftDown() || e.getButton() == javafx.scene.input.MouseButton.SECONDARY);
            if (edited == null) return;
            keepGrid = true;
            try {
                onEditData.accept(edited);
            } finally {
                keepGrid = false;
            }
        });
    }

    /**
     * Lets clicks on the map edit the data: a plain click adds a point of the positive class, Shift+click or a
     * right click one of the negative class, Alt/Ctrl+click removes the point under the mouse. The action gets the
     * edited data set.
     */
    private void setOnEditData(java.util.function.Consumer<Dataset> action) {
        onEditData = action;
        canvas.setCursor(action == null ? null : javafx.scene.Cursor.CROSSHAIR);
        editHint.setVisible(action != null);
        showEditHint();
        Tooltip.install(canvas, action == null ? null : new Tooltip(
                "Click: add a " + "point of the positive class · Shift+click or right click: the negative class · Alt/Ctrl+click: remove a point"));
    }

    private void showEditHint() {
        Dataset d = dataset.get();
        if (d == null) return;
        editHint.setText("Click: add " + d.positiveClass() + " · Shift+click or right click: add " + d.negativeClass()
                + " · Alt+click a point: remove it");
    }

    /** The data after a click at canvas pixel (x, y); null if the click changes nothing (outside the plot, no point to remove). */
    Dataset editAt(Dataset d, double x, double y, boolean remove, boolean negative) {
        if (remove) {
            int i = sampleAt(x, y);
            return i < 0 ? null : d.without(i);
        }
        double[] raw = toRaw(x, y);
        if (raw == null) return null;
        return d.with(new Dataset.Sample(null, raw, negative ? 0 : 1));
    }

    /** Raw data coordinates (e.g. pounds, inches) of a canvas pixel inside the plot, or null outside it. */
    public double[] toRaw(double x, double y) {
        if (map == null) return null;
        double fx = (x - LEFT) / plotSize(), fy = (y - TOP) / plotSize();
        if (fx < 0 || fx > 1 || fy < 0 || fy > 1) return null;
        double w = map.xMax() - map.xMin(), h = map.yMax() - map.yMin();
        return new double[] { tidy(map.xMin() + fx * w, w), tidy(map.yMax() - fy * h, h) };
    }

    /** Rounds to about a thousandth of the axis span (one pixel is about a 360th), so saved CSVs read well. */
    private static double tidy(double v, double span) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(span / 1000)));
        return new java.math.BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Index of the sample drawn nearest to canvas pixel (x, y) within {@link #PICK_RADIUS}, or -1. */
    public int sampleAt(double x, double y) {
        Dataset d = dataset.get();
        if (d == null || map == null) return -1;
        int best = -1;
        double bestDistance = PICK_RADIUS;
        for (int i = 0; i < d.size(); i++) {
            Point2D p = toCanvas(d.sample(i).raw(0), d.sample(i).raw(1));
            double distance = p.distance(x, y);
            if (distance <= bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() { return snapshot; }
    public Snapshot getSnapshot() { return snapshot.get(); }
    public ReadOnlyObjectProperty<Dataset> datasetProperty() { return dataset; }

    /** Nanoseconds the last full redraw took (computation, colouring and drawing). */
    public long lastRenderNanos() { return lastRenderNanos; }

    /** Full redraws so far (a hidden map does none until it is shown). */
    public long redrawCount() { return redraws; }

    /** Redraws owed while hidden (a snapshot came while the map was not shown); false once shown. */
    public boolean isRedrawPending() { return whenShown.isPending() || paced.isPending(); }

    /** Whatever is owed drawn now, for the getters. */
    private void current() {
        paced.flush();
        whenShown.flush();
    }

    /** The grid in use, or null when the data cannot be mapped. */
    public DecisionMap decisionMap() { return map; }

    /** Where a raw point (e.g. pounds, inches) is drawn on {@link #canvas()}. */
    public Point2D toCanvas(double rawX, double rawY) {
        if (map == null) throw new IllegalStateException("no map: the data set cannot be drawn on a plane");
        return new Point2D(LEFT + map.fractionX(rawX) * plotSize(), TOP + map.fractionY(rawY) * plotSize());
    }

    /** The plot (its coordinates are the ones {@link #toCanvas} gives). */
    public javafx.scene.layout.Region canvas() { current(); return canvas; }

    /** The line above the map: what is plotted, and the epoch. */
    public Label caption() { current(); return caption; }

    /** The small per-neuron canvases, in neuron order (h1, h2, ...). */
    public List<Canvas> neuronCanvases() { current(); return neuronMaps.stream().map(n -> n.canvas).toList(); }

    private void rebuildGrid() {
        Dataset d = dataset.get();
        if (keepGrid && map != null && d != null && allInside(d)) {
            map = new DecisionMap(d, cells, cells, map.xMin(), map.xMax(), map.yMin(), map.yMax());
            return;
        }
        map = null;
        if (d == null) return;
        try {
            map = DecisionMap.around(d, cells, cells, 0.15);
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
        }
    }

    private boolean allInside(Dataset d) {
        if (d.featureCount() != 2) return false;
        for (Dataset.Sample s : d.samples()) {
            if (s.raw(0) < map.xMin() || s.raw(0) > map.xMax() || s.raw(1) < map.yMin() || s.raw(1) > map.yMax()) return false;
        }
        return true;
    }

    /** Recomputes the maps from the current snapshot and draws them. */
    public void redraw() {
        redraws++;
        long t0 = System.nanoTime();
        Snapshot s = snapshot.get();
        Dataset d = dataset.get();
        computed = false;
        if (map == null || d == null) {
            if (d == null) message.setText("no data set");
            setStripSize(0, null);
            paint();
            return;
        }
        caption.setText("Output of the network over " + String.join(" × ", d.featureNames()) + " (blue: "
                + d.positiveClass() + ", orange: " + d.negativeClass() + ")" + (s == null ? "" : ", epoch " + s.epoch()));
        if (s == null || s.layout().inputSize() != d.inputCount() || s.layout().outputSize() < 1) {
            message.setText(s == null ? "no network yet" : "the network takes " + s.layout().inputSize() + " inputs; the map's data "
                    + d.inputCount());
            setStripSize(0, null);
            paint();
            return;
        }
        message.setText("");
        Network net = s.toNetwork();
        Layout layout = s.layout();
        int hiddenCount = DecisionMap.hiddenNeuronCount(layout);
        if (hidden.length != hiddenCount) hidden = new double[hiddenCount][cells * cells];
        map.compute(net, output, hidden);
        if (discretize.isSelected()) {
            double high = s.outputActivation().range().high(), low = s.outputActivation().range().low();
            for (int i = 0; i < output.length; i++) output[i] = output[i] >= 0.5 ? high : low;
        }
        HeatColors.paint(output, s.outputActivation(), argb);
        image.getPixelWriter().setPixels(0, 0, cells, cells, PixelFormat.getIntArgbPreInstance(), argb, 0, cells);
        computed = true;
        paint();
        setStripSize(hiddenCount, layout);
        for (int k = 0; k < hiddenCount; k++) neuronMaps.get(k).draw(hidden[k], s.hiddenActivation(), d);
        lastRenderNanos = System.nanoTime() - t0;
    }

    private boolean computed;

    /** At most this many samples are named, and this many classified, in {@link #describe()}. */
    private static final int DESCRIBED_SAMPLES = 12, CLASSIFIED_SAMPLES = 10_000;

    /**
     * The map in words, its accessible text: what it shows, how many samples lie on their class's side of 0.5, and
     * for a few samples their place and the network's output there. "Output of the network over weight (lb) × height
     * (in) (blue: F, orange: M), epoch 1000: 4 of 4 samples on their class's side. Alice (F) at 133, 65: output 0.959
     * (F); ..."
     */
    public String describe() {
        Snapshot s = snapshot.get();
        Dataset d = dataset.get();
        if (d == null || s == null || s.layout().inputSize() != d.inputCount() || s.layout().outputSize() < 1) {
            return "Decision map: " + (message.getText().isEmpty() ? "nothing to show" : message.getText());
        }
        Network net = s.toNetwork();
        int n = Math.min(d.size(), CLASSIFIED_SAMPLES), right = 0;
        List<String> named = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Dataset.Sample x = d.sample(i);
            double y = net.predict(d.toInput(x.raw()))[0];
            if ((y >= 0.5) == (x.label() >= 0.5)) right++;
            if (named.size() < DESCRIBED_SAMPLES) {
                String name = d.nameOf(i);
                StringBuilder coords = new StringBuilder();
                for (int k = 0; k < Math.min(2, d.featureCount()); k++) coords.append(k > 0 ? ", " : "").append(Numbers.trimmed(x.raw(k), 5));
                named.add((name == null || name.isEmpty() ? "sample " + (i + 1) : name) + " (" + (x.label() >= 0.5 ? d.positiveClass()
                        : d.negativeClass()) + ") at " + coords + ": output " + Numbers.brief(y) + " (" + d.classify(y) + ")");
            }
        }
        int tests = 0;
        if (testMask.length == d.size()) for (boolean t : testMask) if (t) tests++;
        return "Output of the network over " + String.join(" × ", d.featureNames()) + " (blue: " + d.positiveClass() + ", orange: "
                + d.negativeClass() + (discretize.isSelected() ? ", each cell by its class" : "") + "), epoch " + s.epoch() + ": "
                + right + " of " + n + (n < d.size() ? " (the first of " + d.size() + ")" : "") + " samples on their class's side"
                + (tests > 0 ? ", " + tests + " of all held out as test samples" : "") + ". "
                + lab.backprop.ui.AccessibleSummary.list(named, d.size()) + ".";
    }

    /** The side of the square plot in the canvas's units: as large as the canvas allows. */
    public double plotSize() {
        return Math.max(100, Math.min(canvas.width() - LEFT - RIGHT, canvas.height() - TOP - BOTTOM));
    }

    /** Draws the last computed map at the canvas's size (also after a resize, without computing again). */
    private void paint() {
        GraphicsContext g = canvas.graphics();
        lab.backprop.ui.Palette pal = lab.backprop.ui.Palette.current();
        g.setFill(pal.get(lab.backprop.ui.Palette.Key.PLOT_BACKGROUND));
        g.fillRect(0, 0, canvas.width(), canvas.height());
        Dataset d = dataset.get();
        if (map == null || d == null) return;
        double size = plotSize();
        if (computed) {
            g.setImageSmoothing(true);
            g.drawImage(image, LEFT, TOP, size, size);
        }
        drawAxes(g, d);
        drawPointsCached(g, d, LEFT, TOP, size, pointRadius(6, d.size()));
    }

    private void drawAxes(GraphicsContext g, Dataset d) {
        lab.backprop.ui.Palette pal = lab.backprop.ui.Palette.current();
        double size = plotSize();
        g.setStroke(pal.get(lab.backprop.ui.Palette.Key.AXIS));
        g.setLineWidth(1);
        g.strokeRect(LEFT, TOP, size, size);
        g.setFill(pal.get(lab.backprop.ui.Palette.Key.TEXT));
        g.setFont(Font.font(11));
        int target = (int) Math.max(2, size / 80);
        for (double v : lab.backprop.ui.chart.Ticks.within(map.xMin(), map.xMax(), target, 0)) {
            double px = LEFT + map.fractionX(v) * size;
            g.strokeLine(px, TOP + size, px, TOP + size + 4);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(lab.backprop.ui.chart.Ticks.label(v), px, TOP + size + 16);
        }
        for (double v : lab.backprop.ui.chart.Ticks.within(map.yMin(), map.yMax(), target, 0)) {
            double py = TOP + map.fractionY(v) * size;
            g.strokeLine(LEFT - 4, py, LEFT, py);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(lab.backprop.ui.chart.Ticks.label(v), LEFT - 6, py + 4);
        }
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(d.featureNames().get(0), LEFT + size / 2, TOP + size + 34);
        g.save();
        g.translate(14, TOP + size / 2);
        g.rotate(-90);
        g.fillText(d.featureNames().get(1), 0, 0);
        g.restore();
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** Above this many samples their dots are drawn once into an image per size and redrawn from it. */
    static final int CACHED_POINTS = 200;
    private final java.util.Map<String, javafx.scene.image.Image> pointLayers = new java.util.HashMap<>();
    private Object layersOf; // the data, grid, test mask and palette the cached layers were drawn for

    /**
     * The samples' dots: drawn directly for a few, else from an image drawn once for this data, grid, size and
     * test-point choice (they do not move while the network trains), so 10,000 points cost one image per frame.
     */
    private void drawPointsCached(GraphicsContext g, Dataset d, double x0, double y0, double size, double r) {
        if (d.size() <= CACHED_POINTS) {
            drawPoints(g, d, x0, y0, size, r);
            return;
        }
        java.util.List<Object> of = java.util.List.of(d, map, testMask, lab.backprop.ui.Palette.current().revisionProperty().get());
        if (!of.equals(layersOf)) {
            pointLayers.clear();
            layersOf = of;
        }
        String key = Math.round(size) + "/" + r + "/" + showsTestPoints();
        javafx.scene.image.Image layer = pointLayers.computeIfAbsent(key, k -> {
            javafx.scene.canvas.Canvas c = new javafx.scene.canvas.Canvas(Math.ceil(size), Math.ceil(size));
            drawPoints(c.getGraphicsContext2D(), d, 0, 0, size, r);
            javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
            p.setFill(lab.backprop.ui.Palette.NONE);
            return c.snapshot(p, null);
        });
        g.drawImage(layer, x0, y0);
    }

    /** A dot's radius for {@code n} points: {@code full} up to 40 of them, smaller for more (their area shared), at least 1. */
    static double pointRadius(double full, int n) {
        return Math.max(1, full * Math.min(1, Math.sqrt(40.0 / Math.max(1, n))));
    }

    private void showOptions() {
        boolean any = false;
        for (boolean t : testMask) any |= t;
        showTest.setVisible(any);
        showTest.setManaged(any);
    }

    /** Whether test points are drawn (there is a split and the box is ticked). */
    public boolean showsTestPoints() { return showTest.isVisible() && showTest.isSelected(); }

    public javafx.scene.control.CheckBox discretizeToggle() { return discretize; }

    /** The colours of the main map's cells as last computed (tests read what it drew). */
    public int[] cellColours() { whenShown.flush(); return argb.clone(); }

    public javafx.scene.control.CheckBox testPointsToggle() { return showTest; }

    /**
     * Samples as dots in their class colour (training samples filled, held-out test samples as rings in their class
     * colour, or left out when hidden); names beside them when the plot is large.
     */
    private void drawPoints(GraphicsContext g, Dataset d, double x0, double y0, double size, double r) {
        g.setFont(Font.font(11));
        boolean split = testMask.length == d.size(), test = showsTestPoints();
        lab.backprop.ui.Palette pal = lab.backprop.ui.Palette.current();
        for (int i = 0; i < d.size(); i++) {
            Dataset.Sample s = d.sample(i);
            double px = x0 + map.fractionX(s.raw(0)) * size, py = y0 + map.fractionY(s.raw(1)) * size;
            javafx.scene.paint.Color c = pal.pointColor(s.label() >= 0.5);
            if (split && testMask[i]) {
                if (!test) continue;
                double ring = Math.max(r, 3); // a ring must be big enough to be seen as one
                g.setLineWidth(1);
                g.setStroke(pal.get(lab.backprop.ui.Palette.Key.POINT_OUTLINE));
                g.strokeOval(px - ring - 1, py - ring - 1, 2 * ring + 2, 2 * ring + 2);
                g.setLineWidth(Math.max(1.6, ring / 2.5));
                g.setStroke(c);
                g.strokeOval(px - ring, py - ring, 2 * ring, 2 * ring);
                continue;
            }
            g.setLineWidth(r > 3 ? 1.5 : 1);
            g.setFill(c);
            g.fillOval(px - r, py - r, 2 * r, 2 * r);
            g.setStroke(pal.get(lab.backprop.ui.Palette.Key.POINT_OUTLINE));
            if (r >= 2) g.strokeOval(px - r, py - r, 2 * r, 2 * r);
            if (r > 3 && s.name() != null && d.size() <= 20) { // on a plate: the map under it may be any colour
                double tw = nameWidth(s.name());
                g.setFill(pal.get(lab.backprop.ui.Palette.Key.PLOT_BACKGROUND).deriveColor(0, 1, 1, 0.85));
                g.fillRoundRect(px + r + 1, py - 7, tw + 4, 15, 4, 4);
                g.setFill(pal.get(lab.backprop.ui.Palette.Key.TEXT));
                g.fillText(s.name(), px + r + 3, py + 4);
            }
        }
    }

    private final java.util.Map<String, Double> nameWidths = new java.util.HashMap<>();

    /** The width of a sample's name in the 11 px font (measured once per name). */
    private double nameWidth(String name) {
        if (nameWidths.size() > 200) nameWidths.clear();
        return nameWidths.computeIfAbsent(name, n -> {
            javafx.scene.text.Text t = new javafx.scene.text.Text(n);
            t.setFont(Font.font(11));
            return t.getLayoutBounds().getWidth();
        });
    }

    private void setStripSize(int n, Layout layout) {
        strip.setVisible(n > 0);
        strip.setManaged(n > 0);
        while (neuronMaps.size() > n) strip.getChildren().remove(neuronMaps.remove(neuronMaps.size() - 1).box);
        while (neuronMaps.size() < n) {
            NeuronMap m = new NeuronMap();
            neuronMaps.add(m);
            strip.getChildren().add(m.box);
        }
        if (layout == null) return;
        int k = 0;
        for (int l = 1; l < layout.layerCount() - 1; l++) {
            for (int j = 0; j < layout.size(l); j++) {
                NeuronMap m = neuronMaps.get(k++);
                String name = layout.neuronName(l, j);
                if (name.equals(m.name.getText())) continue;
                m.name.setText(name);
                m.canvas.setAccessibleText(name + "'s activation over the input plane, coloured like the map above");
            }
        }
    }

    /** One hidden neuron's small map; grows to LARGE while hovered and keeps its last values to redraw. */
    private final class NeuronMap {
        final Canvas canvas = new Canvas(SMALL, SMALL);
        final Label name = new Label();
        final VBox box = new VBox(2, canvas, name);
        final WritableImage img = new WritableImage(cells, cells);
        final int[] pixels = new int[cells * cells];
        Dataset data;

        NeuronMap() {
            box.setAlignment(Pos.TOP_CENTER);
            canvas.getStyleClass().add("neuron-map");
            canvas.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
            canvas.setOnMouseEntered(e -> resize(LARGE));
            canvas.setOnMouseExited(e -> resize(SMALL));
        }

        void draw(double[] values, Activation activation, Dataset d) {
            data = d;
            HeatColors.paint(values, activation, pixels);
            img.getPixelWriter().setPixels(0, 0, cells, cells, PixelFormat.getIntArgbPreInstance(), pixels, 0, cells);
            paint();
        }

        private void resize(double size) {
            canvas.setWidth(size);
            canvas.setHeight(size);
            paint();
        }

        private void paint() {
            GraphicsContext g = canvas.getGraphicsContext2D();
            double size = canvas.getWidth();
            g.setImageSmoothing(true);
            g.drawImage(img, 0, 0, size, size);
            g.setStroke(lab.backprop.ui.Palette.current().get(lab.backprop.ui.Palette.Key.AXIS));
            g.setLineWidth(1);
            g.strokeRect(0.5, 0.5, size - 1, size - 1);
            if (data != null && map != null) drawPointsCached(g, data, 0, 0, size, pointRadius(size > SMALL ? 5 : 2.5, data.size()));
        }
    }
}
