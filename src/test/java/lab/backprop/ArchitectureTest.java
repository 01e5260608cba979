package lab.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pure packages stay free of JavaFX (and of the UI), so they run headless and anywhere. */
class ArchitectureTest {

    @ParameterizedTest
    @ValueSource(strings = { "model", "train", "data", "session", "support", "cli" })
    void pureJavaPackagesDoNotUseJavaFx(String pkg) throws IOException {
        Path dir = Path.of("src/main/java/lab/backprop", pkg);
        assertTrue(Files.isDirectory(dir), dir + " exists");
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    String text = Files.readString(f);
                    return text.contains("import javafx.") || text.contains("import lab.backprop.ui.")
                            || text.contains("org.controlsfx");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
            assertEquals(List.of(), offenders);
        }
    }
}
