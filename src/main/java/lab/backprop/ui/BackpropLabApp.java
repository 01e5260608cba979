package lab.backprop.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The Backprop Lab window (placeholder until the visualizer lands). */
public final class BackpropLabApp extends Application {

    public static void launchWindow(String[] args) {
        Application.launch(BackpropLabApp.class, args);
    }

    @Override public void start(Stage stage) {
        stage.setTitle("Backprop Lab");
        stage.setScene(new Scene(new Label("Backprop Lab"), 1280, 800));
        stage.show();
    }
}
