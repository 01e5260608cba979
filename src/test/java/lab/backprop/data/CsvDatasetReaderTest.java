package lab.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvDatasetReaderTest {
    private final CsvDatasetReader reader = new CsvDatasetReader();

    private Dataset parse(String text) throws DataFormatException {
        return reader.parse(text, "test.csv");
    }

    private DataFormatException refused(String text) {
        return assertThrows(DataFormatException.class, () -> parse(text));
    }

    @Test
    void readsThreeColumnsWithoutHeader() throws Exception {
        Dataset d = parse("0,0,0\n0,1,1\n1,0,1\n1,1,0\n");
        assertEquals(4, d.size());
        assertEquals(List.of("x1", "x2"), d.featureNames());
        assertArrayEquals(new double[] { 0, 1 }, d.sample(1).raw());
        assertArrayEquals(new double[] { 0, 1, 1, 0 }, d.labels());
        // own data is standardised: mean 0.5 and sd 0.5 per column, so the network sees -1 and 1
        assertArrayEquals(new double[] { -0.5, -0.5 }, d.shift());
        assertArrayEquals(new double[] { 2, 2 }, d.scale());
        assertArrayEquals(new double[] { -1, 1 }, d.toInput(d.sample(1).raw()));
        assertEquals(null, d.sample(1).name(), "an unnamed row keeps no name (a million rows of them would cost 48 MB)");
        assertEquals("p2", d.nameOf(1), "it is shown by its number");
        assertEquals("1", d.positiveClass());
        assertEquals("0", d.negativeClass());
    }

    @Test
    void headerNamesTheFeaturesAndALeadingNameColumnNamesTheSamples() throws Exception {
        Dataset d = parse("who,\"size, cm\",age,label\n\"Smith, J\",180.5,-3.25e1,1\nLee,170,40,0\n");
        assertEquals(List.of("size, cm", "age"), d.featureNames());
        assertEquals("Smith, J", d.sample(0).name());
        assertArrayEquals(new double[] { 180.5, -32.5 }, d.sample(0).raw());
        assertEquals("Lee", d.sample(1).name());
    }

    @Test
    void genderHeaderGivesSeed001ShiftAndClasses() throws Exception {
        Dataset d = parse("name,weight (lb),height (in),label (F=1 M=0)\nAlice,133,65,1\nBob,160,72,0\n");
        assertArrayEquals(BuiltinDatasets.GENDER_SHIFT, d.shift());
        assertEquals("F", d.positiveClass());
        assertEquals("M", d.negativeClass());
        assertArrayEquals(new double[] { -2, -1 }, d.toInput(d.sample(0).raw()));
        assertTrue(!d.isStandardized(), "seed 001's people keep the seed's shift");
        assertEquals(Preset.SEED_001, d.preset());
    }

    @Test
    void labelHeaderNamesClasses() throws Exception {
        Dataset d = parse("x,y,label (in=1 out=0)\n0,0,1\n2,2,0\n");
        assertEquals("in", d.positiveClass());
        assertEquals("out", d.negativeClass());
        assertArrayEquals(new double[] { -1, -1 }, d.shift(), "standardised: minus the mean");
    }

    @Test
    void optionsOverrideNameShiftAndClasses() throws Exception {
        Path dir = Files.createTempDirectory("csv");
        Path f = dir.resolve("raw.csv");
        Files.writeString(f, "133,65,1\n160,72,0\n");
        CsvDatasetReader.Options o = CsvDatasetReader.Options.AUTO.withName("gender").withShift(-135, -66).withClasses("F", "M");
        Dataset d = reader.read(f, o);
        assertEquals("gender", d.name());
        assertArrayEquals(new double[] { -135, -66 }, d.shift());
        assertEquals("F", d.classify(0.9));
        assertEquals("raw", reader.read(f).name());
    }

    @Test
    void acceptsBomWindowsLineEndingsBlankLinesAndComments() throws Exception {
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        String body = "# comment\r\nx1,x2,label\r\n\r\n  \r\n0,0,0\r\n1,1,1\r\n\r\n";
        byte[] all = new byte[bom.length + body.length()];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body.getBytes(StandardCharsets.UTF_8), 0, all, 3, body.length());
        Dataset d = reader.read(new ByteArrayInputStream(all), "bom.csv", CsvDatasetReader.Options.AUTO);
        assertEquals(2, d.size());
        assertEquals(List.of("x1", "x2"), d.featureNames());
        assertEquals(1.0, d.sample(1).label());
        assertEquals(2, parse("0,0,0\r1,1,1\r").size(), "old Mac line ends");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "missing column       | x,y,label\\n1,2,1\\n3,4\\n            | 3 | 0 | missing column",
        "extra column         | 1,2,1\\n3,4,0,5\\n                    | 2 | 0 | extra column",
        "two columns only     | 1,2\\n                               | 1 | 0 | missing column",
        "five columns         | a,1,2,1,9\\n                         | 1 | 0 | extra column",
        "text in a number     | x,y,label\\n1,2,1\\n3,abc,0\\n        | 3 | 2 | 'abc' (y) is not a number",
        "NaN                  | 1,NaN,1\\n                           | 1 | 2 | finite number",
        "Infinity             | 1,2,1\\n-Infinity,2,0\\n             | 2 | 1 | finite number",
        "too large            | 1e400,2,1\\n                         | 1 | 1 | too large",
        "hex is not decimal   | 0x10,2,1\\n                          | 1 | 1 | not a number",
        "label 2              | x,y,label\\n1,2,2\\n                  | 2 | 3 | label must be 0 or 1, got '2'",
        "label yes            | n,x,y,label\\nA,1,2,1\\nB,1,2,yes\\n  | 3 | 4 | label must be 0 or 1, got 'yes'",
        "label 0.5            | 1,2,0.5\\n                           | 1 | 3 | label must be 0 or 1",
        "empty value          | 1,,1\\n                              | 1 | 2 | empty",
        "semicolons           | x;y;label\\n1;2;1\\n                  | 1 | 0 | use commas",
        "semicolons later     | 1,2,1\\n1;2;1\\n                     | 2 | 0 | use commas",
        "tabs                 | 1\\t2\\t1\\n                         | 1 | 0 | use commas",
        "decimal comma quoted | x,y,label\\n\"1,5\",2,1\\n           | 2 | 1 | use a dot",
        "open quote           | x,y,label\\n\"1,2,1\\n                | 2 | 0 | quote",
        "one value            | hello\\n                             | 1 | 0 | only one value",
    })
    void refusesWithLineAndColumn(String title, String text, int line, int column, String fragment) {
        DataFormatException e = refused(text.strip().replace("\\n", "\n").replace("\\t", "\t"));
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().startsWith("test.csv line " + line), e.getMessage());
    }

    @Test
    void refusesEmptyFilesAndHeaderOnly() {
        assertTrue(refused("").getMessage().contains("empty"));
        assertTrue(refused("\n\n  \n# only a comment\n").getMessage().contains("empty"));
        assertTrue(refused("x1,x2,label\n").getMessage().contains("header but no data rows"));
    }

    @Test
    void refusesUtf16AndBrokenUtf8NamingTheLine() throws Exception {
        byte[] utf16 = "\uFEFF1,2,1\n".getBytes(StandardCharsets.UTF_16LE);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> reader.read(new ByteArrayInputStream(utf16), "u16.csv", CsvDatasetReader.Options.AUTO));
        assertTrue(e.getMessage().contains("UTF-16"), e.getMessage());
        byte[] bad = "1,2,1\nA\u00e9,1,2,1\n".getBytes(StandardCharsets.ISO_8859_1);
        e = assertThrows(DataFormatException.class,
                () -> reader.read(new ByteArrayInputStream(bad), "latin1.csv", CsvDatasetReader.Options.AUTO));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void refusesTooManyRows() {
        CsvDatasetReader small = new CsvDatasetReader(1 << 20, 3);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> small.parse("x,y,label\n1,1,1\n2,2,0\n3,3,1\n4,4,0\n", "rows.csv"));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("more than 3 data rows"), e.getMessage());
    }

    @Test
    void refusesAHugeFileWithoutReadingIt(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.csv");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.write("x1,x2,label\n1,2,1\n".getBytes(StandardCharsets.US_ASCII));
            f.setLength(CsvDatasetReader.MAX_BYTES + 10); // sparse where the system allows: made at once, refused by its size alone
        }
        DataFormatException e = assertThrows(DataFormatException.class, () -> reader.read(huge));
        assertEquals(0, e.line());
        assertTrue(e.getMessage().contains("larger than " + CsvDatasetReader.MAX_BYTES + " bytes"), e.getMessage());
    }

    @Test
    void anEndlessStreamIsCutAtTheLimit() {
        int[] served = { 0 };
        InputStream endless = new InputStream() {
            @Override public int read() {
                served[0]++;
                return "1,2,1\n".charAt(served[0] % 6);
            }
        };
        assertThrows(DataFormatException.class, () -> reader.read(endless, "pipe", CsvDatasetReader.Options.AUTO));
        assertTrue(served[0] <= CsvDatasetReader.MAX_BYTES + 1 + 8192, "read " + served[0] + " bytes");
    }

    @Test
    void missingFileIsADataFormatException(@TempDir Path dir) {
        DataFormatException e = assertThrows(DataFormatException.class, () -> reader.read(dir.resolve("nope.csv")));
        assertTrue(e.getMessage().startsWith("nope.csv: no such file"), e.getMessage());
    }

    @Test
    void shippedSampleFilesRead() throws Exception {
        Dataset xor = reader.read(Path.of("assets/xor.csv"));
        assertEquals(BuiltinDatasets.xor().samples(), xor.samples());
        Dataset gender = reader.read(Path.of("assets/gender.csv"));
        Dataset builtin = BuiltinDatasets.gender();
        assertEquals(builtin.samples(), gender.samples());
        assertEquals(builtin.featureNames(), gender.featureNames());
        assertArrayEquals(builtin.shift(), gender.shift());
        assertEquals(builtin.positiveClass(), gender.positiveClass());
        assertArrayEquals(builtin.inputs()[3], gender.inputs()[3]);
        Dataset circle = reader.read(Path.of("assets/circle.csv"));
        assertEquals(80, circle.size());
        assertEquals("in", circle.positiveClass());
    }
}
