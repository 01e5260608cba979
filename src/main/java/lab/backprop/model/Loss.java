package lab.backprop.model;

/** Mean squared error, as in seeds 001 and 002: mean over samples of (y_true - y_pred)^2. */
public final class Loss {
    private Loss() { }

    public static double mse(double[] yTrue, double[] yPred) {
        if (yTrue.length != yPred.length) {
            throw new IllegalArgumentException("lengths differ: " + yTrue.length + " vs " + yPred.length);
        }
        if (yTrue.length == 0) throw new IllegalArgumentException("no samples");
        double sum = 0;
        for (int i = 0; i < yTrue.length; i++) {
            double d = yTrue[i] - yPred[i];
            sum += d * d;
        }
        return sum / yTrue.length;
    }
}
