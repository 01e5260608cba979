package lab.backprop.train;

/** What the lab's training thread is doing. */
public enum RunState {
    /** Nothing running; Train starts a run. */
    IDLE("Ready"),
    /** A run is going on in the training thread. */
    RUNNING("Training"),
    /** A run was paused with epochs left; Resume continues it. */
    PAUSED("Paused");

    private final String label;

    RunState(String label) { this.label = label; }

    /** "Ready", "Training", "Paused". */
    public String label() { return label; }
}
