package lab.backprop.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import lab.backprop.support.RecentFiles;
import lab.backprop.ui.advanced.StepThroughView;
import lab.backprop.train.RunState;

/**
 * The whole window: controls on top (they wrap onto more rows in a narrow window), a banner for problems and notices
 * under them (it pushes the content down, never covers it), then two split panes: the network graph over the loss
 * curve on the left, and on the right the views of {@link Views#SIDE_PANEL} (chosen with a wrapping row of buttons:
 * no tab strip to overflow) over the predict panel; a status bar at the bottom. Views are made when first shown.
 */
public final class MainWindow extends BorderPane {
    private final LabViewModel vm;
    private final Map<Class<? extends Node>, Node> views = new LinkedHashMap<>();
    private final ViewChooser chooser;
    private final StackPane viewArea = new StackPane();
    private final Banner banner = new Banner();
    private final NetworkGraphView graph;
    private final LossCurveView lossCurve;
    private final PredictPanel predict;
    private final ControlBar controls;
    private final DataBar dataBar;
    private final FeatureChips featureChips;
    private final StatusBarView status;
    private final FileActions files;
    private final MenuBar menuBar;
    private final SplitPane centre;
    private final SplitPane left;
    private boolean errorDialogs = true;
    private String lastError;

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
        gradients.setTooltip(new Tooltip("Show dL/dw, summed over the data, on the edges instead of the weights; while training, pulses flow backward"
                + " along the edges, as big as their |dL/dw|: where learning happens"));
        CheckBox names = new CheckBox("names");
        names.setId("namesToggle");
        names.setMinWidth(Region.USE_PREF_SIZE);
        names.selectedProperty().bindBidirectional(vm.showNamesProperty());
        names.setTooltip(new Tooltip("Name every weight and bias on the graph (w1, w2, ... b1, ...), as the tutorials and the whole chain do"));
        Label graphTitle = new Label("Network");
        graphTitle.getStyleClass().add("panel-title");
        graphTitle.setMinWidth(Region.USE_PREF_SIZE);
        Label legend = new Label("solid +, dashed −, width = size · click an edge to edit it, a neuron to select it");
        legend.getStyleClass().add("muted");
        legend.setWrapText(true);
        legend.setMinWidth(0);
        HBox.setHgrow(legend, Priority.ALWAYS);
        VBox toggles = new VBox(2, names, gradients); // stacked: the header keeps its width in a narrow pane
        toggles.setMinWidth(Region.USE_PREF_SIZE);
        HBox graphHeader = new HBox(10, graphTitle, legend, toggles);
        graphHeader.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        BorderPane graphPanel = new BorderPane(graph);
        // In a narrow pane (a lesson open on a small screen) the legend goes rather than wrapping into a tall column.
        legend.visibleProperty().bind(graphPanel.widthProperty().greaterThan(470));
        legend.managedProperty().bind(legend.visibleProperty());
        graphPanel.setTop(graphHeader);
        featureChips = new FeatureChips(vm);
        graphPanel.setLeft(featureChips);
        graphPanel.getStyleClass().add("panel");
        graphPanel.setMinSize(280, 200);
        lossCurve.setMinSize(280, 150);

        left = new SplitPane(graphPanel, lossCurve);
        left.setId("leftSplit");
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.62);

        chooser = new ViewChooser(Views.SIDE_PANEL.stream().map(Views.Entry::title).toList(), this::show);
        chooser.setId("viewChooser");
        for (Views.Entry e : Views.SIDE_PANEL) chooser.setTooltip(e.title(), e.tooltip());
        viewArea.setId("viewArea");
        viewArea.getStyleClass().add("view-area");
        VBox.setVgrow(viewArea, Priority.ALWAYS);
        VBox right = new VBox(6, chooser, viewArea, predict);
        right.setMinWidth(300);
        right.setMinHeight(0);
        viewArea.setMinHeight(0);

        centre = new SplitPane(left, right);
        centre.setId("centreSplit");
        lessonPanel = new LessonPanel(vm, chooser::select);
        SplitPane.setResizableWithParent(lessonPanel, false); // keeps its width when the window is resized
        centre.setDividerPositions(0.58);
        vm.problemProperty().addListener((o, a, b) -> { if (b != null) showError(b); });
        vm.alertProperty().addListener((o, a, b) -> { if (b == null) banner.hide(); else banner.show(b, Banner.Kind.PROBLEM); });
        vm.noticeProperty().addListener((o, a, b) -> { if (b != null) banner.show(b, Banner.Kind.NOTICE); });
        vm.stateProperty().addListener((o, a, b) -> { if (b == RunState.RUNNING && banner.kind() == Banner.Kind.PROBLEM) banner.hide(); });
        vm.generationProperty().addListener((o, a, b) -> banner.hide()); // a new network: old problems are not its

        files = new FileActions(this, recent);
        files.errorProperty().addListener((o, a, b) -> { if (b != null) showError(b); });
        files.messageProperty().addListener((o, a, b) -> status.showMessage(b));
        files.installDrop(this);
        menuBar = new WindowMenus(this).menuBar();

        dataBar = new DataBar(vm);
        controls.getChildren().add(dataBar.testGroup()); // with the run's settings: it applies to every data set
        controls.getChildren().add(new RegularizationChoice(vm));
        controls.getChildren().add(new UpdateRuleChoice(vm));
        setTop(new VBox(menuBar, controls, dataBar, banner));
        setCenter(centre);
        setBottom(status);
        BorderPane.setMargin(centre, new Insets(6, 0, 0, 0));
        chooser.select(Views.SIDE_PANEL.get(0).title());
        // Once per scene: the window's scene is set more than once (null and back) while the stage is put together.
        sceneProperty().addListener((o, a, b) -> {
            if (b != null && b != keysScene) {
                keysScene = b;
                addSceneKeys(b);
            }
        });
    }

    /**
     * Space pauses and resumes (trains when idle) wherever the focus is, except in a text field: a filter on the
     * scene, so that a focused button or slider does not take the key first, and so that it also works when the
     * focused control was just disabled (Step, while training) and the keys go to the scene itself. Plus the
     * number-pad keys of presenter mode, beside the View menu's own accelerators.
     */
    private javafx.scene.Scene keysScene;

    private void addSceneKeys(javafx.scene.Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.SPACE || e.isShortcutDown() || e.isAltDown()) return;
            if (scene.getFocusOwner() instanceof TextInputControl) return;
            StepThroughView through = stepThroughOf(scene.getFocusOwner());
            if (through != null) through.togglePlay(); else spaceAction(); // in the step-through, Space plays it
            e.consume();
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> { // the lesson's Back / Next, where the arrows are not a control's own
            if (!isLessonOpen() || e.isShortcutDown() || e.isAltDown()) return;
            boolean page = e.getCode() == KeyCode.PAGE_UP || e.getCode() == KeyCode.PAGE_DOWN;
            boolean arrow = e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT;
            if (!page && !(arrow && !ownsArrows(scene.getFocusOwner()))) return;
            lessonPanel.go(lessonPanel.stepIndex() + (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.PAGE_UP ? -1 : 1));
            e.consume();
        });
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE && !(scene.getFocusOwner() instanceof TextInputControl)) e.consume();
        });
        for (var k : Shortcuts.ZOOM_IN_TOO) scene.getAccelerators().put(k, () -> Presenter.step(1));
        for (var k : Shortcuts.ZOOM_OUT_TOO) scene.getAccelerators().put(k, () -> Presenter.step(-1));
        for (var k : Shortcuts.ZOOM_RESET_TOO) scene.getAccelerators().put(k, () -> Presenter.scaleProperty().set(1));
    }

    private static StepThroughView stepThroughOf(Node focus) {
        for (Node n = focus; n != null; n = n.getParent()) if (n instanceof StepThroughView v) return v;
        return null;
    }

    /** Controls that move with the arrow keys themselves: there the arrows are not the lesson's. */
    private static boolean ownsArrows(Node focus) {
        return stepThroughOf(focus) != null || focus instanceof NetworkGraphView || focus instanceof TextInputControl || focus instanceof javafx.scene.control.Slider || focus instanceof javafx.scene.control.Spinner
                || focus instanceof javafx.scene.control.ComboBoxBase<?> c && c.isEditable() || focus instanceof javafx.scene.control.ListView
                || focus instanceof javafx.scene.control.TableView || focus instanceof ScrollPane;
    }

    private final LessonPanel lessonPanel;

    /** Opens a lesson at its first step in a panel left of the graph. */
    public void openLesson(lab.backprop.lesson.Lesson lesson) {
        if (!isLessonOpen()) {
            double[] d = centre.getDividerPositions();
            double graphShare = d.length > 0 ? d[0] : 0.58;
            centre.getItems().add(0, lessonPanel);
            if (centre.getWidth() > 0) {
                placeLessonDivider(graphShare);
            } else { // not laid out yet: once it has its real width
                centre.widthProperty().addListener(new javafx.beans.value.ChangeListener<Number>() {
                    @Override public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number a, Number b) {
                        if (b.doubleValue() <= 0) return;
                        centre.widthProperty().removeListener(this);
                        placeLessonDivider(graphShare);
                    }
                });
            }
        }
        lessonPanel.open(lesson, 0);
    }

    /** The lesson about 330 px wide (up to 40 % of the window), graph and side panel sharing the rest as before. */
    private void placeLessonDivider(double graphShare) {
        if (!isLessonOpen()) return;
        double w = centre.getWidth();
        double share = Math.min(0.4, Math.max(0.2, 330 / w));
        centre.setDividerPositions(share, share + (1 - share) * graphShare);
    }

    /** Closes the lesson panel; the network stays as the lesson left it. */
    public void closeLesson() {
        if (!isLessonOpen()) return;
        centre.getItems().remove(lessonPanel);
        centre.setDividerPositions(0.58);
    }

    public boolean isLessonOpen() { return centre.getItems().contains(lessonPanel); }

    public LessonPanel lesson() { return lessonPanel; }

    /** What Space does: pause a run, resume a paused one, train when idle. */
    void spaceAction() {
        if (vm.state() == RunState.IDLE) vm.train(); else vm.togglePause();
    }

    /** Shows the view titled {@code title} in the side panel (made now if it is the first time). */
    private void show(String title) {
        leaveStepThrough(title);
        for (Views.Entry e : Views.SIDE_PANEL) {
            if (!e.title().equals(title)) continue;
            Node view = view(e.type());
            Node shown = e.scrolls() ? scrolling(view) : view;
            viewArea.getChildren().setAll(shown);
            return;
        }
        throw new IllegalArgumentException("no view " + title);
    }

    private final Map<Node, Node> scrollers = new java.util.HashMap<>();

    /** A view that has a natural size keeps it in a narrow pane: it scrolls. */
    private Node scrolling(Node content) {
        return scrollers.computeIfAbsent(content, c -> {
            ScrollPane pane = new ScrollPane(c);
            pane.setFitToWidth(true);
            pane.setFitToHeight(true);
            pane.getStyleClass().add("advanced-panel");
            return pane;
        });
    }

    /** The side panel's view of this type (one of {@link Views#SIDE_PANEL}), made now if it was never shown. */
    public <T extends Node> T view(Class<T> type) {
        Node v = views.get(type);
        if (v == null) {
            for (Views.Entry e : Views.SIDE_PANEL) if (e.type() == type) v = e.make().apply(vm);
            if (v == null) throw new IllegalArgumentException("no view " + type.getSimpleName());
            views.put(type, v);
        }
        return type.cast(v);
    }

    /** The views made so far (a view is made when it is first shown or asked for). */
    public List<Class<? extends Node>> madeViews() { return List.copyOf(views.keySet()); }

    /**
     * Leaving Step through (for view {@code next}) after stepping into a traced step that was not applied: the user
     * chooses in a dialog whether to apply it (the weights become the traced update's, bit for bit) or discard it.
     * The dialog does not block the switch; with dialogs off (tests) the step is discarded.
     */
    private void leaveStepThrough(String next) {
        if (!(views.get(StepThroughView.class) instanceof StepThroughView st) || st.getScene() == null
                || next.equals(Views.titleOf(StepThroughView.class)) || !st.hasPendingStep()) return;
        if (!errorDialogs || getScene() == null || getScene().getWindow() == null) {
            st.finish(false);
            return;
        }
        ButtonType apply = new ButtonType("Apply the step", ButtonBar.ButtonData.OK_DONE);
        ButtonType discard = new ButtonType("Discard it", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "You stepped into one training step without applying it. Apply "
                + "it (every weight and bias becomes the traced update's, as one Step would make them) or discard it (nothing "
                + "changes)?", apply, discard);
        ask.initOwner(getScene().getWindow());
        ask.setTitle("Backprop Lab");
        ask.setHeaderText("Leaving Step through");
        ask.getDialogPane().setId("leaveStepThroughDialog");
        ask.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        ask.setOnHidden(e -> st.finish(ask.getResult() == apply));
        ask.show();
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

    /** The last problem shown with {@link #showError} (also when dialogs are off), or null. */
    public String lastError() { return lastError; }

    /** Turns the error dialogs off (tests read {@link #lastError()} instead) or on. */
    public void setErrorDialogs(boolean on) { errorDialogs = on; }

    public LabViewModel viewModel() { return vm; }
    /** The input feature chips beside the graph. */
    public FeatureChips featureChips() { return featureChips; }
    /** The data tools under the controls (generated sets, batch size). */
    public DataBar dataBar() { return dataBar; }
    /** Which side view is shown; its buttons wrap onto more rows instead of overflowing. */
    public ViewChooser views() { return chooser; }
    /** The bar under the controls that shows a problem (divergence) or a notice (a stuck run, a rewind). */
    public Banner banner() { return banner; }
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
    /** Graph and loss | side panel. */
    public SplitPane centreSplit() { return centre; }
    /** Graph over loss. */
    public SplitPane leftSplit() { return left; }
}
