package lab.backprop.train;

import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;

import lab.backprop.data.Batching;
import lab.backprop.data.Dataset;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.model.Workspace;

/**
 * Trains one network as a {@link TrainingSetup} says: its data, batching, update rule and learning rate. Made by
 * {@link TrainingSetup#newTrainer()}. Owned by a single training thread; the only methods
 * safe to call from other threads are {@link #learningRate()} (set it any time) and
 * {@link #submitEdit}, whose edits are applied before the next epoch ({@link #runEpoch}) or run of epochs
 * ({@link #runEpochs}).
 *
 * <p>The epoch loop allocates nothing: every array is made in the constructor.
 */
public final class Trainer {
    /** A parameter that grows past this is treated as blown up, even while still finite. */
    public static final double DEFAULT_BLOW_UP_LIMIT = 1e6;
    /**
     * A parameter that moves further than this in one epoch while the loss rises has overshot.
     * With sigmoid neurons a huge rate (say 1000) does not give NaN: one step throws a weight
     * by hundreds, every neuron saturates, the gradient vanishes and the loss sticks at 0.5.
     */
    public static final double JUMP_LIMIT = 10;

    private final Network net;
    private final Network lastGood;
    private final double[][] inputs;   // the training samples (all of them without a test split)
    private final double[][] targets;
    private final int[] trainIndex;    // the data's index of each training sample
    private final double[][] testInputs;
    private final double[] testTargets;
    private final TrainingSetup setup;
    private final Batching.Mode batching;
    private final int batchSize;
    private final UpdateRule.Stepper stepper;
    private final boolean fusedSgd;    // the seeds' shape, plain gradient descent: the fused step (unless regularised)
    private volatile lab.backprop.model.Regularization regularization;
    private final lab.backprop.model.LossFunction lossFunction;
    private final double fullBatchScale;  // 0.5 (seed 000's sum) or 1/n (the mean): TrainingSetup.fullBatchScale
    private final SplittableRandom shuffler;
    private final LearningRate learningRate;
    private final ConcurrentLinkedQueue<ParameterEdit> edits = new ConcurrentLinkedQueue<>();
    private final Workspace ws;
    private final double[] gradW;
    private final double[] gradB;
    private final int[] order;
    private final double blowUpLimit = DEFAULT_BLOW_UP_LIMIT;
    private long epoch;
    private long steps;
    private double loss;
    private double lastGoodLoss;
    private double testLoss = Double.NaN;
    private double lastGoodTestLoss = Double.NaN;
    private long lastGoodEpoch;
    private volatile int cursor; // samples of the current epoch trained on so far (0 at an epoch's start)
    private boolean orderDrawn;  // mini-batch: this epoch's order is shuffled already (drawn early by upcoming())
    private int lastGoodCursor;

    /** A change to one parameter (weights first, then biases) asked for by another thread. */
    public record ParameterEdit(int parameter, double value) { }

    /** Trains {@code net} (not copied) with {@code setup}'s data, batching, update rule, rate and shuffle seed. */
    Trainer(Network net, TrainingSetup setup) {
        Dataset data = setup.data();
        if (data.isEmpty()) throw new IllegalArgumentException("the data set '" + data.name() + "' has no samples");
        if (net.layout().inputSize() != data.inputCount()) {
            throw new IllegalArgumentException("the network takes " + net.layout().inputSize() + " inputs but the data has "
                    + data.inputCount() + " features");
        }
        if (net.layout().outputSize() != 1) throw new IllegalArgumentException("the network must have one output");
        this.setup = setup;
        this.net = net;
        this.lastGood = net.copy();
        double[][] all = data.inputs();
        double[] labels = data.labels();
        boolean[] test = setup.split().testMask(all.length);
        int tests = 0;
        for (boolean t : test) if (t) tests++;
        this.inputs = new double[all.length - tests][];
        this.targets = new double[inputs.length][];
        this.trainIndex = new int[inputs.length];
        this.testInputs = new double[tests][];
        this.testTargets = new double[tests];
        for (int i = 0, a = 0, b = 0; i < all.length; i++) {
            if (test[i]) {
                testInputs[b] = all[i];
                testTargets[b++] = labels[i];
            } else {
                inputs[a] = all[i];
                targets[a] = new double[] { labels[i] };
                trainIndex[a++] = i;
            }
        }
        this.batching = setup.batching().mode();
        this.batchSize = Math.min(setup.batching().batchSize(), inputs.length);
        this.stepper = setup.update().newStepper(net.layout());
        net.setLoss(setup.loss());
        this.lossFunction = setup.loss();
        this.fusedSgd = setup.update().isPlainGradientDescent() && net.isTwoHOne() && setup.loss() == lab.backprop.model.LossFunction.MSE;
        this.regularization = setup.regularization();
        this.fullBatchScale = setup.fullBatchScale(inputs.length);
        this.shuffler = new SplittableRandom(setup.seed() ^ 0x5DEECE66DL);
        this.learningRate = new LearningRate(setup.learningRate());
        this.ws = new Workspace(net.layout());
        this.gradW = new double[net.layout().weightCount()];
        this.gradB = new double[net.layout().biasCount()];
        this.order = new int[inputs.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        this.loss = measureLoss();
        this.lastGoodLoss = loss;
        this.testLoss = measureTestLoss();
        this.lastGoodTestLoss = testLoss;
    }

    public Network network() { return net; }
    /** The setup this trainer was made from, with the learning rate in use now. */
    public TrainingSetup setup() { return setup.withLearningRate(learningRate.get()).withRegularization(regularization); }

    /** A new regularisation, from any thread: the next update adds its gradient. */
    public void setRegularization(lab.backprop.model.Regularization r) { regularization = java.util.Objects.requireNonNull(r); }

    public lab.backprop.model.Regularization regularization() { return regularization; }

    /** The regularisation's term at the current weights (0 without), apart from the data's loss. */
    public double regularizationTerm() { return net.regularizationTerm(regularization); }
    public Batching.Mode batching() { return batching; }
    /** The update rule's state for this network (for saving a session). */
    public UpdateRule.Stepper stepper() { return stepper; }
    public LearningRate learningRate() { return learningRate; }
    public long epoch() { return epoch; }
    /** Parameter updates done so far (SGD: one per sample). */
    public long steps() { return steps; }
    /** MSE over the data after the last epoch. */
    public double loss() { return loss; }
    /** Samples trained on (all but the test samples). */
    public int sampleCount() { return inputs.length; }

    /** Continues the epoch count of a saved session: the next epoch is {@code reached + 1}. */
    public void resumeAt(long reached) {
        if (reached < 0) throw new IllegalArgumentException("epoch must not be negative, got " + reached);
        epoch = reached;
        lastGoodEpoch = reached;
    }

    /** Asks for a parameter change; the training thread applies it before its next epoch or run of epochs. Thread-safe. */
    public void submitEdit(int parameter, double value) {
        if (parameter < 0 || parameter >= net.layout().parameterCount()) {
            throw new IllegalArgumentException("no parameter " + parameter);
        }
        if (!Double.isFinite(value)) throw new IllegalArgumentException("value must be a finite number, got " + value);
        edits.add(new ParameterEdit(parameter, value));
    }

    /** Whether edits are waiting to be applied. Thread-safe. */
    public boolean hasPendingEdits() { return !edits.isEmpty(); }

    /** Applies waiting edits now; call only from the thread that owns this trainer. Returns true if any. */
    public boolean applyEdits() {
        boolean any = false;
        ParameterEdit e;
        while ((e = edits.poll()) != null) {
            net.setParameter(e.parameter(), e.value());
            any = true;
        }
        if (any) {
            loss = measureLoss();
            testLoss = measureTestLoss();
            lastGood.copyParametersFrom(net);
            lastGoodLoss = loss;
            lastGoodTestLoss = testLoss;
        }
        return any;
    }

    /**
     * One pass over the data. Returns the MSE over all samples afterwards.
     *
     * @throws DivergenceException if the loss or a parameter became NaN, infinite or larger than the
     *                             blow-up limit; the network is then back at its state before this epoch
     */
    public double runEpoch() throws DivergenceException {
        return runEpochs(1);
    }

    /**
     * {@code n} passes over the data with the loss measured only after the last: the fast way when not every
     * epoch's loss is wanted (measuring it costs one more forward pass per sample). The parameters are bit for bit
     * those of {@code n} calls of {@link #runEpoch()}. Edits waiting from other threads are applied before the first
     * epoch; the learning rate is read at the start of every epoch. Returns the MSE after the last epoch.
     *
     * @throws DivergenceException if, after the last epoch, the loss or a parameter is NaN, infinite or larger than
     *                             the blow-up limit, or a parameter moved more than {@link #JUMP_LIMIT} over the
     *                             {@code n} epochs while the loss rose; the network is then back at its state before
     *                             the first of them
     */
    public double runEpochs(long n) throws DivergenceException {
        if (n < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + n);
        applyEdits();
        for (long e = 0; e < n; e++) trainOneEpoch(learningRate.get());
        return settle();
    }

    /**
     * One update: one sample (per sample), the next mini-batch, or the full batch (which is a whole epoch). The epoch
     * count moves on when its last update is done; an epoch begun this way is finished by the next {@link #runEpochs},
     * so the updates are the same, in the same order, however training is split. Returns the MSE after the update.
     *
     * @throws DivergenceException as {@link #runEpochs}; the network is then back at its state before the update
     */
    public double runUpdate() throws DivergenceException {
        applyEdits();
        double lr = learningRate.get();
        if (batching == Batching.Mode.FULL_BATCH) {
            trainOneEpoch(lr);
        } else {
            if (cursor == 0 && batching == Batching.Mode.MINI_BATCH) drawOrder();
            int end = nextUpdateEnd();
            update(cursor, end, batching == Batching.Mode.PER_SAMPLE ? 1.0 : 1.0 / (end - cursor), lr);
            cursor = end;
            if (cursor == inputs.length) {
                cursor = 0;
                orderDrawn = false;
                epoch++;
            }
        }
        return settle();
    }

    /** Samples of the current epoch already trained on: 0 at an epoch's start, else how far {@link #runUpdate} got. */
    public int cursor() { return cursor; }

    /**
     * The samples (indices into the data) the next update trains on, in order: the next sample, the next mini-batch
     * (this epoch's shuffle is drawn now if it is due, the same draw training would make) or all of them. Training
     * thread only, like every other call that trains.
     */
    public int[] upcoming() {
        int from = batching == Batching.Mode.FULL_BATCH ? 0 : cursor;
        if (cursor == 0 && batching == Batching.Mode.MINI_BATCH) drawOrder();
        int[] next = java.util.Arrays.copyOfRange(order, from, batching == Batching.Mode.FULL_BATCH ? order.length : nextUpdateEnd());
        for (int k = 0; k < next.length; k++) next[k] = trainIndex[next[k]];
        return next;
    }

    private int nextUpdateEnd() {
        return Math.min(inputs.length, cursor + (batching == Batching.Mode.PER_SAMPLE ? 1 : batchSize));
    }

    private double settle() throws DivergenceException {
        loss = measureLoss();
        checkDivergence();
        testLoss = measureTestLoss();
        lastGood.copyParametersFrom(net);
        lastGoodLoss = loss;
        lastGoodTestLoss = testLoss;
        lastGoodEpoch = epoch;
        lastGoodCursor = cursor;
        return loss;
    }

    /** The rest of the current epoch (all of it unless {@link #runUpdate} began it). */
    private void trainOneEpoch(double lr) {
        int from = cursor;
        cursor = 0;
        switch (batching) {
            case PER_SAMPLE -> {
                for (int s = from; s < inputs.length; s++) update(s, s + 1, 1.0, lr);
            }
            case FULL_BATCH -> update(0, inputs.length, fullBatchScale, lr);
            case MINI_BATCH -> {
                if (from == 0) drawOrder();
                for (int start = from; start < inputs.length; start += batchSize) {
                    int end = Math.min(inputs.length, start + batchSize);
                    update(start, end, 1.0 / (end - start), lr);
                }
                orderDrawn = false;
            }
        }
        epoch++;
    }

    /** Gradient of the samples order[from..to) with the given loss scale, then one step. */
    private void update(int from, int to, double scale, double lr) {
        lab.backprop.model.Regularization reg = regularization;
        if (fusedSgd && to - from == 1 && scale == 1.0 && reg.isNone()) {
            // Per-sample SGD on the seeds' shape: the fused step, same bits, about half the time.
            int i = order[from];
            net.sgdStep(inputs[i], targets[i][0], lr, ws);
            steps++;
            return;
        }
        java.util.Arrays.fill(gradW, 0);
        java.util.Arrays.fill(gradB, 0);
        if (to - from >= PARALLEL_BATCH && HalfBatch.CORES > 1) {
            half().sum(from, to, scale);
        } else {
            accumulate(from, to, scale, ws, gradW, gradB);
        }
        net.regularize(reg, gradW); // once per update
        net.step(stepper, lr, gradW, gradB);
        steps++;
    }

    /** Adds the gradients of samples order[from..to) into gw and gb, in sample order. */
    private void accumulate(int from, int to, double scale, Workspace w, double[] gw, double[] gb) {
        for (int s = from; s < to; s++) {
            int i = order[s];
            net.forward(inputs[i], w);
            net.backward(targets[i], scale, w, gw, gb);
        }
    }

    /**
     * Batches of at least this many samples are summed on two cores: the second half on a helper thread into its own
     * arrays, then added to the first half's. The split is fixed, so the result is the same every run (though not the
     * bits of one sequential sum: the seeds' batches of 4 and every batch below this size are summed in one pass).
     */
    static final int PARALLEL_BATCH = 4096;
    private HalfBatch half;

    private HalfBatch half() {
        if (half == null) half = new HalfBatch();
        return half;
    }

    /** The helper thread's share of a big batch: its own workspace and gradient arrays, made once. */
    private final class HalfBatch {
        static final int CORES = Runtime.getRuntime().availableProcessors();
        private static final java.util.concurrent.ExecutorService HELPER = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "backprop-batch-half");
            t.setDaemon(true);
            return t;
        });
        private final Workspace ws2 = new Workspace(net.layout());
        private final double[] gw2 = new double[gradW.length], gb2 = new double[gradB.length];

        void sum(int from, int to, double scale) {
            int mid = from + (to - from) / 2;
            java.util.Arrays.fill(gw2, 0);
            java.util.Arrays.fill(gb2, 0);
            java.util.concurrent.Future<?> other = HELPER.submit(() -> accumulate(mid, to, scale, ws2, gw2, gb2));
            accumulate(from, mid, scale, ws, gradW, gradB);
            boolean interrupted = false;
            while (true) { // the helper's half is always waited for: it writes gw2 and gb2
                try {
                    other.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            for (int k = 0; k < gw2.length; k++) gradW[k] += gw2[k];
            for (int k = 0; k < gb2.length; k++) gradB[k] += gb2[k];
        }
    }

    private void drawOrder() {
        if (orderDrawn) return;
        shuffle();
        orderDrawn = true;
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = shuffler.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private void checkDivergence() throws DivergenceException {
        String what;
        int bad = net.firstNonFiniteParameter();
        if (bad >= 0) {
            what = net.parameterName(bad) + " became " + net.parameter(bad);
        } else if ((bad = firstParameterAbove(blowUpLimit)) >= 0) {
            what = net.parameterName(bad) + " grew to " + fmt(net.parameter(bad));
        } else if (!Double.isFinite(loss)) {
            bad = largestParameter();
            what = "the loss became " + loss + " (largest parameter " + net.parameterName(bad) + " = " + fmt(net.parameter(bad)) + ")";
        } else if (loss > lastGoodLoss && (bad = largestJump()) >= 0) {
            long epochs = epoch - lastGoodEpoch;
            what = net.parameterName(bad) + " jumped by " + fmt(net.parameter(bad) - lastGood.parameter(bad))
                    + (epochs == 1 ? " in one epoch" : " in " + epochs + " epochs")
                    + " while the loss rose from " + fmt(lastGoodLoss) + " to " + fmt(loss);
        } else {
            return;
        }
        String name = net.parameterName(bad);
        double value = net.parameter(bad);
        long first = lastGoodEpoch + 1, failed = epoch;
        net.copyParametersFrom(lastGood);
        epoch = lastGoodEpoch;
        cursor = lastGoodCursor;
        loss = lastGoodLoss;
        testLoss = lastGoodTestLoss;
        throw new DivergenceException(first, failed, name, value, what, lastGoodEpoch, lastGoodLoss);
    }

    /** The parameter that moved most since the last good state if it moved more than {@link #JUMP_LIMIT}, else -1. */
    private int largestJump() {
        int n = net.layout().parameterCount(), best = -1;
        double most = JUMP_LIMIT;
        for (int p = 0; p < n; p++) {
            double d = Math.abs(net.parameter(p) - lastGood.parameter(p));
            if (d > most) {
                most = d;
                best = p;
            }
        }
        return best;
    }

    private static String fmt(double v) { return String.format(java.util.Locale.ROOT, "%.4g", v); }

    private int firstParameterAbove(double limit) {
        int n = net.layout().parameterCount();
        for (int p = 0; p < n; p++) if (Math.abs(net.parameter(p)) > limit) return p;
        return -1;
    }

    private int largestParameter() {
        int n = net.layout().parameterCount(), best = 0;
        for (int p = 1; p < n; p++) if (Math.abs(net.parameter(p)) > Math.abs(net.parameter(best))) best = p;
        return best;
    }

    /** The mean loss (MSE, seed 001's end-of-epoch loss, unless another loss is set) over the training samples. Allocates nothing. */
    public double measureLoss() {
        double sum = 0;
        for (int i = 0; i < inputs.length; i++) {
            net.forward(inputs[i], ws);
            sum += lossFunction.of(targets[i][0], ws.output(0)); // MSE's: d = y - ypred, d·d, the seeds' arithmetic
        }
        return sum / inputs.length;
    }

    /** MSE over the test samples (NaN without a test split). Allocates nothing. */
    public double measureTestLoss() {
        if (testInputs.length == 0) return Double.NaN;
        double sum = 0;
        for (int i = 0; i < testInputs.length; i++) {
            net.forward(testInputs[i], ws);
            sum += lossFunction.of(testTargets[i], ws.output(0)); // MSE's is (y - ypred)², as above
        }
        return sum / testInputs.length;
    }

    /** The test loss after the last update (NaN without a test split). */
    public double testLoss() { return testLoss; }

    /** Samples held out as the test set (0 without a split). */
    public int testCount() { return testInputs.length; }

    /** An immutable copy of the network now, for other threads. */
    public Snapshot snapshot() { return net.snapshot(epoch, loss, testLoss); }
}
