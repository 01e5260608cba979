package lab.backprop.ui;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.testfx.util.WaitForAsyncUtils;

/** Small helpers for the window tests: read state on the FX thread, wait for a condition. */
public final class FxTestSupport {
    private FxTestSupport() { }

    /** Runs {@code s} on the FX thread and returns its value. */
    public static <T> T fx(Supplier<T> s) {
        try {
            return WaitForAsyncUtils.asyncFx((Callable<T>) s::get).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }

    /** The parameters of {@code vm}'s newest snapshot, weights then biases (read on the FX thread). */
    public static double[] parameters(LabViewModel vm) {
        return fx(() -> {
            lab.backprop.model.Snapshot s = vm.snapshot();
            double[] p = new double[s.weightCount() + s.biasCount()];
            for (int i = 0; i < s.weightCount(); i++) p[i] = s.weight(i);
            for (int i = 0; i < s.biasCount(); i++) p[s.weightCount() + i] = s.bias(i);
            return p;
        });
    }

    /** Runs {@code r} on the FX thread and waits for it. */
    public static void fxRun(Runnable r) {
        fx(() -> { r.run(); return null; });
    }

    /** Waits until {@code condition} (checked on the FX thread) holds. */
    public static void waitUntil(String what, double seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor((long) (seconds * 1000), TimeUnit.MILLISECONDS, () -> fx(condition::getAsBoolean));
        } catch (TimeoutException e) {
            fail("timed out after " + seconds + " s waiting for: " + what);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for a couple of animation frames so the timer has copied the newest snapshot. */
    public static void settle() {
        sleep(80);
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
