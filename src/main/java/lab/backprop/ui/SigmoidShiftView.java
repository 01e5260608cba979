package lab.backprop.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.model.Workspace;
import lab.backprop.support.Numbers;
import lab.backprop.ui.Palette.Key;
import lab.backprop.ui.chart.Ticks;

/**
 * The activation of the selected neuron, f(u + b), against its weighted input without bias u = w.x, so that moving
 * the bias slides the whole curve sideways. The u axis stays where it is while the bias is dragged or training runs,
 * so the slide is seen; it is fitted again for another neuron, a new network, or the Fit button. Each training sample
 * sits on the curve at its own u (samples at the same spot share one label); a dashed curve keeps the bias from when
 * the neuron was selected or training last stopped.
 */
public final class SigmoidShiftView extends BorderPane {
    private static final int CURVE_POINTS = 160;

    private final LabViewModel vm;
    private final ResizableCanvas plot = new ResizableCanvas(this::draw);
    private final Label title = new Label();
    private final Slider biasSlider = new Slider(-10, 10, 0);
    private final Label biasValue = new Label();
    private final Label legend = new Label();
    private final Button fit = new Button("Fit");
    private boolean fromModel;
    private long lastUserEdit;
    private double uLo = Double.NaN, uHi = Double.NaN; // the fixed u axis
    private boolean fitIfOff; // refit at the next draw if a sample is off the axis
    private NeuronRef fittedFor;

    // What the last draw computed, kept for tests and for anyone who wants the numbers.
    private double[] curveU = new double[0];
    private double[] curveF = new double[0];
    private double[] sampleU = new double[0];
    private List<String> drawnLabels = List.of();
    private final WhenShown whenShown = new WhenShown(this, this::update);

    public SigmoidShiftView(LabViewModel vm) {
        this.vm = vm;
        setId("sigmoidView");
        getStyleClass().add("panel");
        title.getStyleClass().add("panel-title");
        title.setId("sigmoidTitle");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        biasSlider.setId("biasSlider");
        biasSlider.setTooltip(new Tooltip("Bias of the selected neuron: the curve slides left or right; acts at once, also while training"));
        biasSlider.setShowTickMarks(true);
        biasSlider.setMajorTickUnit(5);
        biasSlider.setBlockIncrement(0.1);
        HBox.setHgrow(biasSlider, Priority.ALWAYS);
        biasValue.setId("biasValue");
        biasValue.setMinWidth(Region.USE_PREF_SIZE);
        biasValue.setPrefWidth(64);
        fit.setId("sigmoidFit");
        fit.setTooltip(new Tooltip("Fit the u axis to the curve and the samples now (it stays put while the bias moves)"));
        fit.setMinWidth(Region.USE_PREF_SIZE);
        fit.setOnAction(e -> { uLo = Double.NaN; draw(); });
        legend.getStyleClass().add("muted");
        legend.setId("sigmoidLegend");
        legend.setWrapText(true);
        legend.setMinHeight(Region.USE_PREF_SIZE);
        Label biasLabel = new Label("Bias");
        biasLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox sliderRow = new HBox(8, biasLabel, biasSlider, biasValue, fit);
        sliderRow.setAlignment(Pos.CENTER_LEFT);
        sliderRow.setPadding(new Insets(6, 0, 0, 0));
        VBox bottom = new VBox(4, sliderRow, legend);
        setTop(title);
        setCenter(plot);
        setBottom(bottom);
        plot.setMinSize(160, 120);

        biasSlider.valueProperty().addListener((o, a, b) -> {
            biasValue.setText(Numbers.brief(b.doubleValue()));
            if (fromModel) return;
            NeuronRef n = vm.selectedNeuronProperty().get();
            if (n == null || n.isInput()) return;
            lastUserEdit = System.nanoTime();
            vm.setBias(n, b.doubleValue());
            draw();
        });
        // Hidden (another view chosen), the plot skips snapshots and catches up when shown.
        vm.snapshotProperty().addListener((o, a, b) -> whenShown.request());
        vm.selectedNeuronProperty().addListener((o, a, b) -> update());
        vm.referenceBiasProperty().addListener((o, a, b) -> whenShown.request()); // the legend names it too
        vm.generationProperty().addListener((o, a, b) -> uLo = Double.NaN); // a new network: fit anew
        // The axis stays while training runs; when it stops, samples the run moved off the axis are taken in.
        vm.stateProperty().addListener((o, a, b) -> {
            if (a == lab.backprop.train.RunState.RUNNING && b != lab.backprop.train.RunState.RUNNING) {
                fitIfOff = true;
                whenShown.request();
            }
        });
        update();
        // For a screen reader: the curve and the samples on it in words, worked out when read.
        AccessibleSummary.bind(plot, this::describe, vm.snapshotProperty(), vm.selectedNeuronProperty(), vm.referenceBiasProperty(),
                vm.datasetProperty());
    }

    /** At most this many samples are named in {@link #describe()}. */
    private static final int DESCRIBED_SAMPLES = 12;

    /**
     * The plot in words, its accessible text: the neuron's function, its bias (and the dashed one's), the u axis, and
     * each sample's place on the curve. "h1 = sigmoid(u + b), u = w·x: bias -0.314, dashed curve at bias -0.314; u
     * from -34.3 to 26.1. Samples: Alice (F) u = 2.76, f = 0.919, ..."
     */
    public String describe() {
        current();
        Snapshot s = vm.snapshot();
        NeuronRef n = vm.selectedNeuronProperty().get();
        if (s == null || n == null || n.isInput() || !n.fits(s.layout())) return title.getText();
        Layout layout = s.layout();
        Activation f = n.layer() == layout.layerCount() - 1 ? s.outputActivation() : s.hiddenActivation();
        double b = currentBias(s, n), ref = vm.referenceBiasProperty().get();
        StringBuilder sb = new StringBuilder(title.getText()).append(": bias ").append(Numbers.brief(b));
        if (Double.isFinite(ref)) sb.append(", dashed curve at bias ").append(Numbers.brief(ref));
        if (Double.isFinite(uLo)) sb.append("; u from ").append(Numbers.brief(uLo)).append(" to ").append(Numbers.brief(uHi));
        Dataset d = vm.dataset();
        if (sampleU.length == d.size() && d.size() > 0) {
            List<String> samples = new ArrayList<>();
            for (int i = 0; i < Math.min(sampleU.length, DESCRIBED_SAMPLES); i++) {
                String name = d.nameOf(i);
                samples.add((name == null || name.isEmpty() ? "sample " + (i + 1) : name) + " (" + (d.sample(i).label() >= 0.5 ? d.positiveClass()
                        : d.negativeClass()) + ") u = " + Numbers.brief(sampleU[i]) + ", f = " + Numbers.brief(f.apply(sampleU[i] + b)));
            }
            sb.append(". Samples: ").append(AccessibleSummary.list(samples, sampleU.length));
        }
        return sb.append('.').toString();
    }

    public Slider biasSlider() { current(); return biasSlider; }

    /** u of the curve points of the last draw. */
    public double[] curveU() { current(); return curveU.clone(); }

    /** f(u + b) of the curve points of the last draw. */
    public double[] curveF() { current(); return curveF.clone(); }

    /** Where the curve is at half height (sigmoid: u = -b): moves when the bias moves. */
    public double curveMidpoint() {
        NeuronRef n = vm.selectedNeuronProperty().get();
        return -currentBias(vm.snapshot(), n);
    }

    /** u = w.x of each training sample at the selected neuron. */
    public double[] sampleU() { current(); return sampleU.clone(); }

    /** The u axis shown: [low, high]. */
    public double[] axis() { current(); return new double[] { uLo, uHi }; }

    /** The sample labels of the last draw, one per spot (names joined where samples sit together). */
    public List<String> drawnLabels() { current(); return drawnLabels; }

    /** Whatever is owed drawn now, for the getters. */
    private void current() {
        whenShown.flush();
        redraw.flush();
    }

    private final FramePacer redraw = new FramePacer(FramePacer.SIDE, this::draw);

    private void update() {
        Snapshot s = vm.snapshot();
        NeuronRef n = vm.selectedNeuronProperty().get();
        if (s == null || n == null || n.isInput() || !n.fits(s.layout())) {
            title.setText("Click a hidden or output neuron to see its activation");
            draw();
            return;
        }
        if (!n.equals(fittedFor)) uLo = Double.NaN; // another neuron: fit its axis
        Layout layout = s.layout();
        String name = n.name(layout);
        Activation f = n.layer() == layout.layerCount() - 1 ? s.outputActivation() : s.hiddenActivation();
        title.setText(name + " = " + f.label() + "(u + b),   u = w·x");
        // Follow the live bias unless the user is moving the slider right now.
        boolean userBusy = biasSlider.isValueChanging() || System.nanoTime() - lastUserEdit < 300_000_000L;
        if (!userBusy) {
            double b = currentBias(s, n);
            fromModel = true;
            try {
                double range = Math.max(10, Math.ceil(Math.abs(b) * 1.25));
                if (biasSlider.getMax() != range) {
                    biasSlider.setMin(-range);
                    biasSlider.setMax(range);
                }
                biasSlider.setValue(b);
            } finally {
                fromModel = false;
            }
        }
        Dataset d = vm.dataset();
        legend.setText("solid: bias now " + Numbers.brief(currentBias(s, n)) + " · dashed: bias " + Numbers.brief(vm.referenceBiasProperty().get())
                + " (when selected or training last stopped) · dots: the samples (" + d.positiveClass() + " blue, "
                + d.negativeClass() + " orange)");
        redraw.request();
    }

    private static double currentBias(Snapshot s, NeuronRef n) {
        if (s == null || n == null || n.isInput() || !n.fits(s.layout())) return Double.NaN;
        return s.bias(s.layout().biasIndex(n.layer(), n.index()));
    }

    private void draw() {
        GraphicsContext g = plot.graphics();
        double w = plot.width(), h = plot.height();
        g.clearRect(0, 0, w, h);
        Snapshot s = vm.snapshot();
        NeuronRef n = vm.selectedNeuronProperty().get();
        if (s == null || n == null || n.isInput() || !n.fits(s.layout()) || w < 60 || h < 40) return;
        Palette pal = Palette.current();
        Layout layout = s.layout();
        Activation f = n.layer() == layout.layerCount() - 1 ? s.outputActivation() : s.hiddenActivation();
        double b = currentBias(s, n);
        double ref = vm.referenceBiasProperty().get();

        // u = z - b for every sample at this neuron.
        Dataset data = vm.dataset();
        Network net = s.toNetwork();
        Workspace ws = new Workspace(layout);
        double[][] x = data.inputs();
        double[] labels = data.labels();
        sampleU = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            net.forward(x[i], ws);
            sampleU[i] = ws.preActivation(n.layer(), n.index()) - b;
        }
        if (fitIfOff) { // training has stopped: take in the samples it moved off the axis
            fitIfOff = false;
            for (double u : sampleU) if (u < uLo || u > uHi) uLo = Double.NaN;
        }
        if (Double.isNaN(uLo)) fitAxis(b, ref, n);

        curveU = new double[CURVE_POINTS];
        curveF = new double[CURVE_POINTS];
        Activation.Range range = f.range();
        boolean unbounded = Double.isInfinite(range.high());
        double fLo = range.low(), fHi = unbounded ? 1 : range.high();
        for (int k = 0; k < CURVE_POINTS; k++) {
            double u = uLo + (uHi - uLo) * k / (CURVE_POINTS - 1);
            curveU[k] = u;
            curveF[k] = f.apply(u + b);
            if (unbounded) fHi = Math.max(fHi, curveF[k]);
        }
        if (unbounded && Double.isFinite(ref)) fHi = Math.max(fHi, f.apply(uHi + ref));
        Font font = Font.font(11);
        g.setFont(font);
        double left = 46, right = w - 12, top = 10, bottom = h - 40;
        double fLoF = fLo, fSpan = (fHi - fLo) * 1.05;
        double uLoF = uLo, uSpan = uHi - uLo;
        java.util.function.DoubleUnaryOperator px = u -> left + (right - left) * (u - uLoF) / uSpan;
        java.util.function.DoubleUnaryOperator py = v -> bottom - (bottom - top) * (v - fLoF) / fSpan;

        g.setLineWidth(1);
        g.setFill(pal.get(Key.MUTED_TEXT));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v : Ticks.within(fLo, fHi, 4, 0)) {
            double y = py.applyAsDouble(v);
            g.setStroke(pal.get(Key.GRID));
            g.strokeLine(left, y, right, y);
            g.fillText(Ticks.label(v), left - 4, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double u : Ticks.within(uLo, uHi, (int) Math.max(2, (right - left) / 70), 0)) {
            double xv = px.applyAsDouble(u);
            g.setStroke(pal.get(Key.AXIS));
            g.strokeLine(xv, bottom, xv, bottom + 4);
            g.fillText(Ticks.label(u), xv, bottom + 5);
        }
        g.fillText("u = w·x (the neuron's input without its bias)", (left + right) / 2, bottom + 20);
        g.setStroke(pal.get(Key.AXIS));
        g.strokeLine(left, top, left, bottom);
        g.strokeLine(left, bottom, right, bottom);

        if (Double.isFinite(ref)) {
            g.setStroke(pal.get(Key.REFERENCE));
            g.setLineWidth(2);
            g.setLineDashes(7, 6);
            g.beginPath();
            for (int k = 0; k < CURVE_POINTS; k++) {
                double yv = py.applyAsDouble(f.apply(curveU[k] + ref));
                if (k == 0) g.moveTo(px.applyAsDouble(curveU[k]), yv); else g.lineTo(px.applyAsDouble(curveU[k]), yv);
            }
            g.stroke();
            g.setLineDashes((double[]) null);
        }
        g.setStroke(pal.get(Key.CURVE));
        g.setLineWidth(2.5);
        g.beginPath();
        for (int k = 0; k < CURVE_POINTS; k++) {
            double xv = px.applyAsDouble(curveU[k]), yv = py.applyAsDouble(curveF[k]);
            if (k == 0) g.moveTo(xv, yv); else g.lineTo(xv, yv);
        }
        g.stroke();
        drawSamples(g, data, labels, b, f, px, py, left, right);
    }

    /** Fits the u axis to the samples, the curve's middle and the reference; it then stays until asked again. */
    private void fitAxis(double b, double ref, NeuronRef n) {
        double lo = -b, hi = -b;
        for (double u : sampleU) { lo = Math.min(lo, u); hi = Math.max(hi, u); }
        if (Double.isFinite(ref)) { lo = Math.min(lo, -ref); hi = Math.max(hi, -ref); }
        double pad = Math.max(3, (hi - lo) * 0.15);
        uLo = lo - pad;
        uHi = hi + pad;
        fittedFor = n;
    }

    /**
     * The samples on the current curve in their class colour; samples within a dot of each other share one label
     * (names joined), stacked labels never overlap.
     */
    private long[] drawnAt = new long[0]; // per dot position, the drawing that last drew a dot there
    private long drawStamp;

    private void drawSamples(GraphicsContext g, Dataset data, double[] labels, double b, Activation f,
                             java.util.function.DoubleUnaryOperator px, java.util.function.DoubleUnaryOperator py, double left, double right) {
        Palette pal = Palette.current();
        List<double[]> spots = new ArrayList<>(); // x, y
        List<StringBuilder> names = new ArrayList<>();
        // Every sample sits on the curve, so two of a class in the same pixel column (or at the same height off the
        // axis, on the same side) draw the same dot: with many samples each such dot is drawn once, which bounds the
        // work by the plot's size rather than the data's (10,000 samples: a few hundred dots per frame).
        int columns = (int) Math.max(1, right - left + 40);
        if (drawnAt.length < 2 * columns + 8192) drawnAt = new long[2 * columns + 8192];
        long stamp = ++drawStamp;
        for (int i = 0; i < sampleU.length; i++) {
            double xv = px.applyAsDouble(sampleU[i]), yv = py.applyAsDouble(f.apply(sampleU[i] + b));
            // Off the fixed axis (the weights moved it there): an arrow at the edge that points to it, "Fit" brings it in.
            int off = xv < left - 5 ? -1 : xv > right + 5 ? 1 : 0;
            int cls = labels[i] >= 0.5 ? 1 : 0;
            int slot = off == 0 ? 2 * (int) Math.max(0, Math.min(columns - 1, xv - left + 20)) + cls
                    : 2 * columns + 4 * (int) Math.max(0, Math.min(2047, yv)) + (off < 0 ? 0 : 2) + cls;
            if (sampleU.length > 12) { // a few samples are all drawn (and named); many, one dot per place
                if (drawnAt[slot] == stamp) continue; // a dot of this class is there already
                drawnAt[slot] = stamp;
            }
            g.setFill(pal.classColor(labels[i] >= 0.5));
            g.setStroke(pal.get(Key.POINT_OUTLINE));
            g.setLineWidth(1.5);
            if (off == 0) {
                g.fillOval(xv - 5, yv - 5, 10, 10);
                g.strokeOval(xv - 5, yv - 5, 10, 10);
            } else {
                xv = off < 0 ? left + 6 : right - 6;
                double[] tx = { xv - 6 * off, xv + 5 * off, xv + 5 * off }, ty = { yv, yv - 6, yv + 6 };
                g.fillPolygon(tx, ty, 3);
                g.strokePolygon(tx, ty, 3);
            }
            if (sampleU.length > 12) continue; // names only for a few samples
            String name = data.nameOf(i);
            if (off != 0 && name != null && !name.isEmpty()) name = off < 0 ? "← " + name : name + " →";
            if (name == null || name.isEmpty()) continue;
            int at = -1;
            for (int k = 0; k < spots.size(); k++) {
                if (Math.abs(spots.get(k)[0] - xv) < 10 && Math.abs(spots.get(k)[1] - yv) < 10) at = k;
            }
            if (at < 0) {
                spots.add(new double[] { xv, yv });
                names.add(new StringBuilder(name));
            } else {
                names.get(at).append(", ").append(name);
            }
        }
        g.setFill(pal.get(Key.TEXT));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        List<double[]> boxes = new ArrayList<>();
        List<String> drawn = new ArrayList<>();
        for (int k = 0; k < spots.size(); k++) {
            String text = names.get(k).toString();
            double tw = text.length() * 6.5, x = Math.max(left + tw / 2, Math.min(right - tw / 2, spots.get(k)[0])), y = spots.get(k)[1] - 7;
            for (double[] box : boxes) { // stack above a label already there
                if (Math.abs(box[0] - x) < (box[2] + tw) / 2 && Math.abs(box[1] - y) < 13) y = box[1] - 14;
            }
            boxes.add(new double[] { x, y, tw });
            g.fillText(text, x, y);
            drawn.add(text);
        }
        drawnLabels = List.copyOf(drawn);
    }
}
