package io.fashionae.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl;
import io.fashionae.inference.OnnxModel;
import io.fashionae.model.layer.ActivationErfGelu;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationGELU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Each layer type alone, DL4J against ONNX Runtime, and each numerical trap listed in docs/onnx.md
 * shown to matter: the naive mapping differs, ours does not. Tolerance 1e-5 absolute on outputs
 * of order 1 (single layers in float32 differ by ~1e-7).
 */
class LayerMappingTest {
    private static final double TOL = 1e-5;

    /** A one-layer graph with input "in" of {@code type}, random non-trivial parameters. */
    private static ComputationGraph single(Layer layer, InputType type) {
        ComputationGraph g = new ComputationGraph(new NeuralNetConfiguration.Builder()
                .seed(3)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("in")
                .addLayer("layer", layer, "in")
                .setOutputs("layer")
                .setInputTypes(type)
                .build());
        g.init();
        // Non-trivial everything, batch norm statistics included (fresh ones are 0 and 1).
        if (g.numParams() > 0) {
            g.params().assign(Nd4j.rand(DataType.FLOAT, g.params().shape()).subi(0.5));
        }
        return g;
    }

    /** ONNX output of the one-layer graph mapped by LayerMapper, optionally with modified pads. */
    private static float[] onnx(ComputationGraph g, InputType type, INDArray x, Path dir) throws Exception {
        OnnxGraphBuilder onnx = new OnnxGraphBuilder("single");
        LayerMapper mapper = new LayerMapper(onnx);
        var vertex = (org.deeplearning4j.nn.conf.graph.LayerVertex)
                g.getConfiguration().getVertices().get("layer");
        String in = mapper.preprocess("layer", vertex.getPreProcessor(), "x");
        InputType inType = vertex.getPreProcessor() == null
                ? type
                : vertex.getPreProcessor().getOutputType(type);
        String out = mapper.layer("layer", vertex.getLayerConf().getLayer(), g.getLayer("layer"), inType, in);
        onnx.renameLastOutput(out, "y");
        long[] inDims = java.util.Arrays.copyOfRange(x.shape(), 1, x.rank());
        long[] outShape = g.outputSingle(false, x.dup()).shape();
        long[] outDims = java.util.Arrays.copyOfRange(outShape, 1, outShape.length);
        OnnxMl.GraphProto.Builder graph = onnx.graph()
                .addInput(OnnxGraphBuilder.floatValue("x", inDims))
                .addOutput(OnnxGraphBuilder.floatValue("y", outDims));
        OnnxMl.ModelProto model = OnnxMl.ModelProto.newBuilder()
                .setIrVersion(OnnxExporter.IR_VERSION)
                .addOpsetImport(
                        OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OnnxExporter.OPSET))
                .setGraph(graph)
                .build();
        Path file = dir.resolve("single.onnx");
        Files.write(file, model.toByteArray());
        try (OnnxModel m = OnnxModel.open(file, "x", "y")) {
            return m.run(x.dup('c').ravel().toFloatVector(), x.shape());
        }
    }

    private static double maxDiff(float[] a, INDArray b) {
        float[] e = b.dup('c').ravel().toFloatVector();
        assertThat(a).hasSize(e.length);
        double m = 0;
        for (int i = 0; i < e.length; i++) {
            m = Math.max(m, Math.abs(a[i] - e[i]));
        }
        return m;
    }

    private static InputType image(int c, int side) {
        return InputType.convolutional(side, side, c, CNN2DFormat.NCHW);
    }

    @ParameterizedTest(name = "conv k{0} s{1} on {2}x{2}")
    @CsvSource({"3,2,32", "3,2,15", "5,2,16", "3,1,8", "1,1,8", "2,2,9"})
    void convolutionInSameModeMatches(int k, int s, int side, @TempDir Path dir) throws Exception {
        Layer conv = new ConvolutionLayer.Builder(k, k)
                .stride(s, s)
                .nIn(3)
                .nOut(4)
                .convolutionMode(ConvolutionMode.Same)
                .activation(Activation.IDENTITY)
                .build();
        ComputationGraph g = single(conv, image(3, side));
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, side, side);
        assertThat(maxDiff(onnx(g, image(3, side), x, dir), g.outputSingle(x))).isLessThan(TOL);
    }

    @ParameterizedTest(name = "deconv k{0} s{1}")
    @CsvSource({"3,2", "5,2", "3,1", "2,2", "4,2", "3,4"})
    void deconvolutionInSameModeMatchesAndDoublesTheSide(int k, int s, @TempDir Path dir) throws Exception {
        Layer deconv = new Deconvolution2D.Builder(k, k)
                .stride(s, s)
                .nIn(3)
                .nOut(2)
                .convolutionMode(ConvolutionMode.Same)
                .activation(Activation.IDENTITY)
                .build();
        ComputationGraph g = single(deconv, image(3, 4));
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 4, 4);
        INDArray y = g.outputSingle(x);
        assertThat(y.size(2)).isEqualTo(4L * s);
        assertThat(maxDiff(onnx(g, image(3, 4), x, dir), y)).isLessThan(TOL);
    }

    @ParameterizedTest(name = "crop top {0} bottom {1} left {2} right {3}")
    @CsvSource({"1,0,1,0", "0,1,0,1", "2,1,0,3"})
    void croppingMapsToASliceOfHeightAndWidth(int top, int bottom, int left, int right, @TempDir Path dir)
            throws Exception {
        Layer crop = new Cropping2D.Builder(top, bottom, left, right)
                .dataFormat(CNN2DFormat.NCHW)
                .build();
        ComputationGraph g = single(crop, image(3, 9));
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 9, 9);
        INDArray y = g.outputSingle(x);
        assertThat(y.shape()).containsExactly(2, 3, 9 - top - bottom, 9 - left - right);
        assertThat(maxDiff(onnx(g, image(3, 9), x, dir), y)).isZero();
    }

    @Test
    void batchNormUsesTheVarianceBehindDl4jsLog10Std(@TempDir Path dir) throws Exception {
        Layer bn = new BatchNormalization.Builder()
                .nIn(3)
                .nOut(3)
                .activation(Activation.IDENTITY)
                .build();
        ComputationGraph g = single(bn, image(3, 5));
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 3, 5, 5);
        assertThat(maxDiff(onnx(g, image(3, 5), x, dir), g.outputSingle(false, x)))
                .isLessThan(TOL);
        // The trap: reading log10stdev as if it were the variance gives another function.
        INDArray log10std = g.getLayer("layer").getParam("log10stdev");
        assertThat(log10std.maxNumber().doubleValue()).isNotEqualTo(0.0);
    }

    @Test
    void dl4jsGeluIsTheSigmoidFormNotOnnxsErfForm(@TempDir Path dir) throws Exception {
        Layer gelu = new ActivationLayer.Builder().activation(Activation.GELU).build();
        ComputationGraph g = single(gelu, InputType.feedForward(50));
        INDArray x = Nd4j.linspace(-4, 4, 50, DataType.FLOAT).reshape(1, 50);
        // DL4J's activation layer works in place: a first layer overwrites the caller's array.
        INDArray y = g.outputSingle(x.dup());
        assertThat(maxDiff(onnx(g, InputType.feedForward(50), x, dir), y)).isLessThan(1e-6);
        double erfFormGap = 0;
        for (int i = 0; i < 50; i++) {
            double v = x.getDouble(0, i);
            double erfGelu = 0.5 * v * (1 + erf(v / Math.sqrt(2)));
            erfFormGap = Math.max(erfFormGap, Math.abs(erfGelu - y.getDouble(0, i)));
        }
        assertThat(erfFormGap).as("ONNX Gelu (erf) would be off by this much").isGreaterThan(0.01);
    }

    @Test
    void theErfGeluMapsToOnnxErf(@TempDir Path dir) throws Exception {
        Layer gelu = new ActivationLayer.Builder()
                .activation(new ActivationErfGelu())
                .build();
        ComputationGraph g = single(gelu, InputType.feedForward(50));
        INDArray x = Nd4j.linspace(-4, 4, 50, DataType.FLOAT).reshape(1, 50);
        INDArray y = g.outputSingle(x.dup());
        assertThat(maxDiff(onnx(g, InputType.feedForward(50), x, dir), y)).isLessThan(1e-6);
    }

    @Test
    void denseWeightsKeepTheirInputOutputOrder(@TempDir Path dir) throws Exception {
        // Non-square on purpose: a transposed W would not even have the right shape.
        Layer dense = new DenseLayer.Builder()
                .nIn(7)
                .nOut(3)
                .activation(Activation.IDENTITY)
                .build();
        ComputationGraph g = single(dense, InputType.feedForward(7));
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 7);
        assertThat(maxDiff(onnx(g, InputType.feedForward(7), x, dir), g.outputSingle(x)))
                .isLessThan(TOL);
    }

    @Test
    void denseAfterConvolutionFlattensChannelMajor(@TempDir Path dir) throws Exception {
        Layer dense = new DenseLayer.Builder()
                .nIn(2 * 3 * 3)
                .nOut(4)
                .activation(Activation.IDENTITY)
                .build();
        ComputationGraph g = single(dense, image(2, 3));
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 2, 3, 3);
        assertThat(maxDiff(onnx(g, image(2, 3), x, dir), g.outputSingle(x))).isLessThan(TOL);
    }

    @Test
    void thePreciseGeluHasNoOnnxFormAndIsRefusedByName(@TempDir Path dir) {
        Layer gelu = new ActivationLayer.Builder()
                .activation(new ActivationGELU(true))
                .build();
        ComputationGraph g = single(gelu, InputType.feedForward(4));
        assertThatThrownBy(() -> onnx(g, InputType.feedForward(4), Nd4j.rand(DataType.FLOAT, 1, 4), dir))
                .isInstanceOf(UnsupportedLayerException.class)
                .hasMessageContaining("'layer'")
                .hasMessageContaining("precise");
    }

    @Test
    void anUnknownActivationIsRefusedByName(@TempDir Path dir) {
        Layer relu6 = new ActivationLayer.Builder().activation(Activation.RELU6).build();
        ComputationGraph g = single(relu6, InputType.feedForward(4));
        assertThatThrownBy(() -> onnx(g, InputType.feedForward(4), Nd4j.rand(DataType.FLOAT, 1, 4), dir))
                .isInstanceOf(UnsupportedLayerException.class)
                .hasMessageContaining("activation");
    }

    /** Abramowitz-Stegun 7.1.26, |error| < 1.5e-7: plenty to show a 1e-2 gap. */
    private static double erf(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x));
        double y = 1
                - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                        * t
                        * Math.exp(-x * x);
        return Math.signum(x) * y;
    }
}
