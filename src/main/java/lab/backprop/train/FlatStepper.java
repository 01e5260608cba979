package lab.backprop.train;

/** A stepper whose whole state is one flat array, copied out and put back as it is. */
abstract class FlatStepper implements UpdateRule.Stepper {
    private final double[] state;

    FlatStepper(double[] state) { this.state = state; }

    @Override public double[] state() { return state.clone(); }

    @Override public void restoreState(double[] saved) {
        if (saved.length != state.length) {
            throw new IllegalArgumentException("this rule keeps " + state.length + " numbers for the network, got " + saved.length);
        }
        System.arraycopy(saved, 0, state, 0, state.length);
    }
}
