package lab.backprop.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import lab.backprop.data.Dataset;
import lab.backprop.data.Feature;

/**
 * The input features as toggle chips on the input side of the graph, as TensorFlow Playground has them: x1, x2,
 * x1², x2², x1·x2, sin x1, sin x2. Turning one on or off gives the network that many inputs (and fresh weights);
 * the decision map and Predict still work in the two coordinates. Shown for data of two coordinates.
 */
public final class FeatureChips extends VBox {
    private final LabViewModel vm;
    private final Map<Feature, ToggleButton> chips = new EnumMap<>(Feature.class);
    private boolean syncing;

    public FeatureChips(LabViewModel vm) {
        super(4);
        this.vm = vm;
        setId("featureChips");
        setPadding(new Insets(4, 6, 4, 0));
        setAlignment(Pos.CENTER_LEFT);
        Label title = new Label("Inputs");
        title.getStyleClass().add("control-label");
        getChildren().add(title);
        for (Feature f : Feature.values()) {
            ToggleButton chip = new ToggleButton(f.label());
            chip.setId("feature-" + f.id());
            chip.getStyleClass().add("feature-chip");
            chip.setMinWidth(Region.USE_PREF_SIZE);
            chip.setMaxWidth(Double.MAX_VALUE);
            chip.setFocusTraversable(true);
            chip.setTooltip(new Tooltip("Feed " + f.label() + " to the network as an input (a change draws new weights)"));
            chip.selectedProperty().addListener((o, a, b) -> changed());
            chips.put(f, chip);
            getChildren().add(chip);
        }
        vm.setupProperty().addListener((o, a, b) -> show(b.data()));
        show(vm.dataset());
    }

    /** The chip of {@code f} (tests press it). */
    public ToggleButton chip(Feature f) { return chips.get(f); }

    private void changed() {
        if (syncing) return;
        List<Feature> on = new ArrayList<>();
        for (Feature f : Feature.values()) if (chips.get(f).isSelected()) on.add(f);
        String problem = on.isEmpty() ? "keep at least one input feature on" : vm.setFeatures(on);
        if (problem != null) {
            vm.report(problem);
            show(vm.dataset()); // back to what the network has
        }
    }

    private void show(Dataset d) {
        List<Feature> now = d.features();
        setVisible(now != null);
        setManaged(now != null);
        if (now == null) return;
        syncing = true;
        try {
            for (Feature f : Feature.values()) chips.get(f).setSelected(now.contains(f));
        } finally {
            syncing = false;
        }
    }
}
