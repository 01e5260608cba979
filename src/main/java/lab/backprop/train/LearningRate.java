package lab.backprop.train;

/** A learning rate that any thread may set while the training thread reads it. */
public final class LearningRate {
    private volatile double value;

    public LearningRate(double initial) { set(initial); }

    public double get() { return value; }

    /** Sets a new rate; refuses anything that is not a finite positive number. */
    public void set(double rate) {
        value = check(rate);
    }

    public static double check(double rate) {
        if (!Double.isFinite(rate) || rate <= 0) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + rate);
        }
        return rate;
    }
}
