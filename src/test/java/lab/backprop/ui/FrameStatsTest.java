package lab.backprop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

/** Frame statistics from fed timestamps: window fps, nearest-rank percentiles, whole-run summary. */
class FrameStatsTest {
    private static final long MS = 1_000_000L;

    /** Feeds frames with the given intervals (ms) after a first frame at {@code t}; returns the last timestamp. */
    private static long feed(FrameStats s, long t, long... intervalsMs) {
        for (long i : intervalsMs) {
            t += i * MS;
            s.frame(t);
        }
        return t;
    }

    private static long[] repeat(long ms, int n) {
        long[] a = new long[n];
        java.util.Arrays.fill(a, ms);
        return a;
    }

    @Test void steadyFramesGiveTheirRateAndInterval() {
        FrameStats s = new FrameStats();
        assertFalse(s.frame(5 * MS), "the first frame only starts the clock");
        // 63 intervals of 16 ms: the window closes at 1008 ms, not before.
        for (int k = 1; k < 63; k++) assertFalse(s.frame(5 * MS + k * 16 * MS), "frame " + k);
        assertTrue(s.frame(5 * MS + 63 * 16 * MS));
        assertEquals(63, s.windowFrames());
        assertEquals(62.5, s.windowFps(), 1e-9); // 63 / 1.008 s
        assertEquals(16.0, s.windowP99Millis(), 1e-12);
        assertEquals(16.0, s.windowMaxMillis(), 1e-12);
    }

    @Test void p99IgnoresTheSlowestOnePercent() {
        FrameStats s = new FrameStats();
        s.frame(0);
        long t = feed(s, 0, 104);
        t = feed(s, t, repeat(4, 99));
        t = feed(s, t, 104);
        t = feed(s, t, repeat(4, 99)); // 200 intervals, 2 of them slow, 1000 ms in all
        assertEquals(1000 * MS, t);
        assertEquals(1, s.windows());
        assertEquals(200, s.windowFrames());
        assertEquals(200.0, s.windowFps(), 1e-9);
        assertEquals(4.0, s.windowP99Millis(), 1e-12, "rank 198 of 200 is still a 4 ms frame");
        assertEquals(104.0, s.windowMaxMillis(), 1e-12);
    }

    @Test void p99CatchesThreeSlowFramesInTwoHundred() {
        FrameStats s = new FrameStats();
        s.frame(0);
        long t = feed(s, 0, 72);
        t = feed(s, t, repeat(4, 100));
        t = feed(s, t, 70, 70);
        feed(s, t, repeat(4, 97)); // 200 intervals, 1000 ms
        assertEquals(1, s.windows());
        assertEquals(70.0, s.windowP99Millis(), 1e-12, "rank 198 of 200 is the smallest of the three slow frames");
        assertEquals(72.0, s.windowMaxMillis(), 1e-12);
    }

    @Test void aSmallRingKeepsTheNewestIntervalsButCountsEveryFrame() {
        FrameStats s = new FrameStats(4);
        s.frame(0);
        feed(s, 0, 400, 300, 100, 100, 50, 50);
        assertEquals(1, s.windows());
        assertEquals(6, s.windowFrames());
        assertEquals(6.0, s.windowFps(), 1e-9);
        assertEquals(100.0, s.windowP99Millis(), 1e-12, "400 and 300 fell out of the 4-slot ring");
    }

    @Test void windowsRestartAndTheRunSummaryCoversThemAll() {
        FrameStats s = new FrameStats();
        s.frame(0);
        long t = feed(s, 0, repeat(16, 63)); // closes at 1008 ms: 62.5 fps
        t = feed(s, t, repeat(20, 50));       // closes at 2008 ms: 50 fps
        assertEquals(2, s.windows());
        assertEquals(50, s.windowFrames());
        assertEquals(50.0, s.windowFps(), 1e-9);
        assertEquals(20.0, s.windowP99Millis(), 1e-12);
        assertEquals(113, s.frames());
        assertEquals(113 / 2.008, s.runFps(), 1e-9);
        assertEquals(50.0, s.worstWindowFps(), 1e-9);
        assertEquals(20.0, s.worstWindowP99Millis(), 1e-12);
        // Whole run, 0.1 ms buckets reported by their upper edge: rank 112 of 113 is a 20 ms frame, rank 57 a 16 ms one.
        assertEquals(20.1, s.runPercentileMillis(99), 1e-9);
        assertEquals(16.1, s.runPercentileMillis(50), 1e-9);
        assertEquals(20.0, s.runMaxMillis(), 1e-12);
        assertEquals("summary: frames 113 over 2.0 s, fps 56.3, p99 20.1 ms, max 20.0 ms; "
                + "of 2 one-second windows the worst fps 50.0, worst p99 20.0 ms", s.summary());
        assertEquals("fps 50.0 p99 20.0 ms max 20.0 ms frames 50", s.windowLine());
    }

    @Test void nearestRank() {
        assertEquals(1, FrameStats.nearestRank(1, 99));
        assertEquals(99, FrameStats.nearestRank(100, 99));
        assertEquals(100, FrameStats.nearestRank(101, 99)); // ceil(99.99)
        assertEquals(198, FrameStats.nearestRank(200, 99));
        assertEquals(60, FrameStats.nearestRank(60, 99));  // at 60 fps the p99 of one second is its slowest frame
    }

    @Test void framesDoNotAllocate() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        FrameStats s = new FrameStats();
        long t = 0;
        for (int i = 0; i < 20_000; i++) s.frame(t += 7 * MS); // warm up
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 200_000; i++) s.frame(t += 7 * MS + (i % 5) * MS); // about 1 800 windows close
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(s.windows() > 1000);
        assertTrue(allocated < 4096, "200 000 frames allocated " + allocated + " bytes");
    }
}
