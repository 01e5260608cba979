package lab.backprop.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Architecture;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.support.Numbers;

/**
 * The lab: one network being trained, its {@link TrainingSetup}, its histories, and the one thread that trains it.
 * Pure Java; the window's view-model ({@code ui.LabViewModel}) is a thin JavaFX adapter over it.
 *
 * <p>Threading: commands may come from any thread (the window calls them on the FX thread) and are cheap. The
 * <em>training thread</em> ("backprop-trainer", a single daemon thread) alone touches the trainer: runs, steps, edits,
 * data swaps and rewinds are queued to it and happen in the order asked. What it makes is published as immutable
 * {@link Snapshot}s ({@link #latest()}); everything else a viewer reads ({@link #state()}, {@link #alert()},
 * {@link #generation()}, ...) is a volatile field. Nothing calls back into the caller's thread: a viewer polls, the
 * window once per frame.
 *
 * <p>A reset, a new data set or a loaded session installs a new trainer with fresh histories and a new
 * {@link #generation()}; a data swap ({@link #replaceData}) carries the weights, epoch and histories over.
 */
public final class LabController implements AutoCloseable {
    /** The networks a viewer can show; anything else is refused with a message before anything changes. */
    public record Limits(int inputs, int minHiddenLayers, int maxHiddenLayers, int maxHiddenNeurons) {
        /** Hidden layers and neurons per layer the window's network graph can draw. */
        public static final int MAX_WINDOW_LAYERS = 3, MAX_WINDOW_NEURONS = 8;
        /** The window: 2 inputs, 0 (a single neuron) to 3 hidden layers of the same size up to 8, one sigmoid output. */
        public static final Limits WINDOW = new Limits(2, 0, MAX_WINDOW_LAYERS, MAX_WINDOW_NEURONS);

        /** Why a network of this shape cannot be shown, or null if it can. */
        public String check(Layout l, Activation output) {
            int hidden = l.layerCount() - 2;
            boolean fits = l.inputSize() >= 1 && l.inputSize() <= lab.backprop.data.Feature.values().length && l.outputSize() == 1 && hidden >= minHiddenLayers && hidden <= maxHiddenLayers
                    && output == Activation.SIGMOID;
            for (int k = 1; fits && k <= hidden; k++) fits = l.size(k) == l.size(1) && l.size(k) <= maxHiddenNeurons;
            if (fits) return null;
            return "this window shows networks with 1 to " + lab.backprop.data.Feature.values().length + " inputs (features of "
                    + inputs + " coordinates), " + minHiddenLayers + " to " + maxHiddenLayers
                    + " hidden layers of the same size (up to " + maxHiddenNeurons + ") and one sigmoid output; the session has "
                    + l + " with a " + output + " output";
        }
    }

    /** A problem to show the user (e.g. divergence) and the parameter it names (or null); new for every problem. */
    public record Alert(String message, String parameter) { }

    /** News for the user that is no problem (a run is stuck, training went on from a rewound epoch); new every time. */
    public record Notice(String message) { }

    /** What is being trained: replaced as a whole on a reset, a new data set, a swap or a load. */
    private record Current(TrainingSetup setup, Trainer trainer, TrainingLoop loop, LossHistory lossHistory,
                           ParameterHistory parameterHistory, long generation, Dataset training, boolean[] testMask) {
        Current withSetup(TrainingSetup s) { return new Current(s, trainer, loop, lossHistory, parameterHistory, generation, training, testMask); }
    }

    private final Limits limits;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "backprop-trainer");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Dataset> known = new LinkedHashMap<>(); // guarded by this
    private volatile Current current;
    private volatile RunState state = RunState.IDLE;
    private volatile Alert alert;
    private volatile Notice notice;
    private volatile long finishedRuns;
    private volatile double epochsPerSecond = TrainingLoop.FULL_SPEED;
    private long runId;      // guarded by this: the run whose end may change the state
    private long runTarget;  // guarded by this: the epoch the run heads for (kept for resume)

    /** A lab on {@code setup}, with the built-in data sets known, for the window's {@link Limits#WINDOW}. */
    public LabController(TrainingSetup setup) { this(setup, Limits.WINDOW); }

    public LabController(TrainingSetup setup, Limits limits) {
        this.limits = limits;
        for (String n : BuiltinDatasets.names()) known.put(n, BuiltinDatasets.byName(n));
        known.put(setup.data().name(), setup.data());
        install(setup, setup.newTrainer(), new LossHistory(), new ParameterHistory());
    }

    // ---- What viewers read (any thread) -------------------------------------------------------------------

    /** The newest published network. */
    public Snapshot latest() { return current.loop.latest(); }
    /** The setup being trained, with the learning rate in use. */
    public TrainingSetup setup() { return current.setup; }
    public Dataset data() { return current.setup.data(); }
    /** The samples trained on: the data without its held-out test samples (the data itself without a split). */
    public Dataset trainingData() { return current.training; }
    /** Whether each sample of {@link #data()} is held out as a test sample (all false without a split); do not change it. */
    public boolean[] testMask() { return current.testMask; }
    public RunState state() { return state; }
    /** The loss per epoch of the current network (bounded); a new object after a reset, a new data set or a load. */
    public LossHistory lossHistory() { return current.lossHistory; }
    /** Every epoch's parameters (bounded), recorded by the training thread; new with the loss history. */
    public ParameterHistory parameterHistory() { return current.parameterHistory; }
    /** Goes up whenever a new trainer is installed (reset, data set, swap, load): time to re-read everything. */
    public long generation() { return current.generation; }
    /** The latest problem, or null. */
    public Alert alert() { return alert; }
    /** The latest notice, or null. */
    public Notice notice() { return notice; }
    /** Runs and steps finished so far (a viewer notes where training last stopped). */
    public long finishedRuns() { return finishedRuns; }
    /** Parameter updates so far, as last published. */
    public long steps() { return current.loop.steps(); }

    /** Samples of the current epoch already trained on by single updates (0 at an epoch's start). */
    public int cursor() { return current.trainer.cursor(); }
    /**
     * The samples the next update (Step one update) trains on, in order (see {@link Trainer#upcoming}), or null
     * while a run is going or if the training thread does not answer within a second.
     */
    public int[] upcoming() {
        if (state == RunState.RUNNING) return null;
        Trainer t = current.trainer;
        try {
            return worker.submit(t::upcoming).get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return null;
        }
    }

    /** The last two parameters set by hand (edits, sliders, the landscape), oldest first; a new array on each change. */
    public int[] recentlyEdited() { return touched; }

    private volatile int[] touched = new int[0];
    private final java.util.concurrent.atomic.AtomicLong handEdits = new java.util.concurrent.atomic.AtomicLong();

    /**
     * How many changes by hand were made so far: parameters set (edits, sliders, the landscape) and data replaced
     * (points added or removed, new points). Training changes nothing here. The window compares it with the count at
     * the last save or open to know whether there is unsaved work. Any thread.
     */
    public long handEdits() { return handEdits.get(); }

    private final EditHistory edits = new EditHistory(200);
    private volatile boolean replaying;

    /** The edits by hand that Undo and Redo walk through (labels for the menu). */
    public EditHistory edits() { return edits; }

    /**
     * Takes back the newest edit by hand; null if done, else why not. A weight, bias or data edit is taken back while
     * training goes on; a lab edit (architecture, data set, reset, session...) stops a run and puts the whole lab back
     * as it was, keeping the lab as it is now for Redo.
     */
    public synchronized String undo() {
        EditHistory.LabState now = capture();
        return replay(edits.undo(e -> e instanceof EditHistory.LabEdit l ? l.withAfter(now) : e), true);
    }

    /** Does the edit undone last again; null if done, else why not. */
    public synchronized String redo() {
        EditHistory.LabState now = capture();
        return replay(edits.redo(e -> e instanceof EditHistory.LabEdit l ? l.withBefore(now) : e), false);
    }

    private String replay(EditHistory.Edit e, boolean back) {
        if (e == null) return back ? "nothing to undo" : "nothing to redo";
        replaying = true;
        try {
            if (e instanceof EditHistory.LabEdit l) {
                handEdits.incrementAndGet();
                return restore(back ? l.before() : l.after());
            }
            if (e instanceof EditHistory.ParameterEdit p) {
                if (!p.layout().equals(latest().layout())) {
                    edits.clear();
                    return "the network was rebuilt since that edit (another architecture or file); its edits are gone";
                }
                setParameter(p.parameter(), back ? p.before() : p.after());
                return null;
            }
            EditHistory.DataEdit d = (EditHistory.DataEdit) e;
            return swapData(back ? d.before() : d.after());
        } finally {
            replaying = false;
        }
    }

    /** The rate the trainer uses now. */
    public double trainerLearningRate() { return current.trainer.learningRate().get(); }
    public Limits limits() { return limits; }

    /** Names of the data sets known (built-in, opened, edited), in the order they became known. */
    public synchronized List<String> knownNames() { return new ArrayList<>(known.keySet()); }

    /** The data set known under {@code name} (with any points added by hand), or null. */
    public synchronized Dataset known(String name) { return known.get(name); }

    // ---- Settings --------------------------------------------------------------------------------------------

    /**
     * Applies new settings: a new rate, regularisation or epoch count goes to the running trainer at once; any other change (shape,
     * start, seed, batching, rule) stops a run and draws fresh weights from the new setup. A data set is changed with
     * {@link #selectData} instead. Returns null if done, else why not (nothing changes then).
     */
    public synchronized String changeSetup(TrainingSetup next) {
        if (next.data() != data()) return "change the data set with selectData";
        String problem = limits.check(next.layout(), next.architecture().output());
        if (problem != null) return problem;
        if (next.sameNetworkAs(current.setup)) {
            current.trainer.learningRate().set(next.learningRate());
            current.trainer.setRegularization(next.regularization()); // acts at the next update, like the rate
            current = current.withSetup(next);
            return null;
        }
        String what = changed(current.setup, next);
        EditHistory.LabState before = capture();
        stopRun();
        install(next, next.newTrainer(), new LossHistory(), new ParameterHistory());
        recorded(what, before);
        return null;
    }

    /** Sets the learning rate of the running trainer at once; a rate that is not a positive number is refused. */
    public synchronized String setLearningRate(double rate) {
        if (!Double.isFinite(rate) || rate <= 0) return "the learning rate must be a positive number, got " + Numbers.plain(rate);
        return changeSetup(current.setup.withLearningRate(rate));
    }

    /** Epochs per second ({@link TrainingLoop#FULL_SPEED} = 0 for no pause); takes effect at once. */
    public void setEpochsPerSecond(double eps) {
        epochsPerSecond = eps;
        current.loop.setEpochsPerSecond(eps);
    }

    // ---- Data --------------------------------------------------------------------------------------------------

    /**
     * Makes {@code data} the current data set with its preset (batching, start, rate, epochs; the network's shape
     * stays) and fresh weights; it joins the known data sets under its name. Returns null if done, else why not.
     */
    public synchronized String selectData(Dataset data) {
        String problem = checkData(data);
        if (problem != null) return problem;
        EditHistory.LabState before = capture();
        stopRun();
        remember(data);
        TrainingSetup next = TrainingSetup.forData(data, current.setup.architecture());
        install(next, next.newTrainer(), new LossHistory(), new ParameterHistory());
        recorded("data set " + data.name(), before);
        return null;
    }

    /**
     * Trains on other input features of the same data ({@link lab.backprop.data.Feature}: x1, x2, x1², ...): the
     * input layer follows, so the network starts afresh from the setup (its shape, start, batching, rate); the data
     * set is known with these features from now on. Returns null if done, else why not (nothing changes then).
     */
    public synchronized String setFeatures(List<lab.backprop.data.Feature> features) {
        Dataset now = data();
        if (now.features() == null) return "features are made from 2 coordinates; '" + now.name() + "' has " + now.featureCount();
        if (features.equals(now.features())) return null;
        Dataset next;
        try {
            next = now.withFeatures(features);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        TrainingSetup setup = current.setup.withData(next);
        String problem = limits.check(setup.layout(), setup.architecture().output());
        if (problem != null) return problem;
        EditHistory.LabState before = capture();
        stopRun();
        remember(next);
        install(setup, setup.newTrainer(), new LossHistory(), new ParameterHistory());
        recorded("features " + String.join(", ", next.inputNames()), before);
        return null;
    }

    /**
     * Replaces the data but keeps the network's parameters, epoch count and histories (points added or removed by
     * hand): training goes on from the same weights on the new data, and a run that was going continues to the epoch
     * it was heading for (a paused one stays paused, to resume there). Returns null if done, else why not (nothing
     * changes then).
     */
    public synchronized String replaceData(Dataset data) { return replaceData(data, "change the data"); }

    /** {@link #replaceData(Dataset)}, kept for Undo as {@code what} ("add point", "remove point", "new points"). */
    public synchronized String replaceData(Dataset data, String what) {
        Dataset before = data();
        String problem = swapData(data);
        if (problem == null && !replaying) edits.record(new EditHistory.DataEdit(what, before, data()));
        return problem;
    }

    private String swapData(Dataset data) {
        String problem = checkData(data);
        if (problem != null) return problem;
        handEdits.incrementAndGet();
        Dataset now = data();
        if (!data.featureNames().equals(now.featureNames()) || !Arrays.equals(data.shift(), now.shift())) {
            return "the new data has other features than '" + now.name() + "'; open it as a new data set instead";
        }
        if (now.features() != null && !now.features().equals(data.features())) data = data.withFeatures(now.features()); // same inputs
        boolean wasRunning = state == RunState.RUNNING, wasPaused = state == RunState.PAUSED;
        long target = runTarget;
        Current old = current;
        stopRun();
        remember(data);
        Snapshot shown = old.loop.latest();
        TrainingSetup next = old.setup.withData(data);
        Trainer trainer = next.newTrainer(shown.toNetwork());
        trainer.resumeAt(shown.epoch());
        install(next, trainer, old.lossHistory, old.parameterHistory);
        TrainingLoop loop = current.loop;
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
            Snapshot carried = loop.latest();
            old.lossHistory.mark(carried.epoch(), carried.loss(), LossHistory.Mark.Kind.DATA);
        });
        if (wasRunning) startRun(0, target);
        if (wasPaused) state = RunState.PAUSED;
        return null;
    }

    /**
     * Puts a given network in place with its settings and data, e.g. a saved session's: its shape, activations,
     * weights and epoch (counting goes on from there). Returns null if done, else why not (nothing changes then): the
     * network must fit the {@link Limits} and the setup.
     */
    public synchronized String load(TrainingSetup setup, Snapshot network) { return load(setup, network, new double[0]); }

    /** As {@link #load(TrainingSetup, Snapshot, double[])}, named for Undo ("open session", "lesson step"). */
    public synchronized String load(TrainingSetup setup, Snapshot network, double[] updateState) {
        return load(setup, network, updateState, "open session");
    }

    /**
     * As {@link #load(TrainingSetup, Snapshot)}, with the update rule's saved state (momentum's velocities, Adam's
     * moments and step count), so that training goes on exactly where it was; empty for none (a fresh state).
     */
    public synchronized String load(TrainingSetup setup, Snapshot network, double[] updateState, String what) {
        EditHistory.LabState before = capture();
        String problem = putInPlace(setup, network, updateState, new LossHistory(), new ParameterHistory());
        if (problem == null) recorded(what, before);
        return problem;
    }

    /**
     * Installs {@code network} (its epoch and, non-empty, the rule's {@code updateState}) with {@code setup} and these
     * histories; a run stops. Null if done, else why not (nothing changes then): the network must fit the
     * {@link Limits} and the setup.
     */
    private String putInPlace(TrainingSetup setup, Snapshot network, double[] updateState, LossHistory losses, ParameterHistory parameters) {
        String problem = checkData(setup.data());
        if (problem == null) problem = limits.check(network.layout(), network.outputActivation());
        if (problem != null) return problem;
        if (!network.layout().equals(setup.layout()) || network.hiddenActivation() != setup.architecture().hidden()
                || network.outputActivation() != setup.architecture().output()) {
            return "the network (" + network.layout() + " " + network.hiddenActivation() + ") does not match its settings ("
                    + setup.architecture().describe(setup.data().inputCount()) + ")";
        }
        Trainer trainer;
        try {
            trainer = setup.newTrainer(network.toNetwork());
            trainer.resumeAt(network.epoch());
            if (updateState.length > 0) trainer.stepper().restoreState(updateState);
        } catch (IllegalArgumentException e) {
            return "cannot train this network: " + e.getMessage();
        }
        stopRun();
        remember(setup.data());
        install(setup, trainer, losses, parameters);
        return null;
    }

    /**
     * The newest published network (a consistent picture, also while training) with the setup it is trained with,
     * read together; what a session saves.
     */
    public Published published() {
        Current c = current;
        TrainingLoop.Published p = c.loop.published();
        return new Published(c.setup, p.network(), p.updateState());
    }

    /** A network and its setup, taken at the same moment. */
    public record Published(TrainingSetup setup, Snapshot network, double[] updateState) { }

    private String checkData(Dataset data) {
        if (data == null) return "no data set";
        if (data.featureCount() != limits.inputs()) {
            return "the window trains on " + limits.inputs() + " features; '" + data.name() + "' has " + data.featureCount();
        }
        if (data.isEmpty()) return "'" + data.name() + "' has no samples";
        return null;
    }

    private void remember(Dataset data) { known.put(data.name(), data); }

    // ---- The lab as a whole, for Undo ----------------------------------------------------------------------------

    /** The lab as shown now: its setup, the newest published network with its rule's state, its histories. */
    private EditHistory.LabState capture() {
        Current c = current;
        TrainingLoop.Published p = c.loop.published();
        return new EditHistory.LabState(c.setup, p.network(), p.updateState(), c.lossHistory, c.parameterHistory);
    }

    /** Keeps a change of the whole lab for Undo (not while Undo or Redo itself makes one). */
    private void recorded(String what, EditHistory.LabState before) {
        if (!replaying) edits.record(new EditHistory.LabEdit(what, before, capture()));
    }

    /**
     * Puts a captured lab back: its setup and data, its network (epoch included) with its rule's state, and its
     * histories (fresh ones if they were dropped); a run stops. Null if done, else why not (nothing changes then).
     */
    private String restore(EditHistory.LabState s) {
        String problem = putInPlace(s.setup(), s.network(), s.updateState(), s.hasHistories() ? s.losses() : new LossHistory(),
                s.hasHistories() ? s.parameters() : new ParameterHistory());
        // The run the state was taken from may have trained an epoch more before it stopped: once it has (same
        // thread, so in order), its histories end where the network put back stands.
        if (problem == null) worker.execute(current.loop::forgetTheFuture);
        return problem;
    }

    /** "network 2-3-1 tanh", "seed 3, uniform start": what a change of settings that draws fresh weights changes. */
    private static String changed(TrainingSetup a, TrainingSetup b) {
        List<String> what = new ArrayList<>();
        if (!a.architecture().equals(b.architecture())) what.add("network " + b.architecture().describe(b.data().inputCount()));
        if (a.init() != b.init()) what.add(b.init() + " start");
        if (a.seed() != b.seed()) what.add("seed " + b.seed());
        if (!a.batching().equals(b.batching())) what.add(b.batching().mode() == lab.backprop.data.Batching.Mode.MINI_BATCH
                ? "mini-batches of " + b.batching().batchSize() : b.batching().mode().title());
        if (!a.update().equals(b.update())) what.add(b.update().title());
        if (!a.split().equals(b.split())) what.add(b.split().describe());
        if (a.loss() != b.loss()) what.add("loss " + b.loss());
        return what.isEmpty() ? "settings" : String.join(", ", what);
    }

    // ---- Training ----------------------------------------------------------------------------------------------

    /** Fresh weights from the setup's seed; stops any run. */
    public synchronized void reset() {
        EditHistory.LabState before = capture();
        stopRun();
        install(current.setup, current.setup.newTrainer(), new LossHistory(), new ParameterHistory());
        recorded("reset", before);
    }

    /** Runs the setup's epochs in the training thread (nothing if a run is going). */
    public synchronized void train() {
        if (state == RunState.RUNNING) return;
        startRun(current.setup.epochs(), -1);
    }

    /** Asks a run to pause after its epoch; the epochs left are kept for {@link #resume()}. */
    public synchronized void pause() {
        if (state == RunState.RUNNING) current.loop.requestStop();
    }

    /** Continues a paused run to the epoch it was heading for. */
    public synchronized void resume() {
        if (state != RunState.PAUSED) return;
        long left = runTarget - latest().epoch();
        if (left <= 0) state = RunState.IDLE; else startRun(left, -1);
    }

    public synchronized void togglePause() {
        if (state == RunState.RUNNING) pause(); else resume();
    }

    /** One epoch, when no run is going. */
    public void step() { step(StepSize.EPOCH); }

    /** One update or one epoch, when no run is going. */
    public synchronized void step(StepSize size) {
        if (state == RunState.RUNNING) return;
        Current c = current;
        c.loop.clearStopRequest();
        worker.execute(() -> {
            Throwable failure = null;
            try {
                noteARewind(c);
                if (size == StepSize.UPDATE) c.loop.runUpdate(); else c.loop.run(1);
            } catch (DivergenceException | RuntimeException e) {
                failure = e;
            }
            stepped(c, failure);
        });
    }

    /**
     * Sets one parameter (weights first, then biases) from typed text. Returns null if done, else a message saying
     * what is wrong; nothing changes then.
     */
    public String editParameter(int parameter, String text) {
        String why = Numbers.whyNot(text);
        if (why != null) return "'" + (text == null ? "" : text.trim()) + "' is not a number (" + why + "); type e.g. 0.5 or -1.2";
        if (parameter < 0 || parameter >= current.setup.layout().parameterCount()) return "no parameter " + parameter;
        setParameter(parameter, Double.parseDouble(text.trim()));
        return null;
    }

    /**
     * Sets one parameter (weights first, then biases). Applied and published at once when idle, between two epochs
     * while training (a slow pace is woken for it).
     */
    public void setParameter(int parameter, double value) {
        handEdits.incrementAndGet();
        if (!replaying) {
            Snapshot shown = latest();
            int w = shown.weightCount();
            if (parameter >= 0 && parameter < w + shown.biasCount()) {
                double before = parameter < w ? shown.weight(parameter) : shown.bias(parameter - w);
                String name = parameter < w ? shown.layout().weightName(parameter) : shown.layout().biasName(parameter - w);
                edits.record(new EditHistory.ParameterEdit(shown.layout(), parameter, name, before, value, System.nanoTime()));
            }
        }
        int[] was = touched;
        if (was.length == 0 || was[was.length - 1] != parameter) { // the last two parameters edited, oldest first
            touched = was.length == 0 ? new int[] { parameter } : new int[] { was[was.length - 1], parameter };
        }
        Current c = current;
        c.trainer.submitEdit(parameter, value);
        c.loop.wake();
        // While a run is going, it applies the edit first (now, if it is waiting); this queued call then finds nothing
        // left. When idle (or when a pause lands before that) it applies the edit right away.
        worker.execute(() -> {
            c.loop.applyEditsAndPublish();
            Snapshot now = c.loop.latest();
            c.lossHistory.mark(now.epoch(), now.loss(), LossHistory.Mark.Kind.EDIT);
        });
    }

    /**
     * Rewinds to an earlier picture of the network (same layout), e.g. an epoch of the history: its parameters and its
     * epoch count; a running training is paused first. The histories keep the later epochs (so one can scrub forward
     * again) until training goes on from here, which replaces them. Returns false (and changes nothing) if the layout
     * differs.
     */
    public synchronized boolean restoreParameters(Snapshot earlier) {
        Current c = current;
        Layout layout = c.setup.layout();
        if (earlier == null || !earlier.layout().equals(layout)) return false;
        pause();
        // Queued behind the run, so no epoch trains on from the restored values.
        worker.execute(() -> {
            if (c != current) return; // replaced meanwhile: nothing to rewind
            for (int p = 0; p < layout.parameterCount(); p++) c.trainer.submitEdit(p, p < layout.weightCount()
                    ? earlier.weight(p) : earlier.bias(p - layout.weightCount()));
            c.trainer.resumeAt(earlier.epoch());
            c.loop.applyEditsAndPublish();
            c.lossHistory.mark(earlier.epoch(), c.loop.latest().loss(), LossHistory.Mark.Kind.REWIND);
        });
        return true;
    }

    /** Waits until everything asked of the training thread so far is done (a run to its end); for tests and tools. */
    public boolean awaitQueued(long timeout, TimeUnit unit) {
        try {
            worker.submit(() -> { }).get(timeout, unit);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the training thread; the lab is unusable afterwards. */
    @Override public synchronized void close() {
        stopRun();
        worker.shutdownNow();
    }

    // ---- Inside ------------------------------------------------------------------------------------------------

    private void install(TrainingSetup setup, Trainer trainer, LossHistory losses, ParameterHistory parameters) {
        TrainingLoop loop = new TrainingLoop(trainer, losses, parameters);
        loop.setEpochsPerSecond(epochsPerSecond);
        long generation = current == null ? 1 : current.generation + 1;
        boolean[] test = setup.split().testMask(setup.data().size()); // drawn once: the training part is the rest
        Dataset training = setup.split().isNone() ? setup.data() : setup.data().part(test, false);
        current = new Current(setup, trainer, loop, losses, parameters, generation, training, test);
    }

    /** Runs {@code count} epochs, or, if {@code untilEpoch} >= 0, until the trainer reaches that epoch. */
    private void startRun(long count, long untilEpoch) {
        Current c = current;
        long id = ++runId;
        c.loop.clearStopRequest();
        runTarget = untilEpoch >= 0 ? untilEpoch : c.loop.latest().epoch() + count;
        state = RunState.RUNNING;
        worker.execute(() -> {
            TrainingLoop.Outcome outcome = TrainingLoop.Outcome.FINISHED;
            Throwable failure = null;
            try {
                noteARewind(c);
                long n = untilEpoch >= 0 ? untilEpoch - c.trainer.epoch() : count;
                if (n > 0) outcome = c.loop.run(n);
            } catch (DivergenceException | RuntimeException e) {
                failure = e;
            }
            runEnded(id, outcome, failure);
            if (failure == null) {
                String stuck = StuckCheck.check(c.lossHistory.view());
                if (stuck != null && c == current) notice = new Notice(stuck + troubleNote(c));
            }
        });
    }

    /** Which hidden neurons pass (almost) no gradient, as the graph marks them: " h1 is saturated ...", or "". */
    private static String troubleNote(Current c) {
        lab.backprop.model.Network net = c.loop.latest().toNetwork();
        lab.backprop.model.NeuronHealth h = lab.backprop.model.NeuronHealth.of(net, c.setup.data().inputs());
        List<String> sat = h.names(lab.backprop.model.NeuronHealth.Trouble.SATURATED), dead = h.names(lab.backprop.model.NeuronHealth.Trouble.DEAD);
        if (sat.isEmpty() && dead.isEmpty()) return "";
        StringBuilder sb = new StringBuilder(" Marked on the graph:");
        if (!sat.isEmpty()) sb.append(' ').append(String.join(", ", sat)).append(sat.size() == 1 ? " is" : " are").append(" saturated (slope almost 0)");
        if (!dead.isEmpty()) sb.append(sat.isEmpty() ? " " : "; ").append(String.join(", ", dead)).append(dead.size() == 1 ? " is a" : " are").append(" dead ReLU");
        return sb.append(". Step through shows the factor that stops the gradient.").toString();
    }

    /** Training thread, before a run or step: says that training goes on from a rewound epoch, replacing the later ones. */
    private void noteARewind(Current c) {
        long at = c.trainer.epoch(), ahead = c.lossHistory.latestEpoch();
        if (ahead > at) {
            notice = new Notice("Training on from epoch " + at + ": epochs " + (at + 1) + " to " + ahead
                    + " of the earlier run are replaced by the new ones.");
        }
    }

    private synchronized void runEnded(long id, TrainingLoop.Outcome outcome, Throwable failure) {
        finishedRuns++;
        if (id != runId) return; // stopped and replaced meanwhile
        if (failure instanceof DivergenceException d) markBlowUp(d);
        state = failure == null && outcome == TrainingLoop.Outcome.STOPPED ? RunState.PAUSED : RunState.IDLE;
        if (failure != null) report(failure);
    }

    private synchronized void stepped(Current c, Throwable failure) {
        finishedRuns++;
        if (failure instanceof DivergenceException d && c == current) markBlowUp(d);
        if (failure != null && c == current) report(failure);
    }

    private void markBlowUp(DivergenceException d) {
        current.lossHistory.mark(d.epoch(), d.restoredLoss(), LossHistory.Mark.Kind.DIVERGED);
    }

    private void report(Throwable t) {
        alert = t instanceof DivergenceException d ? new Alert(d.getMessage(), d.parameter()) : new Alert("Training stopped: " + t, null);
    }

    private void stopRun() {
        current.loop.requestStop();
        runId++;
        state = RunState.IDLE;
    }

    @Override public String toString() {
        return "LabController[" + setup().describe() + ", " + state + "]";
    }

    /** The seeds' 2-2-1 sigmoid on gender with seed 001's preset: what the window opens with. */
    public static TrainingSetup defaultSetup() {
        return TrainingSetup.forData(BuiltinDatasets.gender(), Architecture.SEEDS);
    }
}
