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

    static void print(Network net, Dataset data, PrintWriter out) { print(net, data, lab.backprop.data.Split.NONE, out); }

    /**
     * How many samples the network classifies right (output >= 0.5 for label 1, below for 0): {@code right} of the
     * {@code trained} training samples and {@code testRight} of the {@code tests} held-out ones (0 of 0 without a split).
     */
    record Accuracy(int right, int trained, int testRight, int tests) {
        static Accuracy of(Network net, Dataset data, lab.backprop.data.Split split) {
            boolean[] test = split.testMask(data.size());
            int right = 0, testRight = 0, tests = 0;
            for (int i = 0; i < data.size(); i++) {
                Dataset.Sample s = data.sample(i);
                boolean ok = (net.predict(data.toInput(s.raw()))[0] >= 0.5) == (s.label() >= 0.5);
                if (test[i]) {
                    tests++;
                    if (ok) testRight++;
                } else if (ok) {
                    right++;
                }
            }
            return new Accuracy(right, data.size() - tests, testRight, tests);
        }

        /** The share of the training samples classified right. */
        double fraction() { return right / (double) trained; }

        /** The share of the test samples classified right; NaN without a split. */
        double testFraction() { return tests == 0 ? Double.NaN : testRight / (double) tests; }
    }

    /** The table (test samples marked "test" in a last column when there is a split), then the accuracy on each part. */
    static void print(Network net, Dataset data, lab.backprop.data.Split split, PrintWriter out) {
        boolean[] test = split.testMask(data.size());
        Accuracy acc = Accuracy.of(net, data, split);
        int tests = acc.tests();
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("name"));
        header.addAll(data.featureNames());
        header.addAll(List.of("output", "class", "label"));
        if (tests > 0) header.add("part");
        rows.add(header.toArray(String[]::new));
        for (int i = 0; i < Math.min(MAX_ROWS, data.size()); i++) {
            Dataset.Sample s = data.sample(i);
            double y = net.predict(data.toInput(s.raw()))[0];
            List<String> row = new ArrayList<>();
            row.add(data.nameOf(i));
            for (double v : s.raw()) row.add(Numbers.plain(v));
            row.add(String.format(Locale.ROOT, "%.3f", y));
            row.add(data.classify(y));
            row.add(s.label() >= 0.5 ? data.positiveClass() : data.negativeClass());
            if (tests > 0) row.add(test[i] ? "test" : "train");
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
        out.printf(Locale.ROOT, "Accuracy: %d of %d (%.1f %%)%s%n", acc.right(), acc.trained(), 100.0 * acc.right() / acc.trained(),
                tests > 0 ? " on the training samples" : "");
        if (tests > 0) out.printf(Locale.ROOT, "Test accuracy: %d of %d (%.1f %%)%n", acc.testRight(), tests, 100.0 * acc.testRight() / tests);
    }
}
