package lab.backprop.ui;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.TextAlignment;
import lab.backprop.support.Numbers;
import lab.backprop.data.Dataset;
import lab.backprop.model.Network;
import lab.backprop.model.Snapshot;

/**
 * The training data as a table with the network's current output per row. Selecting a row puts it in
 * the predict panel (and so on the graph).
 */
public final class DataTableView extends BorderPane {
    private final LabViewModel vm;
    private final TableView<Dataset.Sample> table = new TableView<>();
    private Snapshot shown;
    private long lastRefresh;
    // In a hidden tab the output column waits; it is refreshed when the tab is shown.
    private final WhenShown whenShown;

    public DataTableView(LabViewModel vm) {
        this.vm = vm;
        whenShown = new WhenShown(this, () -> { shown = vm.snapshot(); table.refresh(); });
        getStyleClass().add("panel");
        table.setId("dataTable");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No samples"));
        Label title = new Label();
        title.getStyleClass().add("panel-title");
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        setId("dataView");
        title.textProperty().bind(vm.datasetProperty().map(d -> "Data: " + d.name() + " (" + d.size() + (d.size() == 1 ? " sample" : " samples") + "; select one to probe it)"));
        setTop(title);
        setCenter(table);
        vm.datasetProperty().addListener((o, a, b) -> fill(b));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) vm.probeInputProperty().set(b.raw());
        });
        fill(vm.dataset());
        // The output column follows training a few times a second; a full table refresh per frame is wasteful.
        AnimationTimer refresher = new AnimationTimer() {
            @Override public void handle(long now) {
                if (vm.snapshot() != shown && now - lastRefresh > 250_000_000L) {
                    lastRefresh = now;
                    whenShown.request();
                }
            }
        };
        sceneProperty().addListener((o, a, b) -> { if (b == null) refresher.stop(); else refresher.start(); });
    }

    public TableView<Dataset.Sample> table() { return table; }

    private void fill(Dataset data) {
        table.getColumns().clear();
        TableColumn<Dataset.Sample, String> name = new TableColumn<>("name");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setCellFactory(col -> new javafx.scene.control.TableCell<>() { // an unnamed row shows as p1, p2, ... (Dataset.nameOf)
            @Override protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item != null ? item : "p" + (getIndex() + 1));
            }
        });
        table.getColumns().add(name);
        for (int i = 0; i < data.featureCount(); i++) {
            int f = i;
            TableColumn<Dataset.Sample, Number> col = new TableColumn<>(data.featureNames().get(i));
            col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().raw(f)));
            table.getColumns().add(col);
        }
        TableColumn<Dataset.Sample, String> label = new TableColumn<>("class");
        label.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label() >= 0.5 ? data.positiveClass() : data.negativeClass()));
        table.getColumns().add(label);
        TableColumn<Dataset.Sample, String> output = new TableColumn<>("output now");
        output.setCellValueFactory(c -> new ReadOnlyStringWrapper(outputFor(c.getValue())));
        table.getColumns().add(output);
        table.setItems(FXCollections.observableArrayList(data.samples()));
        // Shares of the width that keep every column readable (the last one takes what is left over).
        double[] shares = new double[table.getColumns().size()];
        shares[0] = 0.22;
        for (int i = 1; i <= data.featureCount(); i++) shares[i] = 0.2;
        shares[shares.length - 2] = 0.12;
        shares[shares.length - 1] = 0.24;
        for (int i = 0; i < shares.length; i++) {
            TableColumn<Dataset.Sample, ?> c = table.getColumns().get(i);
            c.setMinWidth(48);
            c.prefWidthProperty().bind(table.widthProperty().subtract(4).multiply(shares[i]));
            wrapHeader(c);
        }
    }

    /**
     * A narrow column shows its whole title on two lines instead of "weight ...": the header's own label does not
     * wrap (its height is fixed), so the title becomes a wrapping graphic that the header measures.
     */
    private static void wrapHeader(TableColumn<?, ?> column) {
        Label title = new Label(column.getText());
        title.setWrapText(true);
        title.setTextAlignment(TextAlignment.CENTER);
        title.maxWidthProperty().bind(column.widthProperty().subtract(8));
        // The header asks its graphic for a height without a width (one line); the wrapped height is its minimum.
        column.widthProperty().addListener((o, a, w) -> title.setMinHeight(title.prefHeight(w.doubleValue() - 8)));
        column.setText(null);
        column.setGraphic(title);
    }

    private String outputFor(Dataset.Sample sample) {
        Snapshot s = vm.snapshot();
        Dataset data = vm.dataset();
        if (s == null || s.layout().inputSize() != data.inputCount()) return "";
        Network net = s.toNetwork();
        double y = net.predict(data.toInput(sample.raw()))[0];
        return Numbers.brief(y) + " → " + data.classify(y);
    }
}
