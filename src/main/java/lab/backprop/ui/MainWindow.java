package lab.backprop.ui;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.NotificationPane;

import lab.backprop.support.RecentFiles;
import lab.backprop.train.RunState;

/**
 * The whole window: controls on top, the network graph and loss curve on the left, a tab pane with the views of
 * {@link Views#SIDE_PANEL} and the predict panel on the right, a status bar at the bottom. Divergence shows as a
 * notification bar across the top of the content.
 */
public final class MainWindow extends BorderPane {
    private final LabViewModel vm;
    private final TabPane tabs = new TabPane();
    private final NotificationPane notifications;
    private final NetworkGraphView graph;
    private final LossCurveView lossCurve;
    private final java.util.Map<Class<? extends Node>, Node> views = new java.util.LinkedHashMap<>();
    private final PredictPanel predict;
    private final ControlBar controls;
    private final StatusBarView status;
    private final FileActions files;
    private final MenuBar menuBar;
    private boolean errorDialogs = true;

    /** The window with the user's recent-files list in the app directory. */
    public MainWindow(LabViewModel vm) { this(vm, RecentFiles.inAppHome()); }

    public MainWindow(LabViewModel vm, RecentFiles recent) {
        this.vm = vm;
        getStyleClass().add("main-window");
        controls = new ControlBar(vm);
        graph = new NetworkGraphView(vm);
        graph.setId("networkGraph");
        lossCurve = new LossCurveView(vm);
        lossCurve.setId("lossCurve");
        predict = new PredictPanel(vm);
        predict.setId("predictPanel");
        status = new StatusBarView(vm);

        CheckBox gradients = new CheckBox("show gradients dL/dw");
        gradients.setId("gradientToggle");
        gradients.setMinWidth(Region.USE_PREF_SIZE);
        gradients.selectedProperty().bindBidirectional(vm.showGradientsProperty());
        gradients.setTooltip(new javafx.scene.control.Tooltip("Show dL/dw, summed over the data, on the edges instead of the weights"));
        Label graphTitle = new Label("Network");
        graphTitle.getStyleClass().add("panel-title");
        graphTitle.setMinWidth(Region.USE_PREF_SIZE);
        Label legend = new Label("blue +, orange −, width = size · click an edge to edit, a neuron to select");
        legend.getStyleClass().add("muted");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox graphHeader = new HBox(10, graphTitle, legend, gap, gradients);
        BorderPane graphPanel = new BorderPane(graph);
        graphPanel.setTop(graphHeader);
        graphPanel.getStyleClass().add("panel");

        SplitPane left = new SplitPane(graphPanel, lossCurve);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.64);

        tabs.setId("mainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (Views.Entry e : Views.SIDE_PANEL) {
            Node view = e.make().apply(vm);
            views.put(e.type(), view);
            Tab tab = addTab(e.title(), e.scrolls() ? scrolling(view) : view);
            tab.setTooltip(new javafx.scene.control.Tooltip(e.tooltip()));
        }
        vm.problemProperty().addListener((o, a, b) -> { if (b != null) showError(b); });
        VBox right = new VBox(8, tabs, predict);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        right.setMinWidth(360);

        SplitPane centre = new SplitPane(left, right);
        centre.setDividerPositions(0.6);
        notifications = new NotificationPane(centre);
        notifications.setId("notificationPane");
        notifications.setShowFromTop(true);
        vm.alertProperty().addListener((o, a, b) -> { if (b != null) notifications.show(b); });
        vm.stateProperty().addListener((o, a, b) -> { if (b == RunState.RUNNING) notifications.hide(); });

        files = new FileActions(this, recent);
        files.errorProperty().addListener((o, a, b) -> { if (b != null) showError(b); });
        files.messageProperty().addListener((o, a, b) -> status.showMessage(b));
        menuBar = new WindowMenus(this).menuBar();

        setTop(new VBox(menuBar, controls));
        setCenter(notifications);
        setBottom(status);
        BorderPane.setMargin(notifications, new Insets(6, 0, 0, 0));
        // Space pauses and resumes (trains when idle) unless a text field or a button wants the key.
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.SPACE || e.isConsumed() || e.isShortcutDown() || e.isAltDown()) return;
            if (getScene() != null && getScene().getFocusOwner() instanceof TextInputControl) return;
            spaceAction();
            e.consume();
        });
    }

    /** What Space does: pause a run, resume a paused one, train when idle. */
    void spaceAction() {
        if (vm.state() == RunState.IDLE) vm.train(); else vm.togglePause();
    }

    /** Shows a problem in a dialog (when dialogs are on) and keeps it as the last error. */
    public void showError(String problem) {
        lastError = problem;
        if (!errorDialogs || getScene() == null || getScene().getWindow() == null) return;
        Alert alert = new Alert(Alert.AlertType.ERROR, problem, ButtonType.OK);
        alert.initOwner(getScene().getWindow());
        alert.setTitle("Backprop Lab");
        alert.setHeaderText(null);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.show();
    }

    private String lastError;

    /** The last problem shown with {@link #showError} (also when dialogs are off), or null. */
    public String lastError() { return lastError; }

    /** Turns the error dialogs off (tests read {@link #lastError()} instead) or on. */
    public void setErrorDialogs(boolean on) { errorDialogs = on; }

    /** Adds a tab to the side panel and returns it; the views of {@link Views#SIDE_PANEL} come this way. */
    private Tab addTab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        tabs.getTabs().add(tab);
        return tab;
    }

    /** Fixed-size canvases stay whole in a narrow tab. */
    private static Node scrolling(Node content) {
        javafx.scene.control.ScrollPane pane = new javafx.scene.control.ScrollPane(content);
        pane.setFitToWidth(true);
        pane.getStyleClass().add("advanced-panel");
        return pane;
    }

    /** The side panel's view of this type (one of {@link Views#SIDE_PANEL}). */
    public <T extends Node> T view(Class<T> type) {
        Node v = views.get(type);
        if (v == null) throw new IllegalArgumentException("no view " + type.getSimpleName());
        return type.cast(v);
    }

    public LabViewModel viewModel() { return vm; }
    public TabPane tabs() { return tabs; }
    public NotificationPane notifications() { return notifications; }
    public NetworkGraphView graph() { return graph; }
    public LossCurveView lossCurve() { return lossCurve; }
    public SigmoidShiftView sigmoid() { return view(SigmoidShiftView.class); }
    public DataTableView data() { return view(DataTableView.class); }
    public PredictPanel predict() { return predict; }
    public ControlBar controls() { return controls; }
    public StatusBarView status() { return status; }
    /** File menu actions (open/save data and sessions, exports), callable with a path. */
    public FileActions files() { return files; }
    public MenuBar menuBar() { return menuBar; }
}
