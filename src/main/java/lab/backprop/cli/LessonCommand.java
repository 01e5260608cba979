package lab.backprop.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import lab.backprop.lesson.Lesson;
import lab.backprop.lesson.LessonStep;
import lab.backprop.lesson.Lessons;
import lab.backprop.train.DivergenceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** lesson: the tutorials' steps with the numbers the engine computes, in the seeds' formats, for slides and tests. */
@Command(name = "lesson",
        description = "Print the lessons of the three tutorials step by step, with every number as the engine computes it"
                + " (training steps print the seed's loss lines). 'lesson 001' prints one lesson, 'lesson --list' lists them.")
final class LessonCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "N", description = "The lesson: 000, 001 or 002 (default: all three).")
    String number;

    @Option(names = "--list", description = "List the lessons and their steps, without numbers.")
    boolean list;

    @Option(names = "--explain", description = "Print each step's explanation and what to try in the window, too.")
    boolean explain;

    @Override public Integer call() throws DivergenceException {
        List<Lesson> lessons;
        try {
            lessons = number == null ? Lessons.ALL : List.of(Lessons.byNumber(number));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Lesson lesson : lessons) {
            out.println("Lesson " + lesson.number() + ": " + lesson.title());
            List<LessonStep> steps = lesson.steps();
            for (int i = 0; i < steps.size(); i++) {
                LessonStep step = steps.get(i);
                out.println((list ? "  " : "") + "Step " + (i + 1) + " of " + steps.size() + ": " + step.title());
                if (list) continue;
                if (explain) {
                    out.println("  " + step.text());
                    out.println("  Try: " + step.tryThis());
                }
                LessonStep.Start start = step.start().get();
                List<String> lines = step.run() != null ? Lesson.trainAndReport(step)
                        : step.readout().lines(start.network().toNetwork(), start.setup());
                for (String line : lines) out.println("  " + line);
            }
            out.println();
        }
        out.flush();
        return 0;
    }
}
