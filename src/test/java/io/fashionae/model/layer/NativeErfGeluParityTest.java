package io.fashionae.model.layer;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link NativeErfGelu} against DL4J's {@code ActivationLayer} with {@link ActivationErfGelu},
 * behind a convolution (so that its input gradient reaches parameters) and after a crop (a
 * strided view, the decoder's case): outputs, every gradient, and parameters after training steps.
 */
class NativeErfGeluParityTest {
    private static final int CHANNELS = 3;
    private static final int SIDE = 7;

    @ParameterizedTest(name = "cropped input: {0}")
    @ValueSource(booleans = {false, true})
    void nativeGeluComputesWhatTheActivationLayerComputes(boolean cropped) {
        ComputationGraph reference = graph(
                new ActivationLayer.Builder()
                        .activation(new ActivationErfGelu())
                        .build(),
                cropped);
        ComputationGraph candidate = graph(new NativeErfGelu(), cropped);
        candidate.setParams(reference.params().dup());
        assertThat(candidate.getLayer("gelu")).isInstanceOf(NativeErfGeluLayer.class);
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, CHANNELS, SIDE, SIDE).muli(6).subi(3);
        INDArray target = Nd4j.rand(DataType.FLOAT, reference.outputSingle(x).shape());

        assertClose(candidate.outputSingle(false, x), reference.outputSingle(false, x));
        assertClose(candidate.outputSingle(true, x), reference.outputSingle(true, x));
        for (ComputationGraph g : new ComputationGraph[] {reference, candidate}) {
            g.setInputs(x);
            g.setLabels(target);
            g.computeGradientAndScore();
        }
        assertClose(candidate.gradient().gradient(), reference.gradient().gradient());
        for (int step = 0; step < 3; step++) {
            reference.fit(new MultiDataSet(x, target));
            candidate.fit(new MultiDataSet(x, target));
        }
        assertClose(candidate.params(), reference.params());
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-9, -3, -0.5, 0, 0.5, 3, 9})
    void valuesAreTheExactGelu(double x) {
        ComputationGraph g = graph(new NativeErfGelu(), false);
        INDArray in = Nd4j.valueArrayOf(new long[] {1, CHANNELS, SIDE, SIDE}, x, DataType.FLOAT);
        NativeErfGeluLayer layer = (NativeErfGeluLayer) g.getLayer("gelu");
        layer.setInput(in, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());
        double expected = x * 0.5 * org.apache.commons.math3.special.Erf.erfc(-x / Math.sqrt(2));
        assertThat(layer.activate(false, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces())
                        .getDouble(0, 1, 2, 3))
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6 + 1e-6 * Math.abs(expected)));
    }

    private static void assertClose(INDArray actual, INDArray expected) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        double scale = Math.max(1, expected.amaxNumber().doubleValue());
        assertThat(actual.sub(expected).amaxNumber().doubleValue())
                .as("max |native - dl4j|")
                .isLessThan(1e-5 * scale);
        assertThat(expected.amaxNumber().doubleValue())
                .as("a non-trivial comparison")
                .isGreaterThan(1e-3);
    }

    private static ComputationGraph graph(Layer gelu, boolean cropped) {
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(7)
                .dataType(DataType.FLOAT)
                .updater(new Adam(0.01));
        var g = base.graphBuilder()
                .addInputs("in")
                .addLayer(
                        "conv",
                        new ConvolutionLayer.Builder(3, 3)
                                .nOut(CHANNELS)
                                .activation(Activation.IDENTITY)
                                .convolutionMode(org.deeplearning4j.nn.conf.ConvolutionMode.Same)
                                .build(),
                        "in");
        String prev = "conv";
        if (cropped) {
            g.addLayer(
                    "crop",
                    new Cropping2D.Builder(1, 0, 1, 0)
                            .dataFormat(CNN2DFormat.NCHW)
                            .build(),
                    "conv");
            prev = "crop";
        }
        g.addLayer("gelu", gelu, prev)
                .addLayer(
                        "loss",
                        new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE)
                                .activation(Activation.IDENTITY)
                                .format(CNN2DFormat.NCHW)
                                .build(),
                        "gelu")
                .setOutputs("loss")
                .setInputTypes(InputType.convolutional(SIDE, SIDE, CHANNELS, CNN2DFormat.NCHW));
        ComputationGraph graph = new ComputationGraph(g.build());
        graph.init();
        return graph;
    }
}
