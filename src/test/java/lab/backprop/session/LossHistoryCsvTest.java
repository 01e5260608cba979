package lab.backprop.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.backprop.train.LossHistory;

class LossHistoryCsvTest {
    @Test
    void writesOneRowPerBucket(@TempDir Path dir) throws Exception {
        LossHistory h = new LossHistory(4);
        double[] losses = { 0.5, 0.4, 0.45, 0.3, 0.2, 0.25 };
        for (int e = 0; e < losses.length; e++) h.record(e + 1, losses[e]);
        // 6 epochs in 4 buckets: the buckets halved once, so each covers 2 epochs.
        Path f = dir.resolve("loss.csv");
        LossHistoryCsv.write(h.view(), f);
        List<String> lines = Files.readAllLines(f);
        assertEquals(List.of("epoch,min,max,last", "1,0.4,0.5,0.4", "3,0.3,0.45,0.3", "5,0.2,0.25,0.25"), lines);
    }

    @Test
    void emptyHistoryIsJustTheHeader() {
        assertEquals("epoch,min,max,last\n", LossHistoryCsv.toCsv(new LossHistory(4).view()));
    }

    @Test
    void valuesReadBackExactly() {
        LossHistory h = new LossHistory(8);
        h.record(1, 0.1 + 0.2);
        h.record(2, 1e-17);
        String[] row = LossHistoryCsv.toCsv(h.view()).split("\n")[2].split(",");
        assertEquals(1e-17, Double.parseDouble(row[3]), 0.0);
        assertEquals(0.1 + 0.2, Double.parseDouble(LossHistoryCsv.toCsv(h.view()).split("\n")[1].split(",")[1]), 0.0);
    }
}
