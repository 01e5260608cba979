package lab.backprop.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the app keeps its own files (log, recent files): the platform's usual place for an application's data
 * ({@code %APPDATA%\Backprop Lab} on Windows, {@code ~/Library/Application Support/Backprop Lab} on macOS,
 * {@code ~/.backprop-lab} elsewhere), or the directory named by the system property {@code backprop.home} (every test
 * run sets it, see the pom). Falls back to the temp directory when that place cannot be written.
 */
public final class AppDirectories {
    public static final String HOME_PROPERTY = "backprop.home";

    private AppDirectories() { }

    /** The app directory, created if needed. Never throws: falls back to the temp directory. */
    public static Path home() {
        String override = System.getProperty(HOME_PROPERTY);
        Path preferred = override != null && !override.isBlank()
                ? Path.of(override)
                : platformHome(System.getProperty("os.name", ""), System.getenv("APPDATA"), System.getProperty("user.home", "."));
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

    /** The platform's place for the app's own files, for an OS name, Windows' APPDATA (may be null) and the user's home. */
    static Path platformHome(String osName, String appData, String userHome) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows")) {
            return appData != null && !appData.isBlank() ? Path.of(appData, "Backprop Lab") : Path.of(userHome, "AppData", "Roaming", "Backprop Lab");
        }
        if (os.startsWith("mac")) return Path.of(userHome, "Library", "Application Support", "Backprop Lab");
        return Path.of(userHome, ".backprop-lab");
    }
}
