package lab.backprop.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Labelled samples with two views of each feature: the raw value a person types (pounds, inches)
 * and the network input, which is (raw + shift) · scale (seed 001 shifts weight by -135 and height by -66; own data
 * is standardised: shifted by minus the mean and scaled by 1 / sd).
 * Each data set carries the {@link Preset} it is trained with when chosen afresh (own data: {@link Preset#OWN_DATA}).
 * Immutable.
 */
public final class Dataset {
    private final String name;
    private final List<String> featureNames;
    private final double[] shift;
    private final List<Sample> samples;
    private final String positiveClass;
    private final String negativeClass;
    private final Preset preset;
    private final Generator.Spec generated;
    private final List<Feature> features; // null: the shifted coordinates themselves
    private final double[] scale;         // each coordinate's factor after the shift: 1, or 1/sd when standardised

    /** One row: an optional name, raw features and a 0/1 label. */
    public record Sample(String name, double[] raw, double label) {
        public Sample {
            raw = raw.clone();
        }
        @Override public double[] raw() { return raw.clone(); }
        public double raw(int i) { return raw[i]; }
        @Override public boolean equals(Object o) {
            return o instanceof Sample s && Objects.equals(name, s.name) && Arrays.equals(raw, s.raw) && label == s.label;
        }
        @Override public int hashCode() { return Objects.hash(name, Arrays.hashCode(raw), label); }
        @Override public String toString() { return name + Arrays.toString(raw) + "->" + label; }
    }

    /** Own data: trained with {@link Preset#OWN_DATA} when chosen. */
    public Dataset(String name, List<String> featureNames, double[] shift, List<Sample> samples,
                   String positiveClass, String negativeClass) {
        this(name, featureNames, shift, samples, positiveClass, negativeClass, Preset.OWN_DATA);
    }

    public Dataset(String name, List<String> featureNames, double[] shift, List<Sample> samples,
                   String positiveClass, String negativeClass, Preset preset) {
        this(name, featureNames, shift, samples, positiveClass, negativeClass, preset, null);
    }

    /** A data set made by {@code generated} (null for any other), which the window can make again with new settings. */
    public Dataset(String name, List<String> featureNames, double[] shift, List<Sample> samples,
                   String positiveClass, String negativeClass, Preset preset, Generator.Spec generated) {
        this(name, featureNames, shift, samples, positiveClass, negativeClass, preset, generated, null, null);
    }

    private Dataset(String name, List<String> featureNames, double[] shift, List<Sample> samples, String positiveClass,
                    String negativeClass, Preset preset, Generator.Spec generated, List<Feature> features, double[] scale) {
        if (scale != null && scale.length != featureNames.size()) throw new IllegalArgumentException("one scale per feature expected");
        double[] ones = new double[featureNames.size()];
        java.util.Arrays.fill(ones, 1);
        this.scale = scale == null ? ones : scale.clone();
        for (double f : this.scale) if (!(f > 0) || !Double.isFinite(f)) throw new IllegalArgumentException("scales must be positive, got " + f);
        this.preset = Objects.requireNonNull(preset);
        this.generated = generated;
        this.features = features == null || features.equals(Feature.PLAIN) ? null : List.copyOf(features);
        if (this.features != null && featureNames.size() != 2) {
            throw new IllegalArgumentException("features are made from 2 coordinates; '" + name + "' has " + featureNames.size());
        }
        if (this.features != null && this.features.isEmpty()) throw new IllegalArgumentException("a network needs at least one input feature");
        this.name = Objects.requireNonNull(name);
        this.featureNames = List.copyOf(featureNames);
        this.shift = shift.clone();
        this.samples = List.copyOf(samples);
        this.positiveClass = Objects.requireNonNull(positiveClass);
        this.negativeClass = Objects.requireNonNull(negativeClass);
        if (this.shift.length != this.featureNames.size()) {
            throw new IllegalArgumentException("one shift per feature expected");
        }
        for (Sample s : this.samples) {
            if (s.raw.length != this.featureNames.size()) {
                throw new IllegalArgumentException("sample " + s.name + " has " + s.raw.length + " features, expected " + this.featureNames.size());
            }
        }
    }

    public String name() { return name; }
    public List<String> featureNames() { return featureNames; }
    public int featureCount() { return featureNames.size(); }
    public int size() { return samples.size(); }
    public boolean isEmpty() { return samples.isEmpty(); }
    public List<Sample> samples() { return samples; }
    public Sample sample(int i) { return samples.get(i); }
    /** Sample {@code i}'s name, or "p" and its number (from 1) for an unnamed one (own data's rows keep no name of their own). */
    public String nameOf(int i) {
        String n = samples.get(i).name();
        return n != null ? n : "p" + (i + 1);
    }
    public double[] shift() { return shift.clone(); }
    /** Each coordinate's factor after the shift (1 unless standardised): the input is (raw + shift) · scale. */
    public double[] scale() { return scale.clone(); }
    /** Whether the inputs are standardised (a scale other than 1). */
    public boolean isStandardized() {
        for (double f : scale) if (f != 1) return true;
        return false;
    }

    /**
     * This data with its inputs standardised, as seed 001 says one normally would: shifted by minus each
     * coordinate's mean and divided by its standard deviation (a constant coordinate is only shifted), so that
     * every input has mean 0 and variance 1 whatever the units and the size. Predictions stay in raw units.
     */
    public Dataset standardized() {
        int k = featureNames.size(), n = samples.size();
        double[] mean = new double[k], sd = new double[k];
        for (Sample x : samples) for (int f = 0; f < k; f++) mean[f] += x.raw[f] / n;
        for (Sample x : samples) for (int f = 0; f < k; f++) sd[f] += (x.raw[f] - mean[f]) * (x.raw[f] - mean[f]) / n;
        double[] minus = new double[k], factor = new double[k];
        for (int f = 0; f < k; f++) {
            minus[f] = -mean[f];
            double s = Math.sqrt(sd[f]);
            factor[f] = s > 0 && Double.isFinite(1 / s) ? 1 / s : 1;
        }
        return new Dataset(name, featureNames, minus, samples, positiveClass, negativeClass, preset, generated, features, factor);
    }

    /** This data with the given shift and scale (a saved session's). */
    public Dataset withShiftAndScale(double[] newShift, double[] newScale) {
        return new Dataset(name, featureNames, newShift, samples, positiveClass, negativeClass, preset, generated, features, newScale);
    }
    /** Class name for label 1 ("F" for gender, "1" for XOR). */
    public String positiveClass() { return positiveClass; }
    /** Class name for label 0 ("M" for gender, "0" for XOR). */
    public String negativeClass() { return negativeClass; }
    /** How this data set is trained when chosen afresh. */
    public Preset preset() { return preset; }
    /** What generated these samples (null for the seeds' sets, own data, and sets edited by hand). */
    public Generator.Spec generated() { return generated; }
    /** The network's inputs made from the two coordinates ({@link Feature#PLAIN} unless chosen), or null for other sets. */
    public List<Feature> features() { return features != null ? features : featureNames.size() == 2 ? Feature.PLAIN : null; }
    /** The network's input count: one per feature (the raw feature count without features). */
    public int inputCount() { return features == null ? featureNames.size() : features.size(); }
    /** The names of the network's inputs: the features' ("x1²"), or the data's own feature names. */
    public List<String> inputNames() { return features == null ? featureNames : features.stream().map(Feature::label).toList(); }

    /** This data training on {@code chosen} features of its two coordinates (the same samples). */
    public Dataset withFeatures(List<Feature> chosen) {
        return new Dataset(name, featureNames, shift, samples, positiveClass, negativeClass, preset, generated, chosen, scale);
    }

    /** The network's input for raw features: raw + shift, then the {@link #features()} of that point. */
    public double[] toInput(double... raw) {
        if (raw.length != shift.length) {
            throw new IllegalArgumentException("expected " + shift.length + " values (" + String.join(", ", featureNames) + "), got " + raw.length);
        }
        double[] x = new double[inputCount()];
        if (features != null) {
            toInput(raw[0], raw[1], x);
            return x;
        }
        for (int i = 0; i < raw.length; i++) x[i] = (raw[i] + shift[i]) * scale[i];
        return x;
    }

    /** The network's input for the raw point (r0, r1) of a 2-coordinate set, into {@code x} (length {@link #inputCount()}). */
    public void toInput(double r0, double r1, double[] x) {
        double a = (r0 + shift[0]) * scale[0], b = (r1 + shift[1]) * scale[1];
        if (features == null) {
            x[0] = a;
            x[1] = b;
            return;
        }
        for (int i = 0; i < x.length; i++) x[i] = features.get(i).of(a, b);
    }

    /** All network inputs, one row per sample (a fresh array). */
    public double[][] inputs() {
        double[][] x = new double[samples.size()][];
        for (int i = 0; i < x.length; i++) x[i] = toInput(samples.get(i).raw);
        return x;
    }

    /** All labels (a fresh array). */
    public double[] labels() {
        double[] y = new double[samples.size()];
        for (int i = 0; i < y.length; i++) y[i] = samples.get(i).label;
        return y;
    }

    /** Class name for an output: label 1 when output >= 0.5. */
    public String classify(double output) { return output >= 0.5 ? positiveClass : negativeClass; }

    /** A copy with one more sample. */
    public Dataset with(Sample extra) {
        List<Sample> more = new ArrayList<>(samples);
        more.add(extra);
        return new Dataset(name, featureNames, shift, more, positiveClass, negativeClass, preset, null, features, scale);
    }

    /** A copy without sample {@code index}. */
    public Dataset without(int index) {
        List<Sample> fewer = new ArrayList<>(samples);
        fewer.remove(index);
        return new Dataset(name, featureNames, shift, fewer, positiveClass, negativeClass, preset, null, features, scale);
    }

    /** The samples where {@code mask[i] == keep}, in order (e.g. the training part of a split), as a set of its own. */
    public Dataset part(boolean[] mask, boolean keep) {
        List<Sample> kept = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) if (mask[i] == keep) kept.add(samples.get(i));
        return new Dataset(name, featureNames, shift, kept, positiveClass, negativeClass, preset, generated, features, scale);
    }

    /** A copy under another name. */
    public Dataset named(String newName) {
        return new Dataset(newName, featureNames, shift, samples, positiveClass, negativeClass, preset, generated, features, scale);
    }

    @Override public String toString() { return name + " (" + samples.size() + " samples)"; }
}
