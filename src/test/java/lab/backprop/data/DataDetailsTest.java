package lab.backprop.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV reader's exact limits, names, line counts and hints; data sets' classes, equality and names. */
class DataDetailsTest {
    private final CsvDatasetReader reader = new CsvDatasetReader();

    private DataFormatException refused(CsvDatasetReader r, String text) {
        return assertThrows(DataFormatException.class, () -> r.parse(text, "t.csv"));
    }

    @Test void theLimitsAreExact(@TempDir Path dir) throws Exception {
        String rows = "1,1,1\n2,2,0\n3,3,1\n"; // 18 bytes, 3 rows
        assertEquals(3, new CsvDatasetReader(18, 3).parse(rows, "t").size(), "exactly at both limits");
        assertTrue(refused(new CsvDatasetReader(17, 3), rows).getMessage().contains("larger than 17 bytes"));
        assertTrue(refused(new CsvDatasetReader(18, 2), rows).getMessage().contains("more than 2 data rows"));
        Path f = dir.resolve("exact.csv");
        Files.writeString(f, rows);
        assertEquals(3, new CsvDatasetReader(18, 3).read(f).size());
        assertTrue(assertThrows(DataFormatException.class, () -> new CsvDatasetReader(17, 3).read(f)).getMessage().contains("larger than 17"));
        assertEquals(3, new CsvDatasetReader(18, 3).read(new ByteArrayInputStream(rows.getBytes(StandardCharsets.US_ASCII)), "s",
                CsvDatasetReader.Options.AUTO).size());
        assertThrows(DataFormatException.class, () -> new CsvDatasetReader(17, 3).read(new ByteArrayInputStream(rows.getBytes(StandardCharsets.US_ASCII)),
                "s", CsvDatasetReader.Options.AUTO));
        assertThrows(IllegalArgumentException.class, () -> new CsvDatasetReader(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new CsvDatasetReader(1, 0));
        assertEquals(1, new CsvDatasetReader(1 << 10, 1).parse("1,1,1\n", "t").size());
        assertEquals("CsvDatasetReader(maxBytes=18, maxRows=3)", new CsvDatasetReader(18, 3).toString());
    }

    @Test void namesComeFromTheFileOrTheOptions(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("points.v2.csv");
        Files.writeString(f, "1,2,1\n");
        assertEquals("points.v2", reader.read(f).name(), "the last dot starts the extension");
        Path hidden = dir.resolve(".points");
        Files.writeString(hidden, "1,2,1\n");
        assertEquals(".points", reader.read(hidden).name(), "a leading dot is part of the name");
        assertEquals("mine", reader.read(f, CsvDatasetReader.Options.AUTO.withName("mine")).name());
        Dataset shifted = reader.read(f, CsvDatasetReader.Options.AUTO.withShift(-1, 2).withClasses("yes", "no"));
        assertEquals(List.of(0.0, 4.0), List.of(shifted.inputs()[0][0], shifted.inputs()[0][1]));
        assertEquals("yes", shifted.classify(1));
    }

    @Test void messagesNameTheColumnsOfTheHeader() {
        DataFormatException e = refused(reader, "person,weight,height,label\nA,1,2,1\nB,1,2\n");
        assertEquals("t.csv line 3: missing column(s): expected 4 values (name, weight, height, label), found 3", e.getMessage());
        e = refused(reader, "x,y,label\n1,2,1\n3,4,0,7\n");
        assertEquals("t.csv line 3: extra column(s): expected 3 values (x, y, label), found 4", e.getMessage());
        e = refused(reader, "n,,,label\nA,1,2,1\nB,1,q,1\n");
        assertEquals("t.csv line 3, column 3: 'q' (x2) is not a number", e.getMessage(), "a blank header cell gets x1/x2");
        e = refused(reader, "A,1,q,1\n");
        assertEquals("t.csv line 1, column 3: 'q' (x2) is not a number", e.getMessage());
        e = refused(reader, "n,a,b,lab\nA,z,2,1\n");
        assertEquals("t.csv line 2, column 2: 'z' (a) is not a number", e.getMessage());
        e = refused(reader, "1,2,x\n");
        assertEquals("t.csv line 1, column 3: the label must be 0 or 1, got 'x'", e.getMessage());
        e = refused(reader, "1|2|1\n");
        assertTrue(e.getMessage().endsWith("the values seem separated by '|': use commas (,) between values"), e.getMessage());
        e = refused(reader, "x,y,label\n1,2,1\n1,,1\n");
        assertEquals("t.csv line 3, column 2: the value (y) is empty", e.getMessage());
    }

    @Test void controlCharactersAreRefusedAndQuotedEscaped() throws Exception {
        DataFormatException e = refused(reader, "1,2,1\n1,2\u00001,1\n");
        assertEquals(2, e.line());
        assertEquals(2, e.column());
        assertTrue(e.getMessage().contains("\\u0000"), e.getMessage());
        e = refused(reader, "x,y,label\n1,\u001b[31mred,1\n");
        assertTrue(e.getMessage().contains("'\\u001b[31mred'"), e.getMessage());
        assertTrue(e.getMessage().chars().noneMatch(c -> c < 0x20), "nothing raw: " + e.getMessage());
        e = refused(reader, "\u0000,1,1\n");
        assertEquals(1, e.column());
        assertEquals(2, reader.parse("1,2,1\n3,4,0\n", "t").size());
    }

    @Test void lineNumbersCountEveryKindOfLineEnd() throws Exception {
        assertEquals(4, refused(reader, "1,2,1\r\n\r\n# c\r\n1,2,z\r\n").line());
        assertEquals(3, refused(reader, "1,2,1\r\r1,2,z\r").line());
        assertEquals(3, refused(reader, "  # indented comment\n1,2,1\n1,2,z\n").line());
        assertEquals(2, refused(reader, "\"#1\",1,2,1\n\"#2\",1,2,z\n").line(), "a quoted # is a name, not a comment");
        assertTrue(refused(reader, "a,\"b\nc\",1,1\n").getMessage().contains("runs over more than one line"));
        byte[] bad = "1,2,1\r1,2,1\r\n\u00e9,1,1\n".getBytes(StandardCharsets.ISO_8859_1);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> reader.read(new ByteArrayInputStream(bad), "l.csv", CsvDatasetReader.Options.AUTO));
        assertEquals(3, e.line(), "CR, then CR LF, then the bad byte");
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '1', ',', '2', ',', '1' };
        assertEquals(1, assertDoesNotThrowRead(bom).size());
        byte[] utf16be = { (byte) 0xFE, (byte) 0xFF, 0, '1' };
        assertTrue(assertThrows(DataFormatException.class, () -> reader.read(new ByteArrayInputStream(utf16be), "b.csv",
                CsvDatasetReader.Options.AUTO)).getMessage().contains("UTF-16"));
        byte[] two = { 'a', 'b' };
        assertTrue(assertThrows(DataFormatException.class, () -> reader.read(new ByteArrayInputStream(two), "b.csv",
                CsvDatasetReader.Options.AUTO)).getMessage().contains("only one value"));
    }

    private Dataset assertDoesNotThrowRead(byte[] bytes) throws DataFormatException {
        return reader.read(new ByteArrayInputStream(bytes), "bom.csv", CsvDatasetReader.Options.AUTO);
    }

    @Test void samplesAndDataSets() {
        Dataset.Sample a = new Dataset.Sample("a", new double[] { 1, 2 }, 1);
        assertEquals(a, new Dataset.Sample("a", new double[] { 1, 2 }, 1));
        assertEquals(a.hashCode(), new Dataset.Sample("a", new double[] { 1, 2 }, 1).hashCode());
        assertNotEquals(a, new Dataset.Sample("a", new double[] { 1, 3 }, 1));
        assertNotEquals(a, new Dataset.Sample("b", new double[] { 1, 2 }, 1));
        assertNotEquals(a, new Dataset.Sample("a", new double[] { 1, 2 }, 0));
        assertNotEquals(a, "a");
        assertEquals("a[1.0, 2.0]->1.0", a.toString());
        Dataset xor = BuiltinDatasets.xor();
        assertEquals("1", xor.classify(0.5), "0.5 is the positive class");
        assertEquals("0", xor.classify(Math.nextDown(0.5)));
        assertEquals("xor (4 samples)", xor.toString());
        assertEquals("ours", xor.named("ours").name());
        assertThrows(IllegalArgumentException.class, () -> new Dataset("d", List.of("a"), new double[2], List.of(), "1", "0"));
        assertThrows(IllegalArgumentException.class, () -> new Dataset("d", List.of("a", "b"), new double[2], List.of(
                new Dataset.Sample("s", new double[] { 1 }, 1)), "1", "0"));
        DataFormatException e = new DataFormatException("f.csv", 0, 0, "empty");
        assertEquals("f.csv", e.source());
        assertEquals("f.csv: empty", e.getMessage());
        assertEquals("f.csv line 2, column 3: x", new DataFormatException("f.csv", 2, 3, "x").getMessage());
        assertEquals("unknown dataset 'iris' (choose xor, gender, circle, xor-cloud, gaussians, spiral, sine, moons)", assertThrows(IllegalArgumentException.class,
                () -> BuiltinDatasets.byName("iris")).getMessage());
        assertEquals(BuiltinDatasets.names(), BuiltinDatasets.ENTRIES.stream().map(BuiltinDatasets.Entry::name).toList());
        assertEquals("gender", BuiltinDatasets.byName(" GENDER ").name());
    }

    @Test void theWriterNamesTheClassesWhenItCan(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("w.csv");
        CsvDatasetWriter.write(BuiltinDatasets.xor(), f);
        assertTrue(Files.readString(f).startsWith("name,x1,x2,label\n"), Files.readString(f));
        Dataset yesNo = BuiltinDatasets.xor().named("yn");
        Dataset named = new Dataset("yn", yesNo.featureNames(), yesNo.shift(), yesNo.samples(), "yes", "no");
        CsvDatasetWriter.write(named, f);
        assertTrue(Files.readString(f).startsWith("name,x1,x2,label (yes=1 no=0)\n"), Files.readString(f));
        assertEquals("yes", reader.read(f).positiveClass());
        for (String[] classes : new String[][] { { "same", "same" }, { "two words", "no" }, { "1", "no" }, { "yes", "0" } }) {
            Dataset d = new Dataset("c", yesNo.featureNames(), yesNo.shift(), yesNo.samples(), classes[0], classes[1]);
            CsvDatasetWriter.write(d, f);
            String head = Files.readString(f).lines().findFirst().orElseThrow();
            boolean expectNames = !classes[0].equals(classes[1]) && classes[0].matches("[\\p{L}\\p{N}_]+") && classes[1].matches("[\\p{L}\\p{N}_]+");
            assertEquals(expectNames ? "name,x1,x2,label (" + classes[0] + "=1 " + classes[1] + "=0)" : "name,x1,x2,label", head, String.join("/", classes));
        }
    }
}
