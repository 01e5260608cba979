package lab.backprop.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import lab.backprop.data.Dataset;
import lab.backprop.model.Layout;
import lab.backprop.model.Snapshot;

/**
 * What Edit ▸ Undo and Redo walk through: the changes a user made by hand, newest last. A parameter edit keeps the
 * value before and after; a data edit keeps both data sets (points added or removed, new points); a lab edit keeps
 * the whole lab before and after (another architecture, start, seed, batching, rule, loss or split; another data set
 * or features; a reset; a session or lesson step opened). Consecutive edits of one parameter within
 * {@link #GESTURE_NANOS} are one edit (a slider drag is one step back, not one per pixel). A new edit clears what
 * could be redone; at most {@code limit} edits are kept, the oldest dropped first, and only the newest
 * {@link #KEPT_HISTORIES} lab states keep their loss and parameter histories (older ones come back without them).
 * <pre>{@code
 * history.record(new EditHistory.ParameterEdit(layout, 4, "w5", 0.40, 0.55, System.nanoTime()));
 * EditHistory.Edit e = history.undo();   // the edit to take back (now on the redo side), or null
 * }</pre>
 * Thread-safe (every method is synchronized); holds no reference to a trainer.
 */
public final class EditHistory {
    /** Edits of one parameter closer together than this are one gesture: 0.6 s. */
    public static final long GESTURE_NANOS = 600_000_000L;
    /** Lab states that keep their histories (each up to about 1.5 MB for the widest window network). */
    public static final int KEPT_HISTORIES = 16;

    /** One change by hand. */
    public sealed interface Edit permits ParameterEdit, DataEdit, LabEdit {
        /** "w5 = 0.55", "add point", "network 2-3-1 sigmoid": for the menu, "Undo w5 = 0.55". */
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

    /**
     * The lab at one moment: its setup (with the data), the network as published, the update rule's state of that
     * moment (empty for none) and the histories the network was trained with (null once dropped).
     */
    public record LabState(TrainingSetup setup, Snapshot network, double[] updateState, LossHistory losses,
                           ParameterHistory parameters) {
        public boolean hasHistories() { return losses != null; }
        LabState withoutHistories() { return new LabState(setup, network, updateState, null, null); }
    }

    /**
     * The lab replaced as a whole: {@code what} names the change ("network 2-3-1 sigmoid", "data set xor", "reset").
     * Undo puts {@code before} back and keeps the lab as it was then (trained on, maybe) as {@code after}, so that
     * Redo loses nothing; Redo does the same the other way.
     */
    public record LabEdit(String what, LabState before, LabState after) implements Edit {
        @Override public String label() { return what; }
        public LabEdit withBefore(LabState s) { return new LabEdit(what, s, after); }
        public LabEdit withAfter(LabState s) { return new LabEdit(what, before, s); }
        LabEdit withoutHistories() { return new LabEdit(what, before.withoutHistories(), after.withoutHistories()); }
        boolean hasHistories() { return before.hasHistories() || after.hasHistories(); }
    }

    private final int limit;
    private final List<Edit> undo = new ArrayList<>(); // oldest first
    private final List<Edit> redo = new ArrayList<>(); // the next to redo last

    public EditHistory(int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        this.limit = limit;
    }

    /** Adds a new edit (joined with the last if it continues the same gesture on the same parameter); clears redo. */
    public synchronized void record(Edit e) {
        redo.clear();
        if (e instanceof ParameterEdit p && last(undo) instanceof ParameterEdit prev
                && prev.parameter() == p.parameter() && prev.layout().equals(p.layout()) && p.at() - prev.at() < GESTURE_NANOS) {
            undo.set(undo.size() - 1, new ParameterEdit(p.layout(), p.parameter(), p.name(), prev.before(), p.after(), p.at()));
            return;
        }
        undo.add(e);
        while (undo.size() > limit) undo.remove(0);
        dropOldHistories();
    }

    /** The newest edit, moved to the redo side; null when there is nothing to undo. */
    public Edit undo() { return undo(e -> e); }

    /**
     * The newest edit, moved to the redo side as {@code onTheWay} changes it (a lab edit keeps the lab as it is now,
     * for Redo); returns it as it was. Null when there is nothing to undo.
     */
    public synchronized Edit undo(UnaryOperator<Edit> onTheWay) { return move(undo, redo, onTheWay); }

    /** The edit undone last, moved back; null when there is nothing to redo. */
    public Edit redo() { return redo(e -> e); }

    /** As {@link #undo(UnaryOperator)}, the other way. */
    public synchronized Edit redo(UnaryOperator<Edit> onTheWay) { return move(redo, undo, onTheWay); }

    private Edit move(List<Edit> from, List<Edit> to, UnaryOperator<Edit> onTheWay) {
        if (from.isEmpty()) return null;
        Edit e = from.remove(from.size() - 1);
        to.add(onTheWay.apply(e));
        dropOldHistories();
        return e;
    }

    /** Keeps the histories of the {@link #KEPT_HISTORIES} lab edits nearest to now (the ends of both lists). */
    private void dropOldHistories() {
        int kept = 0;
        for (int i = undo.size() - 1, j = redo.size() - 1; i >= 0 || j >= 0; ) {
            // Walk outwards from now: alternate between the undo and the redo side.
            List<Edit> side = j < 0 || (i >= 0 && undo.size() - 1 - i <= redo.size() - 1 - j) ? undo : redo;
            int k = side == undo ? i-- : j--;
            if (side.get(k) instanceof LabEdit l && l.hasHistories() && ++kept > KEPT_HISTORIES) side.set(k, l.withoutHistories());
        }
    }

    private static Edit last(List<Edit> list) { return list.isEmpty() ? null : list.get(list.size() - 1); }

    /** Forgets everything. */
    public synchronized void clear() { undo.clear(); redo.clear(); }

    /** The label of what Undo would take back, or null. */
    public synchronized String undoLabel() { Edit e = last(undo); return e == null ? null : e.label(); }
    /** The label of what Redo would do again, or null. */
    public synchronized String redoLabel() { Edit e = last(redo); return e == null ? null : e.label(); }
    /** Edits that Undo can take back. */
    public synchronized int size() { return undo.size(); }
    /** Lab edits (on either side) that still keep their histories. */
    public synchronized int keptHistories() {
        int n = 0;
        for (Edit e : undo) if (e instanceof LabEdit l && l.hasHistories()) n++;
        for (Edit e : redo) if (e instanceof LabEdit l && l.hasHistories()) n++;
        return n;
    }
}
