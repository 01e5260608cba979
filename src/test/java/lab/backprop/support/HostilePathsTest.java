package lab.backprop.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.backprop.data.CsvDatasetReader;
import lab.backprop.data.DataFormatException;

/** Paths that are not files, saves that died half way, and where the app keeps its files. */
class HostilePathsTest {
    @TempDir Path dir;

    static Path fifo(Path at) throws Exception {
        assertEquals(0, new ProcessBuilder("mkfifo", at.toString()).start().waitFor());
        return at;
    }

    @Test void specialFilesAreRefusedBeforeTheyAreOpened() throws Exception {
        Path pipe = fifo(dir.resolve("data.csv"));
        assertEquals("it is a named pipe (FIFO), not a file", RegularFiles.whyNotReadable(pipe));
        assertEquals("it is a directory, not a file", RegularFiles.whyNotReadable(dir));
        assertEquals("it is a character device, not a file", RegularFiles.whyNotReadable(Path.of("/dev/null")));
        assertTrue(RegularFiles.whyNotReadable(dir.resolve("none.csv")).startsWith("no such file"));
        Path plain = dir.resolve("ok.csv");
        Files.writeString(plain, "1,2,1\n");
        assertNull(RegularFiles.whyNotReadable(plain));
        DataFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(DataFormatException.class, () -> new CsvDatasetReader().read(pipe)));
        assertEquals("data.csv: it is a named pipe (FIFO), not a file", e.getMessage());
        Path link = dir.resolve("dangling.csv");
        Files.createSymbolicLink(link, dir.resolve("gone.csv"));
        assertTrue(RegularFiles.whyNotReadable(link).startsWith("no such file"), RegularFiles.whyNotReadable(link));
    }

    @Test void savesNeverWriteOverAFolderOrASpecialFile() throws Exception {
        assertEquals("the path ends in a separator: give a file name, not a folder", RegularFiles.whyNotWritable(dir + "/out/"));
        assertEquals("it is a directory, not a file", RegularFiles.whyNotWritable(dir.toString()));
        assertTrue(RegularFiles.whyNotWritable(dir.resolve("no/such/x.json")).startsWith("the folder "));
        assertNull(RegularFiles.whyNotWritable(dir.resolve("fresh.json")));
        Path pipe = fifo(dir.resolve("p.json"));
        assertEquals("it is a named pipe (FIFO), not a file", RegularFiles.whyNotWritable(pipe));
        Path sub = Files.createDirectory(dir.resolve("sub"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(sub, "x"));
        assertEquals("it is a directory, not a file", e.getMessage());
        assertTrue(Files.isDirectory(sub), "the folder is untouched");
        assertThrows(IOException.class, () -> AtomicFiles.writeString(pipe, "x"));
    }

    @Test void aTemporaryFileLeftByAKilledSaveGoesWithTheNextSaveAFreshOneStays() throws Exception {
        Path target = dir.resolve("run.json");
        Path stale = Files.writeString(dir.resolve(".run.json.123456.tmp"), "half a fi");
        Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - 10 * AtomicFiles.STALE_AFTER_MILLIS));
        Path fresh = Files.writeString(dir.resolve(".run.json.777.tmp"), "another save going on now");
        Path other = Files.writeString(dir.resolve(".other.json.1.tmp"), "not ours");
        Files.setLastModifiedTime(other, FileTime.fromMillis(0));
        AtomicFiles.writeString(target, "whole");
        assertEquals("whole", Files.readString(target));
        assertFalse(Files.exists(stale), "the leftover of the same target is gone");
        assertTrue(Files.exists(fresh), "a temporary file being written now is left alone");
        assertTrue(Files.exists(other), "another target's file is left alone");
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count());
        }
        Path odd = dir.resolve("a[1]*.json");
        Path oddStale = Files.writeString(dir.resolve(".a[1]*.json.9.tmp"), "x");
        Files.setLastModifiedTime(oddStale, FileTime.fromMillis(0));
        AtomicFiles.writeString(odd, "y");
        assertFalse(Files.exists(oddStale), "names with glob characters are matched literally");
    }

    @Test void theAppKeepsItsFilesInThePlatformsPlaceAndTestsInTheBuildFolder() {
        assertEquals(Path.of("C:\\Users\\a\\AppData\\Roaming", "Backprop Lab"), AppDirectories.platformHome("Windows 11", "C:\\Users\\a\\AppData\\Roaming", "C:\\Users\\a"));
        assertEquals(Path.of("C:\\Users\\a", "AppData", "Roaming", "Backprop Lab"), AppDirectories.platformHome("Windows 10", null, "C:\\Users\\a"));
        assertEquals(Path.of("/Users/a", "Library", "Application Support", "Backprop Lab"), AppDirectories.platformHome("Mac OS X", null, "/Users/a"));
        assertEquals(Path.of("/home/a", ".backprop-lab"), AppDirectories.platformHome("Linux", "ignored", "/home/a"));
        Path home = AppDirectories.home().toAbsolutePath();
        String build = System.getProperty("backprop.home");
        assertTrue(build != null && home.equals(Path.of(build).toAbsolutePath()), "tests write under the build folder: " + home);
        assertFalse(home.startsWith(Path.of(System.getProperty("user.home")).toAbsolutePath().getParent().getParent())
                && home.toString().contains(".backprop-lab"), "never the real home: " + home);
        assertTrue(List.of("test-home").stream().anyMatch(home.toString()::contains), home.toString());
    }
}
