package lab.backprop.cli;

import java.util.Locale;

import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.data.Batching;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Text to engine types, with the engine's own message naming the choices. */
final class Converters {
    private Converters() { }

    static final class DatasetConverter implements ITypeConverter<Dataset> {
        @Override public Dataset convert(String s) {
            try { return BuiltinDatasets.byName(s); } catch (IllegalArgumentException e) { throw new TypeConversionException(e.getMessage()); }
        }
    }

    static final class BatchingConverter implements ITypeConverter<Batching.Mode> {
        @Override public Batching.Mode convert(String s) {
            try {
                return Batching.Mode.parse(s);
            } catch (IllegalArgumentException e) { // the option's name is --optimizer (also --batching)
                throw new TypeConversionException("unknown optimizer '" + lab.backprop.support.Texts.quote(s) + "' (choose sgd, batch or minibatch)");
            }
        }
    }

    static final class ActivationConverter implements ITypeConverter<Activation> {
        @Override public Activation convert(String s) {
            try { return Activation.parse(s); } catch (IllegalArgumentException e) { throw new TypeConversionException(e.getMessage()); }
        }
    }

    static final class InitializerConverter implements ITypeConverter<Initializer> {
        @Override public Initializer convert(String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            for (Initializer i : Initializer.values()) if (i.label().equals(t)) return i;
            throw new TypeConversionException("unknown init '" + lab.backprop.support.Texts.quote(s) + "' (choose " + java.util.Arrays.stream(Initializer.values()).map(Initializer::label)
                    .collect(java.util.stream.Collectors.joining(", ")) + ")");
        }
    }
}
