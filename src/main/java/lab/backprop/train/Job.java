package lab.backprop.train;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Work beside the lab's training (twin runs, a seed sweep) on a daemon thread of its own, with progress, a cancel
 * request and an outcome that any thread may read. Nothing calls back: a viewer polls {@link #state()} and
 * {@link #progress()} (the window once per frame).
 * <pre>{@code
 * Job<Result> job = Job.start("seed-sweep", j -> sweep.run(0, 100, j::isCancelled, j::progress));
 * ... later, on any thread: if (job.state() == Job.State.DONE) show(job.result());
 * }</pre>
 */
public final class Job<T> {
    /** Where a job is. */
    public enum State { RUNNING, DONE, CANCELLED, FAILED }

    /** What a job does; it should return soon after {@link Job#isCancelled()} turns true. */
    @FunctionalInterface
    public interface Work<T> { T run(Job<T> job) throws Exception; }

    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private volatile boolean cancelRequested;
    private volatile double progress;
    private volatile String message = "";
    private volatile T result;
    private volatile Throwable failure;

    private Job() { }

    /** Starts {@code work} now on a new daemon thread named {@code name}. */
    public static <T> Job<T> start(String name, Work<T> work) {
        Job<T> job = new Job<>();
        Thread t = new Thread(() -> job.execute(work), name);
        t.setDaemon(true);
        t.start();
        return job;
    }

    private void execute(Work<T> work) {
        try {
            result = work.run(this);
            state.set(cancelRequested ? State.CANCELLED : State.DONE);
        } catch (Exception | Error e) {
            failure = e;
            state.set(State.FAILED);
        }
    }

    /** Asks the work to stop; it ends as {@link State#CANCELLED} with what it had done. */
    public void cancel() { cancelRequested = true; }
    public boolean isCancelled() { return cancelRequested; }
    public State state() { return state.get(); }
    public boolean isRunning() { return state.get() == State.RUNNING; }

    /** Reports progress: {@code done} of {@code total} (from the working thread). */
    public void progress(long done, long total) {
        progress = total <= 0 ? 0 : Math.min(1, (double) done / total);
        message = done + " of " + total;
    }

    /** 0..1. */
    public double progress() { return progress; }
    /** "12 of 100" after the last progress report. */
    public String message() { return message; }
    /** What the work returned (also when cancelled part way), or null while running or after a failure. */
    public T result() { return result; }
    public Throwable failure() { return failure; }

    /** Waits (for tests and tools) until the job has ended; false on timeout. */
    public boolean await(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (isRunning()) {
            if (System.nanoTime() > end) return false;
            Thread.sleep(5);
        }
        return true;
    }
}
