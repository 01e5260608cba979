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
