package lab.backprop.session;

import java.io.IOException;
import java.nio.file.Path;

import lab.backprop.support.AtomicFiles;
import lab.backprop.train.LossHistory;

/**
 * Exports a loss history as CSV: header {@code epoch,min,max,last}, then one row per bucket, where
 * epoch is the first epoch the bucket covers (buckets cover {@link LossHistory.View#span()} epochs
 * each once a long run has been compressed). Values in Java's shortest exact decimal form.
 */
public final class LossHistoryCsv {
    private LossHistoryCsv() { }

    public static String toCsv(LossHistory.View view) {
        StringBuilder sb = new StringBuilder(32 + view.size() * 64).append("epoch,min,max,last\n");
        for (int i = 0; i < view.size(); i++) {
            sb.append(view.firstEpoch()[i]).append(',')
              .append(view.min()[i]).append(',')
              .append(view.max()[i]).append(',')
              .append(view.last()[i]).append('\n');
        }
        return sb.toString();
    }

    /** Writes atomically. */
    public static void write(LossHistory.View view, Path file) throws IOException {
        AtomicFiles.writeString(file, toCsv(view));
    }
}
