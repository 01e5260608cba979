package lab.backprop.ui;

import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Slider;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import lab.backprop.support.Numbers;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.model.Workspace;

/**
 * The activation of the selected neuron, f(u + b), against its weighted input without bias u = w.x,
 * so that moving the bias slides the whole curve sideways. Each training sample sits on the curve at
 * its own u; a dashed curve keeps the bias from when the neuron was selected or training last stopped.
 */
public final class SigmoidShiftView extends BorderPane {
    static final Color CURVE = Color.web("#2563eb");
    static final Color REFERENCE = Color.web("#9ca3af");
    static final Color POSITIVE_CLASS = Color.web("#db2777");
    static final Color NEGATIVE_CLASS = Color.web("#0d9488");
    private static final int CURVE_POINTS = 160;

    private final LabViewModel vm;
    private final ResizableCanvas plot = new ResizableCanvas(this::draw);
    private final Label title = new Label();
    private final Slider biasSlider = new Slider(-10, 10, 0);
    private final Label biasValue = new Label();
    private final Label legend = new Label();
    private boolean fromModel;
    private long lastUserEdit;

    // What the last draw computed, kept for tests and for anyone who wants the numbers.
    private double[] curveU = new double[0];
    private double[] curveF = new double[0];
    private double[] sampleU = new double[0];
    private final WhenShown whenShown = new WhenShown(this, this::update);

    public SigmoidShiftView(LabViewModel vm) {
        this.vm = vm;
        getStyleClass().add("panel");
        title.getStyleClass().add("panel-title");
        title.setId("sigmoidTitle");
        biasSlider.setId("biasSlider");
        biasSlider.setTooltip(new Tooltip("Bias of the selected neuron: the curve slides left or right; acts at once, also while training"));
        biasSlider.setShowTickMarks(true);
        biasSlider.setMajorTickUnit(5);
        biasSlider.setBlockIncrement(0.1);
        HBox.setHgrow(biasSlider, Priority.ALWAYS);
        biasValue.setId("biasValue");
        biasValue.setMinWidth(70);
        legend.getStyleClass().add("muted");
        legend.setWrapText(true);
        Label biasLabel = new Label("Bias");
        HBox sliderRow = new HBox(8, biasLabel, biasSlider, biasValue);
        sliderRow.setPadding(new Insets(6, 0, 0, 0));
        VBox bottom = new VBox(4, sliderRow, legend);
        setTop(title);
        setCenter(plot);
        setBottom(bottom);

        biasSlider.valueProperty().addListener((o, a, b) -> {
            biasValue.setText(Numbers.brief(b.doubleValue()));
            if (fromModel) return;
            NeuronRef n = vm.selectedNeuronProperty().get();
            if (n == null || n.isInput()) return;
            lastUserEdit = System.nanoTime();
            vm.setBias(n, b.doubleValue());
            draw();
        });
        // Hidden (another tab chosen), the plot skips snapshots and catches up when shown.
        vm.snapshotProperty().addListener((o, a, b) -> whenShown.request());
        vm.selectedNeuronProperty().addListener((o, a, b) -> update());
        vm.referenceBiasProperty().addListener((o, a, b) -> draw());
        update();
    }

    public Slider biasSlider() { whenShown.flush(); return biasSlider; }

    /** u of the curve points of the last draw. */
    public double[] curveU() { whenShown.flush(); return curveU.clone(); }

    /** f(u + b) of the curve points of the last draw. */
    public double[] curveF() { whenShown.flush(); return curveF.clone(); }

    /** Where the curve is at half height (sigmoid: u = -b): moves when the bias moves. */
    public double curveMidpoint() {
        NeuronRef n = vm.selectedNeuronProperty().get();
        return -currentBias(vm.snapshot(), n);
    }

    /** u = w.x of each training sample at the selected neuron. */
    public double[] sampleU() { whenShown.flush(); return sampleU.clone(); }

    private void update() {
        Snapshot s = vm.snapshot();
        NeuronRef n = vm.selectedNeuronProperty().get();
        if (s == null || n == null || n.isInput() || !n.fits(s.layout())) {
            title.setText("Click a hidden or output neuron to see its activation");
            draw();
            return;
        }
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
        legend.setText("solid: bias now " + Numbers.brief(currentBias(s, n)) + "    dashed: bias " + Numbers.brief(vm.referenceBiasProperty().get())
                + " (when selected / training last stopped)    dots: the samples (" + vm.dataset().positiveClass() + " pink, "
                + vm.dataset().negativeClass() + " teal)");
        draw();
    }

    private static double currentBias(Snapshot s, NeuronRef n) {
        if (s == null || n == null || n.isInput() || !n.fits(s.layout())) return Double.NaN;
        return s.bias(s.layout().biasIndex(n.layer(), n.index()));
    }

    private void draw() {
        GraphicsContext g = plot.canvas.getGraphicsContext2D();
        double w = plot.canvas.getWidth(), h = plot.canvas.getHeight();
        g.clearRect(0, 0, w, h);
        Snapshot s = vm.snapshot();
        NeuronRef n = vm.selectedNeuronProperty().get();
        if (s == null || n == null || n.isInput() || !n.fits(s.layout()) || w < 60 || h < 40) return;
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
        double uLo = -b, uHi = -b;
        for (double u : sampleU) { uLo = Math.min(uLo, u); uHi = Math.max(uHi, u); }
        if (Double.isFinite(ref)) { uLo = Math.min(uLo, -ref); uHi = Math.max(uHi, -ref); }
        double pad = Math.max(3, (uHi - uLo) * 0.15);
        uLo -= pad;
        uHi += pad;

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
        double left = 44, right = w - 12, top = 10, bottom = h - 26;
        double fLoF = fLo, fSpan = (fHi - fLo) * 1.05;
        double uLoF = uLo, uSpan = uHi - uLo;
        java.util.function.DoubleUnaryOperator px = u -> left + (right - left) * (u - uLoF) / uSpan;
        java.util.function.DoubleUnaryOperator py = v -> bottom - (bottom - top) * (v - fLoF) / fSpan;

        g.setFont(Font.font(11));
        g.setLineWidth(1);
        g.setStroke(Color.web("#e5e7eb"));
        g.setFill(Color.web("#4b5563"));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k <= 4; k++) {
            double v = fLo + (fHi - fLo) * k / 4;
            double y = py.applyAsDouble(v);
            g.strokeLine(left, y, right, y);
            g.fillText(Numbers.brief(v), left - 4, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int k = 0; k <= 4; k++) {
            double u = uLo + uSpan * k / 4;
            g.fillText(String.format(java.util.Locale.ROOT, "%.1f", u), px.applyAsDouble(u), bottom + 5);
        }
        g.setStroke(Color.web("#9ca3af"));
        g.strokeLine(left, top, left, bottom);
        g.strokeLine(left, bottom, right, bottom);

        if (Double.isFinite(ref)) {
            g.setStroke(REFERENCE);
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
        g.setStroke(CURVE);
        g.setLineWidth(2.5);
        g.beginPath();
        for (int k = 0; k < CURVE_POINTS; k++) {
            double xv = px.applyAsDouble(curveU[k]), yv = py.applyAsDouble(curveF[k]);
            if (k == 0) g.moveTo(xv, yv); else g.lineTo(xv, yv);
        }
        g.stroke();
        // The samples, on the current curve.
        for (int i = 0; i < sampleU.length; i++) {
            double xv = px.applyAsDouble(sampleU[i]), yv = py.applyAsDouble(f.apply(sampleU[i] + b));
            g.setFill(labels[i] >= 0.5 ? POSITIVE_CLASS : NEGATIVE_CLASS);
            g.fillOval(xv - 5, yv - 5, 10, 10);
            g.setStroke(Color.WHITE);
            g.setLineWidth(1.5);
            g.strokeOval(xv - 5, yv - 5, 10, 10);
            String name = data.sample(i).name();
            if (name != null && !name.isEmpty() && sampleU.length <= 12) {
                g.setFill(Color.web("#374151"));
                g.setTextBaseline(VPos.BOTTOM);
                g.fillText(name, xv, yv - 7);
            }
        }
    }
}
