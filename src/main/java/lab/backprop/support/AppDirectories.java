package lab.backprop.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the app keeps its own files (log, recent files): {@code ~/.backprop-lab}, or the directory
 * named by the system property {@code backprop.home} (tests use it). Falls back to the temp
 * directory when the home directory cannot be written.
 */
public final class AppDirectories {
    public static final String HOME_PROPERTY = "backprop.home";

    private AppDirectories() { }

    /** The app directory, created if needed. Never throws: falls back to the temp directory. */
    public static Path home() {
        String override = System.getProperty(HOME_PROPERTY);
        Path preferred = override != null && !override.isBlank()
                ? Path.of(override)
                : Path.of(System.getProperty("user.home", "."), ".backprop-lab");
        try {
            Files.createDirectories(preferred);
            if (Files.isWritable(preferred)) return preferred;
        } catch (IOException | RuntimeException e) {
            // fall through to the temp directory
        }
        Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "backprop-lab-" + System.getProperty("user.name", "user"));
        try {
            Files.createDirectories(fallback);
        } catch (IOException e) {
            return Path.of(System.getProperty("java.io.tmpdir"));
        }
        return fallback;
    }
}
