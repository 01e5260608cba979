package lab.backprop.session;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import lab.backprop.data.Batching;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Architecture;
import lab.backprop.model.Initializer;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.support.AtomicFiles;
import lab.backprop.support.RegularFiles;
import lab.backprop.train.TrainingSetup;
import lab.backprop.train.UpdateRule;

/**
 * Saves and loads a {@link Session} as JSON:
 * <pre>
 * { "format": "backprop-lab-session", "version": 1,
 *   "network":  { "layers": [2,2,1], "hiddenActivation": "sigmoid", "outputActivation": "sigmoid",
 *                 "weights": [...], "biases": [...], "epoch": 1000, "loss": 0.0012 },
 *   "training": { "optimizer": "sgd", "learningRate": 0.1, "epochs": 1000, "batchSize": 2, "seed": 1, "init": "normal",
 *                 "update": "gd" },
 *   "dataset":  { "name": "gender", "featureNames": [..], "shift": [-135,-66], "positiveClass": "F",
 *                 "negativeClass": "M", "samples": [ { "name": "Alice", "x": [133,65], "label": 1 }, ... ] } }
 * </pre>
 * ("optimizer" is the batching; "update" may be left out for plain gradient descent, as files before it did.)
 * Doubles are written in their shortest exact decimal form, so a loaded network predicts bit-identically. Writes are
 * atomic.
 *
 * <p>Loading reads the text twice. A streaming scan checks the JSON itself (syntax, truncation, content after the
 * object, the {@linkplain #MAX_DEPTH nesting}, {@linkplain #MAX_NUMBER_LENGTH number} and
 * {@linkplain #MAX_TEXT_LENGTH text} limits) and the format and version, without building anything. Then Jackson
 * binds it into the records below, whose strict readers take a number only from a number and a text only from a
 * text, keep whole numbers exact (a version or layer size beyond any {@code long} is refused by its text, never
 * wrapped) and stop a list at {@link #MAX_PARAMETERS} numbers before it is stored. Last, the records are checked
 * against each other. Every problem is a {@link SessionFormatException} with one line naming the field by its JSON path
 * (e.g. {@code network.weights[4]}); no message shows a Java class. Nothing of the caller's changes.
 */
public final class SessionFile {
    public static final String FORMAT = "backprop-lab-session";
    public static final int VERSION = 1;
    /** Larger files are refused unread (a session with 10,000 samples is about 1 MB). */
    public static final long MAX_BYTES = 32L << 20;
    /** Limits that keep a hostile file from asking for gigabytes. */
    static final int MAX_LAYERS = 16, MAX_NEURONS = 1000, MAX_SAMPLES = 100_000;
    /** Most weights and biases a session may hold (8 MB per copy of the network), checked before anything is allocated. */
    public static final int MAX_PARAMETERS = 1_000_000;
    /** Deepest nesting of objects and lists accepted (a session needs 4). */
    public static final int MAX_DEPTH = 64;
    /** Longest number accepted, in characters. */
    public static final int MAX_NUMBER_LENGTH = 400;
    /** Longest text accepted (a name, a feature name), in characters. */
    public static final int MAX_TEXT_LENGTH = 100_000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_TEXT_LENGTH).maxNameLength(MAX_TEXT_LENGTH).build())
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
            .build();

    private SessionFile() { }

    // ---- Writing ---------------------------------------------------------------------------------------------

    /** Writes the session atomically (temporary file in the same directory, then a move). */
    public static void save(Session session, Path file) throws IOException {
        String problem = RegularFiles.whyNotWritable(file);
        if (problem != null) throw new IOException(problem);
        byte[] json = toJson(session).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(json));
    }

    public static String toJson(Session s) {
        Snapshot net = s.network();
        TrainingSetup t = s.setup();
        Dataset data = s.dataset();
        List<BigInteger> layers = Arrays.stream(net.layout().sizes()).mapToObj(BigInteger::valueOf).toList();
        SessionJson.NetworkJson n = new SessionJson.NetworkJson(layers, net.hiddenActivation().label(), net.outputActivation().label(), net.weights(),
                net.biases(), BigInteger.valueOf(net.epoch()), Double.isFinite(net.loss()) ? net.loss() : null);
        SessionJson.TrainingJson training = new SessionJson.TrainingJson(t.batching().mode().label(), t.learningRate(), BigInteger.valueOf(t.epochs()),
                BigInteger.valueOf(t.batching().batchSize()), BigInteger.valueOf(t.seed()), t.init().label(),
                t.update().isPlainGradientDescent() ? null : t.update().spec(), t.split().isNone() ? null : t.split().testRatio(),
                t.split().isNone() ? null : BigInteger.valueOf(t.split().seed()),
                t.regularization().isNone() ? null : t.regularization().kind().label(),
                t.regularization().isNone() ? null : t.regularization().rate(),
                data.preset().sumsFullBatch() ? null : "mean", // absent: the sum, as every file before had it
                s.updateState().length == 0 ? null : s.updateState(),
                t.loss() == lab.backprop.model.LossFunction.MSE ? null : t.loss().id());
        List<SessionJson.SampleJson> samples = data.samples().stream().map(x -> new SessionJson.SampleJson(x.name(), x.raw(), x.label())).toList();
        boolean plain = data.features() == null || data.features().equals(lab.backprop.data.Feature.PLAIN);
        SessionJson.DatasetJson d = new SessionJson.DatasetJson(data.name(), data.featureNames(), data.shift(), data.positiveClass(),
                data.negativeClass(), samples, plain ? null : lab.backprop.data.Feature.idsOf(data.features()),
                data.isStandardized() ? data.scale() : null);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(new SessionJson.FileJson(FORMAT, BigInteger.valueOf(VERSION), n,
                    training, d)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e); // records of plain values always serialise
        }
    }

    // ---- Reading ---------------------------------------------------------------------------------------------

    /** Reads a session; any problem, including a missing or special file, is a SessionFormatException. */
    public static Session load(Path file) throws SessionFormatException {
        String source = String.valueOf(file.getFileName());
        String problem = RegularFiles.whyNotReadable(file);
        if (problem != null) throw new SessionFormatException(source, problem);
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new SessionFormatException(source, "the file is larger than " + (MAX_BYTES >> 20) + " MB; it is not a session file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
        } catch (IOException e) {
            throw new SessionFormatException(source, "cannot read the file: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) throw new SessionFormatException(source, "the file is larger than " + (MAX_BYTES >> 20) + " MB");
        return fromJson(new String(bytes, StandardCharsets.UTF_8), source);
    }

    /** Parses and checks a session; {@code source} names it in messages. */
    public static Session fromJson(String json, String source) throws SessionFormatException {
        if (json.isBlank()) throw new SessionFormatException(source, "the file is empty");
        scan(json, source);
        SessionJson.FileJson file;
        try {
            file = MAPPER.readValue(json, SessionJson.FileJson.class);
        } catch (JsonMappingException e) {
            throw new SessionFormatException(source, bindingProblem(e), e);
        } catch (JsonProcessingException e) { // the scan found the JSON well formed, so this is not expected
            throw new SessionFormatException(source, "not valid JSON: " + clean(e.getOriginalMessage()), e);
        }
        return new Checker(source).session(file);
    }

    /** The streaming pass: the JSON itself, then the format and version. */
    private static void scan(String json, String source) throws SessionFormatException {
        String format = null;
        String version = null;
        boolean integralVersion = false;
        JsonParser p = null;
        try {
            p = FACTORY.createParser(json);
            JsonToken root = p.nextToken();
            if (root == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (field.equals("format") && value == JsonToken.VALUE_STRING) format = p.getText();
                    if (field.equals("version")) {
                        version = value.isScalarValue() ? p.getText() : "";
                        integralVersion = value == JsonToken.VALUE_NUMBER_INT;
                    }
                    p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new SessionFormatException(source, "not valid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr()
                        + ": more content after the " + (root == JsonToken.START_OBJECT ? "session object" : "first value"));
            }
            if (root != JsonToken.START_OBJECT || !FORMAT.equals(format)) {
                throw new SessionFormatException(source, "this is not a Backprop Lab session file (it has no \"format\": \"" + FORMAT + "\")");
            }
        } catch (StreamConstraintsException e) {
            throw new SessionFormatException(source, limitProblem(e, p), e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation() != null ? e.getLocation() : p != null ? p.currentLocation() : null;
            if (e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage()).contains("end-of-input") || atEnd(at, json)) {
                throw new SessionFormatException(source, "the file is truncated (it ends in the middle of the JSON, line "
                        + (at == null ? "?" : at.getLineNr()) + ")", e);
            }
            throw new SessionFormatException(source, "not valid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ": " + clean(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new SessionFormatException(source, "cannot read the JSON: " + clean(e.getMessage()), e);
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException ignored) {
                    // reading a string: nothing to release
                }
            }
        }
        if (version == null || !integralVersion) throw new SessionFormatException(source, "\"version\" is missing or not a whole number");
        BigInteger v = new BigInteger(version);
        if (v.compareTo(BigInteger.valueOf(VERSION)) > 0) {
            throw new SessionFormatException(source, "the file has format version " + v + ", written by a newer Backprop Lab; this one reads version "
                    + VERSION);
        }
        if (v.signum() < 1) throw new SessionFormatException(source, "\"version\" must be 1 or more, got " + v);
    }

    /** One line for a parser limit, with where it was hit. */
    private static String limitProblem(StreamConstraintsException e, JsonParser p) {
        String msg = String.valueOf(e.getOriginalMessage());
        JsonLocation at = p == null ? null : p.currentLocation();
        String where = at == null ? "" : "line " + at.getLineNr() + ": ";
        if (msg.contains("nesting depth") || msg.contains("Depth")) return where + "nesting deeper than " + MAX_DEPTH + " levels";
        if (msg.contains("Number value length")) return where + "a number longer than " + MAX_NUMBER_LENGTH + " characters";
        if (msg.contains("Name length")) return where + "a field name longer than " + MAX_TEXT_LENGTH + " characters";
        if (msg.contains("String value length")) return where + "a text longer than " + MAX_TEXT_LENGTH + " characters";
        return where + "the JSON is beyond what a session file holds";
    }

    /** True if the parse error is at the very end of the text (a number cut in half, say). */
    private static boolean atEnd(JsonLocation at, String json) {
        if (at == null) return false;
        String text = json.stripTrailing();
        int lastLine = 1, lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lastLine++;
                lineStart = i + 1;
            }
        }
        int lastColumn = text.length() - lineStart; // 1-based column of the last character
        return at.getLineNr() > lastLine || at.getLineNr() == lastLine && at.getColumnNr() >= lastColumn;
    }

    /** A binding problem as one line: the field's JSON path and what is wrong with it. */
    private static String bindingProblem(JsonMappingException e) {
        String path = path(e.getPath());
        Throwable cause = e;
        while (cause != null && !(cause instanceof SessionJson.Refusal)) cause = cause.getCause();
        if (cause instanceof SessionJson.Refusal r) return path + r.problem;
        if (e instanceof MismatchedInputException m) {
            Class<?> target = m.getTargetType();
            String expected = target == null ? "another kind of value"
                    : List.class.isAssignableFrom(target) || target.isArray() ? "a list"
                    : target == String.class ? "text"
                    : Number.class.isAssignableFrom(target) || target.isPrimitive() ? "a number"
                    : "an object";
            if (path.isEmpty()) return "this is not a Backprop Lab session file (it is not a JSON object)";
            return (path.equals("training") || path.equals("network") || path.equals("dataset") ? "\"" + path + "\"" : path)
                    + " must be " + expected;
        }
        return (path.isEmpty() ? "" : path + ": ") + "cannot be read";
    }

    /** "network.weights[3]" from Jackson's path. */
    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            else if (r.getIndex() >= 0) sb.append('[').append(r.getIndex()).append(']');
        }
        return sb.toString();
    }

    /** A library message without class names or Jackson's source excerpt. */
    private static String clean(String msg) {
        if (msg == null) return "unreadable";
        String s = msg.replaceAll("\\s*at \\[Source:.*", "").replaceAll("\\(bound as `[^`]*`\\)", "")
                .replaceAll("`?(com\\.fasterxml|java\\.|lab\\.backprop)[\\w.$]*`?", "a value").replaceAll("\\s+", " ").trim();
        return s.isEmpty() ? "unreadable" : s;
    }

    // ---- Checks across fields ----------------------------------------------------------------------------------

    /** Checks the bound records field by field; every complaint names the JSON path, e.g. network.weights[4]. */
    private static final class Checker {
        private final String source;

        Checker(String source) { this.source = source; }

        Session session(SessionJson.FileJson f) throws SessionFormatException {
            SessionJson.TrainingJson t = present(f.training(), "\"training\" is missing or not an object");
            String gradient = t.fullBatchGradient();
            if (gradient != null && !gradient.equals("mean") && !gradient.equals("sum")) {
                throw fail("training.fullBatchGradient must be sum or mean, got '" + lab.backprop.support.Texts.quote(gradient) + "'");
            }
            // The preset says how a full batch adds its samples: the sum (seed 000's way, and every file without the field) or the mean.
            lab.backprop.data.Preset preset = "mean".equals(gradient) ? lab.backprop.data.Preset.OWN_DATA : lab.backprop.data.Preset.SEED_001;
            Dataset data = dataset(present(f.dataset(), "\"dataset\" is missing or not an object"), preset);
            SessionJson.NetworkJson n = present(f.network(), "\"network\" is missing or not an object");
            Snapshot net = network(n, data);
            TrainingSetup setup = training(t, data, net);
            try {
                double[] state = new double[0];
                if (t.updateState() != null) {
                    int expected = setup.update().newStepper(setup.layout()).state().length;
                    state = numbers(t.updateState(), "training.updateState", expected, "state of " + setup.update().name() + " on " + setup.layout());
                }
                return new Session(net, setup, state);
            } catch (IllegalArgumentException e) {
                throw fail(e.getMessage());
            }
        }

        private Snapshot network(SessionJson.NetworkJson n, Dataset data) throws SessionFormatException {
            List<BigInteger> layers = present(n.layers(), "network.layers is missing or not a list");
            if (layers.size() < 2 || layers.size() > MAX_LAYERS) {
                throw fail("network.layers must list 2 to " + MAX_LAYERS + " layer sizes, got " + layers.size());
            }
            int[] sizes = new int[layers.size()];
            long parameters = 0;
            for (int i = 0; i < sizes.length; i++) {
                BigInteger s = present(layers.get(i), "network.layers[" + i + "] must be a whole number from 1 to " + MAX_NEURONS + ", got null");
                if (s.signum() < 1 || s.compareTo(BigInteger.valueOf(MAX_NEURONS)) > 0) {
                    throw fail("network.layers[" + i + "] must be a whole number from 1 to " + MAX_NEURONS + ", got " + s);
                }
                sizes[i] = s.intValue();
                if (i > 0) parameters += (long) sizes[i] * sizes[i - 1] + sizes[i];
            }
            if (parameters > MAX_PARAMETERS) {
                throw fail("network.layers describe " + parameters + " weights and biases; a session holds at most " + MAX_PARAMETERS);
            }
            Layout layout = new Layout(sizes);
            if (layout.inputSize() != data.inputCount()) {
                throw fail("the network takes " + layout.inputSize() + " inputs but the data set has " + data.inputCount() + " input features");
            }
            if (layout.outputSize() != 1) throw fail("the network must have one output, network.layers ends with " + layout.outputSize());
            Activation hidden = activation(n.hiddenActivation(), "hiddenActivation");
            Activation output = activation(n.outputActivation(), "outputActivation");
            double[] weights = numbers(n.weights(), "network.weights", layout.weightCount(), layout + " network");
            double[] biases = numbers(n.biases(), "network.biases", layout.biasCount(), layout + " network");
            long epoch = whole(n.epoch(), "network.epoch", 0, Long.MAX_VALUE);
            double loss = Double.NaN;
            if (n.loss() != null) {
                if (n.loss() < 0) throw fail("network.loss must be a number of 0 or more (or null), got " + n.loss());
                loss = n.loss();
            }
            Network net = new Network(layout, hidden, output);
            net.setWeights(weights);
            net.setBiases(biases);
            return net.snapshot(epoch, loss);
        }

        private TrainingSetup training(SessionJson.TrainingJson t, Dataset data, Snapshot net) throws SessionFormatException {
            Batching.Mode mode;
            try {
                mode = Batching.Mode.parse(present(t.optimizer(), "training.optimizer is missing or not text"));
            } catch (IllegalArgumentException e) {
                throw fail("training.optimizer: " + e.getMessage());
            }
            double lr = present(t.learningRate(), "training.learningRate is missing or not a number");
            if (lr <= 0) throw fail("training.learningRate must be positive, got " + lr);
            long epochs = whole(t.epochs(), "training.epochs", 0, Long.MAX_VALUE);
            int batch = (int) whole(t.batchSize(), "training.batchSize", 1, Integer.MAX_VALUE);
            long seed = whole(t.seed(), "training.seed", Long.MIN_VALUE, Long.MAX_VALUE);
            String initText = present(t.init(), "training.init is missing or not text");
            Initializer init = null;
            for (Initializer i : Initializer.values()) if (i.label().equalsIgnoreCase(initText.trim())) init = i;
            if (init == null) throw fail("training.init must be normal or uniform, got '" + lab.backprop.support.Texts.quote(initText) + "'");
            UpdateRule update;
            try {
                update = t.update() == null ? lab.backprop.train.GradientDescent.INSTANCE : UpdateRule.parse(t.update());
            } catch (IllegalArgumentException e) {
                throw fail("training.update: " + e.getMessage());
            }
            lab.backprop.data.Split split = lab.backprop.data.Split.NONE;
            if (t.testRatio() != null) {
                String why = lab.backprop.data.Split.whyNot(t.testRatio());
                if (why != null) throw fail("training.testRatio: " + why);
                long splitSeed = t.splitSeed() == null ? 1 : whole(t.splitSeed(), "training.splitSeed", Long.MIN_VALUE, Long.MAX_VALUE);
                split = new lab.backprop.data.Split(t.testRatio(), splitSeed);
            }
            lab.backprop.model.Regularization reg = lab.backprop.model.Regularization.NONE;
            if (t.regularization() != null) {
                lab.backprop.model.Regularization.Kind kind;
                try {
                    kind = lab.backprop.model.Regularization.Kind.parse(t.regularization());
                } catch (IllegalArgumentException e) {
                    throw fail("training.regularization: " + e.getMessage());
                }
                double rate = present(t.regularizationRate(), "training.regularizationRate is missing or not a number");
                if (rate < 0) throw fail("training.regularizationRate must be 0 or more, got " + rate);
                reg = new lab.backprop.model.Regularization(kind, rate);
            }
            Architecture architecture = Architecture.of(net.layout(), net.hiddenActivation(), net.outputActivation());
            try {
                lab.backprop.model.LossFunction lossFunction = lab.backprop.model.LossFunction.MSE;
                if (t.loss() != null) {
                    try {
                        lossFunction = lab.backprop.model.LossFunction.parse(t.loss());
                    } catch (IllegalArgumentException e) {
                        throw fail("training.loss: " + e.getMessage());
                    }
                }
                return new TrainingSetup(data, architecture, init, seed, new Batching(mode, batch), update, lr, epochs, split, reg, lossFunction);
            } catch (IllegalArgumentException e) {
                throw fail("training: " + e.getMessage());
            }
        }

        private Dataset dataset(SessionJson.DatasetJson d, lab.backprop.data.Preset preset) throws SessionFormatException {
            String name = present(d.name(), "dataset.name is missing or not text");
            List<String> features = present(d.featureNames(), "dataset.featureNames is missing or not a list");
            if (features.isEmpty() || features.size() > MAX_NEURONS) throw fail("dataset.featureNames must list the features");
            for (int i = 0; i < features.size(); i++) present(features.get(i), "dataset.featureNames[" + i + "] must be text, got null");
            int k = features.size();
            double[] shift = numbers(d.shift(), "dataset.shift", k, k + " features");
            String positive = present(d.positiveClass(), "dataset.positiveClass is missing or not text");
            String negative = present(d.negativeClass(), "dataset.negativeClass is missing or not text");
            List<SessionJson.SampleJson> samplesJson = present(d.samples(), "dataset.samples is missing or not a list");
            if (samplesJson.size() > MAX_SAMPLES) throw fail("dataset.samples has more than " + MAX_SAMPLES + " samples");
            List<Dataset.Sample> samples = new ArrayList<>(samplesJson.size());
            for (int i = 0; i < samplesJson.size(); i++) {
                String path = "dataset.samples[" + i + "]";
                SessionJson.SampleJson s = present(samplesJson.get(i), path + " must be an object {name, x, label}, got null");
                double[] x = numbers(s.x(), path + ".x", k, k + " features");
                double label = present(s.label(), path + ".label is missing or not a number");
                if (label != 0 && label != 1) throw fail(path + ".label must be 0 or 1, got " + lab.backprop.support.Numbers.plain(label));
                samples.add(new Dataset.Sample(s.name(), x, label == 0 ? 0.0 : 1.0));
            }
            Dataset data;
            try {
                data = new Dataset(name, features, shift, samples, positive, negative, preset);
            } catch (IllegalArgumentException e) {
                throw fail("dataset: " + e.getMessage());
            }
            if (d.scale() != null) {
                double[] scale = numbers(d.scale(), "dataset.scale", k, k + " features");
                for (double f : scale) if (!(f > 0)) throw fail("dataset.scale must hold positive numbers, got " + lab.backprop.support.Numbers.plain(f));
                data = data.withShiftAndScale(shift, scale);
            }
            if (d.features() == null) return data;
            try {
                return data.withFeatures(lab.backprop.data.Feature.parse(d.features()));
            } catch (IllegalArgumentException e) {
                throw fail("dataset.features: " + e.getMessage());
            }
        }

        private Activation activation(String text, String field) throws SessionFormatException {
            try {
                return Activation.parse(present(text, "network." + field + " is missing or not text"));
            } catch (IllegalArgumentException e) {
                throw fail("network." + field + ": " + e.getMessage());
            }
        }

        private long whole(BigInteger v, String path, long min, long max) throws SessionFormatException {
            if (v == null) throw fail(path + " is missing or not a whole number");
            if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
                throw fail(path + " must be between " + min + " and " + max + ", got " + v);
            }
            return v.longValue();
        }

        private double[] numbers(double[] v, String path, int expected, String forWhat) throws SessionFormatException {
            if (v == null) throw fail(path + " is missing or not a list");
            if (v.length != expected) throw fail(path + " has " + v.length + " numbers; a " + forWhat + " needs " + expected);
            return v;
        }

        private <T> T present(T value, String problem) throws SessionFormatException {
            if (value == null) throw fail(problem);
            return value;
        }

        private SessionFormatException fail(String problem) {
            return new SessionFormatException(source, problem);
        }
    }
}
