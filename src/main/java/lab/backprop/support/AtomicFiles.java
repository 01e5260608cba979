package lab.backprop.support;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that a reader sees either the old content or the new one, never half a file:
 * write a temporary file in the same directory, flush it to disk, then move it over the target. A failed write
 * removes its temporary file; one left by a process that was killed mid-write ({@code .NAME.NNN.tmp}, older than
 * {@link #STALE_AFTER_MILLIS}) is removed by the next save of the same target.
 */
public final class AtomicFiles {
    /** What writes the content; may throw IOException. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A temporary file of a target this old is a leftover (a save takes milliseconds; one a minute old was killed). */
    public static final long STALE_AFTER_MILLIS = 60_000;

    private AtomicFiles() { }

    /** Replaces {@code target} with what {@code content} writes. On failure the old file is untouched. */
    public static void write(Path target, Content content) throws IOException {
        if (Files.exists(target)) {
            String problem = RegularFiles.whyNotWritable(target);
            if (problem != null) throw new IOException(problem);
        }
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null) Files.createDirectories(dir);
        removeStaleTemporaries(dir, absolute.getFileName().toString());
        // Same directory, so the move stays on one file system and can be atomic.
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (FileOutputStream fos = new FileOutputStream(temp.toFile())) {
                content.writeTo(fos);
                fos.flush();
                fos.getFD().sync();
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) Files.deleteIfExists(temp);
        }
    }

    /** Deletes this target's temporary files left by a save that never finished. */
    private static void removeStaleTemporaries(Path dir, String name) {
        if (dir == null) return;
        long before = System.currentTimeMillis() - STALE_AFTER_MILLIS;
        try (DirectoryStream<Path> left = Files.newDirectoryStream(dir, "." + globEscape(name) + ".*.tmp")) {
            for (Path p : left) {
                try {
                    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.getLastModifiedTime(p).toMillis() < before) Files.delete(p);
                } catch (IOException ignored) {
                    // another process's, or gone already: leave it
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // a folder we cannot list: the save itself will say what is wrong
        }
    }

    private static String globEscape(String s) { return s.replaceAll("([\\[\\]{}*?\\\\])", "\\\\$1"); }

    /** Replaces {@code target} with the UTF-8 text. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
