package lab.backprop.ui.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Round tick values: 1-2-5 steps inside the range, labels without float noise or "-0". */
class TicksTest {
    @Test void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(1, Ticks.step(0.7, 1));
        assertEquals(1, Ticks.step(1.3, 0));
        assertEquals(2, Ticks.step(3, 0));
        assertEquals(5, Ticks.step(7, 0));
        assertEquals(10, Ticks.step(8, 0));
        assertEquals(200, Ticks.step(317, 0), 0.0, "the nearest round step, not 317");
        assertEquals(0.05, Ticks.step(0.04, 0), 1e-15);
    }

    @Test void ticksStayInsideTheRange() {
        assertArrayEquals(new double[] { 0, 1000, 2000, 3000, 4000, 5000 }, Ticks.within(0, 5001, 5, 1), 0.0, "never 5001");
        assertArrayEquals(new double[] { 0, 0.05, 0.1, 0.15 }, Ticks.within(0, 0.16, 4, 0), 0.0);
        assertArrayEquals(new double[] { 0, 1 }, Ticks.within(0, 1, 5, 1), 0.0, "epochs stay whole");
        assertArrayEquals(new double[] { 3 }, Ticks.within(3, 3, 5, 1), 0.0);
    }

    @Test void labelsReadAsPeopleWriteThem() {
        assertEquals("0.1", Ticks.label(0.1));
        assertEquals("0.3", Ticks.label(0.1 + 0.2));
        assertEquals("0", Ticks.label(-0.0));
        assertEquals("2500", Ticks.label(2500));
        assertEquals("1e-5", Ticks.label(1e-5));
        assertEquals("2e6", Ticks.label(2e6));
        assertEquals("1.5e7", Ticks.label(1.5e7), "not 2e7 beside a true 2e7");
        assertEquals("2.5e-5", Ticks.label(2.5e-5));
        assertEquals("-3e8", Ticks.label(-3e8));
        assertEquals("-0.25", Ticks.label(-0.25));
    }
}
