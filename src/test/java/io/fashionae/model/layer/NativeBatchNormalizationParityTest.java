package io.fashionae.model.layer;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link NativeBatchNormalization} against DL4J's {@code BatchNormalization}, same parameters:
 * training and inference outputs, the input and parameter gradients, the running statistics after
 * several optimiser steps, and the configuration DL4J builds from it.
 */
class NativeBatchNormalizationParityTest {
    private static final double DECAY = 0.9;
    private static final double EPS = 1e-5;
    private static final int CHANNELS = 5;
    private static final int SIDE = 6;

    @Test
    void configurationMatchesDl4jsApartFromTheClassName() {
        String dl4j = graphConf(dl4jLayer()).toJson();
        String ours = graphConf(NativeBatchNormalization.nchw(DECAY, EPS))
                .toJson()
                .replace(NativeBatchNormalization.class.getName(), BatchNormalization.class.getName());
        assertThat(ours).isEqualTo(dl4j);
    }

    @Test
    void forwardPassesAndGradientsMatchDl4js() {
        ComputationGraph reference = graph(dl4jLayer());
        ComputationGraph candidate = graph(NativeBatchNormalization.nchw(DECAY, EPS));
        Nd4j.getRandom().setSeed(3);
        // Non-default affine parameters and running statistics, so that every term matters.
        reference.setParams(
                Nd4j.rand(DataType.FLOAT, reference.params().shape()).addi(0.5));
        candidate.setParams(reference.params().dup());
        assertThat(candidate.getLayer("bn")).isInstanceOf(NativeBatchNormalizationLayer.class);

        INDArray x = Nd4j.rand(DataType.FLOAT, 4, CHANNELS, SIDE, SIDE).muli(3).subi(1);
        assertSameOutputsAndGradients(candidate, reference, x);
    }

    @Test
    void aCroppedViewAsInputGivesDl4jsResults() {
        ComputationGraph reference = croppedGraph(dl4jLayer());
        ComputationGraph candidate = croppedGraph(NativeBatchNormalization.nchw(DECAY, EPS));
        Nd4j.getRandom().setSeed(4);
        reference.setParams(
                Nd4j.rand(DataType.FLOAT, reference.params().shape()).addi(0.5));
        candidate.setParams(reference.params().dup());
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, CHANNELS, SIDE + 1, SIDE + 1)
                .muli(3)
                .subi(1);
        assertSameOutputsAndGradients(candidate, reference, x);
    }

    /** Inference and training outputs, then every gradient through an MSE loss on a random target. */
    private static void assertSameOutputsAndGradients(
            ComputationGraph candidate, ComputationGraph reference, INDArray x) {
        assertClose(candidate.outputSingle(false, x), reference.outputSingle(false, x), 1e-5);
        INDArray trainingOutput = reference.outputSingle(true, x);
        assertClose(candidate.outputSingle(true, x), trainingOutput, 1e-5);
        INDArray target = Nd4j.rand(DataType.FLOAT, trainingOutput.shape());
        for (ComputationGraph g : new ComputationGraph[] {reference, candidate}) {
            g.setInputs(x);
            g.setLabels(target);
            g.computeGradientAndScore();
        }
        assertClose(candidate.gradient().gradient(), reference.gradient().gradient(), 1e-4);
    }

    @Test
    void runningStatisticsFollowDl4jsOverSteps() {
        ComputationGraph reference = graph(dl4jLayer());
        ComputationGraph candidate = graph(NativeBatchNormalization.nchw(DECAY, EPS));
        candidate.setParams(reference.params().dup());
        Nd4j.getRandom().setSeed(5);
        for (int step = 0; step < 5; step++) {
            INDArray x = Nd4j.rand(DataType.FLOAT, 8, CHANNELS, SIDE, SIDE)
                    .muli(2 + step)
                    .addi(step);
            INDArray target = Nd4j.rand(DataType.FLOAT, 8, CHANNELS, SIDE, SIDE);
            reference.fit(new MultiDataSet(x, target));
            candidate.fit(new MultiDataSet(x, target));
        }
        assertClose(candidate.params(), reference.params(), 1e-4);
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, CHANNELS, SIDE, SIDE);
        assertClose(candidate.outputSingle(false, x), reference.outputSingle(false, x), 1e-4);
    }

    private static BatchNormalization dl4jLayer() {
        return new BatchNormalization.Builder()
                .decay(DECAY)
                .eps(EPS)
                .activation(Activation.IDENTITY)
                .dataFormat(CNN2DFormat.NCHW)
                .build();
    }

    private static void assertClose(INDArray actual, INDArray expected, double tolerance) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        double scale = Math.max(1, expected.amaxNumber().doubleValue());
        double maxDiff = actual.sub(expected).amaxNumber().doubleValue();
        assertThat(maxDiff)
                .as("max |native - dl4j| (max |dl4j| %s)", expected.amaxNumber())
                .isLessThan(tolerance * scale);
        assertThat(expected.amaxNumber().doubleValue())
                .as("a non-trivial comparison")
                .isGreaterThan(1e-3);
    }

    private static ComputationGraphConfiguration graphConf(Layer bn) {
        return new NeuralNetConfiguration.Builder()
                .seed(7)
                .dataType(DataType.FLOAT)
                .updater(new Adam(0.01))
                .weightDecay(1e-5, true)
                .graphBuilder()
                .addInputs("in")
                .addLayer("bn", bn, "in")
                .addLayer(
                        "loss",
                        new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE)
                                .activation(Activation.IDENTITY)
                                .format(CNN2DFormat.NCHW)
                                .build(),
                        "bn")
                .setOutputs("loss")
                .setInputTypes(InputType.convolutional(SIDE, SIDE, CHANNELS, CNN2DFormat.NCHW))
                .build();
    }

    /** The decoder's case: batch norm on a {@code Cropping2D} view (first row and column dropped). */
    private static ComputationGraph croppedGraph(Layer bn) {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder()
                .seed(7)
                .dataType(DataType.FLOAT)
                .updater(new Adam(0.01))
                .graphBuilder()
                .addInputs("in")
                .addLayer(
                        "crop",
                        new Cropping2D.Builder(1, 0, 1, 0)
                                .dataFormat(CNN2DFormat.NCHW)
                                .build(),
                        "in")
                .addLayer("bn", bn, "crop")
                .addLayer(
                        "loss",
                        new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE)
                                .activation(Activation.IDENTITY)
                                .format(CNN2DFormat.NCHW)
                                .build(),
                        "bn")
                .setOutputs("loss")
                .setInputTypes(InputType.convolutional(SIDE + 1, SIDE + 1, CHANNELS, CNN2DFormat.NCHW))
                .build());
        graph.init();
        return graph;
    }

    private static ComputationGraph graph(Layer bn) {
        ComputationGraph graph = new ComputationGraph(graphConf(bn));
        graph.init();
        return graph;
    }
}
