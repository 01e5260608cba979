package lab.backprop.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import lab.backprop.model.Network;
import lab.backprop.train.DivergenceException;
import lab.backprop.train.Trainer;

/**
 * A tutorial of {@code ../shared/seeds/}, walked through in its own order as {@link LessonStep}s. The lessons are
 * listed in {@link Lessons#ALL}; the window's Lesson panel and the CLI's {@code lesson} command show the same steps.
 *
 * @param number the seed's number ("000")
 * @param title  the tutorial's title
 * @param steps  in the tutorial's order
 */
public record Lesson(String number, String title, List<LessonStep> steps) {
    public Lesson {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) throw new IllegalArgumentException("a lesson needs a step");
    }

    /**
     * Runs a step's training from its start, returning the loss lines the seed prints (epoch 0 is the first epoch,
     * its loss measured after its updates, as seed 001's {@code if epoch % 10 == 0}) and then the step's readout
     * for the trained network.
     */
    public static List<String> trainAndReport(LessonStep step) throws DivergenceException {
        LessonStep.Start start = step.start().get();
        Network net = start.network().toNetwork();
        Trainer trainer = start.setup().newTrainer(net);
        List<String> lines = new ArrayList<>();
        LessonStep.Run run = step.run();
        for (long e = 0; e < start.setup().epochs(); e++) {
            double loss = trainer.runEpoch();
            if (run != null && run.logEvery() > 0 && e % run.logEvery() == 0) lines.add(String.format(Locale.ROOT, run.format(), e, loss));
        }
        lines.addAll(step.readout().lines(net, start.setup()));
        return lines;
    }
}
