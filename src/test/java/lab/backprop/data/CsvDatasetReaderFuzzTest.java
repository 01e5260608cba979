package lab.backprop.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing: random bytes and random mutations of valid CSV must either give a valid data
 * set or a DataFormatException that names a line (or the whole file); never anything else.
 */
class CsvDatasetReaderFuzzTest {
    private static final String VALID = "\uFEFF# people\r\nname,weight (lb),height (in),label (F=1 M=0)\r\n"
            + "Alice,133,65,1\r\n\"Bob, Jr\",160.5,7.2e1,0\r\n\r\nCharlie,152,70,0\nDiana,-120,60,1\n";
    private static final String[] SNIPPETS = { ",", ";", "\t", "\"", "\n", "\r", "\r\n", "NaN", "Infinity", "-", "e", "e999",
        "1e400", "2", "yes", "0x1F", ".", "#", " ", "\uFEFF", "\u0000", "é", "\uD83D\uDE00", "1,2,1", ",,,,", "''" };
    private static final String CSVISH = "01,.\n\r-e\" ;ab9";
    private final CsvDatasetReader reader = new CsvDatasetReader(64 * 1024, 500);

    @Test
    void randomBytes() {
        SplittableRandom rng = new SplittableRandom(42);
        for (int i = 0; i < 3000; i++) {
            byte[] bytes = new byte[rng.nextInt(200)];
            // Bias towards CSV-ish bytes so the parser gets past line 1 often.
            for (int b = 0; b < bytes.length; b++) {
                bytes[b] = rng.nextInt(3) == 0 ? (byte) rng.nextInt(256) : (byte) CSVISH.charAt(rng.nextInt(CSVISH.length()));
            }
            check(bytes, "bytes#" + i);
        }
    }

    @Test
    void mutationsOfValidCsv() {
        SplittableRandom rng = new SplittableRandom(7);
        int valid = 0, refused = 0;
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder(VALID);
            int edits = 1 + rng.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = rng.nextInt(sb.length() + 1);
                switch (rng.nextInt(4)) {
                    case 0 -> { if (at < sb.length()) sb.deleteCharAt(at); }
                    case 1 -> sb.insert(at, SNIPPETS[rng.nextInt(SNIPPETS.length)]);
                    case 2 -> { if (at < sb.length()) sb.setCharAt(at, (char) (32 + rng.nextInt(95))); }
                    default -> { int end = Math.min(sb.length(), at + rng.nextInt(20)); sb.delete(at, end); }
                }
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            if (rng.nextInt(10) == 0 && bytes.length > 0) bytes[rng.nextInt(bytes.length)] = (byte) rng.nextInt(256);
            if (check(bytes, "mutation#" + i)) valid++; else refused++;
        }
        assertTrue(valid > 100 && refused > 100, "both outcomes exercised: valid " + valid + ", refused " + refused);
    }

    /** True if read, false if refused properly; fails the test on any other outcome. */
    private boolean check(byte[] bytes, String label) {
        try {
            Dataset d = reader.read(new ByteArrayInputStream(bytes), label, CsvDatasetReader.Options.AUTO);
            assertNotNull(d);
            assertFalse(d.isEmpty());
            assertEquals(2, d.featureCount());
            for (Dataset.Sample s : d.samples()) {
                assertTrue(s.label() == 0 || s.label() == 1, label);
                assertTrue(Double.isFinite(s.raw(0)) && Double.isFinite(s.raw(1)), label);
            }
            return true;
        } catch (DataFormatException e) {
            assertTrue(e.line() >= 0 && e.column() >= 0, label);
            assertTrue(e.getMessage().startsWith(label + (e.line() > 0 ? " line " + e.line() : ":")), e.getMessage());
            return false;
        } catch (RuntimeException e) {
            fail(label + " threw " + e + " for input " + new String(bytes, StandardCharsets.ISO_8859_1), e);
            return false;
        }
    }
}
