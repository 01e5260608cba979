package lab.backprop.cli;

import java.util.Locale;

/** Heap in use after a full collection, for the bounded-memory check of long runs. */
final class HeapMeter {
    private HeapMeter() { }

    static long usedBytesAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    static String usedAfterGc() {
        return String.format(Locale.ROOT, "%.1f MiB", usedBytesAfterGc() / (1024.0 * 1024.0));
    }
}
