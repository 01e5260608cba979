package lab.backprop.cli;

import java.util.Locale;
import java.util.function.LongSupplier;

/** Heap in use after a full collection, for the bounded-memory check of long runs. */
final class HeapMeter {
    /**
     * How the figure is taken. Tests put a cheap one here: a full collection in a test JVM that holds a
     * JavaFX toolkit takes most of a second, and a report takes eleven.
     */
    static volatile LongSupplier meter = HeapMeter::collectAndMeasure;

    private HeapMeter() { }

    static long collectAndMeasure() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    static long usedBytesAfterGc() { return meter.getAsLong(); }

    static String usedAfterGc() {
        return String.format(Locale.ROOT, "%.1f MiB", usedBytesAfterGc() / (1024.0 * 1024.0));
    }
}
