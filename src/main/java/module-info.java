/**
 * Backprop Lab as one module: the app image (jlink + jpackage, profile {@code dist}) runs it from the module path, so
 * JavaFX is loaded as named modules. The tests and the runnable jar use the class path, where this file is ignored.
 * Only {@code ui} (and its sub-packages) read JavaFX; the rest is plain Java.
 */
module lab.backprop {
    requires java.logging;
    requires java.prefs;
    requires java.management;
    requires jdk.management;
    requires java.desktop;
    requires javafx.controls;
    requires javafx.swing;
    requires org.controlsfx.controls;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires org.apache.commons.csv;

    // picocli fills the commands' fields by reflection
    opens lab.backprop.cli to info.picocli;
    // the window options are a picocli command too
    opens lab.backprop.ui to info.picocli, javafx.graphics;
    // Jackson reads and writes the session records
    opens lab.backprop.session to com.fasterxml.jackson.databind;
    opens lab.backprop.support to com.fasterxml.jackson.databind;
    // JavaFX makes the Application subclass
    exports lab.backprop.ui to javafx.graphics;
}
