package lab.backprop.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Layout;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;
import lab.backprop.support.AtomicFiles;
import lab.backprop.train.Optimizer;

/**
 * Saves and loads a {@link Session} as JSON:
 * <pre>
 * { "format": "backprop-lab-session", "version": 1,
 *   "network":  { "layers": [2,2,1], "hiddenActivation": "sigmoid", "outputActivation": "sigmoid",
 *                 "weights": [...], "biases": [...], "epoch": 1000, "loss": 0.0012 },
 *   "training": { "optimizer": "sgd", "learningRate": 0.1, "epochs": 1000, "batchSize": 2, "seed": 1, "init": "normal" },
 *   "dataset":  { "name": "gender", "featureNames": [..], "shift": [-135,-66], "positiveClass": "F",
 *                 "negativeClass": "M", "samples": [ { "name": "Alice", "x": [133,65], "label": 1 }, ... ] } }
 * </pre>
 * Doubles are written in their shortest exact decimal form, so a loaded network predicts
 * bit-identically. Writes are atomic. Loading checks everything and either returns a new session
 * or throws {@link SessionFormatException} with a message naming the bad field; it never changes
 * anything of the caller's.
 */
public final class SessionFile {
    public static final String FORMAT = "backprop-lab-session";
    public static final int VERSION = 1;
    /** Larger files are refused unread (a session with 10,000 samples is about 1 MB). */
    public static final long MAX_BYTES = 32L << 20;
    /** Limits that keep a hostile file from asking for gigabytes. */
    static final int MAX_LAYERS = 16, MAX_NEURONS = 1000, MAX_SAMPLES = 100_000;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private SessionFile() { }

    /** Writes the session atomically (temporary file in the same directory, then a move). */
    public static void save(Session session, Path file) throws IOException {
        byte[] json = toJson(session).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(json));
    }

    /** Reads a session; any problem, including a missing file, is a SessionFormatException. */
    public static Session load(Path file) throws SessionFormatException {
        String source = String.valueOf(file.getFileName());
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new SessionFormatException(source, "the file is larger than " + (MAX_BYTES >> 20) + " MB; it is not a session file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new SessionFormatException(source, "no such file (" + file.toAbsolutePath() + ")", e);
        } catch (IOException e) {
            throw new SessionFormatException(source, "cannot read the file: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) throw new SessionFormatException(source, "the file is larger than " + (MAX_BYTES >> 20) + " MB");
        return fromJson(new String(bytes, StandardCharsets.UTF_8), source);
    }

    public static String toJson(Session s) {
        Snapshot net = s.network();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);

        ObjectNode n = root.putObject("network");
        ArrayNode layers = n.putArray("layers");
        for (int size : net.layout().sizes()) layers.add(size);
        n.put("hiddenActivation", net.hiddenActivation().label());
        n.put("outputActivation", net.outputActivation().label());
        ArrayNode w = n.putArray("weights");
        for (double v : net.weights()) w.add(v);
        ArrayNode b = n.putArray("biases");
        for (double v : net.biases()) b.add(v);
        n.put("epoch", net.epoch());
        if (Double.isFinite(net.loss())) n.put("loss", net.loss()); else n.putNull("loss");

        HyperParameters h = s.training();
        ObjectNode t = root.putObject("training");
        t.put("optimizer", h.optimizer().label());
        t.put("learningRate", h.learningRate());
        t.put("epochs", h.epochs());
        t.put("batchSize", h.batchSize());
        t.put("seed", h.seed());
        t.put("init", h.init().label());

        Dataset data = s.dataset();
        ObjectNode d = root.putObject("dataset");
        d.put("name", data.name());
        ArrayNode names = d.putArray("featureNames");
        data.featureNames().forEach(names::add);
        ArrayNode shift = d.putArray("shift");
        for (double v : data.shift()) shift.add(v);
        d.put("positiveClass", data.positiveClass());
        d.put("negativeClass", data.negativeClass());
        ArrayNode samples = d.putArray("samples");
        for (Dataset.Sample sample : data.samples()) {
            ObjectNode o = samples.addObject();
            o.put("name", sample.name());
            ArrayNode x = o.putArray("x");
            for (double v : sample.raw()) x.add(v);
            o.put("label", sample.label());
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e); // a tree of plain values always serialises
        }
    }

    /** Parses and checks a session; {@code source} names it in messages. */
    public static Session fromJson(String json, String source) throws SessionFormatException {
        if (json.isBlank()) throw new SessionFormatException(source, "the file is empty");
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson reports a cut-off file either as JsonEOFException or as "Unexpected end-of-input".
            if (e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage()).contains("end-of-input")
                    || atEnd(e, json)) {
                throw new SessionFormatException(source, "the file is truncated (it ends in the middle of the JSON, line "
                        + e.getLocation().getLineNr() + ")", e);
            }
            throw new SessionFormatException(source, "not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
        return new Checker(source).session(root);
    }

    /** True if the parse error is at the very end of the text (a number cut in half, say). */
    private static boolean atEnd(JsonProcessingException e, String json) {
        if (e.getLocation() == null) return false;
        String text = json.stripTrailing();
        int lastLine = 1, lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lastLine++;
                lineStart = i + 1;
            }
        }
        int lastColumn = text.length() - lineStart; // 1-based column of the last character
        return e.getLocation().getLineNr() > lastLine
                || e.getLocation().getLineNr() == lastLine && e.getLocation().getColumnNr() >= lastColumn;
    }

    /** Reads the tree field by field; every complaint names the JSON path, e.g. network.weights[4]. */
    private static final class Checker {
        private final String source;

        Checker(String source) { this.source = source; }

        Session session(JsonNode root) throws SessionFormatException {
            if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
                throw fail("this is not a Backprop Lab session file (it has no \"format\": \"" + FORMAT + "\")");
            }
            JsonNode v = root.get("version");
            if (v == null || !v.isIntegralNumber()) throw fail("\"version\" is missing or not a whole number");
            if (v.asLong() > VERSION) {
                throw fail("the file has format version " + v.asLong() + ", written by a newer Backprop Lab; this one reads version "
                        + VERSION);
            }
            if (v.asLong() < 1) throw fail("\"version\" must be 1 or more, got " + v.asLong());

            Dataset data = dataset(object(root, "dataset", "dataset"));
            JsonNode n = object(root, "network", "network");
            Snapshot net = network(n, data);
            HyperParameters training = training(object(root, "training", "training"));
            return new Session(net, training, data);
        }

        private Snapshot network(JsonNode n, Dataset data) throws SessionFormatException {
            JsonNode layersNode = array(n, "layers", "network.layers");
            if (layersNode.size() < 2 || layersNode.size() > MAX_LAYERS) {
                throw fail("network.layers must list 2 to " + MAX_LAYERS + " layer sizes, got " + layersNode.size());
            }
            int[] sizes = new int[layersNode.size()];
            for (int i = 0; i < sizes.length; i++) {
                JsonNode s = layersNode.get(i);
                String path = "network.layers[" + i + "]";
                if (!s.isIntegralNumber() || s.asLong() < 1 || s.asLong() > MAX_NEURONS) {
                    throw fail(path + " must be a whole number from 1 to " + MAX_NEURONS + ", got " + s);
                }
                sizes[i] = s.asInt();
            }
            Layout layout = new Layout(sizes);
            if (layout.inputSize() != data.featureCount()) {
                throw fail("the network takes " + layout.inputSize() + " inputs but the data set has " + data.featureCount() + " features");
            }
            if (layout.outputSize() != 1) throw fail("the network must have one output, network.layers ends with " + layout.outputSize());
            Activation hidden = activation(n, "hiddenActivation");
            Activation output = activation(n, "outputActivation");
            double[] weights = numbers(n, "weights", "network.weights", layout.weightCount(), layout + " network");
            double[] biases = numbers(n, "biases", "network.biases", layout.biasCount(), layout + " network");
            long epoch = wholeNumber(n, "epoch", "network.epoch", 0, Long.MAX_VALUE);
            JsonNode lossNode = n.get("loss");
            double loss = Double.NaN;
            if (lossNode != null && !lossNode.isNull()) {
                if (!lossNode.isNumber() || !Double.isFinite(lossNode.asDouble()) || lossNode.asDouble() < 0) {
                    throw fail("network.loss must be a number of 0 or more (or null), got " + lossNode);
                }
                loss = lossNode.asDouble();
            }
            Network net = new Network(layout, hidden, output);
            net.setWeights(weights);
            net.setBiases(biases);
            return net.snapshot(epoch, loss);
        }

        private HyperParameters training(JsonNode t) throws SessionFormatException {
            Optimizer optimizer;
            try {
                optimizer = Optimizer.parse(text(t, "optimizer", "training.optimizer"));
            } catch (IllegalArgumentException e) {
                throw fail("training.optimizer: " + e.getMessage());
            }
            double lr = finite(t, "learningRate", "training.learningRate");
            if (lr <= 0) throw fail("training.learningRate must be positive, got " + lr);
            long epochs = wholeNumber(t, "epochs", "training.epochs", 0, Long.MAX_VALUE);
            int batch = (int) wholeNumber(t, "batchSize", "training.batchSize", 1, Integer.MAX_VALUE);
            long seed = wholeNumber(t, "seed", "training.seed", Long.MIN_VALUE, Long.MAX_VALUE);
            String initText = text(t, "init", "training.init");
            Initializer init = null;
            for (Initializer i : Initializer.values()) if (i.label().equalsIgnoreCase(initText.trim())) init = i;
            if (init == null) throw fail("training.init must be normal or uniform, got '" + initText + "'");
            return new HyperParameters(optimizer, lr, epochs, batch, seed, init);
        }

        private Dataset dataset(JsonNode d) throws SessionFormatException {
            String name = text(d, "name", "dataset.name");
            JsonNode namesNode = array(d, "featureNames", "dataset.featureNames");
            if (namesNode.size() < 1 || namesNode.size() > MAX_NEURONS) throw fail("dataset.featureNames must list the features");
            List<String> features = new ArrayList<>();
            for (int i = 0; i < namesNode.size(); i++) {
                JsonNode f = namesNode.get(i);
                if (!f.isTextual()) throw fail("dataset.featureNames[" + i + "] must be text, got " + f);
                features.add(f.asText());
            }
            int k = features.size();
            double[] shift = numbers(d, "shift", "dataset.shift", k, k + " features");
            String positive = text(d, "positiveClass", "dataset.positiveClass");
            String negative = text(d, "negativeClass", "dataset.negativeClass");
            JsonNode samplesNode = array(d, "samples", "dataset.samples");
            if (samplesNode.size() > MAX_SAMPLES) throw fail("dataset.samples has more than " + MAX_SAMPLES + " samples");
            List<Dataset.Sample> samples = new ArrayList<>(samplesNode.size());
            for (int i = 0; i < samplesNode.size(); i++) {
                String path = "dataset.samples[" + i + "]";
                JsonNode s = samplesNode.get(i);
                if (!s.isObject()) throw fail(path + " must be an object {name, x, label}, got " + brief(s));
                JsonNode sn = s.get("name");
                if (sn != null && !sn.isNull() && !sn.isTextual()) throw fail(path + ".name must be text, got " + sn);
                double[] x = numbers(s, "x", path + ".x", k, k + " features");
                double label = finite(s, "label", path + ".label");
                if (label != 0 && label != 1) throw fail(path + ".label must be 0 or 1, got " + s.get("label"));
                samples.add(new Dataset.Sample(sn == null || sn.isNull() ? null : sn.asText(), x, label));
            }
            return new Dataset(name, features, shift, samples, positive, negative);
        }

        private Activation activation(JsonNode n, String field) throws SessionFormatException {
            try {
                return Activation.parse(text(n, field, "network." + field));
            } catch (IllegalArgumentException e) {
                throw fail("network." + field + ": " + e.getMessage());
            }
        }

        private JsonNode object(JsonNode parent, String field, String path) throws SessionFormatException {
            JsonNode node = parent.get(field);
            if (node == null || !node.isObject()) throw fail("\"" + path + "\" is missing or not an object");
            return node;
        }

        private JsonNode array(JsonNode parent, String field, String path) throws SessionFormatException {
            JsonNode node = parent.get(field);
            if (node == null || !node.isArray()) throw fail(path + " is missing or not a list");
            return node;
        }

        private String text(JsonNode parent, String field, String path) throws SessionFormatException {
            JsonNode node = parent.get(field);
            if (node == null || !node.isTextual()) throw fail(path + " is missing or not text");
            return node.asText();
        }

        private double finite(JsonNode parent, String field, String path) throws SessionFormatException {
            JsonNode node = parent.get(field);
            if (node == null || !node.isNumber()) throw fail(path + " is missing or not a number" + (node == null ? "" : ", got " + brief(node)));
            double v = node.asDouble();
            if (!Double.isFinite(v)) throw fail(path + " must be a finite number, got " + node);
            return v;
        }

        private long wholeNumber(JsonNode parent, String field, String path, long min, long max) throws SessionFormatException {
            JsonNode node = parent.get(field);
            if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
                throw fail(path + " is missing or not a whole number" + (node == null ? "" : ", got " + brief(node)));
            }
            long v = node.asLong();
            if (v < min || v > max) throw fail(path + " must be between " + min + " and " + max + ", got " + v);
            return v;
        }

        private double[] numbers(JsonNode parent, String field, String path, int expected, String forWhat) throws SessionFormatException {
            JsonNode node = array(parent, field, path);
            if (node.size() != expected) {
                throw fail(path + " has " + node.size() + " numbers; a " + forWhat + " needs " + expected);
            }
            double[] v = new double[expected];
            for (int i = 0; i < expected; i++) {
                JsonNode e = node.get(i);
                if (!e.isNumber()) throw fail(path + "[" + i + "] is not a number: " + brief(e));
                v[i] = e.asDouble();
                if (!Double.isFinite(v[i])) throw fail(path + "[" + i + "] must be a finite number, got " + e);
            }
            return v;
        }

        private static String brief(JsonNode n) {
            String s = n.toString();
            return s.length() <= 40 ? s : s.substring(0, 37) + "...";
        }

        private SessionFormatException fail(String problem) {
            return new SessionFormatException(source, problem);
        }
    }
}
