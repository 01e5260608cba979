package lab.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every bad argument: exit code 2, one line on stderr naming the problem, nothing else, no stack trace. */
class BadArgumentsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "train --lr -1                        | --lr must be a positive number, got -1",
            "train --lr 0                         | --lr must be a positive number, got 0",
            "train --lr abc                       | Invalid value for option '--lr': 'abc' is not a double",
            "train --lr NaN                       | --lr must be a positive number, got NaN",
            "train --dataset foo                  | unknown dataset 'foo' (choose xor, gender, circle, xor-cloud, gaussians, spiral, sine, moons)",
            "train --dataset spiral --points 5    | --points: points must be 10 to 100,000, got 5",
            "train --dataset spiral --points 100001 | --points: points must be 10 to 100,000, got 100001",
            "train --dataset moons --noise 0.6    | --noise: noise must be 0 to 0.5 (0 to 50 %), got 0.6",
            "train --dataset moons --noise -0.1   | --noise: noise must be 0 to 0.5 (0 to 50 %), got -0.1",
            "train --dataset moons --noise NaN    | --noise: noise must be 0 to 0.5",
            "train --dataset circle --data-seed x | Invalid value for option '--data-seed'",
            "train --test-ratio 0.95              | --test-ratio: the test share must be 0 (no test set) or 0.1 to 0.9 (10 to 90 %), got 0.95",
            "train --test-ratio 0.05              | --test-ratio: the test share must be 0 (no test set) or 0.1 to 0.9",
            "train --loss hinge                   | --loss: unknown loss 'hinge' (choose mse or cross-entropy)",
            "train --regularization l3            | --regularization: unknown regularization 'l3' (choose none, l1 or l2)",
            "train --reg-rate 0.1                 | --reg-rate needs --regularization l1 or l2",
            "train --regularization l2 --reg-rate -1 | --reg-rate must be 0 or more, got -1",
            "train --features x1,x9               | --features: unknown feature 'x9' (choose from x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2)",
            "train --points 50                    | --points, --noise and --data-seed apply only to a generated data set",
            "train --dataset xor --noise 0.1      | apply only to a generated data set (circle, xor-cloud, gaussians, spiral, sine, moons), not to xor",
            "train --data assets/xor.csv --points 50 | --points, --noise and --data-seed apply only to a generated --dataset, not to --data",
            "train --hidden 0                     | --hidden must be at least 1, got 0",
            "train --hidden two                   | Invalid value for option '--hidden'",
            "train --epochs -5                    | --epochs must be 0 or more, got -5",
            "train --optimizer adam               | unknown optimizer 'adam' (choose sgd, batch or minibatch)",
            "train --activation softmax           | unknown activation 'softmax' (choose sigmoid, tanh or relu)",
            "train --init zeros                   | unknown init 'zeros' (choose normal, uniform, zero-one, ones)",
            "train --batch-size 3                 | --batch-size applies only to --optimizer minibatch",
            "train --optimizer minibatch --batch-size 0 | --batch-size must be at least 1, got 0",
            "train --log-every -1                 | --log-every must be 0 or more, got -1",
            "train --frobnicate                   | Unknown option: '--frobnicate'",
            "train --lr                           | Missing required parameter for option '--lr'",
            "predict --hidden 0 128 63            | --hidden must be at least 1, got 0",
            "bench --rounds 0                     | --rounds must be between 1 and 1000, got 0",
            "bench --round -1                     | --round must be between 0 and 600 seconds",
            "fly                                  | Unmatched argument at index 0: 'fly'",
    })
    void isRefusedWithOneLineAndExitCode2(String args, String message) {
        CliRun run = CliRun.of(args.trim().split("\\s+"));
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        String line = run.errLines().get(0);
        assertTrue(line.startsWith("Error: "), line);
        assertTrue(line.contains(message), () -> "expected '" + message + "' in: " + line);
        assertFalse(line.contains("Exception"), line);
        assertEquals("", run.out(), "nothing runs after a bad argument");
    }

    private static String readPom() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("pom.xml"));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test void aCompletionScriptKnowsEveryCommandAndOption() {
        CliRun run = CliRun.of("completion");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("complete -F"), "a bash completion function is registered");
        for (String word : new String[] { "train", "predict", "lesson", "bench", "--dataset", "--test-ratio", "--features", "--update", "--loss" }) {
            assertTrue(run.out().contains(word), word);
        }
    }

    @Test void theErrorPointsToTheCommandsHelp() {
        CliRun run = CliRun.of("train", "--lr", "-1");
        assertTrue(run.err().trim().endsWith("(see 'backprop-lab train --help')"), run::toString);
    }

    @Test void helpAndVersionExitWith0() {
        CliRun help = CliRun.of("train", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--dataset") && help.out().contains("--log-every"), help::toString);
        assertEquals(0, CliRun.of("--version").exitCode());
        // the build's own version, as the POM says it
        java.util.regex.Matcher pom = java.util.regex.Pattern.compile("<artifactId>backprop-lab</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(readPom());
        assertTrue(pom.find());
        String[] lines = CliRun.of("--version").out().trim().split("\\R");
        assertEquals("Backprop Lab " + pom.group(1), lines[0]);
        assertEquals(2, lines.length, "then what it runs on");
        assertTrue(lines[1].startsWith("Java " + System.getProperty("java.version") + " "), lines[1]);
        assertTrue(lines[1].endsWith("JavaFX on the class path"), "tests run on the class path: " + lines[1]);
        CliRun top = CliRun.of("--help");
        assertTrue(top.out().contains("train") && top.out().contains("predict") && top.out().contains("bench"), top::toString);
    }
}
