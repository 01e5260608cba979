import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes the folder given (jpackage refuses to write over an earlier app image). Run as: java Clean.java FOLDER */
public class Clean {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }
}
