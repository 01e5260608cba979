package lab.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** Background work beside the lab: result, progress, cancel, failure, read from another thread. */
class JobTest {

    @Test void aJobRunsToItsResultOnADaemonThreadAndReportsProgress() throws Exception {
        AtomicReference<Thread> ran = new AtomicReference<>();
        Job<String> job = Job.start("probe-job", j -> {
            ran.set(Thread.currentThread());
            j.progress(3, 4);
            return "done";
        });
        assertTrue(job.await(5000));
        assertEquals(Job.State.DONE, job.state());
        assertFalse(job.isRunning());
        assertFalse(job.isCancelled());
        assertEquals("done", job.result());
        assertNull(job.failure());
        assertEquals(0.75, job.progress());
        assertEquals("3 of 4", job.message());
        assertEquals("probe-job", ran.get().getName());
        assertTrue(ran.get().isDaemon());
    }

    @Test void whileRunningItSaysSoAndACancelKeepsWhatWasDone() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Job<Integer> job = Job.start("t", j -> {
            started.countDown();
            int n = 0;
            while (!j.isCancelled()) {
                n++;
                Thread.sleep(1);
            }
            return n;
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        assertTrue(job.isRunning());
        assertEquals(Job.State.RUNNING, job.state());
        assertEquals("", job.message(), "no progress reported yet");
        assertFalse(job.await(30), "still running after 30 ms");
        job.cancel();
        assertTrue(job.isCancelled());
        assertTrue(job.await(5000));
        assertEquals(Job.State.CANCELLED, job.state());
        assertTrue(job.result() >= 0, "the work's own result is kept");
    }

    @Test void aFailureIsKeptWithItsCause() throws Exception {
        Job<Object> job = Job.start("t", j -> { throw new IllegalStateException("no network"); });
        assertTrue(job.await(5000));
        assertEquals(Job.State.FAILED, job.state());
        assertEquals("no network", job.failure().getMessage());
        assertNull(job.result());
    }

    @Test void progressIsAShareFromZeroToOne() throws Exception {
        Job<double[]> job = Job.start("t", j -> {
            double[] seen = new double[3];
            j.progress(5, 0);
            seen[0] = j.progress();
            j.progress(7, 5);
            seen[1] = j.progress();
            j.progress(1, 8);
            seen[2] = j.progress();
            return seen;
        });
        assertTrue(job.await(5000));
        assertEquals(0.0, job.result()[0], "nothing to do: 0");
        assertEquals(1.0, job.result()[1], "never past 1");
        assertEquals(0.125, job.result()[2]);
        assertEquals("1 of 8", job.message());
    }
}
