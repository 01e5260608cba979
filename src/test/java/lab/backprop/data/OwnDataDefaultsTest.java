package lab.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.backprop.session.Session;
import lab.backprop.session.SessionFile;
import lab.backprop.train.Trainer;
import lab.backprop.train.TrainingSetup;

/** Own data of any size and units trains at its defaults without diverging; the seeds' sets keep their arithmetic. */
class OwnDataDefaultsTest {
    @TempDir Path dir;

    /** 10,000 rows in grams and millimetres: the size and units that made the old defaults diverge. */
    private Dataset bigFile() throws Exception {
        SplittableRandom r = new SplittableRandom(7);
        StringBuilder csv = new StringBuilder("weight_g,height_mm,label\n");
        for (int i = 0; i < 10_000; i++) {
            double x = 60_000 + 9_000 * r.nextGaussian(), y = 1_700 + 90 * r.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.1f,%.1f,%d%n", x, y, x / 60_000 + y / 1_700 > 2 ? 1 : 0));
        }
        Path f = Files.writeString(dir.resolve("big.csv"), csv);
        return new CsvDatasetReader().read(f);
    }

    @Test void tenThousandRowsTrainAtTheDefaultsWithEveryBatching() throws Exception {
        Dataset d = bigFile();
        assertTrue(d.isStandardized());
        double[][] x = d.inputs();
        for (int f = 0; f < 2; f++) {
            double mean = 0, var = 0;
            for (double[] row : x) mean += row[f] / x.length;
            for (double[] row : x) var += (row[f] - mean) * (row[f] - mean) / x.length;
            assertEquals(0, mean, 1e-9, "mean of input " + f);
            assertEquals(1, var, 1e-9, "variance of input " + f);
        }
        for (Batching b : new Batching[] { Batching.perSample(), Batching.fullBatch(), Batching.miniBatch(32) }) {
            TrainingSetup s = TrainingSetup.forData(d).withBatching(b);
            Trainer t = s.newTrainer();
            double first = t.loss();
            for (int e = 0; e < 20; e++) t.runEpoch(); // throws DivergenceException if it diverges
            assertTrue(t.loss() < first, b + ": " + first + " -> " + t.loss());
        }
        assertEquals(1.0 / 10_000, TrainingSetup.forData(d).fullBatchScale(10_000), 0.0, "own data: the mean gradient");
        assertEquals(0.5, TrainingSetup.forData(BuiltinDatasets.xor()).fullBatchScale(4), 0.0, "XOR: seed 000's sum, as before");
        assertEquals(0.5, TrainingSetup.forData(BuiltinDatasets.gender()).fullBatchScale(4), 0.0);
        assertTrue(TrainingSetup.forData(d).withBatching(Batching.fullBatch()).describe()
                .startsWith("2-2-1 sigmoid on big, inputs standardized: batch (mean gradient), lr 0.1"));
    }

    @Test void aSessionKeepsTheStandardisationAndTheMean() throws Exception {
        Dataset d = bigFile();
        Trainer t = TrainingSetup.forData(d).withBatching(Batching.fullBatch()).newTrainer();
        t.runEpochs(3);
        Session back = SessionFile.fromJson(SessionFile.toJson(Session.of(t)), "big.json");
        assertArrayEquals(d.shift(), back.dataset().shift(), 0.0);
        assertArrayEquals(d.scale(), back.dataset().scale(), 0.0);
        assertEquals(Preset.OWN_DATA, back.dataset().preset(), "the full batch stays a mean");
        Trainer again = back.setup().newTrainer(back.network().toNetwork());
        again.runEpochs(2);
        t.runEpochs(2);
        assertArrayEquals(t.network().weightsCopy(), again.network().weightsCopy(), 0.0, "it goes on exactly as before the save");
        assertEquals(Preset.SEED_001, SessionFile.fromJson(SessionFile.toJson(Session.of(TrainingSetup.forData(BuiltinDatasets.xor()).newTrainer())),
                "x.json").dataset().preset(), "files with sums (all older ones) keep summing");
    }
}
