package lab.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The CLI's lesson: every number the seeds print, computed by the engine, in the seeds' formats. */
class LessonCommandTest {
    private static void has(CliRun run, String text) {
        assertTrue(run.out().contains(text), "missing '" + text + "' in\n" + run);
    }

    @Test void lessonOnePrintsTheSeedsNumbers() {
        CliRun run = CliRun.of("lesson", "001");
        assertEquals(0, run.exitCode(), run.toString());
        has(run, "y = f(7) = 0.9990889488055994");
        has(run, "h1 = f(3) = 0.9526");
        has(run, "h2 = f(3) = 0.9526");
        has(run, "= 0.7216   (0.7216325609518421)");
        has(run, "MSE of always 0 = (1 + 0 + 0 + 1) / 4 = 0.5");
        has(run, "ypred = 0.524");
        has(run, "dL/dw1 = -0.952 * 0.249 * -0.0904 = 0.0214");
        has(run, "exactly: dL/dw1 = 0.02146953526581111");
        has(run, "Emily: ");
        has(run, "Frank: ");
        // the update of w1 on Alice at rate 0.1: 1 - 0.1 * 0.0214695 = 0.997853
        has(run, "w1  1 − 0.1·(0.0214695) = 0.997853");
    }

    /** The lesson's loss lines are the lines 'train' prints for the same run (another code path: LoggedTraining). */
    @Test void theTrainingStepPrintsTheSeedsLossLinesAsTrainDoes() {
        List<String> lesson = CliRun.of("lesson", "001").outLines().stream().filter(l -> l.startsWith("  Epoch ")).map(String::trim).toList();
        List<String> train = CliRun.of("train", "--dataset", "gender").outLines().stream().filter(l -> l.startsWith("Epoch ")).toList();
        assertEquals(100, lesson.size());
        assertEquals(train, lesson);
        assertTrue(lesson.get(0).matches("Epoch 0 loss: 0\\.\\d{3}"), lesson.get(0));
        List<String> notebook = CliRun.of("lesson", "2").outLines().stream().filter(l -> l.startsWith("  Epoch")).map(String::trim).toList();
        assertEquals(lesson.stream().map(l -> l.replace("Epoch ", "Epoch: ")).toList(), notebook);
    }

    @Test void lessonZeroPrintsThePredictorTheMatricesAndTheFourPredictions() {
        CliRun run = CliRun.of("lesson", "000");
        assertEquals(0, run.exitCode(), run.toString());
        for (String e : List.of("E = |21 − 8| = 13", "E = |21 − 33| = 12", "E = |21 − 23| = 2", "E = |21 − 20.5| = 0.5", "E = |21 − 21| = 0")) has(run, e);
        has(run, "hidden_weight =  (2x2)");
        has(run, "output_bias =  (1x1)");
        has(run, "w1 w3");
        for (String p : List.of("(0 ^ 0) = 0.01", "(0 ^ 1) = 0.98", "(1 ^ 0) = 0.98", "(1 ^ 1) = 0.01")) has(run, p);
    }

    @Test void listAndBadNumbers() {
        CliRun list = CliRun.of("lesson", "--list");
        assertEquals(0, list.exitCode());
        assertEquals(3, list.outLines().stream().filter(l -> l.startsWith("Lesson ")).count());
        assertTrue(list.outLines().contains("  Step 5 of 8: Backpropagation: dL/dw1 for Alice"), list.toString());
        CliRun bad = CliRun.of("lesson", "7");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("no lesson '7' (choose 000, 001 or 002)"), bad.toString());
    }

    @Test void aSingleNeuronAndFixedStartsFromTheCommandLine() {
        CliRun run = CliRun.of("train", "--dataset", "xor", "--layers", "0", "--init", "ones", "--epochs", "1");
        assertEquals(0, run.exitCode(), run.toString());
        CliRun bad = CliRun.of("train", "--layers", "4");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--layers must be 0..3, got 4"), bad.toString());
        CliRun init = CliRun.of("train", "--init", "zeros");
        assertEquals(2, init.exitCode());
        assertTrue(init.err().contains("choose normal, uniform, zero-one, ones"), init.toString());
    }
}
