package lab.backprop.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Checks a path before the app opens it, so that a named pipe (which would block the reader for ever), a device,
 * a socket or a directory is refused with a sentence saying what it is, and a save never writes over a directory.
 */
public final class RegularFiles {
    private RegularFiles() { }

    /** Why {@code file} cannot be read as a file ("it is a named pipe (FIFO), not a file"), or null if it can. */
    public static String whyNotReadable(Path file) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class); // follows symbolic links
        } catch (NoSuchFileException e) {
            return "no such file (" + file.toAbsolutePath() + ")";
        } catch (IOException | SecurityException e) {
            return "cannot read the file: " + describe(e);
        }
        if (a.isRegularFile()) return Files.isReadable(file) ? null : "the file cannot be read (no permission)";
        return "it is " + kind(file, a) + ", not a file";
    }

    /**
     * Why {@code file} cannot be written as a file, or null if it can: the path must not end in a separator, not name a
     * directory or any other non-file, and its folder must exist.
     */
    public static String whyNotWritable(Path file) {
        if (Files.exists(file)) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                if (!a.isRegularFile()) return "it is " + kind(file, a) + ", not a file";
            } catch (IOException | SecurityException e) {
                return "cannot inspect the file: " + describe(e);
            }
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) return "the folder " + dir + " does not exist";
        return null;
    }

    /**
     * The same for a path as typed: one that ends in a separator ("out/") names a folder, which a {@link Path} would
     * quietly drop.
     */
    public static String whyNotWritable(String typed) {
        if (typed.endsWith("/") || typed.endsWith(java.io.File.separator)) return "the path ends in a separator: give a file name, not a folder";
        try {
            return whyNotWritable(Path.of(typed));
        } catch (java.nio.file.InvalidPathException e) {
            return "not a valid path: " + e.getReason();
        }
    }

    /** "a directory", "a named pipe (FIFO)", "a character device", "a block device", "a socket" or "not a regular file". */
    static String kind(Path file, BasicFileAttributes a) {
        if (a.isDirectory()) return "a directory";
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            if (mode instanceof Integer m) {
                switch (m & 0170000) {
                    case 0010000: return "a named pipe (FIFO)";
                    case 0020000: return "a character device";
                    case 0060000: return "a block device";
                    case 0140000: return "a socket";
                    default: break;
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            // no unix attributes here (Windows): say it plainly
        }
        return a.isSymbolicLink() || Files.isSymbolicLink(file) && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                ? "a broken link" : "a special file";
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? "access denied" : e.getMessage();
    }
}
