package lab.backprop.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import lab.backprop.model.Layout;
import lab.backprop.model.Network;
import lab.backprop.train.Trainer;
import lab.backprop.train.TrainingSetup;

/**
 * train --format json: the final report as one JSON object on one line, for scripts. Every number is at full
 * precision: a double is written in a form that reads back as the very same double. A value that does not apply is
 * null: the test loss and test accuracy without a split, the regularisation term without regularisation.
 * <pre>
 * {"dataset":"gender","architecture":{"layers":[2,2,1],"hiddenActivation":"sigmoid","outputActivation":"sigmoid",
 *  "description":"2-2-1 sigmoid"},"update":"gd","lossFunction":"mse","batching":"sgd","batchSize":2,
 *  "learningRate":0.1,"regularization":"none","startEpoch":0,"epochs":1000,"steps":4000,"loss":0.0014...,
 *  "testLoss":null,"accuracy":{"right":4,"of":4,"fraction":1.0},"testAccuracy":null,"regularizationTerm":null,
 *  "seconds":0.01...,"parameters":{"w1":...,"w6":...,"b1":...,"b3":...}}
 * </pre>
 * {@code epochs} is the network's epoch count (a resumed run counts on from {@code startEpoch}, the saved one);
 * {@code steps} the parameter updates of this run; {@code loss} the training loss after the last epoch, as the
 * text report's "Final loss"; {@code parameters} the weights, then the biases, by the names the window gives them.
 */
final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReport() { }

    /** The report of {@code trainer} after a run that began at {@code startEpoch} and took {@code seconds}. */
    static String of(Trainer trainer, long startEpoch, double seconds) {
        TrainingSetup setup = trainer.setup();
        Network net = trainer.network();
        Layout layout = net.layout();
        Predictions.Accuracy acc = Predictions.Accuracy.of(net, setup.data(), setup.split());
        ObjectNode o = MAPPER.createObjectNode();
        o.put("dataset", setup.data().name());
        ObjectNode arch = o.putObject("architecture");
        com.fasterxml.jackson.databind.node.ArrayNode layers = arch.putArray("layers");
        for (int size : layout.sizes()) layers.add(size);
        arch.put("hiddenActivation", net.hiddenActivation().label());
        arch.put("outputActivation", net.outputActivation().label());
        arch.put("description", setup.architecture().describe(setup.data().inputCount()));
        o.put("update", setup.update().spec());
        o.put("lossFunction", setup.loss().id());
        o.put("batching", setup.batching().mode().label());
        o.put("batchSize", setup.batching().batchSize());
        o.put("learningRate", setup.learningRate());
        o.put("regularization", setup.regularization().describe());
        o.put("startEpoch", startEpoch);
        o.put("epochs", trainer.epoch());
        o.put("steps", trainer.steps());
        o.put("loss", finiteOrNull(trainer.loss()));
        o.put("testLoss", finiteOrNull(trainer.testLoss()));
        accuracy(o.putObject("accuracy"), acc.right(), acc.trained(), acc.fraction());
        if (acc.tests() > 0) accuracy(o.putObject("testAccuracy"), acc.testRight(), acc.tests(), acc.testFraction());
        else o.putNull("testAccuracy");
        o.put("regularizationTerm", setup.regularization().isNone() ? null : finiteOrNull(trainer.regularizationTerm()));
        o.put("seconds", seconds);
        ObjectNode parameters = o.putObject("parameters");
        for (int w = 0; w < layout.weightCount(); w++) parameters.put(layout.weightName(w), net.parameter(w));
        for (int b = 0; b < layout.biasCount(); b++) parameters.put(layout.biasName(b), net.parameter(layout.weightCount() + b));
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e); // a tree of plain values always serialises
        }
    }

    private static void accuracy(ObjectNode node, int right, int of, double fraction) {
        node.put("right", right);
        node.put("of", of);
        node.put("fraction", fraction);
    }

    /** JSON has no NaN or infinity: such a value is written as null. */
    private static Double finiteOrNull(double v) { return Double.isFinite(v) ? v : null; }
}
