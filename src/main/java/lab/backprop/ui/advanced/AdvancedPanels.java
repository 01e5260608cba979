package lab.backprop.ui.advanced;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WritableValue;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

import lab.backprop.data.Dataset;
import lab.backprop.model.Snapshot;
import lab.backprop.train.ParameterHistory;

/**
 * The "beyond the tutorials" panels wired to one window: give it the window's data set and its
 * published snapshot, and put {@link #tabs()} into tabs. In the main window:
 * <pre>{@code
 * AdvancedPanels adv = new AdvancedPanels(vm.datasetProperty(), vm.snapshotProperty());
 * adv.setOnRewind(vm::restoreParameters);                           // scrub bar rewinds the network
 * adv.setOnApplyUpdate(u -> vm.setParameter(u.parameter(), u.value())); // "Apply this update"
 * adv.backpropStepView().learningRateProperty().bind(vm.learningRateProperty());
 * adv.tabs().forEach(window::addTab);
 * }</pre>
 * The history records every snapshot published on the property (see {@link #record}); the trainer may instead
 * record every epoch itself by calling {@code parameterHistory().record(trainer)} on the training thread and
 * passing {@code recordPublished = false}.
 */
public final class AdvancedPanels {
    private final ObservableValue<Dataset> dataset;
    private final ObservableValue<Snapshot> snapshot;
    private final ParameterHistory history;
    private final DecisionMapView decisionMap;
    private final BackpropStepView stepView;
    private final HistoryView historyView;
    private final TwinRunView twinRunView;
    private final SeedSweepView seedSweepView;
    private Consumer<Snapshot> onRewind;
    private Snapshot lastRewind; // the parameters the scrub bar put back last: seeing them published is no news

    /** All panels on {@code data}, following {@code snapshot}, recording published snapshots into a fresh history. */
    public AdvancedPanels(Dataset data, ObjectProperty<Snapshot> snapshot) {
        this(new SimpleObjectProperty<>(data), snapshot, new ParameterHistory(), true);
    }

    /** All panels following the window's data set and snapshot (e.g. the view-model's read-only properties). */
    public AdvancedPanels(ObservableValue<Dataset> dataset, ObservableValue<Snapshot> snapshot) {
        this(dataset, snapshot, new ParameterHistory(), true);
    }

    /**
     * @param dataset         the window's data set (the views follow it)
     * @param snapshot        the window's latest snapshot (the views follow it). By default a move of the history's
     *                        scrub bar sets it when it is writable; {@link #setOnRewind} changes that
     * @param history         where parameter history is kept
     * @param recordPublished whether every snapshot published on {@code snapshot} is recorded into {@code history}
     */
    @SuppressWarnings("unchecked")
    public AdvancedPanels(ObservableValue<Dataset> dataset, ObservableValue<Snapshot> snapshot, ParameterHistory history,
                          boolean recordPublished) {
        this.dataset = Objects.requireNonNull(dataset);
        this.snapshot = Objects.requireNonNull(snapshot);
        this.history = Objects.requireNonNull(history);
        onRewind = snapshot instanceof WritableValue<?> w && !(snapshot instanceof Property<?> p && p.isBound())
                ? s -> ((WritableValue<Snapshot>) w).setValue(s) : null;
        decisionMap = new DecisionMapView(dataset.getValue());
        decisionMap.datasetProperty().bind(dataset);
        decisionMap.snapshotProperty().bind(snapshot);
        stepView = new BackpropStepView(dataset.getValue());
        stepView.datasetProperty().bind(dataset);
        stepView.snapshotProperty().bind(snapshot);
        historyView = new HistoryView(history);
        historyView.setOnRewind(s -> {
            lastRewind = s;
            if (onRewind != null) onRewind.accept(s);
        });
        twinRunView = new TwinRunView(dataset::getValue, snapshot::getValue);
        seedSweepView = new SeedSweepView();
        if (recordPublished) {
            snapshot.addListener((o, a, b) -> record(b));
            record(snapshot.getValue());
        }
    }

    /** Name → panel, in the order to show them. */
    public static Map<String, Node> createTabs(Dataset data, ObjectProperty<Snapshot> snapshot) {
        return new AdvancedPanels(data, snapshot).tabs();
    }

    public Map<String, Node> tabs() {
        Map<String, Node> tabs = new LinkedHashMap<>();
        tabs.put("Decision map", scrolling(decisionMap));
        tabs.put("Backprop step", scrolling(stepView));
        tabs.put("History", historyView); // scrolls its own sparklines, keeps the scrub bar in view
        tabs.put("Twin runs", scrolling(twinRunView));
        tabs.put("Seed sweep", scrolling(seedSweepView));
        return tabs;
    }

    /** Fixed-size canvases stay whole in a narrow tab. */
    private static Node scrolling(Node content) {
        ScrollPane pane = new ScrollPane(content);
        pane.setFitToWidth(true);
        pane.getStyleClass().add("advanced-panel");
        return pane;
    }

    /**
     * Adds a published snapshot to the history. A snapshot with the parameters the scrub bar last put back, or
     * equal to the one recorded at its epoch, is a replay and is skipped (so rewinding through e.g.
     * {@code restoreParameters}, which republishes the old parameters under the current epoch, never overwrites
     * the newest record); an epoch at or before the newest with other parameters means training went on from an
     * earlier point (reset, edit), so the later records are dropped first; another layout starts afresh.
     */
    public void record(Snapshot s) {
        if (s == null) return;
        if (lastRewind != null && sameParameters(s, lastRewind)) return;
        if (history.layout() != null && (!history.layout().equals(s.layout()))) history.clear();
        if (!history.isEmpty() && s.epoch() <= history.latestEpoch()) {
            Snapshot there = history.at(s.epoch());
            if (there.epoch() == s.epoch() && sameParameters(there, s)) {
                return;
            }
            history.truncateFrom(s.epoch());
        }
        try {
            history.record(s);
        } catch (IllegalArgumentException e) { // other activations: a new network
            history.clear();
            history.record(s);
        }
    }

    private static boolean sameParameters(Snapshot a, Snapshot b) {
        return a.layout().equals(b.layout()) && Arrays.equals(a.weights(), b.weights()) && Arrays.equals(a.biases(), b.biases());
    }

    /**
     * What a move of the history's scrub bar does with the chosen epoch's parameters, e.g.
     * {@code vm::restoreParameters}; by default it sets the snapshot property if that is writable. Null: nothing.
     */
    public void setOnRewind(Consumer<Snapshot> action) { onRewind = action; }

    /** Shows "Apply this update" in the step-through; feed the value to {@code Trainer.submitEdit}. */
    public void setOnApplyUpdate(Consumer<BackpropStepView.ParameterUpdate> action) { stepView.setOnApply(action); }

    public ParameterHistory parameterHistory() { return history; }
    public DecisionMapView decisionMapView() { return decisionMap; }
    public BackpropStepView backpropStepView() { return stepView; }
    public HistoryView historyView() { return historyView; }
    public TwinRunView twinRunView() { return twinRunView; }
    public SeedSweepView seedSweepView() { return seedSweepView; }
}
