package lab.backprop.ui;

import java.util.List;
import java.util.function.Function;

import javafx.scene.Node;
import lab.backprop.ui.advanced.DecisionMapView;
import lab.backprop.ui.advanced.HistoryView;
import lab.backprop.ui.advanced.SeedSweepView;
import lab.backprop.ui.advanced.TwinRunView;

/**
 * The one registration table of the side panel's views, in the order the window shows them. A new view is a class
 * whose constructor takes the {@link LabViewModel} and one row here.
 */
public final class Views {
    /**
     * One view: its title (the tab's text), what it shows (the tab's tooltip), how it is made, and whether it needs a
     * scroll pane around it (views of fixed size; the others fill and scroll what they must themselves).
     */
    public record Entry(String title, String tooltip, Class<? extends Node> type, Function<LabViewModel, Node> make, boolean scrolls) { }

    public static final List<Entry> SIDE_PANEL = List.of(
            new Entry("Sigmoid", "The selected neuron's activation curve and its bias", SigmoidShiftView.class, SigmoidShiftView::new, false),
            new Entry("Data", "The samples and the network's output for each", DataTableView.class, DataTableView::new, false),
            new Entry("Decision map", "The output over the input plane; click to add points", DecisionMapView.class, DecisionMapView::new, true),
            new Entry("Hidden space", "Each sample where the hidden layer puts it, and the output's decision line there",
                    lab.backprop.ui.advanced.HiddenSpaceView.class, lab.backprop.ui.advanced.HiddenSpaceView::new, true),
            new Entry("Landscape", "The loss over two parameters around the network now, and the way training went; click to move there",
                    lab.backprop.ui.advanced.LossLandscapeView.class, lab.backprop.ui.advanced.LossLandscapeView::new, true),
            new Entry("Step through", "Every computation of one training step, on the graph, forward and back; below it, the whole chain of one gradient",
                    lab.backprop.ui.advanced.StepThroughView.class, lab.backprop.ui.advanced.StepThroughView::new, true),
            new Entry("History", "Rewind to an earlier epoch; every parameter over time", HistoryView.class, HistoryView::new, false),
            new Entry("Twin runs", "Two runs from the same weights that differ in one switch", TwinRunView.class, TwinRunView::new, true),
            new Entry("Seed sweep", "Many random starts of seed 000's XOR: how many get stuck", SeedSweepView.class, SeedSweepView::new, true));

    /** The title of the view of class {@code type}. */
    public static String titleOf(Class<? extends Node> type) {
        return SIDE_PANEL.stream().filter(e -> e.type() == type).findFirst().orElseThrow().title();
    }

    private Views() { }
}
