package lab.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BuiltinDatasetsTest {

    @Test
    void genderIsSeed001ShiftedInside() {
        Dataset g = BuiltinDatasets.gender();
        assertEquals(4, g.size());
        // Seed 001's shifted table: Alice -2 -1 1, Bob 25 6 0, Charlie 17 4 0, Diana -15 -6 1.
        assertArrayEquals(new double[][] { { -2, -1 }, { 25, 6 }, { 17, 4 }, { -15, -6 } }, g.inputs());
        assertArrayEquals(new double[] { 1, 0, 0, 1 }, g.labels());
        assertEquals("Alice", g.sample(0).name());
        assertArrayEquals(new double[] { 133, 65 }, g.sample(0).raw());
        assertArrayEquals(new double[] { -7, -3 }, g.toInput(128, 63), "Emily");
        assertArrayEquals(new double[] { 20, 2 }, g.toInput(155, 68), "Frank");
        assertEquals("F", g.classify(0.951));
        assertEquals("M", g.classify(0.039));
    }

    @Test
    void xorIsTheTruthTable() {
        Dataset x = BuiltinDatasets.xor();
        assertArrayEquals(new double[][] { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } }, x.inputs());
        assertArrayEquals(new double[] { 0, 1, 1, 0 }, x.labels());
        assertEquals("1", x.classify(0.7));
    }

    @Test
    void badNamesAndInputsAreRefusedClearly() {
        var e = assertThrows(IllegalArgumentException.class, () -> BuiltinDatasets.byName("iris"));
        assertEquals("unknown dataset 'iris' (choose xor, gender, circle, xor-cloud, gaussians, spiral, sine, moons)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BuiltinDatasets.gender().toInput(128));
    }

    @Test
    void addingAndRemovingSamplesMakesNewSets() {
        Dataset g = BuiltinDatasets.gender();
        Dataset more = g.with(new Dataset.Sample("Emily", new double[] { 128, 63 }, 1));
        assertEquals(5, more.size());
        assertEquals(4, g.size());
        assertEquals("Bob", more.without(0).sample(0).name());
    }
}
