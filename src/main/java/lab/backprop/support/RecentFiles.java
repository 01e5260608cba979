package lab.backprop.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The files opened or saved lately, most recent first, at most {@code capacity}, kept in a small
 * JSON file ({@code recent-files.json} in the app directory). Files that no longer exist are
 * dropped when the list is read. A missing or corrupt store counts as an empty list, and a store
 * that cannot be written is only logged: recent files are a convenience, never an error.
 * Thread-safe; the store is re-read on every call, so two windows share one list.
 */
public final class RecentFiles {
    public static final int DEFAULT_CAPACITY = 10;
    public static final String STORE_NAME = "recent-files.json";
    private static final String FORMAT = "backprop-lab-recent-files";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(RecentFiles.class.getName());

    private final Path store;
    private final int capacity;

    public RecentFiles(Path store, int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        this.store = store;
        this.capacity = capacity;
    }

    /** The user's list in the app directory. */
    public static RecentFiles inAppHome() {
        return new RecentFiles(AppDirectories.home().resolve(STORE_NAME), DEFAULT_CAPACITY);
    }

    /** Puts {@code file} first (moving it if already listed) and drops the oldest beyond capacity. */
    public synchronized void add(Path file) {
        Path key = normal(file);
        List<Path> files = read();
        files.remove(key);
        files.add(0, key);
        while (files.size() > capacity) files.remove(files.size() - 1);
        write(files);
    }

    public synchronized void remove(Path file) {
        List<Path> files = read();
        if (files.remove(normal(file))) write(files);
    }

    public synchronized void clear() { write(List.of()); }

    /** Existing files, most recent first (missing ones are dropped from the store too). */
    public synchronized List<Path> list() {
        List<Path> files = read();
        List<Path> existing = new ArrayList<>();
        for (Path p : files) if (Files.isRegularFile(p)) existing.add(p);
        if (existing.size() != files.size()) write(existing);
        return List.copyOf(existing);
    }

    private static Path normal(Path file) { return file.toAbsolutePath().normalize(); }

    private List<Path> read() {
        List<Path> files = new ArrayList<>();
        if (!Files.isRegularFile(store)) return files;
        try {
            if (Files.size(store) > 1 << 20) return files; // not ours
            JsonNode root = MAPPER.readTree(store.toFile());
            if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.path("files").isArray()) return files;
            for (JsonNode n : root.get("files")) {
                if (!n.isTextual()) continue;
                try {
                    Path p = normal(Path.of(n.asText()));
                    if (!files.contains(p)) files.add(p);
                } catch (RuntimeException badPath) {
                    // an entry that is not a path on this system: skip it
                }
                if (files.size() == capacity) break;
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "recent files store unreadable, starting empty: " + store, e);
        }
        return files;
    }

    private void write(List<Path> files) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        ArrayNode list = root.putArray("files");
        for (Path p : files) list.add(p.toString());
        try {
            byte[] json = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
            AtomicFiles.write(store, out -> out.write(json));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot save the recent files list to " + store, e);
        }
    }
}
