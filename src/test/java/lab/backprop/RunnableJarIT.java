package lab.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import lab.backprop.support.AppVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as a user starts it, {@code java -jar backprop-lab.jar}, in a JVM of its own (run by failsafe in
 * {@code verify}, after {@code package} made the jar): it runs the app as named modules (so JavaFX has its supported
 * configuration and prints no warning), runs commands, and unpacks its modules once into the app's folder.
 */
class RunnableJarIT {
    private static final Path JAR = Path.of(System.getProperty("runnable.jar", "target/backprop-lab.jar"));

    record Run(int exit, String out, String err) { }

    private static Run java(Path home, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dbackprop.home=" + home, "-Duser.home=" + home.resolve("user"), "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(home, "out", ".txt"), err = Files.createTempFile(home, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the jar ended within 2 minutes: " + cmd);
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test void versionSaysTheBuildAndThatJavaFxRunsAsNamedModules(@TempDir Path home) throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built");
        Run r = java(home, "--version");
        assertEquals(0, r.exit(), r::toString);
        String[] lines = r.out().trim().split("\\R");
        assertEquals("Backprop Lab " + AppVersion.get(), lines[0]);
        assertTrue(lines[1].matches("Java \\S+ \\(.*\\), JavaFX 21\\.\\S+ as named modules"), lines[1]);
        assertFalse(r.err().contains("Unsupported JavaFX configuration"), r.err());
        assertEquals("", r.err(), "nothing on stderr");
    }

    @Test void aCommandRunsAndTheModulesAreUnpackedOnceIntoTheAppFolder(@TempDir Path home) throws Exception {
        Path runtime = home.resolve("runtime");
        Path stale = runtime.resolve("0123456789abcdef"); // an older build's folder
        Files.createDirectories(stale.resolve("x"));

        Run r = java(home, "train", "--dataset", "xor", "--epochs", "200", "--format", "json");
        assertEquals(0, r.exit(), r::toString);
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals(200, report.get("epochs").asLong(), r.out());
        assertEquals("2-2-1 sigmoid", report.get("architecture").get("description").asText());

        List<Path> folders;
        try (Stream<Path> s = Files.list(runtime)) { folders = s.toList(); }
        assertEquals(1, folders.size(), "one folder, this build's; the older one is removed: " + folders);
        assertFalse(Files.exists(stale));
        Path app;
        try (Stream<Path> s = Files.list(folders.get(0))) {
            app = s.filter(p -> p.getFileName().toString().startsWith("backprop-lab-")).findFirst().orElseThrow();
        }
        FileTime first = Files.getLastModifiedTime(app);

        Run again = java(home, "--version");
        assertEquals(0, again.exit(), again::toString);
        assertEquals(first, Files.getLastModifiedTime(app), "the second start uses the folder as it is");
        try (Stream<Path> s = Files.list(runtime)) { assertEquals(folders, s.toList()); }
    }

    @Test void aBadArgumentIsOneLineAndExitCode2AsOnTheClassPath(@TempDir Path home) throws Exception {
        Run r = java(home, "train", "--epochs", "many");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("many"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }
}
