package lab.backprop.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A bar across the window under the controls for a problem (training diverged) or a notice (a run is stuck, training
 * went on from a rewound epoch). It takes its own room and pushes the content down, so it never hides a control; its
 * text wraps; the cross closes it. A new network (reset, data set, session) closes it too: its news is old then.
 */
public final class Banner extends HBox {
    /** A problem (red) or a notice (blue). */
    public enum Kind { PROBLEM, NOTICE }

    private final Label text = new Label();
    private final Button close = new Button("✕");
    private Kind kind;

    public Banner() {
        super(10);
        setId("banner");
        getStyleClass().add("banner");
        setAlignment(Pos.CENTER_LEFT);
        text.setId("bannerText");
        text.setWrapText(true);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        close.setId("bannerClose");
        close.getStyleClass().add("banner-close");
        close.setTooltip(new Tooltip("Close this message"));
        close.setOnAction(e -> hide());
        getChildren().addAll(text, close);
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    public void show(String message, Kind k) {
        kind = k;
        text.setText(message);
        getStyleClass().removeAll("problem", "notice");
        getStyleClass().add(k == Kind.PROBLEM ? "problem" : "notice");
        setVisible(true);
    }

    public void hide() {
        setVisible(false);
        kind = null;
    }

    public boolean isShowing() { return isVisible(); }
    public String getText() { return text.getText(); }
    /** What is shown, or null when nothing is. */
    public Kind kind() { return kind; }
}
