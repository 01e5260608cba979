package lab.backprop.ui;

import java.util.function.Supplier;

import javafx.beans.Observable;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;

/**
 * What a canvas shows, in words, for a screen reader: the node's {@linkplain Node#accessibleTextProperty() accessible
 * text} (role {@link AccessibleRole#TEXT}) is bound to a summary that is worked out only when it is read. A new
 * snapshot (or anything else the view draws from) merely marks it out of date, so training at full speed costs
 * nothing per frame; a screen reader, or a test, asks for it when it needs it.
 * <pre>{@code
 * StringBinding said = AccessibleSummary.bind(canvas, this::describe, vm.snapshotProperty());
 * void recompute() { ...; said.invalidate(); } // data the view computes itself
 * }</pre>
 */
public final class AccessibleSummary {
    private AccessibleSummary() { }

    /**
     * Gives {@code node} the role TEXT and the summary {@code text} as its accessible text, worked out again when read
     * after one of {@code dependencies} (or {@link StringBinding#invalidate()} on the returned binding) changed.
     */
    public static StringBinding bind(Node node, Supplier<String> text, Observable... dependencies) {
        StringBinding summary = new StringBinding() {
            { bind(dependencies); }

            @Override protected String computeValue() {
                // Read every dependency: a property left unread would not report its next change.
                for (Observable o : dependencies) if (o instanceof ObservableValue<?> v) v.getValue();
                return text.get();
            }
        };
        node.setAccessibleRole(AccessibleRole.TEXT);
        node.accessibleTextProperty().bind(summary);
        return summary;
    }

    /**
     * "first, second, ... (and 12 more)": the items said out of {@code total} (a long list is said only in part; the
     * caller makes the first few items and counts the rest).
     */
    public static String list(java.util.List<String> items, int total) {
        String said = String.join(", ", items);
        return total > items.size() ? said + " (and " + (total - items.size()) + " more)" : said;
    }
}
