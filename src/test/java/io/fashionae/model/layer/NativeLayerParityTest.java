package io.fashionae.model.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The native layers against DL4J's own, in one graph each with the same parameters: forward
 * output, input gradient (through a loss) and parameter gradients must agree element by element.
 */
class NativeLayerParityTest {
    private static final double TOLERANCE = 1e-4;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "conv 3x3 stride 2 same",
                        conv(3, 2, ConvolutionMode.Same, Activation.IDENTITY, CNN2DFormat.NCHW, false),
                        conv(3, 2, ConvolutionMode.Same, Activation.IDENTITY, CNN2DFormat.NCHW, true),
                        3,
                        8),
                Arguments.of(
                        "conv 1x1",
                        conv(1, 1, ConvolutionMode.Same, Activation.IDENTITY, CNN2DFormat.NCHW, false),
                        conv(1, 1, ConvolutionMode.Same, Activation.IDENTITY, CNN2DFormat.NCHW, true),
                        4,
                        8),
                Arguments.of(
                        "conv with GELU",
                        conv(3, 1, ConvolutionMode.Same, Activation.GELU, CNN2DFormat.NCHW, false),
                        conv(3, 1, ConvolutionMode.Same, Activation.GELU, CNN2DFormat.NCHW, true),
                        2,
                        7),
                Arguments.of(
                        "conv truncate",
                        conv(3, 2, ConvolutionMode.Truncate, Activation.IDENTITY, CNN2DFormat.NCHW, false),
                        conv(3, 2, ConvolutionMode.Truncate, Activation.IDENTITY, CNN2DFormat.NCHW, true),
                        3,
                        9),
                Arguments.of(
                        "conv NHWC",
                        conv(3, 2, ConvolutionMode.Same, Activation.IDENTITY, CNN2DFormat.NHWC, false),
                        conv(3, 2, ConvolutionMode.Same, Activation.IDENTITY, CNN2DFormat.NHWC, true),
                        3,
                        8),
                Arguments.of(
                        "deconv 3x3 stride 2 same",
                        deconv(Activation.IDENTITY, false),
                        deconv(Activation.IDENTITY, true),
                        3,
                        4),
                Arguments.of("deconv with GELU", deconv(Activation.GELU, false), deconv(Activation.GELU, true), 3, 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void nativeLayerComputesWhatDl4jsLayerComputes(String name, Layer dl4j, Layer nativeLayer, int channels, int side) {
        CNN2DFormat format = ((ConvolutionLayer) dl4j).getCnn2dDataFormat();
        ComputationGraph reference = graph(dl4j, channels, side, format);
        ComputationGraph candidate = graph(nativeLayer, channels, side, format);
        candidate.setParams(reference.params().dup());
        assertThat(candidate.getLayer("layer").getClass().getPackageName()).isEqualTo("io.fashionae.model.layer");

        INDArray x =
                Nd4j.rand(DataType.FLOAT, inputShape(channels, side, format)).subi(0.5);
        INDArray out = reference.outputSingle(x);
        INDArray target = Nd4j.rand(DataType.FLOAT, out.shape());

        assertClose(candidate.outputSingle(x), out);
        reference.setInputs(x);
        reference.setLabels(target);
        candidate.setInputs(x);
        candidate.setLabels(target);
        reference.computeGradientAndScore();
        candidate.computeGradientAndScore();
        assertClose(candidate.gradient().gradient(), reference.gradient().gradient());
        assertThat(candidate.score()).isCloseTo(reference.score(), org.assertj.core.data.Offset.offset(1e-6));
    }

    private static long[] inputShape(int channels, int side, CNN2DFormat format) {
        return format == CNN2DFormat.NCHW ? new long[] {2, channels, side, side} : new long[] {2, side, side, channels};
    }

    private static void assertClose(INDArray actual, INDArray expected) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        double maxDiff = actual.sub(expected).amaxNumber().doubleValue();
        assertThat(maxDiff)
                .as("max |native - dl4j| (max |dl4j| %s)", expected.amaxNumber())
                .isLessThan(TOLERANCE);
        assertThat(expected.amaxNumber().doubleValue())
                .as("a non-trivial comparison")
                .isGreaterThan(1e-3);
    }

    private static ComputationGraph graph(Layer layer, int channels, int side, CNN2DFormat format) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(7)
                .dataType(DataType.FLOAT)
                .updater(new Sgd(0.1))
                .graphBuilder()
                .addInputs("in")
                .addLayer("layer", layer, "in")
                .addLayer(
                        "loss",
                        new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE)
                                .activation(Activation.IDENTITY)
                                .format(format)
                                .build(),
                        "layer")
                .setOutputs("loss")
                .setInputTypes(InputType.convolutional(side, side, channels, format))
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }

    private static Layer conv(
            int k, int stride, ConvolutionMode mode, Activation activation, CNN2DFormat format, boolean nativeLayer) {
        ConvolutionLayer.Builder b =
                nativeLayer ? new NativeConvolution.Builder(k, k) : new ConvolutionLayer.Builder(k, k);
        return b.stride(stride, stride)
                .nOut(5)
                .convolutionMode(mode)
                .activation(activation)
                .dataFormat(format)
                .build();
    }

    private static Layer deconv(Activation activation, boolean nativeLayer) {
        Deconvolution2D.Builder b =
                nativeLayer ? new NativeDeconvolution2D.Builder(3, 3) : new Deconvolution2D.Builder(3, 3);
        return b.stride(2, 2)
                .nOut(5)
                .convolutionMode(ConvolutionMode.Same)
                .activation(activation)
                .dataFormat(CNN2DFormat.NCHW)
                .build();
    }
}
