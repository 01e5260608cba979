package lab.backprop.session;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import lab.backprop.support.Texts;

/**
 * The shape of a session file as records that Jackson binds, and the strict readers of its values: a number only
 * from a number, text only from text, whole numbers kept exact (never wrapped beyond a long), lists of numbers stopped
 * at {@link SessionFile#MAX_PARAMETERS} before more is stored. A problem is a {@link Refusal} whose text follows the
 * field's JSON path. {@link SessionFile} writes and reads through these.
 */
final class SessionJson {
    private SessionJson() { }

    record FileJson(String format, @JsonDeserialize(using = Whole.class) BigInteger version, NetworkJson network,
                    TrainingJson training, DatasetJson dataset) { }

    record NetworkJson(@JsonDeserialize(contentUsing = Whole.class) List<BigInteger> layers, @JsonDeserialize(using = Text.class) String hiddenActivation,
                       @JsonDeserialize(using = Text.class) String outputActivation, @JsonDeserialize(using = Reals.class) double[] weights,
                       @JsonDeserialize(using = Reals.class) double[] biases, @JsonDeserialize(using = Whole.class) BigInteger epoch,
                       @JsonDeserialize(using = Real.class) Double loss) { }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TrainingJson(@JsonDeserialize(using = Text.class) String optimizer, @JsonDeserialize(using = Real.class) Double learningRate,
                        @JsonDeserialize(using = Whole.class) BigInteger epochs, @JsonDeserialize(using = Whole.class) BigInteger batchSize,
                        @JsonDeserialize(using = Whole.class) BigInteger seed, @JsonDeserialize(using = Text.class) String init,
                        @JsonDeserialize(using = Text.class) String update, @JsonDeserialize(using = Real.class) Double testRatio,
                        @JsonDeserialize(using = Whole.class) BigInteger splitSeed, @JsonDeserialize(using = Text.class) String regularization,
                        @JsonDeserialize(using = Real.class) Double regularizationRate, @JsonDeserialize(using = Text.class) String fullBatchGradient,
                        @JsonDeserialize(using = Reals.class) double[] updateState, @JsonDeserialize(using = Text.class) String loss) { }

    record DatasetJson(@JsonDeserialize(using = Text.class) String name, @JsonDeserialize(contentUsing = Text.class) List<String> featureNames,
                       @JsonDeserialize(using = Reals.class) double[] shift, @JsonDeserialize(using = Text.class) String positiveClass,
                       @JsonDeserialize(using = Text.class) String negativeClass, List<SampleJson> samples,
                       @JsonInclude(JsonInclude.Include.NON_NULL) @JsonDeserialize(using = Text.class) String features,
                       @JsonInclude(JsonInclude.Include.NON_NULL) @JsonDeserialize(using = Reals.class) double[] scale) { }

    record SampleJson(@JsonDeserialize(using = Text.class) String name, @JsonDeserialize(using = Reals.class) double[] x,
                      @JsonDeserialize(using = Real.class) Double label) { }

    /** A problem found by one of the strict readers; its text follows the field's path. */
    static final class Refusal extends JsonMappingException {
        final String problem;

        Refusal(JsonParser p, String problem) {
            super(p, problem);
            this.problem = problem;
        }
    }

    /** The token as the file has it, quoted when it is text, shortened and with control characters escaped. */
    static String shown(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) return "an object";
        if (t == JsonToken.START_ARRAY) return "a list";
        String text = Texts.quote(p.getText());
        return t == JsonToken.VALUE_STRING ? "\"" + text + "\"" : text;
    }

    /** Refuses the value at the parser (skipping it whole): "{@code path} is missing or not {@code what}, got ...". */
    static Refusal notA(JsonParser p, String what) throws IOException {
        String got = shown(p);
        p.skipChildren();
        return new Refusal(p, " is missing or not " + what + ", got " + got);
    }

    /** A whole number from a whole-number token only, kept exact (no wrap beyond a long). */
    static final class Whole extends JsonDeserializer<BigInteger> {
        @Override public BigInteger deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) throw notA(p, "a whole number");
            return p.getBigIntegerValue();
        }
    }

    /** A number from a number token only. */
    static final class Real extends JsonDeserializer<Double> {
        @Override public Double deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (!p.currentToken().isNumeric()) throw notA(p, "a number");
            double v = p.getDoubleValue();
            if (!Double.isFinite(v)) throw new Refusal(p, " must be a finite number, got " + shown(p));
            return v;
        }
    }

    /** Text from a text token only. */
    static final class Text extends JsonDeserializer<String> {
        @Override public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) throw notA(p, "text");
            return p.getText();
        }
    }

    /** A list of finite numbers, stopped at {@link SessionFile#MAX_PARAMETERS} before more is stored. */
    static final class Reals extends JsonDeserializer<double[]> {
        @Override public double[] deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) throw notA(p, "a list");
            double[] v = new double[8];
            int n = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (n == SessionFile.MAX_PARAMETERS) throw new Refusal(p, " has more than " + SessionFile.MAX_PARAMETERS + " numbers; a session holds at most that many");
                if (!t.isNumeric()) throw new Refusal(p, "[" + n + "] is not a number: " + shown(p));
                double d = p.getDoubleValue();
                if (!Double.isFinite(d)) throw new Refusal(p, "[" + n + "] must be a finite number, got " + shown(p));
                if (n == v.length) v = Arrays.copyOf(v, Math.min(SessionFile.MAX_PARAMETERS, 2 * n));
                v[n++] = d;
            }
            return Arrays.copyOf(v, n);
        }
    }
}
