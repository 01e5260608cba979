package lab.backprop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The window's measuring options, parsed without a window. */
class WindowOptionsTest {
    @Test void noArgumentsMeanAPlainWindow() {
        WindowOptions o = WindowOptions.parse(List.of());
        assertFalse(o.stats());
        assertFalse(o.train());
        assertEquals(0, o.exitAfterSeconds());
        assertNull(o.dataset());
        assertEquals(0, o.hidden());
        assertEquals(-1, o.layers()); // the default; 0 is a single neuron
        assertEquals(WindowOptions.TRAIN_EPOCHS, o.epochs());
        assertFalse(o.exitWhenTrained());
        assertEquals(0, o.speed());
    }

    @Test void aRunOfAFixedLength() {
        WindowOptions o = WindowOptions.parse(List.of("--train", "--epochs", "10000000", "--exit-when-trained", "--stats"));
        assertTrue(o.train());
        assertEquals(10_000_000L, o.epochs());
        assertTrue(o.exitWhenTrained());
        assertEquals(0, o.exitAfterSeconds());
        assertEquals(1000.0, WindowOptions.parse(List.of("--train", "--speed", "1000")).speed());
    }

    @Test void everyOptionIsRead() {
        WindowOptions o = WindowOptions.parse(List.of("--stats", "--train", "--exit-after", "20",
                "--dataset", "XOR", "--hidden", "8", "--layers", "3"));
        assertTrue(o.stats());
        assertTrue(o.train());
        assertEquals(20.0, o.exitAfterSeconds());
        assertEquals("xor", o.dataset());
        assertEquals(8, o.hidden());
        assertEquals(3, o.layers());
    }

    @Test void theWindowStartsOnGeneratedOrOwnData() {
        WindowOptions g = WindowOptions.parse(List.of("--dataset", "Spiral", "--points", "300", "--noise", "0.2", "--data-seed", "4",
                "--activation", "tanh"));
        assertEquals(new lab.backprop.data.Generator.Spec(lab.backprop.data.Generator.SPIRAL, 300, 0.2, 4), g.data().generated());
        assertEquals(300, g.data().size());
        assertEquals(lab.backprop.model.Activation.TANH, g.hiddenActivation());
        assertEquals(4, WindowOptions.parse(List.of("--data", "assets/xor.csv")).data().size());
        assertEquals("xor", WindowOptions.parse(List.of("--data", "assets/xor.csv")).data().name());
        assertNull(WindowOptions.parse(List.of("--hidden", "3")).data(), "no data option: the window's default");
    }

    @Test void aLessonAndItsStep() {
        WindowOptions o = WindowOptions.parse(List.of("--lesson", "1:5"));
        assertEquals("001", o.lesson().number());
        assertEquals(4, o.lessonStep());
        assertEquals(0, WindowOptions.parse(List.of("--lesson", "000")).lessonStep());
        assertNull(WindowOptions.parse(List.of()).lesson());
    }

    @Test void valuesMayFollowAnEqualsSign() {
        WindowOptions o = WindowOptions.parse(List.of("--exit-after=2.5", "--dataset=gender"));
        assertEquals(2.5, o.exitAfterSeconds());
        assertEquals("gender", o.dataset());
        assertFalse(o.stats());
    }

    @Test void badArgumentsAreNamed() {
        assertMessage("Unknown option: '--bogus'", "--bogus");
        assertMessage("Missing required parameter for option '--exit-after'", "--exit-after");
        assertMessage("'abc' is not a double", "--exit-after", "abc");
        assertMessage("--exit-after must be a positive number of seconds, got -1.0", "--exit-after", "-1");
        assertMessage("--exit-after must be a positive number of seconds, got 0.0", "--exit-after", "0");
        assertMessage("unknown dataset 'iris' (choose xor, gender, circle, xor-cloud, gaussians, spiral, sine, moons)", "--dataset", "iris");
        assertMessage("--hidden must be 1..8, got 9", "--hidden", "9");
        assertMessage("--points: points must be 10 to 100,000, got 3", "--dataset", "moons", "--points", "3");
        assertMessage("--noise: noise must be 0 to 0.5 (0 to 50 %), got 2.0", "--dataset", "moons", "--noise", "2");
        assertMessage("apply only to a generated data set", "--dataset", "xor", "--points", "30");
        assertMessage("give either --dataset or --data, not both", "--dataset", "xor", "--data", "assets/xor.csv");
        assertMessage("nothing.csv", "--data", "target/nothing.csv");
        assertMessage("--activation must be sigmoid, tanh or relu, got 'softmax'", "--activation", "softmax");
        assertMessage("--layers must be 0..3, got -1", "--layers", "-1");
        assertMessage("--layers must be 0..3, got 4", "--layers", "4");
        assertMessage("no lesson '9' (choose 000, 001 or 002)", "--lesson", "9");
        assertMessage("--lesson 001 has steps 1..8, got '9'", "--lesson", "001:9");
        assertMessage("--epochs must be at least 1, got 0", "--train", "--epochs", "0");
        assertMessage("--epochs needs --train", "--epochs", "5");
        assertMessage("--exit-when-trained needs --train", "--exit-when-trained");
        assertMessage("--speed needs --train", "--speed", "10");
        assertMessage("--speed must be 0 (full speed) or a positive number of epochs per second, got -5.0", "--train", "--speed", "-5");
    }

    @Test void usageListsTheOptions() {
        String usage = WindowOptions.usage();
        for (String name : List.of("--stats", "--train", "--epochs", "--speed", "--exit-when-trained", "--exit-after", "--dataset", "--hidden", "--layers")) {
            assertTrue(usage.contains(name), name + " missing from:\n" + usage);
        }
    }

    private static void assertMessage(String expectedPart, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WindowOptions.parse(List.of(args)));
        assertTrue(e.getMessage().contains(expectedPart), "'" + e.getMessage() + "' should contain '" + expectedPart + "'");
    }
}
