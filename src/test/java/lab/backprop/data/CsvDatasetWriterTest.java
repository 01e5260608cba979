package lab.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetWriterTest {
    private final CsvDatasetReader reader = new CsvDatasetReader();

    @Test
    void genderRoundTripsWithShiftAndClasses(@TempDir Path dir) throws Exception {
        Dataset gender = BuiltinDatasets.gender().with(new Dataset.Sample("Eve, the new one", new double[] { 141.5, 66.25 }, 1));
        Path f = dir.resolve("gender.csv");
        CsvDatasetWriter.write(gender, f);
        Dataset back = reader.read(f);
        assertEquals(gender.samples(), back.samples());
        assertEquals(gender.featureNames(), back.featureNames());
        assertArrayEquals(gender.shift(), back.shift());
        assertEquals("F", back.positiveClass());
        assertEquals("M", back.negativeClass());
        assertTrue(Files.readString(f).startsWith("name,weight (lb),height (in),label (F=1 M=0)\n133"
                .replace("\n133", "\nAlice,133,65,1")), Files.readString(f));
    }

    @Test
    void randomDataSetsRoundTripExactly(@TempDir Path dir) throws Exception {
        SplittableRandom rng = new SplittableRandom(2024);
        for (int round = 0; round < 200; round++) {
            List<Dataset.Sample> samples = new ArrayList<>();
            int n = 1 + rng.nextInt(30);
            for (int i = 0; i < n; i++) {
                double a = switch (rng.nextInt(4)) {
                    case 0 -> rng.nextInt(-500, 500);
                    case 1 -> rng.nextGaussian() * Math.pow(10, rng.nextInt(-12, 12));
                    case 2 -> -0.0;
                    default -> rng.nextDouble();
                };
                String name = switch (rng.nextInt(4)) {
                    case 0 -> "#" + i;
                    case 1 -> "with \"quotes\", commas; and semicolons";
                    case 2 -> " padded ";
                    default -> "p" + i;
                };
                samples.add(new Dataset.Sample(name.strip(), new double[] { a, rng.nextGaussian() }, rng.nextInt(2)));
            }
            Dataset d = new Dataset("r", List.of("first, feature", "second"), new double[2], samples, "yes", "no");
            Path f = dir.resolve("r" + round + ".csv");
            CsvDatasetWriter.write(d, f);
            Dataset back = reader.read(f);
            assertEquals(d.samples(), back.samples(), Files.readString(f));
            assertEquals(d.featureNames(), back.featureNames());
            assertEquals("yes", back.positiveClass());
        }
    }

    @Test
    void overwritesAtomicallyLeavingNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("points.csv");
        CsvDatasetWriter.write(BuiltinDatasets.xor(), f);
        CsvDatasetWriter.write(BuiltinDatasets.xor().without(0), f);
        assertEquals(3, reader.read(f).size());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList());
        }
    }
}
