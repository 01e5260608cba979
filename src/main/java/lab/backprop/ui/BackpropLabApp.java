package lab.backprop.ui;

import java.io.InputStream;
import java.util.Objects;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The Backprop Lab window: placed where it was last (or to fit the screen), stylesheet and icon from the classpath. */
public final class BackpropLabApp extends Application {
    /** The size {@link #show(Stage, MainWindow)} gives a window when no placement is asked for (tests). */
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;

    private LabViewModel vm;
    private lab.backprop.support.ErrorReporting.Installation errors;

    /** Opens the window; bad options (see {@link WindowOptions}) get a message and exit code 2 instead. */
    public static void launchWindow(String[] args) {
        try {
            WindowOptions.parse(java.util.List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("backprop-lab: " + e.getMessage());
            System.err.print(WindowOptions.usage());
            System.exit(2);
        }
        Application.launch(BackpropLabApp.class, args);
    }

    @Override public void start(Stage stage) {
        errors = ErrorDialogs.install(stage); // uncaught exceptions on any thread: dialog + log
        Theme.load(Theme.userPreferences()).apply(null); // the remembered theme, before any view draws
        vm = new LabViewModel();
        WindowOptions options = WindowOptions.parse(getParameters().getRaw());
        MeasuredRun run = new MeasuredRun(options, System.out);
        run.configure(vm);
        vm.controller().edits().clear(); // the start-up options are where the user starts, not an edit to undo
        MainWindow window = new MainWindow(vm);
        stage.setOnCloseRequest(e -> { if (!window.files().unsaved().mayDiscard("quit")) e.consume(); }); // the title bar's X
        WindowPlacement placement = WindowPlacement.forUser();
        run.shown(show(stage, window, placement));
        if (options.file() != null) javafx.application.Platform.runLater(() -> window.files().open(options.file()));
        if (options.lesson() != null) { // after the placement has restored the dividers (itself deferred once)
            javafx.application.Platform.runLater(() -> javafx.application.Platform.runLater(() -> {
                window.openLesson(options.lesson());
                window.lesson().go(options.lessonStep());
            }));
        }
    }

    /** Puts a window on a stage at {@link #WIDTH} x {@link #HEIGHT} with the stylesheet and icon; for tests. */
    public static Scene show(Stage stage, MainWindow window) {
        stage.setWidth(WIDTH);
        stage.setHeight(HEIGHT);
        return show(stage, window, null);
    }

    /** Puts a window on a stage with the current {@link Theme}'s stylesheets, icon and presenter scaling, placed as {@code placement} says (may be null). */
    public static Scene show(Stage stage, MainWindow window, WindowPlacement placement) {
        Scene scene = new Scene(new Presenter(window));
        Theme.current().apply(scene); // the stylesheets of the theme
        stage.setTitle("Backprop Lab");
        stage.getIcons().add(icon());
        stage.setScene(scene);
        if (placement != null) placement.restore(stage, window);
        stage.setOnHidden(e -> { // closed with its button or File > Quit
            if (placement != null) placement.save(stage, window);
            window.viewModel().dispose();
        });
        stage.show();
        return scene;
    }

    /** The base stylesheet (the light theme; the dark one is layered on it, see {@link Theme}). */
    public static String stylesheet() {
        return Objects.requireNonNull(BackpropLabApp.class.getResource("app.css"), "app.css missing").toExternalForm();
    }

    public static Image icon() {
        try (InputStream in = Objects.requireNonNull(BackpropLabApp.class.getResourceAsStream("icon.png"), "icon.png missing")) {
            return new Image(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override public void stop() {
        if (vm != null) vm.dispose();
        if (errors != null) errors.close();
    }
}
