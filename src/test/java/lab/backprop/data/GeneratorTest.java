package lab.backprop.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Generated data sets: counts, classes, ranges, determinism, and the clean boundary each draws without noise. */
class GeneratorTest {

    @ParameterizedTest @EnumSource(Generator.class)
    void countsClassesAndRanges(Generator g) {
        for (int n : new int[] { 10, 11, 1000 }) {
            Dataset d = new Generator.Spec(g, n, 0.3, 2).make();
            assertEquals(n, d.size());
            assertEquals(g.id(), d.name());
            assertEquals(java.util.List.of("x1", "x2"), d.featureNames());
            long ones = d.samples().stream().filter(s -> s.label() == 1).count();
            assertEquals((n + 1) / 2, ones, "half of each class, the odd one out class 1");
            for (int i = 0; i < n; i++) assertEquals(i % 2 == 0 ? 1.0 : 0.0, d.sample(i).label(), "classes alternate");
            assertEquals("#1", d.sample(0).name());
            for (Dataset.Sample s : d.samples()) {
                for (double v : s.raw()) {
                    assertTrue(Double.isFinite(v));
                    assertEquals(v, Math.rint(v * 1000) / 1000, 0.0, "three decimals");
                    if (g != Generator.GAUSSIANS) assertTrue(Math.abs(v) <= 8, g + ": " + v);
                }
            }
        }
    }

    @ParameterizedTest @EnumSource(Generator.class)
    void theSameSpecGivesTheSamePointsBitForBit(Generator g) {
        Generator.Spec spec = new Generator.Spec(g, 500, 0.25, 42);
        assertEquals(spec.make().samples(), spec.make().samples());
        assertNotEquals(spec.make().samples(), spec.withSeed(43).make().samples());
        assertNotEquals(spec.make().samples(), spec.withNoise(0.3).make().samples());
        assertEquals(spec, spec.make().generated(), "the set says how it was made");
    }

    @Test void withoutNoiseEachShapeHasACleanBoundary() {
        clean(Generator.CIRCLE, (x, y) -> Math.hypot(x, y) < 3);
        clean(Generator.XOR_CLOUD, (x, y) -> x * y > 0);
        clean(Generator.GAUSSIANS, (x, y) -> x + y > 0);
        // points are kept to three decimals: within 0.003 of the wave is too close to call
        clean(Generator.SINE, (x, y) -> Math.abs(y - 2 * Math.sin(1.2 * x)) < 0.003 ? null : y > 2 * Math.sin(1.2 * x));
        clean(Generator.MOONS, (x, y) -> Math.abs(Math.hypot(x + 1.5, y + 0.75) - 3) < 0.002 && y >= -0.752);
        // the spiral: every point on its own arm, r = 5t at angle 3.5·π·t (class 0 half a turn on)
        Dataset spiral = new Generator.Spec(Generator.SPIRAL, 2000, 0, 5).make();
        for (Dataset.Sample s : spiral.samples()) {
            double x = s.raw(0), y = s.raw(1), t = Math.hypot(x, y) / 5, angle = 3.5 * Math.PI * t + (s.label() == 1 ? 0 : Math.PI);
            assertEquals(5 * t * Math.sin(angle), x, 0.01, s.toString());
            assertEquals(5 * t * Math.cos(angle), y, 0.01, s.toString());
        }
    }

    /** Noise 0: {@code isOne} tells the classes apart on every point; noise 0.5: it does not (the classes overlap). */
    private static void clean(Generator g, java.util.function.BiFunction<Double, Double, Boolean> isOne) {
        Dataset d = new Generator.Spec(g, 4000, 0, 9).make();
        for (Dataset.Sample s : d.samples()) {
            Boolean one = isOne.apply(s.raw(0), s.raw(1));
            if (one != null) assertEquals(s.label() == 1, one, g + " " + s);
        }
        Dataset noisy = new Generator.Spec(g, 4000, 0.5, 9).make();
        long wrong = noisy.samples().stream().filter(s -> !Boolean.valueOf(s.label() == 1).equals(isOne.apply(s.raw(0), s.raw(1)))).count();
        assertTrue(wrong > 40, g + ": noise 0.5 should blur the boundary, " + wrong + " of 4000 across it");
    }

    @Test void settingsOutsideTheirRangesAreRefused() {
        assertEquals("points must be 10 to 100,000, got 9", Generator.whyNot(9, 0));
        assertEquals("points must be 10 to 100,000, got 100001", Generator.whyNot(100_001, 0));
        assertEquals("noise must be 0 to 0.5 (0 to 50 %), got 0.51", Generator.whyNot(100, 0.51));
        assertEquals("noise must be 0 to 0.5 (0 to 50 %), got NaN", Generator.whyNot(100, Double.NaN));
        assertNull(Generator.whyNot(100_000, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Generator.Spec(Generator.MOONS, 5, 0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Generator.remade(BuiltinDatasets.gender(), 50, null, null));
        assertTrue(e.getMessage().endsWith("not to gender"), e.getMessage());
    }

    @Test void theRegistryListsEveryShapeWithItsDefaults() {
        for (Generator g : Generator.values()) {
            Dataset d = BuiltinDatasets.byName(g.id().toUpperCase(java.util.Locale.ROOT));
            assertEquals(Generator.Spec.of(g), d.generated());
            assertEquals(Generator.DEFAULT_POINTS, d.size());
            assertEquals(Preset.GENERATED, d.preset());
            assertEquals(g, Generator.byId(" " + g.id() + " "));
        }
        assertNull(BuiltinDatasets.xor().generated(), "the seeds' sets stay as they are");
        assertNull(BuiltinDatasets.gender().generated());
        Dataset remade = Generator.remade(BuiltinDatasets.byName("spiral"), 60, 0.1, 7L);
        assertEquals(new Generator.Spec(Generator.SPIRAL, 60, 0.1, 7), remade.generated());
        assertNull(remade.with(new Dataset.Sample("mine", new double[] { 0, 0 }, 1)).generated(), "edited by hand: no longer generated");
    }
}
