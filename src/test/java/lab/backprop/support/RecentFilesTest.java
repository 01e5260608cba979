package lab.backprop.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesTest {
    @TempDir Path dir;

    private Path file(String name) throws Exception {
        return Files.writeString(dir.resolve(name), name);
    }

    @Test
    void mostRecentFirstWithoutDuplicatesAndBounded() throws Exception {
        RecentFiles recent = new RecentFiles(dir.resolve("store/recent.json"), 3);
        Path a = file("a.json"), b = file("b.csv"), c = file("c.json"), d = file("d.csv");
        recent.add(a);
        recent.add(b);
        recent.add(c);
        recent.add(dir.resolve("x/../a.json")); // the same file again, spelled differently
        assertEquals(List.of(a, c, b), recent.list());
        recent.add(d);
        assertEquals(List.of(d, a, c), recent.list());
        // Persisted: a new instance on the same store sees the same list.
        assertEquals(List.of(d, a, c), new RecentFiles(dir.resolve("store/recent.json"), 3).list());
        recent.remove(a);
        assertEquals(List.of(d, c), recent.list());
        recent.clear();
        assertEquals(List.of(), recent.list());
    }

    @Test
    void missingFilesAreDropped() throws Exception {
        RecentFiles recent = new RecentFiles(dir.resolve("recent.json"), 5);
        Path a = file("a.json"), b = file("b.json");
        recent.add(a);
        recent.add(b);
        Files.delete(a);
        assertEquals(List.of(b), recent.list());
        Files.writeString(a, "back");
        assertEquals(List.of(b), recent.list(), "a dropped entry stays dropped");
    }

    @Test
    void corruptOrForeignStoreCountsAsEmptyAndIsRepaired() throws Exception {
        Path store = dir.resolve("recent.json");
        Path a = file("a.json");
        for (String junk : new String[] { "{not json", "", "[1,2]", "{\"format\":\"other\",\"files\":[\"" + a + "\"]}",
                "{\"format\":\"backprop-lab-recent-files\",\"files\":[1, null, \"\\u0000bad\"]}" }) {
            Files.writeString(store, junk);
            RecentFiles recent = new RecentFiles(store, 4);
            assertEquals(List.of(), recent.list(), junk);
            recent.add(a);
            assertEquals(List.of(a), recent.list(), junk);
        }
    }

    @Test
    void anUnwritableStoreIsNotAnError() throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file where a directory should be");
        RecentFiles recent = new RecentFiles(blocker.resolve("recent.json"), 4);
        recent.add(file("a.json"));
        assertEquals(List.of(), recent.list());
    }

    @Test
    void concurrentAddsKeepTheStoreValid() throws Exception {
        RecentFiles recent = new RecentFiles(dir.resolve("recent.json"), 10);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 20; i++) files.add(file("f" + i + ".csv"));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            Thread th = new Thread(() -> { for (int i = 0; i < 50; i++) recent.add(files.get((i * 7 + offset) % 20)); });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) th.join();
        List<Path> list = recent.list();
        assertEquals(10, list.size());
        assertEquals(10, list.stream().distinct().count());
        assertTrue(files.containsAll(list));
    }
}
