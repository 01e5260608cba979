package lab.backprop.ui;

/** What the training thread is doing, as the window shows it. */
public enum TrainingState {
    /** Nothing running; Train starts a run. */
    IDLE("Ready"),
    /** A run is going on in the training thread. */
    RUNNING("Training"),
    /** A run was paused with epochs left; Resume continues it. */
    PAUSED("Paused");

    private final String label;

    TrainingState(String label) { this.label = label; }

    public String label() { return label; }
}
