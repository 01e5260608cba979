package lab.backprop.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The build's version (the POM's, written into {@code version.properties} when the resources are processed). */
public final class AppVersion {
    private static final String VERSION = read();

    private AppVersion() { }

    /** "0.1.0-SNAPSHOT", or "unknown" when run from classes the build did not process. */
    public static String get() { return VERSION; }

    /**
     * What the app runs on: "Java 17.0.15 (Debian), JavaFX 21.0.12 as named modules" when it runs as the module
     * {@code lab.backprop} (the runnable jar, the app image, {@code javafx:run}), "... JavaFX on the class path" when it
     * does not (tests, a hand-made class path). Loads no JavaFX class.
     */
    public static String platform() {
        String java = "Java " + System.getProperty("java.version", "?") + " (" + System.getProperty("java.vendor", "?") + ")";
        Module app = AppVersion.class.getModule();
        if (!app.isNamed() || app.getLayer() == null) return java + ", JavaFX on the class path";
        return java + ", " + app.getLayer().findModule("javafx.graphics")
                .map(fx -> "JavaFX " + fx.getDescriptor().rawVersion().orElse("?") + " as named modules").orElse("no JavaFX");
    }

    private static String read() {
        try (InputStream in = AppVersion.class.getResourceAsStream("/lab/backprop/version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown").trim();
            return v.isEmpty() || v.contains("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
