package lab.backprop.cli;

import lab.backprop.data.Dataset;
import lab.backprop.model.Activation;
import lab.backprop.model.Initializer;
import lab.backprop.model.Network;
import lab.backprop.model.PlainNumber;
import lab.backprop.train.NetworkFactory;
import lab.backprop.train.Optimizer;
import lab.backprop.train.Trainer;

/** A checked training run: data, network shape and training settings. */
public record RunPlan(Dataset data, Optimizer optimizer, double learningRate, long epochs, int hidden,
                      Activation activation, Initializer init, long seed, int batchSize) {

    /** A fresh seeded 2-h-1 network (sigmoid output) and its trainer. */
    public Trainer newTrainer() {
        Network net = NetworkFactory.create(new lab.backprop.model.Layout(data.featureCount(), hidden, 1),
                activation, Activation.SIGMOID, init, seed);
        return new Trainer(net, data, optimizer, learningRate, batchSize, seed);
    }

    /** "2-2-1 sigmoid on gender: sgd, lr 0.1, 1000 epochs, normal init, seed 1" */
    public String describe() {
        return data.featureCount() + "-" + hidden + "-1 " + activation + " on " + data.name() + ": " + optimizer
                + (optimizer == Optimizer.MINIBATCH ? " (batch size " + batchSize + ")" : "")
                + ", lr " + PlainNumber.of(learningRate) + ", " + epochs + " epochs, " + init + " init, seed " + seed;
    }
}
