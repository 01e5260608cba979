package lab.backprop.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import lab.backprop.data.Dataset;
import lab.backprop.model.Network;
import lab.backprop.support.Numbers;

/** The network's answer for each sample, printed as a table: name, raw inputs, output, class, label. */
final class Predictions {
    private Predictions() { }

    /** Rows printed at most; a bigger set prints its first ones and a count of the rest. */
    static final int MAX_ROWS = 20;

    static void print(Network net, Dataset data, PrintWriter out) {
        int right = 0;
        for (Dataset.Sample s : data.samples()) {
            double y = net.predict(data.toInput(s.raw()))[0];
            if ((y >= 0.5) == (s.label() >= 0.5)) right++;
        }
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("name"));
        header.addAll(data.featureNames());
        header.addAll(List.of("output", "class", "label"));
        rows.add(header.toArray(String[]::new));
        for (Dataset.Sample s : data.samples().subList(0, Math.min(MAX_ROWS, data.size()))) {
            double y = net.predict(data.toInput(s.raw()))[0];
            List<String> row = new ArrayList<>();
            row.add(s.name() == null ? "" : s.name());
            for (double v : s.raw()) row.add(Numbers.plain(v));
            row.add(String.format(Locale.ROOT, "%.3f", y));
            row.add(data.classify(y));
            row.add(s.label() >= 0.5 ? data.positiveClass() : data.negativeClass());
            rows.add(row.toArray(String[]::new));
        }
        int[] width = new int[header.size()];
        for (String[] r : rows) for (int c = 0; c < r.length; c++) width[c] = Math.max(width[c], r[c].length());
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < r.length; c++) {
                if (c > 0) sb.append("  ");
                sb.append(r[c]);
                if (c < r.length - 1) sb.append(" ".repeat(width[c] - r[c].length()));
            }
            out.println(sb);
        }
        if (data.size() > MAX_ROWS) out.println("... and " + (data.size() - MAX_ROWS) + " more samples");
        out.printf(Locale.ROOT, "Accuracy: %d of %d (%.1f %%)%n", right, data.size(), 100.0 * right / data.size());
    }
}
