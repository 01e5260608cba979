package lab.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class PredictAndBenchCommandTest {
    private static final Pattern ANSWER = Pattern.compile(".* -> output (\\d\\.\\d{3}), class (\\S+)");

    private static double output(CliRun run) {
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(1, run.outLines().size(), run::toString);
        Matcher m = ANSWER.matcher(run.outLines().get(0));
        assertTrue(m.matches(), run::toString);
        return Double.parseDouble(m.group(1));
    }

    @Test void emilyIsFemaleAndFrankMaleAsInSeed001() {
        CliRun emily = CliRun.of("predict", "--dataset", "gender", "128", "63");
        assertEquals("weight (lb) 128, height (in) 63 -> output " + String.format(java.util.Locale.ROOT, "%.3f", output(emily))
                + ", class F", emily.outLines().get(0));
        assertTrue(output(emily) > 0.9, emily::toString);
        CliRun frank = CliRun.of("predict", "--dataset", "gender", "155", "68");
        assertTrue(output(frank) < 0.1, frank::toString);
        assertTrue(frank.out().endsWith("class M" + System.lineSeparator()), frank::toString);
    }

    @Test void predictTrainsWithTheGivenOptions() {
        double trained = output(CliRun.of("predict", "128", "63"));
        double untrained = output(CliRun.of("predict", "--epochs", "0", "128", "63"));
        assertTrue(Math.abs(trained - untrained) > 1e-3, "--epochs changes the answer");
    }

    @Test void xorAnswersAfterFullBatchTraining() {
        assertTrue(output(CliRun.of("predict", "--dataset", "xor", "0", "1")) > 0.5);
        assertTrue(output(CliRun.of("predict", "--dataset", "xor", "1", "1")) < 0.5);
    }

    @Test void predictNeedsOneValuePerFeature() {
        CliRun run = CliRun.of("predict", "--dataset", "gender", "128");
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("Error: expected 2 values (weight (lb), height (in)), got 1 (see 'backprop-lab predict --help')", run.err().trim());
        assertEquals(2, CliRun.of("predict", "--dataset", "gender").exitCode(), "no values at all");
        assertEquals(2, CliRun.of("predict", "128", "abc").exitCode());
    }

    @Test void predictReportsDivergence() {
        CliRun run = CliRun.of("predict", "--lr", "1e9", "128", "63");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("Error: Training diverged"), run::toString);
        assertEquals("", run.out());
    }

    @Test void benchPrintsAMedianRate() {
        CliRun run = CliRun.of("bench", "--warmup", "0", "--rounds", "3", "--round", "0.05");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.outLines().get(0).startsWith("Benchmark 2-2-1 sigmoid on gender: sgd"), run::toString);
        assertEquals(3, run.outLines().stream().filter(l -> l.matches("round \\d: [\\d,]+ steps/s")).count(), run::toString);
        Matcher m = Pattern.compile("median: ([\\d,]+) steps/s \\(sgd, 4 samples per epoch\\)").matcher(run.out());
        assertTrue(m.find(), run::toString);
        assertTrue(Long.parseLong(m.group(1).replace(",", "")) > 0);
    }

    @Test void benchTakesTheSizeAndOptimizer() {
        CliRun run = CliRun.of("bench", "--hidden", "8", "--optimizer", "batch", "--warmup", "0", "--rounds", "1", "--round", "0.05");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.outLines().get(0).startsWith("Benchmark 2-8-1 sigmoid on gender: batch"), run::toString);
    }
}
