package lab.backprop.lesson;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import lab.backprop.data.Batching;
import lab.backprop.data.BuiltinDatasets;
import lab.backprop.data.Dataset;
import lab.backprop.data.Preset;
import lab.backprop.lesson.LessonStep.Run;
import lab.backprop.lesson.LessonStep.Start;
import lab.backprop.model.Activation;
import lab.backprop.model.Architecture;
import lab.backprop.model.ChainRuleTrace;
import lab.backprop.model.Initializer;
import lab.backprop.model.Layout;
import lab.backprop.model.Loss;
import lab.backprop.model.Network;
import lab.backprop.model.Workspace;
import lab.backprop.support.Numbers;
import lab.backprop.train.DivergenceException;
import lab.backprop.train.GradientDescent;
import lab.backprop.train.StepSize;
import lab.backprop.train.Trainer;
import lab.backprop.train.TrainingSetup;

/**
 * The three tutorials as lessons: seed 000 (a predictor, activations, weights and bias, XOR in numpy), seed 001
 * (one neuron, a 2-2-1, the gender data, MSE, dL/dw1, one SGD update, training, Emily and Frank) and seed 002 (the
 * same lesson as a notebook, with its own loss lines). Every number a step shows is computed here by the engine
 * from the network it is given, never typed in; the seeds' printed values appear only as "the seed printed".
 */
public final class Lessons {
    /** Every lesson, by seed. */
    public static final List<Lesson> ALL = List.of(seed000(), seed001(), seed002());

    private Lessons() { }

    /** The lesson of seed {@code n} (0, 1, 2 or "000", "001", "002"), or an explanation of what exists. */
    public static Lesson byNumber(String n) {
        String t = n.trim();
        for (Lesson l : ALL) {
            if (l.number().equals(t) || t.matches("\\d{1,3}") && Integer.parseInt(t) == Integer.parseInt(l.number())) return l;
        }
        throw new IllegalArgumentException("no lesson '" + lab.backprop.support.Texts.quote(n) + "' (choose 000, 001 or 002)");
    }

    // ---------------------------------------------------------------- seed 000

    static Lesson seed000() {
        Supplier<Start> xorStart = () -> start(TrainingSetup.forData(BuiltinDatasets.xor()), null, null, StepSize.EPOCH);
        Supplier<Start> xorTrained = once(() -> trained(xorStart.get(), "Data"));
        return new Lesson("000", "How to build a neural network from scratch in Python", List.of(
                new LessonStep("A predictor: y = kx + 3",
                        "Before neurons, the tutorial trains one number. The model is y = k·x + 3; the example is x = 5, y = 21. "
                                + "Each guess of k gives a prediction and an error E = |21 − y|; a better k lowers E until it is 0 "
                                + "(k = 3.6). Training a network is the same search, with many numbers at once.",
                        "Nothing to press yet: read the table. Next: the neuron, whose 'k' are its weights and bias.",
                        once(() -> start(TrainingSetup.forData(BuiltinDatasets.xor()), null, null, StepSize.EPOCH)),
                        (net, s) -> predictorTable(), null),
                new LessonStep("Activation functions: sigmoid, ReLU, tanh",
                        "A neuron adds its weighted inputs and its bias, z = w·x + b, and passes z through an activation f. "
                                + "Sigmoid f(z) = 1/(1+e^−z) squeezes z into (0, 1); ReLU f(z) = max(0, z) passes positive z and "
                                + "stops negative z; tanh squeezes z into (−1, 1).",
                        "Choose tanh or ReLU under Activation: the curve of h1 in the Sigmoid view changes shape (the network "
                                + "starts afresh). Choose sigmoid to come back, or press Reset step.",
                        once(() -> start(TrainingSetup.forData(BuiltinDatasets.xor()), "h1", "Sigmoid", StepSize.EPOCH)),
                        Lessons::activationTable, null),
                new LessonStep("Weights set how steeply the output changes",
                        "One neuron with inputs x1, x2: o1 = sigmoid(w1·x1 + w2·x2 + b). The tutorial tries the weights 2.0, 1.0 "
                                + "and 0.5 on one input: the larger the weight, the faster the output rises with the input. "
                                + "Here x = (1, 0), so only w1 counts.",
                        "Click w1 on the graph and type 1, then 0.5: the sample's dot slides down the curve in the Sigmoid view "
                                + "and the output at x1 = 1 falls from 0.881 to 0.731 and 0.622.",
                        once(() -> neuron(pointData("x = (1, 0)", 1, 0, 1), new double[] { 2, 0 }, 0)),
                        Lessons::steepness, null),
                new LessonStep("A bias shifts the curve",
                        "Changing a weight barely moves where the neuron switches on; a bias moves the whole curve. The tutorial's "
                                + "'bias of +5' shifts the sigmoid 5 to the right, so that the input 1 gives almost 0: in "
                                + "z = w·x + b that shift is b = −5.",
                        "Drag the Bias slider under the Sigmoid view, or click b1 on the graph and type 0: the curve slides "
                                + "left and the output at x1 = 1 climbs back to 0.731.",
                        once(() -> neuron(pointData("x = (1, 0)", 1, 0, 0), new double[] { 1, 0 }, -5)),
                        Lessons::biasShift, null),
                new LessonStep("The XOR network, as numpy holds it",
                        "Seed 000's XORNeuralNetwork has 2 inputs, 2 hidden neurons and 1 output, with sigmoids, and keeps its "
                                + "parameters in four matrices: hidden_weight (2x2: row i is input x_i, column j is neuron h_j), "
                                + "hidden_bias (1x2), output_weight (2x1), output_bias (1x1), all drawn by np.random.rand, "
                                + "uniform in [0, 1). The graph's w1..w6 and b1..b3 are the same numbers.",
                        "Tick 'names' on the graph to see w1..w6, b1..b3 beside the values; click any weight and type a "
                                + "number: its place in the matrices changes with it.",
                        xorStart, Lessons::numpyMatrices, null),
                new LessonStep("Training: full batch, rate 1, 5000 epochs",
                        "Each epoch is one forward pass over all four rows, the error (t − y), the backward pass, and one "
                                + "update of every weight and bias by the sum over the rows (numpy's += of the whole batch). "
                                + "The loss shown is the mean squared error over the four rows.",
                        "Press Train and watch the loss fall and the four outputs split towards 0, 1, 1, 0.",
                        xorStart, Lessons::xorProgress, new Run(500, "Epoch %d loss: %.6f")),
                new LessonStep("The four predictions",
                        "After 5000 epochs the network answers the truth table. The seed printed (0 ^ 0) = 0.019, "
                                + "(0 ^ 1) = 0.983, (1 ^ 0) = 0.983, (1 ^ 1) = 0.017 from its own random start; this start "
                                + "(uniform, seed 0) gives the numbers below. Not every start gets there: some stay stuck at "
                                + "a loss of 0.25 or 0.125 for ever.",
                        "Open Seed sweep and run it: it trains 40 starts and counts the stuck ones; double-click one to load it.",
                        xorTrained, Lessons::xorPredictions, null)));
    }

    static List<String> predictorTable() {
        List<String> lines = new ArrayList<>();
        for (double k : new double[] { 1, 6, 4, 3.5, 3.6 }) {
            double y = k * 5 + 3;
            lines.add(String.format(Locale.ROOT, "k = %-4s y = %s·5 + 3 = %-5s E = |21 − %s| = %s", num(k), num(k), num(y), num(y),
                    num(Math.abs(21 - y))));
        }
        return lines;
    }

    static List<String> activationTable(Network net, TrainingSetup s) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%5s  %9s  %9s  %9s", "z", "sigmoid", "ReLU", "tanh"));
        for (double z = -2; z <= 2; z++) {
            lines.add(String.format(Locale.ROOT, "%5.1f  %9.6f  %9.6f  %9.6f", z, Activation.SIGMOID.apply(z), Activation.RELU.apply(z),
                    Activation.TANH.apply(z)));
        }
        lines.add("The hidden neurons use " + net.hiddenActivation().label() + " now.");
        return lines;
    }

    static List<String> steepness(Network net, TrainingSetup s) {
        List<String> lines = new ArrayList<>();
        for (double w : new double[] { 2.0, 1.0, 0.5 }) {
            lines.add(String.format(Locale.ROOT, "w = %.1f: sigmoid(%.1f·1) = %.6f", w, w, Activation.SIGMOID.apply(w)));
        }
        lines.add("Now: " + neuronLine(net, s.data().sample(0).raw()));
        return lines;
    }

    static List<String> biasShift(Network net, TrainingSetup s) {
        return List.of(String.format(Locale.ROOT, "b = −5: sigmoid(1·1 − 5) = %.6f (≈ 0)", Activation.SIGMOID.apply(-4)),
                String.format(Locale.ROOT, "b = 0:  sigmoid(1·1 + 0) = %.6f", Activation.SIGMOID.apply(1)),
                "Now: " + neuronLine(net, s.data().sample(0).raw()));
    }

    /** "o1 = sigmoid(w1·x1 + w2·x2 + b1) = sigmoid(2·1 + 0·0 + 0) = 0.880797" for a single neuron (any other net: its output). */
    private static String neuronLine(Network net, double[] x) {
        Layout l = net.layout();
        double out = net.predict(x)[0];
        if (l.layerCount() != 2) return String.format(Locale.ROOT, "the output for x = (%s, %s) is %.6f", num(x[0]), num(x[1]), out);
        return String.format(Locale.ROOT, "o1 = %s(w1·x1 + w2·x2 + b1) = %s(%s·%s + %s·%s + %s) = %.6f", net.outputActivation().label(),
                net.outputActivation().label(), num(net.weight(0)), num(x[0]), num(net.weight(1)), num(x[1]), num(net.bias(0)), out);
    }

    /** The parameters as seed 000's numpy matrices: for layer l, a (size(l-1) x size(l)) weight matrix and a (1 x size(l)) bias row. */
    static List<String> numpyMatrices(Network net, TrainingSetup s) {
        Layout l = net.layout();
        List<String> lines = new ArrayList<>();
        int last = l.layerCount() - 1;
        for (int layer = 1; layer <= last; layer++) {
            String prefix = layer == last ? "output" : last == 2 ? "hidden" : "hidden" + layer;
            StringBuilder names = new StringBuilder();
            lines.add(prefix + "_weight =  (" + l.size(layer - 1) + "x" + l.size(layer) + ")");
            for (int i = 0; i < l.size(layer - 1); i++) {
                StringBuilder row = new StringBuilder(i == 0 ? "  [[" : "   [");
                names.setLength(0);
                for (int j = 0; j < l.size(layer); j++) {
                    int w = l.weightIndex(layer, j, i);
                    row.append(j > 0 ? "  " : "").append(String.format(Locale.ROOT, "%.8f", net.weight(w)));
                    names.append(j > 0 ? " " : "").append(l.weightName(w));
                }
                row.append(i == l.size(layer - 1) - 1 ? "]]" : "]").append("   ").append(names);
                lines.add(row.toString());
            }
            StringBuilder bias = new StringBuilder("  [[");
            names.setLength(0);
            for (int j = 0; j < l.size(layer); j++) {
                int b = l.biasIndex(layer, j);
                bias.append(j > 0 ? "  " : "").append(String.format(Locale.ROOT, "%.8f", net.bias(b)));
                names.append(j > 0 ? " " : "").append(l.biasName(b));
            }
            lines.add(prefix + "_bias =  (1x" + l.size(layer) + ")");
            lines.add(bias.append("]]   ").append(names).toString());
        }
        return lines;
    }

    static List<String> xorProgress(Network net, TrainingSetup s) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "MSE over the four rows: %.6f", mse(net, s.data())));
        lines.addAll(xorPredictions(net, s));
        return lines;
    }

    /** Seed 000's lines: "(0 ^ 1) = 0.983340815029345" (Python prints a float's shortest repr). */
    static List<String> xorPredictions(Network net, TrainingSetup s) {
        List<String> lines = new ArrayList<>();
        for (Dataset.Sample x : s.data().samples()) {
            lines.add(String.format(Locale.ROOT, "(%s ^ %s) = %s", num(x.raw(0)), num(x.raw(1)), net.predict(s.data().toInput(x.raw()))[0]));
        }
        return lines;
    }

    // ---------------------------------------------------------------- seeds 001 and 002

    static Lesson seed001() {
        return new Lesson("001", "Machine learning for beginners: an introduction to neural networks", genderSteps("Epoch %d loss: %.3f",
                "0.951", "0.039"));
    }

    static Lesson seed002() {
        return new Lesson("002", "The same lesson as a notebook (seed 002)", genderSteps("Epoch: %d loss: %.3f", "0.948", "0.039"));
    }

    private static List<LessonStep> genderSteps(String lossFormat, String emilyPrinted, String frankPrinted) {
        Dataset point = pointData("x = [2, 3]", 2, 3, 1);
        Dataset gender = BuiltinDatasets.gender();
        Dataset alice = gender.without(3).without(2).without(1).named("Alice alone");
        Supplier<Start> training = once(() -> start(TrainingSetup.forData(gender), null, "Data", StepSize.UPDATE));
        Supplier<Start> trainedStart = once(() -> {
            Start t = trained(training.get(), "Data");
            return new Start(t.setup(), t.network(), null, "Data", new double[] { 128, 63 }, StepSize.UPDATE);
        });
        return List.of(
                new LessonStep("One neuron",
                        "A neuron with weights w = [0, 1] and bias b = 4 gets the input x = [2, 3]. It computes "
                                + "(w·x) + b = 0·2 + 1·3 + 4 = 7 and outputs y = f(7) with the sigmoid f: 0.999.",
                        "Click w1 or b1 on the graph and type a new value; the output follows.",
                        once(() -> {
                            Start n = neuron(point, new double[] { 0, 1 }, 4);
                            return new Start(n.setup(), n.network(), "o1", "Sigmoid", new double[] { 2, 3 }, StepSize.UPDATE);
                        }), Lessons::oneNeuron, null),
                new LessonStep("A network: 2 inputs, 2 hidden neurons, 1 output",
                        "Every neuron has w = [0, 1] and b = 0 (the Init choice 'every w=[0,1], b=0'). For x = [2, 3]: "
                                + "h1 = h2 = f(0·2 + 1·3 + 0) = f(3) = 0.9526, then o1 = f(0·h1 + 1·h2 + 0) = f(0.9526) = 0.7216.",
                        "Type other inputs in Predict, or click a weight and change it: h1, h2 and o1 follow on the graph.",
                        once(() -> fixed(point, Initializer.ZERO_ONE, 0.1, "o1", "Sigmoid", new double[] { 2, 3 })), Lessons::twoTwoOne,
                        null),
                new LessonStep("The data: weight, height and gender",
                        "Four people; Female is 1, Male is 0. The network reads weight minus 135 lb and height minus 66 in "
                                + "(the tutorial's shift, chosen to make the numbers small; normally one shifts by the mean).",
                        "Open Data: the shifted columns are what the network sees. Add a person on the Decision map.",
                        once(() -> start(TrainingSetup.forData(gender), null, "Data", StepSize.UPDATE)), Lessons::genderTable, null),
                new LessonStep("Loss: the mean squared error",
                        "MSE = (1/n) Σ (y_true − y_pred)². A network that always says 0 (every person Male) is wrong on Alice "
                                + "and Diana, right on Bob and Charlie: (1 + 0 + 0 + 1)/4 = 0.5. Lower loss, better predictions.",
                        "Compare with this network's own predictions below; press Step and see its loss move.",
                        once(() -> start(TrainingSetup.forData(gender), null, "Data", StepSize.UPDATE)), Lessons::mseTable, null),
                new LessonStep("Backpropagation: dL/dw1 for Alice",
                        "Pretend Alice is the whole data set, and start from all weights 1, biases 0. By the chain rule, "
                                + "dL/dw1 = dL/dypred · dypred/dh1 · dh1/dw1 = −0.952 · 0.249 · −0.0904 = 0.0214: raising w1 "
                                + "would raise the loss a tiny bit.",
                        "Step through it on the graph: Next (or the Right arrow) goes one computation at a time, forward, "
                                + "then back to dL/dw1; 'Whole chain' below lists the same factors for any parameter: pick w5 or b1.",
                        once(() -> fixed(alice, Initializer.ONES, 0.1, "h1", "Step through", null)), Lessons::dLdw1, null),
                new LessonStep("One SGD update on one sample",
                        "Stochastic gradient descent takes one sample and moves every weight and bias against its gradient: "
                                + "p ← p − η·dL/dp, here with η = 0.1 on Alice.",
                        "Press End in Step through to see the nine updates, then Step (one sample) or 'Apply this step': all "
                                + "nine parameters on the graph change by the amounts below, and the step-through traces the next update.",
                        once(() -> fixed(alice, Initializer.ONES, 0.1, "h1", "Step through", null)), Lessons::sgdUpdate, null),
                new LessonStep("Training: 1000 epochs of SGD",
                        "Each epoch updates on Alice, Bob, Charlie and Diana in turn (four updates), from a start drawn from a "
                                + "standard normal (seed 1). The seed prints the loss every 10 epochs: its own random start "
                                + "printed 0.174 at epoch 0; this start prints the lines in the log.",
                        "Press Train: the log fills with the seed's loss lines as the loss falls.",
                        training, Lessons::genderProgress, new Run(10, lossFormat)),
                new LessonStep("Predictions: Emily and Frank",
                        "Emily weighs 128 lb and is 63 in tall; Frank 155 lb and 68 in. The seed printed Emily: " + emilyPrinted
                                + " (F) and Frank: " + frankPrinted + " (M) for its network; below is this one's.",
                        "Type another person into Predict (pounds and inches): the output and the class follow.",
                        trainedStart, (net, s) -> emilyAndFrank(net, s), null));
    }

    static List<String> oneNeuron(Network net, TrainingSetup s) {
        double[] x = s.data().sample(0).raw();
        if (net.layout().layerCount() != 2) return List.of("the output for x = [2, 3] is " + net.predict(x)[0]);
        double z = net.weight(0) * x[0] + net.weight(1) * x[1] + net.bias(0);
        return List.of(String.format(Locale.ROOT, "(w·x) + b = %s·%s + %s·%s + %s = %s", num(net.weight(0)), num(x[0]), num(net.weight(1)),
                num(x[1]), num(net.bias(0)), num(z)), "y = f(" + num(z) + ") = " + net.predict(x)[0]);
    }

    static List<String> twoTwoOne(Network net, TrainingSetup s) {
        double[] x = s.data().sample(0).raw();
        Workspace ws = new Workspace(net.layout());
        net.forward(x, ws);
        List<String> lines = new ArrayList<>();
        Layout l = net.layout();
        for (int layer = 1; layer < l.layerCount(); layer++) {
            for (int j = 0; j < l.size(layer); j++) {
                lines.add(String.format(Locale.ROOT, "%s = f(%s) = %.4f   (%s)", l.neuronName(layer, j), num(ws.preActivation(layer, j)),
                        ws.activation(layer, j), ws.activation(layer, j)));
            }
        }
        return lines;
    }

    static List<String> genderTable(Network net, TrainingSetup s) {
        Dataset d = s.data();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-8s %6s %6s %12s %12s %6s", "Name", "lb", "in", "lb − 135", "in − 66", "Gender"));
        for (Dataset.Sample p : d.samples()) {
            double[] in = d.toInput(p.raw());
            lines.add(String.format(Locale.ROOT, "%-8s %6s %6s %12s %12s %6s", p.name(), num(p.raw(0)), num(p.raw(1)), num(in[0]), num(in[1]),
                    (p.label() >= 0.5 ? d.positiveClass() : d.negativeClass()) + " (" + num(p.label()) + ")"));
        }
        return lines;
    }

    static List<String> mseTable(Network net, TrainingSetup s) {
        Dataset d = s.data();
        double[] yTrue = d.labels(), zeros = new double[d.size()], pred = new double[d.size()];
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-8s %6s %6s %18s %12s", "Name", "y_true", "y_pred", "(y_true − y_pred)²", "this net"));
        StringBuilder sum = new StringBuilder();
        for (int i = 0; i < d.size(); i++) {
            pred[i] = net.predict(d.toInput(d.sample(i).raw()))[0];
            double se = (yTrue[i] - zeros[i]) * (yTrue[i] - zeros[i]);
            sum.append(i > 0 ? " + " : "").append(num(se));
            lines.add(String.format(Locale.ROOT, "%-8s %6s %6s %18s %12.6f", d.sample(i).name(), num(yTrue[i]), "0", num(se), pred[i]));
        }
        lines.add("MSE of always 0 = (" + sum + ") / " + d.size() + " = " + Loss.mse(yTrue, zeros));
        lines.add(String.format(Locale.ROOT, "MSE of this network = %.6f", Loss.mse(yTrue, pred)));
        return lines;
    }

    static List<String> dLdw1(Network net, TrainingSetup s) {
        Dataset.Sample a = s.data().sample(0);
        ChainRuleTrace t = ChainRuleTrace.of(net, s.data().toInput(a.raw()), a.label(), 0, s.learningRate());
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "ypred = %.3f   (%s)", t.ypred(), t.ypred()));
        for (ChainRuleTrace.Factor f : t.factors()) lines.add(String.format(Locale.ROOT, "%s = %s = %s", f.name(), f.formula(), sig(f.value(), 6)));
        // As the tutorial works it: ypred rounded to 0.524 first, then every factor to 3 significant digits.
        double y = Numbers.round(t.ypred(), 3), dLdy = -2 * (a.label() - y);
        double f2 = Double.parseDouble(sig(t.factors().get(1).value(), 3)), f3 = Double.parseDouble(sig(t.factors().get(2).value(), 3));
        lines.add("as the tutorial rounds: dL/dypred = -2(" + num(a.label()) + " - " + num(y) + ") = " + num(dLdy));
        lines.add("dL/dw1 = " + num(dLdy) + " * " + num(f2) + " * " + num(f3) + " = " + sig(dLdy * f2 * f3, 3));
        lines.add("exactly: dL/dw1 = " + t.gradient());
        return lines;
    }

    static List<String> sgdUpdate(Network net, TrainingSetup s) {
        Network after = net.copy();
        Trainer one = s.withBatching(Batching.perSample()).newTrainer(after);
        List<String> lines = new ArrayList<>();
        try {
            one.runEpoch(); // one sample in the data: one update, the trainer's own
        } catch (DivergenceException e) {
            return List.of("this update would diverge: " + e.getMessage());
        }
        Dataset.Sample a = s.data().sample(0);
        int count = net.layout().parameterCount();
        double lr = s.learningRate();
        lines.add("On " + a.name() + ", η = " + num(lr) + ":");
        for (int p = 0; p < count; p++) {
            double g = ChainRuleTrace.of(net, s.data().toInput(a.raw()), a.label(), p, lr).gradient();
            lines.add(String.format(Locale.ROOT, "%-3s %s − %s·(%s) = %s", net.parameterName(p), sig(net.parameter(p), 6), num(lr), sig(g, 6),
                    sig(after.parameter(p), 6)));
        }
        lines.add(String.format(Locale.ROOT, "loss on %s: %.6f → %.6f", a.name(), mse(net, s.data()), mse(after, s.data())));
        return lines;
    }

    static List<String> genderProgress(Network net, TrainingSetup s) {
        return List.of(String.format(Locale.ROOT, "MSE over the four people: %.6f", mse(net, s.data())));
    }

    static List<String> emilyAndFrank(Network net, TrainingSetup s) {
        Dataset d = s.data();
        List<String> lines = new ArrayList<>();
        for (Object[] p : new Object[][] { { "Emily", 128.0, 63.0 }, { "Frank", 155.0, 68.0 } }) {
            double out = net.predict(d.toInput((double) p[1], (double) p[2]))[0];
            lines.add(String.format(Locale.ROOT, "%s: %.3f - %s   (%s lb, %s in)", p[0], out, d.classify(out), num((double) p[1]),
                    num((double) p[2])));
        }
        return lines;
    }

    // ---------------------------------------------------------------- making starts

    /** A step on the setup's own start (its init and seed). */
    private static Start start(TrainingSetup setup, String neuron, String view, StepSize step) {
        return new Start(setup, setup.newNetwork().snapshot(0, Double.NaN), neuron, view, null, step);
    }

    /** A network trained for the setup's epochs from {@code from}, as the window's Train would. */
    private static Start trained(Start from, String view) {
        Network net = from.network().toNetwork();
        Trainer t = from.setup().newTrainer(net);
        try {
            t.runEpochs(from.setup().epochs());
        } catch (DivergenceException e) {
            throw new IllegalStateException("a lesson's training diverged: " + e.getMessage(), e);
        }
        return new Start(from.setup(), t.snapshot(), from.neuron(), view, from.probe(), from.step());
    }

    /** A single sigmoid neuron (a 2-1 network) with the given weights and bias, trained per sample at rate 0.1. */
    private static Start neuron(Dataset data, double[] w, double b) {
        TrainingSetup setup = new TrainingSetup(data, Architecture.of(0, 1, Activation.SIGMOID), Initializer.ZERO_ONE, 0,
                Batching.perSample(), GradientDescent.INSTANCE, 0.1, 1000);
        Network net = setup.newNetwork();
        net.setWeights(w);
        net.setBiases(new double[] { b });
        return new Start(setup, net.snapshot(0, Double.NaN), "o1", "Sigmoid", data.sample(0).raw(), StepSize.UPDATE);
    }

    /** The seeds' 2-2-1 from a fixed start, per-sample SGD. */
    private static Start fixed(Dataset data, Initializer init, double lr, String neuron, String view, double[] probe) {
        TrainingSetup setup = new TrainingSetup(data, Architecture.SEEDS, init, 0, Batching.perSample(), GradientDescent.INSTANCE, lr, 1000);
        return new Start(setup, setup.newNetwork().snapshot(0, Double.NaN), neuron, view, probe, StepSize.UPDATE);
    }

    /** A data set of one point, without a shift. */
    static Dataset pointData(String name, double x1, double x2, double label) {
        return new Dataset(name, List.of("x1", "x2"), new double[] { 0, 0 }, List.of(new Dataset.Sample(name, new double[] { x1, x2 }, label)),
                "1", "0", Preset.OWN_DATA);
    }

    private static double mse(Network net, Dataset d) {
        double[] pred = new double[d.size()];
        for (int i = 0; i < d.size(); i++) pred[i] = net.predict(d.toInput(d.sample(i).raw()))[0];
        return Loss.mse(d.labels(), pred);
    }

    /** A number as a person writes it: 3.5, 21, -0.0904 (12 significant digits at most, no trailing zeros). */
    static String num(double v) { return sig(v, 12); }

    /** {@code digits} significant digits, trailing zeros kept only up to them (1, 0.997853, -0.0112690 -> -0.011269). */
    private static String sig(double v, int digits) {
        if (v == 0) return "0";
        return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    private static <T> Supplier<T> once(Supplier<T> make) {
        return new Supplier<>() {
            private T made;

            @Override public synchronized T get() {
                if (made == null) made = make.get();
                return made;
            }
        };
    }
}
