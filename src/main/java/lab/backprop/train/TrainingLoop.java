package lab.backprop.train;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import lab.backprop.model.Snapshot;

/**
 * Runs epochs of one {@link Trainer} at a chosen pace and publishes what other threads may show.
 *
 * <p>Only one thread at a time may call {@link #run}, {@link #applyEditsAndPublish} or touch the trainer
 * (the "training thread"). Any thread may read {@link #latest()}, {@link #steps()}, set the pace, ask for
 * a stop, or submit edits through the trainer. The latest immutable {@link Snapshot} is published into an
 * {@link AtomicReference} at most every {@link #PUBLISH_INTERVAL_NANOS} at full speed (and after every
 * epoch when paced slower), so a viewer polls it once per frame instead of being called once per step.
 *
 * <p>An edit submitted through the trainer is applied and published at once, also while a slow pace waits between two
 * epochs: {@link #wake()} interrupts the wait, which applies waiting edits before it sleeps on.
 */
public final class TrainingLoop {
    /** Full speed publishes about 250 times a second: more than any screen shows. */
    public static final long PUBLISH_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(4);
    /** A pace of 0 (or less) epochs per second means: as fast as possible. */
    public static final double FULL_SPEED = 0;

    /** Why {@link #run} returned normally. */
    public enum Outcome { FINISHED, STOPPED }

    private final Trainer trainer;
    private final LossHistory history;
    private final ParameterHistory parameters;
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private volatile double epochsPerSecond = FULL_SPEED;
    private volatile boolean stopRequested;
    private volatile long steps;
    private volatile Thread runner;

    public TrainingLoop(Trainer trainer, LossHistory history) {
        this(trainer, history, null);
    }

    /** Also records every epoch's parameters into {@code parameters} (for rewinding and sparklines), if not null. */
    public TrainingLoop(Trainer trainer, LossHistory history, ParameterHistory parameters) {
        this.trainer = trainer;
        this.stateful = trainer.stepper().state().length > 0;
        this.history = history;
        this.parameters = parameters;
        if (history.recorded() == 0) history.record(trainer.epoch(), trainer.loss(), trainer.testLoss());
        if (parameters != null) parameters.record(trainer);
        publish();
        steps = trainer.steps();
    }

    /** A published network and the update rule's state that belongs to it (empty for a rule without state). */
    public record Published(Snapshot network, double[] updateState) { }

    private final boolean stateful; // the rule keeps state (momentum, Adam): published with each network
    private volatile Published published;

    /** Publishes the trainer's network (and, for a rule with state, that state with it). Training thread. */
    private void publish() {
        Snapshot s = trainer.snapshot();
        latest.set(s);
        published = new Published(s, stateful ? trainer.stepper().state() : NO_STATE);
    }

    private static final double[] NO_STATE = new double[0];

    /** The newest published network with the rule's state of the same moment (a session saves both). Any thread. */
    public Published published() {
        while (true) {
            Published p = published;
            if (p.network() == latest.get()) return p;
            Thread.onSpinWait(); // published between the two reads: the pair is about to match
        }
    }

    public Trainer trainer() { return trainer; }
    public LossHistory history() { return history; }

    /** The newest published picture of the network. Any thread. */
    public Snapshot latest() { return latest.get(); }

    /** Parameter updates done so far, as last published. Any thread. */
    public long steps() { return steps; }

    /** Epochs per second; {@link #FULL_SPEED} (0) for no pause between epochs. Any thread, takes effect at once. */
    public void setEpochsPerSecond(double eps) {
        if (Double.isNaN(eps)) throw new IllegalArgumentException("speed must be a number");
        epochsPerSecond = eps;
    }

    public double epochsPerSecond() { return epochsPerSecond; }

    /** Asks a running (or the next) {@link #run} to return after the epoch it is in. Any thread. */
    public void requestStop() { stopRequested = true; }

    /** Forgets an earlier stop request; call before handing a new run to the training thread. Any thread. */
    public void clearStopRequest() { stopRequested = false; }

    /** Wakes a paced run waiting between epochs, so that it applies and publishes waiting edits now. Any thread. */
    public void wake() {
        Thread t = runner;
        if (t != null) LockSupport.unpark(t);
    }

    /**
     * Runs up to {@code epochs} epochs, or until {@link #requestStop()} (a stop asked for before the run
     * started counts too, so a pause is never lost). Training thread only.
     *
     * @throws DivergenceException when training blows up; the trainer has rolled back, and the rolled-back
     *                             network is published before the exception leaves
     */
    public Outcome run(long epochs) throws DivergenceException {
        forgetTheFuture();
        long lastPublish = System.nanoTime();
        long due = lastPublish;
        runner = Thread.currentThread();
        try {
            for (long i = 0; i < epochs; i++) {
                if (stopRequested) return Outcome.STOPPED;
                if (trainer.hasPendingEdits()) applyEditsAndPublish(); // the edited network is shown before it trains on
                double loss = trainer.runEpoch();
                history.record(trainer.epoch(), loss, trainer.testLoss());
                if (parameters != null) parameters.record(trainer);
                steps = trainer.steps();
                double eps = epochsPerSecond;
                long now = System.nanoTime();
                if (eps > 0 || now - lastPublish >= PUBLISH_INTERVAL_NANOS) {
                    publish();
                    lastPublish = now;
                }
                if (eps > 0) {
                    due = Math.max(due, now - PUBLISH_INTERVAL_NANOS) + (long) (1e9 / eps);
                    waitUntil(due);
                } else {
                    due = now;
                }
            }
            return stopRequested ? Outcome.STOPPED : Outcome.FINISHED;
        } finally {
            runner = null;
            steps = trainer.steps();
            publish();
        }
    }

    /**
     * One update ({@link Trainer#runUpdate}): the loss history records the epoch when the update ends it; the result
     * is published.
     *
     * @throws DivergenceException as {@link #run}
     */
    public void runUpdate() throws DivergenceException {
        forgetTheFuture();
        try {
            double loss = trainer.runUpdate();
            if (trainer.cursor() == 0) {
                history.record(trainer.epoch(), loss, trainer.testLoss());
                if (parameters != null) parameters.record(trainer);
            }
        } finally {
            steps = trainer.steps();
            publish();
        }
    }

    /**
     * After a rewind the histories hold epochs after the trainer's: training on from the earlier point replaces them
     * (the network as it is now, edits included, becomes that epoch's record). Training thread only.
     */
    void forgetTheFuture() {
        trainer.applyEdits();
        long e = trainer.epoch();
        if (history.latestEpoch() > e) {
            history.truncateAfter(e - 1);
            history.record(e, trainer.loss(), trainer.testLoss());
        }
        if (parameters != null && !parameters.isEmpty() && parameters.latestEpoch() > e) {
            parameters.truncateFrom(e);
            parameters.record(trainer);
        }
    }

    /** Applies edits waiting in the trainer and publishes the result. Training thread only. */
    public boolean applyEditsAndPublish() {
        boolean any = trainer.applyEdits();
        if (any) publish();
        return any;
    }

    /** Sleeps in short slices so that a stop request or a faster pace is noticed quickly; edits are applied at once. */
    private void waitUntil(long due) {
        while (!stopRequested) {
            if (trainer.hasPendingEdits()) applyEditsAndPublish();
            long left = due - System.nanoTime();
            if (left <= 0 || epochsPerSecond <= 0) return;
            LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(20)));
        }
    }
}
