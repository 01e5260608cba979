package lab.backprop.ui;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.train.DatasetGradient;
import lab.backprop.train.DivergenceException;
import lab.backprop.train.LossHistory;
import lab.backprop.train.ParameterHistory;
import lab.backprop.train.NetworkFactory;
import lab.backprop.train.Optimizer;
import lab.backprop.train.Trainer;
import lab.backprop.train.TrainingLoop;

/**
 * Everything the window shows, as JavaFX properties, and the commands its buttons call.
 * Use it from the FX thread only.
 *
 * <p>Threading: one single-thread executor is "the training thread". It alone touches the trainer
 * (runs, steps, edits). The trainer publishes immutable snapshots into its {@link TrainingLoop}; an
 * {@link AnimationTimer} copies the newest into {@link #snapshotProperty()} once per frame, so the
 * FX thread is never called once per step. Parameter edits reach the trainer through
 * {@link Trainer#submitEdit}, the learning rate through its volatile {@link Trainer#learningRate()}.
 */
public final class LabViewModel {
    /** Mini-batch size used by the mini-batch optimizer. */
    public static final int MINI_BATCH_SIZE = 2;
    public static final int MAX_HIDDEN_NEURONS = 8;
    public static final int MAX_HIDDEN_LAYERS = 3;
    public static final double MIN_RATE = 0.001;
    public static final double MAX_RATE = 10;

    /** Starting values per data set, as the seeds use them. */
    public record Preset(Optimizer optimizer, Initializer initializer, long seed, double learningRate, long epochs) {
        /** Seed 001: gender, SGD, standard normal, rate 0.1, 1000 epochs. Seed 000: XOR, full batch, uniform [0,1), rate 1, 5000 epochs. */
        public static Preset forDataset(String name) {
            // Own data gets seed 001's settings, as in the CLI (RunDefaults): per-sample steps at a modest rate are
            // safe on any scale of data.
            return name.equals("xor")
                    ? new Preset(Optimizer.BATCH, Initializer.UNIFORM_0_1, 0, 1.0, 5000)
                    : new Preset(Optimizer.SGD, Initializer.STANDARD_NORMAL, 1, 0.1, 1000);
        }
    }

    /** The trainer, its loop and its loss history: replaced as a whole on every reset. */
    private record Session(Trainer trainer, TrainingLoop loop, Dataset data) { }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "backprop-trainer");
        t.setDaemon(true);
        return t;
    });

    // Settings.
    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>(this, "dataset", BuiltinDatasets.gender());
    private final ObjectProperty<Optimizer> optimizer = new SimpleObjectProperty<>(this, "optimizer", Optimizer.SGD);
    private final ObjectProperty<Activation> activation = new SimpleObjectProperty<>(this, "activation", Activation.SIGMOID);
    private final ObjectProperty<Initializer> initializer = new SimpleObjectProperty<>(this, "initializer", Initializer.STANDARD_NORMAL);
    private final IntegerProperty hiddenNeurons = new SimpleIntegerProperty(this, "hiddenNeurons", 2);
    private final IntegerProperty hiddenLayers = new SimpleIntegerProperty(this, "hiddenLayers", 1);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate", 0.1);
    private final LongProperty epochs = new SimpleLongProperty(this, "epochs", 1000);
    private final DoubleProperty epochsPerSecond = new SimpleDoubleProperty(this, "epochsPerSecond", 300);
    private final BooleanProperty showGradients = new SimpleBooleanProperty(this, "showGradients", false);

    // State.
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ParameterHistory parameterHistory = new ParameterHistory();
    private final ReadOnlyObjectWrapper<LossHistory> lossHistory = new ReadOnlyObjectWrapper<>(this, "lossHistory");
    private final ReadOnlyObjectWrapper<TrainingState> state = new ReadOnlyObjectWrapper<>(this, "state", TrainingState.IDLE);
    private final ObjectProperty<NeuronRef> selectedNeuron = new SimpleObjectProperty<>(this, "selectedNeuron", new NeuronRef(1, 0));
    private final ReadOnlyDoubleWrapper referenceBias = new ReadOnlyDoubleWrapper(this, "referenceBias", Double.NaN);
    private final ObjectProperty<double[]> probeInput = new SimpleObjectProperty<>(this, "probeInput");
    private final ReadOnlyObjectWrapper<Probe> probe = new ReadOnlyObjectWrapper<>(this, "probe");
    private final ReadOnlyObjectWrapper<double[]> gradients = new ReadOnlyObjectWrapper<>(this, "gradients");
    private final ReadOnlyDoubleWrapper stepsPerSecond = new ReadOnlyDoubleWrapper(this, "stepsPerSecond", 0);
    private final ReadOnlyStringWrapper alert = new ReadOnlyStringWrapper(this, "alert");

    /** Data sets the choice box offers: the built-in ones, then imported or edited ones, by name. */
    private final java.util.Map<String, Dataset> known = new java.util.LinkedHashMap<>();
    private final ObservableList<String> datasetNames = FXCollections.observableArrayList();

    private Session session;
    private Task<TrainingLoop.Outcome> currentRun;
    private long runTargetEpoch;
    private boolean applyingPreset;
    private long rateSampleNanos;
    private long rateSampleSteps;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override public void handle(long now) { pullLatest(now); }
    };

    public LabViewModel() {
        for (String n : BuiltinDatasets.names()) known.put(n, BuiltinDatasets.byName(n));
        datasetNames.setAll(known.keySet());
        Preset p = Preset.forDataset(dataset.get().name());
        applyPreset(p);
        probeInput.set(dataset.get().sample(0).raw());
        newSession();
        learningRate.addListener((o, a, b) -> {
            double r = b.doubleValue();
            if (Double.isFinite(r) && r > 0) session.trainer.learningRate().set(r);
            else learningRate.set(a.doubleValue()); // refused: keep the rate that is in use
        });
        epochsPerSecond.addListener((o, a, b) -> session.loop.setEpochsPerSecond(b.doubleValue()));
        optimizer.addListener((o, a, b) -> settingChanged());
        activation.addListener((o, a, b) -> settingChanged());
        initializer.addListener((o, a, b) -> settingChanged());
        hiddenNeurons.addListener((o, a, b) -> settingChanged());
        hiddenLayers.addListener((o, a, b) -> settingChanged());
        selectedNeuron.addListener((o, a, b) -> captureReferenceBias());
        snapshot.addListener((o, a, b) -> { updateProbe(); updateGradients(); });
        probeInput.addListener((o, a, b) -> updateProbe());
        showGradients.addListener((o, a, b) -> updateGradients());
        updateProbe();
        timer.start();
    }

    // ---- Properties other panels bind to -------------------------------------------------------

    /** The data set being trained on. Change it with {@link #selectDataset}. */
    public ReadOnlyObjectProperty<Dataset> datasetProperty() { return dataset.getReadOnlyProperty(); }
    public Dataset dataset() { return dataset.get(); }
    /** The newest network picture; updated at most once per frame by the animation timer. */
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }
    public Snapshot snapshot() { return snapshot.get(); }
    /** The loss per epoch of the current run (bounded buckets); a new object after each reset. */
    public ReadOnlyObjectProperty<LossHistory> lossHistoryProperty() { return lossHistory.getReadOnlyProperty(); }
    public LossHistory lossHistory() { return lossHistory.get(); }
    /** Every epoch's parameters of the current session (bounded), recorded by the training thread. */
    public ParameterHistory parameterHistory() { return parameterHistory; }
    public ReadOnlyObjectProperty<TrainingState> stateProperty() { return state.getReadOnlyProperty(); }
    public TrainingState state() { return state.get(); }
    /** The learning rate; setting it takes effect in the running trainer at once. Non-positive values are refused. */
    public DoubleProperty learningRateProperty() { return learningRate; }
    /** The neuron whose sigmoid is shown; never an input. */
    public ObjectProperty<NeuronRef> selectedNeuronProperty() { return selectedNeuron; }
    /** Bias of the selected neuron when it was selected or when training last stopped. */
    public ReadOnlyDoubleProperty referenceBiasProperty() { return referenceBias.getReadOnlyProperty(); }
    /** Raw input (pounds, inches; or x1, x2) of the predict panel; the graph shows its activations. */
    public ObjectProperty<double[]> probeInputProperty() { return probeInput; }
    /** The probe input pushed through the current snapshot. */
    public ReadOnlyObjectProperty<Probe> probeProperty() { return probe.getReadOnlyProperty(); }
    /** dL/dparam summed over the data set (weights then biases) when {@link #showGradientsProperty()} is on, else null. */
    public ReadOnlyObjectProperty<double[]> gradientsProperty() { return gradients.getReadOnlyProperty(); }
    public BooleanProperty showGradientsProperty() { return showGradients; }
    public ReadOnlyDoubleProperty stepsPerSecondProperty() { return stepsPerSecond.getReadOnlyProperty(); }
    /** The latest problem to show the user (e.g. divergence); set again for every new problem. */
    public ReadOnlyStringProperty alertProperty() { return alert.getReadOnlyProperty(); }

    public ObjectProperty<Optimizer> optimizerProperty() { return optimizer; }
    public ObjectProperty<Activation> activationProperty() { return activation; }
    public ObjectProperty<Initializer> initializerProperty() { return initializer; }
    /** Neurons per hidden layer, 1..8; changing it resets the network. */
    public IntegerProperty hiddenNeuronsProperty() { return hiddenNeurons; }
    /** Hidden layers, 1..3; changing it resets the network. */
    public IntegerProperty hiddenLayersProperty() { return hiddenLayers; }
    /** Seed used by the next {@link #reset()}. */
    public LongProperty seedProperty() { return seed; }
    /** Epochs that Train runs. */
    public LongProperty epochsProperty() { return epochs; }
    /** Pace of training; 0 means full speed. */
    public DoubleProperty epochsPerSecondProperty() { return epochsPerSecond; }

    /** Names of the data sets to choose from (built-in, imported, edited); see {@link #knownDataset}. */
    public ObservableList<String> datasetNames() { return FXCollections.unmodifiableObservableList(datasetNames); }

    /** The data set listed under {@code name} (with any points added by hand), or null. */
    public Dataset knownDataset(String name) { return known.get(name); }

    /** The layout the settings ask for: 2 inputs, the hidden layers, 1 output. */
    public Layout layout() {
        int[] sizes = new int[hiddenLayers.get() + 2];
        sizes[0] = dataset.get().featureCount();
        for (int l = 1; l <= hiddenLayers.get(); l++) sizes[l] = hiddenNeurons.get();
        sizes[sizes.length - 1] = 1;
        return new Layout(sizes);
    }

    /** The rate the trainer itself uses now (what the slider must have reached). */
    public double trainerLearningRate() { return session.trainer.learningRate().get(); }

    // ---- Commands ------------------------------------------------------------------------------

    /** Switches data set, applies its preset (optimizer, initialisation, seed, rate, epochs) and resets. */
    public void selectDataset(Dataset data) {
        if (data.featureCount() != 2) throw new IllegalArgumentException("the window shows data sets with 2 features");
        stopRun();
        dataset.set(data);
        applyPreset(Preset.forDataset(data.name()));
        probeInput.set(data.sample(0).raw());
        newSession();
    }

    /**
     * Makes any data set with 2 features (e.g. an imported CSV) the current one: it joins the choice list under its
     * name, gets its preset (own data: seed 001's SGD, normal start, seed 1, rate 0.1, 1000 epochs; the architecture
     * stays)
     * and a fresh network. Returns null if done, else why not (nothing changes then).
     */
    public String loadDataset(Dataset data) {
        String problem = checkData(data);
        if (problem != null) return problem;
        remember(data);
        selectDataset(data);
        return null;
    }

    /**
     * Replaces the data but keeps the network's parameters and epoch count (points added or removed by hand):
     * training goes on from the same weights on the new data, and a run that was going continues.
     * Returns null if done, else why not (nothing changes then).
     */
    public String replaceData(Dataset data) {
        String problem = checkData(data);
        if (problem != null) return problem;
        if (!data.featureNames().equals(dataset.get().featureNames()) || !java.util.Arrays.equals(data.shift(), dataset.get().shift())) {
            return "the new data has other features than '" + dataset.get().name() + "'; open it as a new data set instead";
        }
        boolean wasRunning = state.get() == TrainingState.RUNNING;
        long target = runTargetEpoch;
        Session old = session;
        stopRun();
        remember(data);
        Snapshot shown = old.loop.latest();
        Trainer trainer = new Trainer(shown.toNetwork(), data, old.trainer.optimizer(), old.trainer.learningRate().get(),
                MINI_BATCH_SIZE, seed.get());
        trainer.resumeAt(shown.epoch());
        TrainingLoop loop = new TrainingLoop(trainer, old.loop.history(), parameterHistory);
        loop.setEpochsPerSecond(epochsPerSecond.get());
        Session next = new Session(trainer, loop, data);
        session = next;
        dataset.set(data);
        // The old run may still be finishing its epoch: once it has (same thread, so in order), carry its exact
        // parameters and epoch over, then publish them measured on the new data.
        Network start = shown.toNetwork();
        worker.execute(() -> {
            old.trainer.applyEdits();
            trainer.applyEdits(); // edits typed since the swap: they win over the carried-over values
            Network exact = old.trainer.network();
            for (int p = 0; p < exact.layout().parameterCount(); p++) {
                if (trainer.network().parameter(p) == start.parameter(p)) trainer.submitEdit(p, exact.parameter(p));
            }
            trainer.resumeAt(old.trainer.epoch());
            loop.applyEditsAndPublish();
        });
        snapshot.set(loop.latest());
        if (wasRunning) startRun(0, target); // on to the epoch the run was heading for
        return null;
    }

    /**
     * Puts a saved session in place: its network (architecture, activations, weights, epoch), settings and data.
     * Returns null if done, else why not (nothing changes then): the window shows 2 inputs, 1 to 3 hidden layers of
     * equal size up to 8, one sigmoid output.
     */
    public String loadSession(lab.backprop.session.Session saved) {
        Layout l = saved.network().layout();
        String problem = checkData(saved.dataset());
        if (problem != null) return problem;
        int hiddenLayerCount = l.layerCount() - 2;
        boolean fits = l.inputSize() == 2 && l.outputSize() == 1 && hiddenLayerCount >= 1 && hiddenLayerCount <= MAX_HIDDEN_LAYERS
                && saved.network().outputActivation() == Activation.SIGMOID;
        for (int k = 1; fits && k <= hiddenLayerCount; k++) fits = l.size(k) == l.size(1) && l.size(k) <= MAX_HIDDEN_NEURONS;
        if (!fits) {
            return "this window shows networks with 2 inputs, 1 to " + MAX_HIDDEN_LAYERS + " hidden layers of the same size (up to "
                    + MAX_HIDDEN_NEURONS + ") and one sigmoid output; the session has " + l + " with a "
                    + saved.network().outputActivation() + " output";
        }
        Trainer trainer;
        try {
            trainer = saved.newTrainer();
        } catch (IllegalArgumentException e) {
            return "cannot train this session: " + e.getMessage();
        }
        stopRun();
        remember(saved.dataset());
        lab.backprop.session.HyperParameters h = saved.training();
        applyingPreset = true;
        try {
            dataset.set(saved.dataset());
            optimizer.set(h.optimizer());
            initializer.set(h.init());
            seed.set(h.seed());
            learningRate.set(h.learningRate());
            epochs.set(Math.max(1, h.epochs()));
            activation.set(saved.network().hiddenActivation());
            hiddenLayers.set(hiddenLayerCount);
            hiddenNeurons.set(l.size(1));
        } finally {
            applyingPreset = false;
        }
        probeInput.set(saved.dataset().sample(0).raw());
        trainer.learningRate().set(h.learningRate());
        install(trainer, saved.dataset());
        return null;
    }

    /**
     * The session to save: the newest published network (a consistent picture, also while training), the settings
     * and the data set.
     */
    public lab.backprop.session.Session currentSession() {
        Session s = session;
        return new lab.backprop.session.Session(s.loop.latest(), new lab.backprop.session.HyperParameters(optimizer.get(),
                trainerLearningRate(), epochs.get(), MINI_BATCH_SIZE, seed.get(), initializer.get()), s.data);
    }

    private static String checkData(Dataset data) {
        if (data == null) return "no data set";
        if (data.featureCount() != 2) {
            return "the window trains on 2 features; '" + data.name() + "' has " + data.featureCount();
        }
        if (data.isEmpty()) return "'" + data.name() + "' has no samples";
        return null;
    }

    private void remember(Dataset data) {
        known.put(data.name(), data);
        if (!datasetNames.contains(data.name())) datasetNames.add(data.name());
    }

    /** New random weights from {@link #seedProperty()}, same settings; stops any run. */
    public void reset() {
        stopRun();
        newSession();
    }

    /** Runs {@link #epochsProperty()} epochs in the training thread. */
    public void train() {
        if (state.get() == TrainingState.RUNNING) return;
        startRun(epochs.get());
    }

    /** Pauses a run; the epochs left are kept for {@link #resume()}. */
    public void pause() {
        if (state.get() != TrainingState.RUNNING) return;
        session.loop.requestStop();
    }

    /** Continues a paused run. */
    public void resume() {
        if (state.get() != TrainingState.PAUSED) return;
        long left = runTargetEpoch - snapshot.get().epoch();
        if (left <= 0) {
            state.set(TrainingState.IDLE);
            return;
        }
        startRun(left);
    }

    public void togglePause() {
        if (state.get() == TrainingState.RUNNING) pause(); else resume();
    }

    /** One epoch, when nothing is running. */
    public void step() {
        if (state.get() == TrainingState.RUNNING) return;
        Session s = session;
        Task<TrainingLoop.Outcome> task = new Task<>() {
            @Override protected TrainingLoop.Outcome call() throws Exception { return s.loop.run(1); }
        };
        task.setOnFailed(e -> { if (s == session) failed(task.getException()); });
        s.loop.clearStopRequest();
        task.setOnSucceeded(e -> { if (s == session) captureReferenceBias(); });
        worker.execute(task);
    }

    /**
     * Sets one parameter (weights first, then biases) from typed text. Returns null if done, else a
     * message saying what is wrong; nothing changes then. While training the edit is applied by the
     * training thread between two steps.
     */
    public String editParameter(int parameter, String text) {
        Double v = Fmt.parse(text);
        if (v == null) return "'" + text.trim() + "' is not a number; type e.g. 0.5 or -1.2";
        Layout layout = session.trainer.network().layout();
        if (parameter < 0 || parameter >= layout.parameterCount()) return "no parameter " + parameter;
        setParameter(parameter, v);
        return null;
    }

    /** Sets one parameter (weights first, then biases); see {@link #editParameter}. */
    public void setParameter(int parameter, double value) {
        Session s = session;
        s.trainer.submitEdit(parameter, value);
        // While a run is going, its next epoch applies the edit first; this queued call then finds nothing
        // left. When idle (or when a pause lands before that epoch) it applies the edit right away.
        worker.execute(s.loop::applyEditsAndPublish);
    }

    /**
     * Puts every parameter of {@code earlier} (same layout) back, e.g. to rewind to an epoch of the history;
     * a running training is paused first. Returns false (and changes nothing) if the layout differs.
     */
    public boolean restoreParameters(Snapshot earlier) {
        Layout layout = session.trainer.network().layout();
        if (earlier == null || !earlier.layout().equals(layout)) return false;
        Session s = session;
        Runnable put = () -> {
            if (s != session) return; // reset meanwhile: nothing to rewind
            for (int i = 0; i < earlier.weightCount(); i++) s.trainer.submitEdit(i, earlier.weight(i));
            for (int i = 0; i < earlier.biasCount(); i++) s.trainer.submitEdit(layout.weightCount() + i, earlier.bias(i));
            worker.execute(s.loop::applyEditsAndPublish);
        };
        if (state.get() != TrainingState.RUNNING) {
            put.run();
            return true;
        }
        // Wait for the pause to land, so that no epoch trains on from the restored values.
        state.addListener(new javafx.beans.value.ChangeListener<>() {
            @Override public void changed(javafx.beans.value.ObservableValue<? extends TrainingState> o, TrainingState a, TrainingState b) {
                if (b == TrainingState.RUNNING) return;
                state.removeListener(this);
                put.run();
            }
        });
        pause();
        return true;
    }

    /** Sets the bias of a (non-input) neuron. */
    public void setBias(NeuronRef neuron, double value) {
        setParameter(neuron.biasParameter(snapshot.get().layout()), value);
    }

    /** Stops the training thread and the animation timer; for closing the window. */
    public void dispose() {
        timer.stop();
        if (session != null) session.loop.requestStop();
        worker.shutdownNow();
    }

    /** Copies the newest snapshot now instead of waiting for the next frame (the timer does this anyway). */
    public void refreshNow() { pullLatest(System.nanoTime()); }

    // ---- Inside --------------------------------------------------------------------------------

    private void applyPreset(Preset p) {
        applyingPreset = true;
        try {
            optimizer.set(p.optimizer());
            initializer.set(p.initializer());
            seed.set(p.seed());
            learningRate.set(p.learningRate());
            epochs.set(p.epochs());
        } finally {
            applyingPreset = false;
        }
    }

    private void settingChanged() {
        if (applyingPreset) return;
        reset();
    }

    private void stopRun() {
        if (session != null) session.loop.requestStop();
        currentRun = null;
        state.set(TrainingState.IDLE);
    }

    private void newSession() {
        Layout layout = layout();
        Network net = NetworkFactory.create(layout, activation.get(), Activation.SIGMOID, initializer.get(), seed.get());
        double rate = learningRate.get() > 0 ? learningRate.get() : Preset.forDataset(dataset.get().name()).learningRate();
        install(new Trainer(net, dataset.get(), optimizer.get(), rate, MINI_BATCH_SIZE, seed.get()), dataset.get());
    }

    /** Makes {@code trainer} the one the window shows and trains, with a fresh loss and parameter history. */
    private void install(Trainer trainer, Dataset data) {
        Layout layout = trainer.network().layout();
        parameterHistory.clear();
        TrainingLoop loop = new TrainingLoop(trainer, new LossHistory(), parameterHistory);
        loop.setEpochsPerSecond(epochsPerSecond.get());
        session = new Session(trainer, loop, data);
        lossHistory.set(loop.history());
        NeuronRef sel = selectedNeuron.get();
        if (sel == null || sel.isInput() || !sel.fits(layout)) selectedNeuron.set(new NeuronRef(1, 0));
        rateSampleSteps = 0;
        rateSampleNanos = System.nanoTime();
        stepsPerSecond.set(0);
        snapshot.set(loop.latest());
        captureReferenceBias();
    }

    private void startRun(long count) {
        startRun(count, -1);
    }

    /** Runs {@code count} epochs, or, if {@code untilEpoch} >= 0, until the trainer reaches that epoch. */
    private void startRun(long count, long untilEpoch) {
        Session s = session;
        Task<TrainingLoop.Outcome> task = new Task<>() {
            @Override protected TrainingLoop.Outcome call() throws Exception {
                long n = untilEpoch >= 0 ? untilEpoch - s.trainer.epoch() : count;
                return n > 0 ? s.loop.run(n) : TrainingLoop.Outcome.FINISHED;
            }
        };
        currentRun = task;
        s.loop.clearStopRequest();
        runTargetEpoch = untilEpoch >= 0 ? untilEpoch : snapshot.get().epoch() + count;
        state.set(TrainingState.RUNNING);
        rateSampleNanos = System.nanoTime();
        rateSampleSteps = s.loop.steps();
        task.setOnSucceeded(e -> {
            if (task != currentRun) return;
            currentRun = null;
            pullLatest(System.nanoTime());
            state.set(task.getValue() == TrainingLoop.Outcome.STOPPED ? TrainingState.PAUSED : TrainingState.IDLE);
            stepsPerSecond.set(0);
            captureReferenceBias();
        });
        task.setOnFailed(e -> {
            if (task != currentRun) return;
            currentRun = null;
            state.set(TrainingState.IDLE);
            stepsPerSecond.set(0);
            failed(task.getException());
        });
        worker.execute(task);
    }

    private void failed(Throwable t) {
        pullLatest(System.nanoTime());
        captureReferenceBias();
        String msg = t instanceof DivergenceException d ? d.getMessage()
                : "Training stopped: " + t;
        alert.set(null);
        alert.set(msg);
    }

    private void pullLatest(long now) {
        Session s = session;
        if (s == null) return;
        Snapshot latest = s.loop.latest();
        if (latest != snapshot.get()) snapshot.set(latest);
        if (state.get() == TrainingState.RUNNING && now - rateSampleNanos >= 500_000_000L) {
            long steps = s.loop.steps();
            stepsPerSecond.set((steps - rateSampleSteps) * 1e9 / (now - rateSampleNanos));
            rateSampleSteps = steps;
            rateSampleNanos = now;
        }
    }

    private void captureReferenceBias() {
        NeuronRef n = selectedNeuron.get();
        Snapshot s = snapshot.get();
        if (n == null || s == null || n.isInput() || !n.fits(s.layout())) {
            referenceBias.set(Double.NaN);
            return;
        }
        referenceBias.set(s.bias(s.layout().biasIndex(n.layer(), n.index())));
    }

    private void updateProbe() {
        Snapshot s = snapshot.get();
        double[] raw = probeInput.get();
        if (s == null || raw == null || raw.length != dataset.get().featureCount()) return;
        probe.set(Probe.of(s, dataset.get(), raw));
    }

    private void updateGradients() {
        Snapshot s = snapshot.get();
        gradients.set(showGradients.get() && s != null ? DatasetGradient.of(s, session.data) : null);
    }

    @Override public String toString() {
        return String.format(Locale.ROOT, "LabViewModel[%s %s %s]", dataset.get().name(), layout(), state.get());
    }
}
