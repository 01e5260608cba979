package lab.backprop.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * Buttons that choose the side panel's view, one per view, in rows that wrap when the panel is narrow: every title
 * stays whole and nothing hides in an overflow menu. One is always chosen.
 */
public final class ViewChooser extends FlowPane {
    private final ToggleGroup group = new ToggleGroup();
    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();

    public ViewChooser(List<String> titles, Consumer<String> onChoose) {
        super(4, 4);
        getStyleClass().add("view-chooser");
        for (String t : titles) {
            ToggleButton b = new ToggleButton(t);
            b.setId("view-" + t.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
            b.setToggleGroup(group);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setFocusTraversable(true);
            buttons.put(t, b);
            getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // clicking the chosen one keeps it chosen
                return;
            }
            onChoose.accept(((ToggleButton) b).getText());
        });
    }

    /** Shows the view of this title, as a click on its button does. */
    public void select(String title) {
        ToggleButton b = buttons.get(title);
        if (b == null) throw new IllegalArgumentException("no view " + title);
        b.setSelected(true);
    }

    /** The title of the view shown. */
    public String selected() { return ((ToggleButton) group.getSelectedToggle()).getText(); }

    public List<String> titles() { return List.copyOf(buttons.keySet()); }

    public ToggleButton button(String title) { return buttons.get(title); }

    void setTooltip(String title, String text) { buttons.get(title).setTooltip(new Tooltip(text)); }
}
