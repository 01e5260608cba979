package lab.backprop.train;

import java.util.ArrayDeque;
import java.util.Deque;

import lab.backprop.data.Dataset;
import lab.backprop.model.Layout;

/**
 * What Edit ▸ Undo and Redo walk through: the changes a user made by hand, newest last. A parameter edit keeps the
 * value before and after; a data edit keeps both data sets (points added or removed, new points). Consecutive edits
 * of one parameter within {@link #GESTURE_NANOS} are one edit (a slider drag is one step back, not one per pixel).
 * A new edit clears what could be redone; at most {@code limit} edits are kept, the oldest dropped first.
 * <pre>{@code
 * history.record(new EditHistory.ParameterEdit(layout, 4, "w5", 0.40, 0.55, System.nanoTime()));
 * EditHistory.Edit e = history.undo();   // the edit to take back (now on the redo side), or null
 * }</pre>
 * Thread-safe (every method is synchronized); holds no reference to a trainer.
 */
public final class EditHistory {
    /** Edits of one parameter closer together than this are one gesture: 0.6 s. */
    public static final long GESTURE_NANOS = 600_000_000L;

    /** One change by hand. */
    public sealed interface Edit permits ParameterEdit, DataEdit {
        /** "w5 = 0.55", "add point": for the menu, "Undo w5 = 0.55". */
        String label();
    }

    /** A weight or bias set by hand (parameters count weights first, then biases), on a network of {@code layout}. */
    public record ParameterEdit(Layout layout, int parameter, String name, double before, double after, long at) implements Edit {
        @Override public String label() { return name + " = " + lab.backprop.support.Numbers.brief(after); }
    }

    /** The data set replaced, weights kept: {@code what} says how ("add point", "remove point", "new points"). */
    public record DataEdit(String what, Dataset before, Dataset after) implements Edit {
        @Override public String label() { return what; }
    }

    private final int limit;
    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();

    public EditHistory(int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        this.limit = limit;
    }

    /** Adds a new edit (joined with the last if it continues the same gesture on the same parameter); clears redo. */
    public synchronized void record(Edit e) {
        redo.clear();
        if (e instanceof ParameterEdit p && undo.peekLast() instanceof ParameterEdit last
                && last.parameter() == p.parameter() && last.layout().equals(p.layout()) && p.at() - last.at() < GESTURE_NANOS) {
            undo.removeLast();
            undo.addLast(new ParameterEdit(p.layout(), p.parameter(), p.name(), last.before(), p.after(), p.at()));
            return;
        }
        undo.addLast(e);
        while (undo.size() > limit) undo.removeFirst();
    }

    /** The newest edit, moved to the redo side; null when there is nothing to undo. */
    public synchronized Edit undo() {
        Edit e = undo.pollLast();
        if (e != null) redo.addLast(e);
        return e;
    }

    /** The edit undone last, moved back; null when there is nothing to redo. */
    public synchronized Edit redo() {
        Edit e = redo.pollLast();
        if (e != null) undo.addLast(e);
        return e;
    }

    /** Forgets everything (a new network: its parameters are other ones). */
    public synchronized void clear() { undo.clear(); redo.clear(); }

    /** The label of what Undo would take back, or null. */
    public synchronized String undoLabel() { return undo.isEmpty() ? null : undo.peekLast().label(); }
    /** The label of what Redo would do again, or null. */
    public synchronized String redoLabel() { return redo.isEmpty() ? null : redo.peekLast().label(); }
    public synchronized int size() { return undo.size(); }
}
