package lab.backprop.ui;

import java.util.function.UnaryOperator;

import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.backprop.data.Dataset;
import lab.backprop.model.Layout;
import lab.backprop.model.Snapshot;
import lab.backprop.session.Session;
import lab.backprop.train.DatasetGradient;
import lab.backprop.train.LabController;
import lab.backprop.train.LossHistory;
import lab.backprop.train.ParameterHistory;
import lab.backprop.train.RunState;
import lab.backprop.train.StepSize;
import lab.backprop.train.TrainingSetup;

/**
 * The window's thin JavaFX adapter over the pure-Java {@link LabController}: the controller's state as properties,
 * refreshed once per frame by an {@link AnimationTimer} (and right after each command), the commands forwarded to it,
 * and what only the window has: the selected neuron, the probe input and its answer, the gradient overlay. FX thread
 * only; the controller owns the one training thread.
 *
 * <p>How views subscribe: every view takes this view-model in its constructor and listens to the properties it
 * shows (and calls the commands it offers). One way for all, so that a view is one class plus one row in
 * {@link Views}, and a view test needs nothing but a view-model (whose controller trains in milliseconds).
 */
public final class LabViewModel {
    public static final int MAX_HIDDEN_NEURONS = LabController.Limits.MAX_WINDOW_NEURONS;
    public static final int MAX_HIDDEN_LAYERS = LabController.Limits.MAX_WINDOW_LAYERS;
    public static final double MIN_RATE = 0.001;
    public static final double MAX_RATE = 10;

    private final LabController lab;
    private final ReadOnlyObjectWrapper<TrainingSetup> setup = new ReadOnlyObjectWrapper<>(this, "setup");
    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>(this, "dataset");
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<LossHistory> lossHistory = new ReadOnlyObjectWrapper<>(this, "lossHistory");
    private final ReadOnlyObjectWrapper<ParameterHistory> parameterHistory = new ReadOnlyObjectWrapper<>(this, "parameterHistory");
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.IDLE);
    private final ReadOnlyDoubleWrapper stepsPerSecond = new ReadOnlyDoubleWrapper(this, "stepsPerSecond", 0);
    private final ReadOnlyStringWrapper alert = new ReadOnlyStringWrapper(this, "alert");
    private final ReadOnlyStringWrapper alertParameter = new ReadOnlyStringWrapper(this, "alertParameter");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
    private final javafx.beans.property.ReadOnlyLongWrapper generationShown = new javafx.beans.property.ReadOnlyLongWrapper(this, "generation");
    private final DoubleProperty epochsPerSecond = new SimpleDoubleProperty(this, "epochsPerSecond", 300);
    private final ObjectProperty<NeuronRef> selectedNeuron = new SimpleObjectProperty<>(this, "selectedNeuron", new NeuronRef(1, 0));
    private final ReadOnlyDoubleWrapper referenceBias = new ReadOnlyDoubleWrapper(this, "referenceBias", Double.NaN);
    private final ObjectProperty<double[]> probeInput = new SimpleObjectProperty<>(this, "probeInput");
    private final ReadOnlyObjectWrapper<Probe> probe = new ReadOnlyObjectWrapper<>(this, "probe");
    private final BooleanProperty showGradients = new SimpleBooleanProperty(this, "showGradients", false);
    private final BooleanProperty showNames = new SimpleBooleanProperty(this, "showNames", false);
    private final ObjectProperty<java.util.List<lab.backprop.model.StepTrace.Computation>> traceDone =
            new SimpleObjectProperty<>(this, "traceDone", java.util.List.of());
    private final javafx.beans.property.ObjectProperty<StepSize> stepSize =
            new javafx.beans.property.SimpleObjectProperty<>(this, "stepSize", StepSize.EPOCH);
    private final ReadOnlyObjectWrapper<double[]> gradients = new ReadOnlyObjectWrapper<>(this, "gradients");
    private final ObservableList<String> datasetNames = FXCollections.observableArrayList();
    private long generation = -1;
    private long finishedRuns;
    private LabController.Alert seenAlert;
    private LabController.Notice seenNotice;
    private final RateMeter rate = new RateMeter();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override public void handle(long now) { pull(now); }
    };

    /** The window's start: the seeds' 2-2-1 on gender with seed 001's preset. */
    public LabViewModel() { this(LabController.defaultSetup()); }

    public LabViewModel(TrainingSetup start) {
        lab = new LabController(start);
        lab.setEpochsPerSecond(epochsPerSecond.get());
        epochsPerSecond.addListener((o, a, b) -> lab.setEpochsPerSecond(b.doubleValue()));
        selectedNeuron.addListener((o, a, b) -> captureReferenceBias());
        snapshot.addListener((o, a, b) -> { updateProbe(); updateGradients(); });
        probeInput.addListener((o, a, b) -> updateProbe());
        showGradients.addListener((o, a, b) -> updateGradients());
        probeInput.set(start.data().sample(0).raw());
        pull(System.nanoTime());
        timer.start();
    }

    // ---- What views show -----------------------------------------------------------------------------------

    /** How the lab trains: data, network shape, start, batching, rule, rate, epochs. Change it with {@link #changeSetup}. */
    public ReadOnlyObjectProperty<TrainingSetup> setupProperty() { return setup.getReadOnlyProperty(); }
    public TrainingSetup setup() { return setup.get(); }
    /** The data set being trained on (the setup's). Change it with {@link #selectDataset}. */
    public ReadOnlyObjectProperty<Dataset> datasetProperty() { return dataset.getReadOnlyProperty(); }
    public Dataset dataset() { return dataset.get(); }
    /** The newest network picture; updated at most once per frame. */
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }
    public Snapshot snapshot() { return snapshot.get(); }
    /** The loss per epoch of the current network (bounded buckets); a new object after each reset. */
    public ReadOnlyObjectProperty<LossHistory> lossHistoryProperty() { return lossHistory.getReadOnlyProperty(); }
    public LossHistory lossHistory() { return lossHistory.get(); }
    /** Every epoch's parameters (bounded), recorded by the training thread; a new object after each reset. */
    public ReadOnlyObjectProperty<ParameterHistory> parameterHistoryProperty() { return parameterHistory.getReadOnlyProperty(); }
    public ParameterHistory parameterHistory() { return parameterHistory.get(); }
    public ReadOnlyObjectProperty<RunState> stateProperty() { return state.getReadOnlyProperty(); }
    public RunState state() { return state.get(); }
    public ReadOnlyDoubleProperty stepsPerSecondProperty() { return stepsPerSecond.getReadOnlyProperty(); }
    /** The latest problem to show the user (e.g. divergence); set again for every new problem. */
    public ReadOnlyStringProperty alertProperty() { return alert.getReadOnlyProperty(); }
    /** The parameter the latest problem names ("w5"), null when none or when the network changed since. */
    public ReadOnlyStringProperty alertParameterProperty() { return alertParameter.getReadOnlyProperty(); }
    /** News that is no problem (a stuck run, training on from a rewound epoch); set anew each time. */
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }
    /** Goes up whenever the lab installs a new network (reset, data set, session, swap): views drop what was about the old. */
    public javafx.beans.property.ReadOnlyLongProperty generationProperty() { return generationShown.getReadOnlyProperty(); }
    /** A refusal a view reports (an edit the data cannot take, say), for the window to show; set anew each time. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** Pace of training; 0 means full speed. */
    public DoubleProperty epochsPerSecondProperty() { return epochsPerSecond; }
    /** The neuron whose activation curve is shown; never an input. */
    public ObjectProperty<NeuronRef> selectedNeuronProperty() { return selectedNeuron; }
    /** Bias of the selected neuron when it was selected or when training last stopped. */
    public ReadOnlyDoubleProperty referenceBiasProperty() { return referenceBias.getReadOnlyProperty(); }
    /** Raw input (pounds, inches; or x1, x2) of the predict panel; the graph shows its activations. */
    public ObjectProperty<double[]> probeInputProperty() { return probeInput; }
    /** The probe input pushed through the current snapshot. */
    public ReadOnlyObjectProperty<Probe> probeProperty() { return probe.getReadOnlyProperty(); }
    /** dL/dparam summed over the training samples (weights then biases) when {@link #showGradientsProperty()} is on, else null. */
    public ReadOnlyObjectProperty<double[]> gradientsProperty() { return gradients.getReadOnlyProperty(); }
    public BooleanProperty showGradientsProperty() { return showGradients; }
    /**
     * The step-through's computations so far, the current one last (empty when not stepping through): the graph
     * highlights the last and keeps the values of the others.
     */
    public ObjectProperty<java.util.List<lab.backprop.model.StepTrace.Computation>> traceDoneProperty() { return traceDone; }
    /** Whether the graph names every parameter (w1.., b1..) beside its value. */
    public BooleanProperty showNamesProperty() { return showNames; }
    /** How far Step trains: one update or one epoch. */
    public javafx.beans.property.ObjectProperty<StepSize> stepSizeProperty() { return stepSize; }
    /** Names of the data sets to choose from (built-in, opened, edited); see {@link #knownDataset}. */
    public ObservableList<String> datasetNames() { return FXCollections.unmodifiableObservableList(datasetNames); }
    /** The data set listed under {@code name} (with any points added by hand), or null. */
    public Dataset knownDataset(String name) { return lab.known(name); }
    /** The network's layout the setup asks for. */
    public Layout layout() { return setup.get().layout(); }
    /** The rate the trainer itself uses now. */
    public double trainerLearningRate() { return lab.trainerLearningRate(); }
    /** The controller behind this view-model (tests and tools wait on it). */
    public LabController controller() { return lab; }

    // ---- Commands ------------------------------------------------------------------------------------------

    /** New settings: a new rate or epoch count acts at once, any other change draws fresh weights. Null if done, else why not. */
    public String changeSetup(TrainingSetup next) { return after(lab.changeSetup(next)); }
    /** {@link #changeSetup} of the current setup changed by {@code edit}, e.g. {@code s -> s.withSeed(3)}. */
    public String editSetup(UnaryOperator<TrainingSetup> edit) { return changeSetup(edit.apply(setup.get())); }
    /** Sets the learning rate at once, also while training; a non-positive rate is refused (null if done). */
    public String setLearningRate(double rate) { return after(lab.setLearningRate(rate)); }

    /** Switches to a data set with its preset (the architecture stays) and fresh weights; refuses one the window cannot show. */
    public void selectDataset(Dataset data) {
        String problem = loadDataset(data);
        if (problem != null) throw new IllegalArgumentException(problem);
    }

    /** Makes {@code data} (e.g. an opened CSV) the current data set, known by its name; null if done, else why not. */
    public String loadDataset(Dataset data) {
        String problem = lab.selectData(data);
        if (problem == null) probeInput.set(data.sample(0).raw());
        return after(problem);
    }

    /** Trains on these input features of the data's two coordinates (fresh weights); null if done, else why not. */
    public String setFeatures(java.util.List<lab.backprop.data.Feature> features) { return after(lab.setFeatures(features)); }

    /** New data, same weights and epoch (points added or removed by hand); a run goes on. Null if done, else why not. */
    public String replaceData(Dataset data) { return replaceData(data, "change the data"); }
    /** The same, named for Undo: "add point", "remove point", "new points". */
    public String replaceData(Dataset data, String what) { return after(lab.replaceData(data, what)); }
    /** Edit ▸ Undo / Redo of the newest edit by hand; null if done, else why not. */
    public String undo() { return replayed(lab.undo()); }
    public String redo() { return replayed(lab.redo()); }

    /** After Undo or Redo: other data put back get their first sample as the probe input, as a data set opened does. */
    private String replayed(String problem) {
        Dataset was = dataset.get();
        after(problem);
        Dataset now = dataset.get();
        if (now != was && now != null && (was == null || !now.name().equals(was.name()))) probeInput.set(now.sample(0).raw());
        return problem;
    }

    /** Puts a saved session in place; null if done, else why not (the window shows 2 inputs, 1-3 equal hidden layers up to 8). */
    public String loadSession(Session saved) { return loadSession(saved, "open session"); }

    /** The same, named for Undo ("open run.json"). */
    public String loadSession(Session saved, String what) {
        String problem = lab.load(saved.setup(), saved.network(), saved.updateState(), what);
        if (problem == null) probeInput.set(saved.dataset().sample(0).raw());
        return after(problem);
    }

    /** Puts a given network in place with its setup (a lesson step, a hand-made network); null if done, else why not. */
    public String install(TrainingSetup with, Snapshot network) { return after(lab.load(with, network, new double[0], "lesson step")); }

    /** What Save session writes: the newest published network and its setup, taken together. */
    public Session currentSession() {
        LabController.Published p = lab.published();
        return new Session(p.network(), p.setup(), p.updateState());
    }

    public void reset() { lab.reset(); after(null); }
    public void train() { lab.train(); after(null); }
    public void pause() { lab.pause(); after(null); }
    public void resume() { lab.resume(); after(null); }
    public void togglePause() { lab.togglePause(); after(null); }
    /** One epoch, when nothing is running. */
    public void step() { stepBy(stepSize.get() == null ? StepSize.EPOCH : stepSize.get()); }
    /** One update or one epoch, whatever the Step choice says. */
    public void stepBy(StepSize size) { lab.step(size); after(null); }

    /** Sets one parameter (weights first, then biases) from typed text; null if done, else what is wrong. */
    public String editParameter(int parameter, String text) { return lab.editParameter(parameter, text); }
    /** Sets one parameter (weights first, then biases); shown within a frame, whatever the pace. */
    public void setParameter(int parameter, double value) { lab.setParameter(parameter, value); }
    /** Sets the bias of a (non-input) neuron. */
    public void setBias(NeuronRef neuron, double value) { setParameter(neuron.biasParameter(snapshot.get().layout()), value); }
    /** Puts back an earlier epoch's parameters (same layout), pausing a run first; false if the layout differs. */
    public boolean restoreParameters(Snapshot earlier) { return lab.restoreParameters(earlier); }

    /** Reports a refusal to the window (see {@link #problemProperty()}). */
    public void report(String why) { problem.set(null); problem.set(why); }

    /** Stops the timer and the training thread; for closing the window. */
    public void dispose() { timer.stop(); lab.close(); }

    // ---- Inside ----------------------------------------------------------------------------------------------

    /** Shows the command's effect now rather than at the next frame; passes its answer on. */
    private String after(String problem) {
        pull(System.nanoTime());
        return problem;
    }

    /** Copies what the controller publishes into the properties; once per frame and after every command. */
    private void pull(long now) {
        if (lab.generation() != generation) {
            generation = lab.generation();
            for (String n : lab.knownNames()) if (!datasetNames.contains(n)) datasetNames.add(n);
            setup.set(lab.setup());
            if (dataset.get() != setup.get().data()) dataset.set(setup.get().data());
            lossHistory.set(lab.lossHistory());
            parameterHistory.set(lab.parameterHistory());
            NeuronRef sel = selectedNeuron.get();
            if (sel == null || sel.isInput() || !sel.fits(setup.get().layout())) selectedNeuron.set(new NeuronRef(1, 0));
            snapshot.set(lab.latest());
            captureReferenceBias();
            generationShown.set(generation);
            alertParameter.set(null);
        } else if (lab.setup() != setup.get()) setup.set(lab.setup()); // a new rate, regularisation or epoch count
        long runs = lab.finishedRuns(); // before the snapshot: a run's last snapshot is published before it counts as finished
        Snapshot latest = lab.latest();
        if (latest != snapshot.get()) snapshot.set(latest);
        RunState st = lab.state();
        if (st != state.get()) {
            if (st == RunState.RUNNING) rate.start(now, lab.steps()); else stepsPerSecond.set(0);
            state.set(st);
        }
        if (runs != finishedRuns) { finishedRuns = runs; captureReferenceBias(); }
        LabController.Notice n = lab.notice();
        if (n != seenNotice) {
            seenNotice = n;
            notice.set(null);
            if (n != null) notice.set(n.message());
        }
        LabController.Alert a = lab.alert();
        if (a != seenAlert) {
            seenAlert = a;
            alert.set(null);
            alertParameter.set(a == null ? null : a.parameter());
            if (a != null) alert.set(a.message());
        }
        double r = st == RunState.RUNNING ? rate.sample(now, lab.steps()) : Double.NaN;
        if (!Double.isNaN(r)) stepsPerSecond.set(r);
    }

    private void captureReferenceBias() {
        NeuronRef n = selectedNeuron.get();
        Snapshot s = snapshot.get();
        referenceBias.set(n == null || s == null || n.isInput() || !n.fits(s.layout()) ? Double.NaN
                : s.bias(s.layout().biasIndex(n.layer(), n.index())));
    }

    private void updateProbe() {
        Snapshot s = snapshot.get();
        double[] raw = probeInput.get();
        if (s == null || raw == null || dataset.get() == null || raw.length != dataset.get().featureCount()) return;
        probe.set(Probe.of(s, dataset.get(), raw));
    }

    private void updateGradients() {
        Snapshot s = snapshot.get();
        gradients.set(showGradients.get() && s != null ? DatasetGradient.of(s, lab.trainingData(), setup.get().loss()) : null);
    }
}
