package io.fashionae.onnx;

import static io.fashionae.onnx.OnnxGraphBuilder.floatAttr;
import static io.fashionae.onnx.OnnxGraphBuilder.intAttr;
import static io.fashionae.onnx.OnnxGraphBuilder.ints;

import io.fashionae.common.Ints;
import io.fashionae.model.layer.ActivationErfGelu;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationGELU;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Maps one DL4J layer (and its input preprocessor) to ONNX nodes, exactly: every numerical
 * difference between the two (listed in docs/onnx.md) is handled here, and anything without an exact
 * mapping is refused with {@link UnsupportedLayerException}.
 */
final class LayerMapper {
    /** DL4J's GELU is {@code x * sigmoid(1.702 x)}, not ONNX's erf form. */
    private static final float GELU_SIGMOID_SCALE = 1.702f;

    private final OnnxGraphBuilder onnx;

    LayerMapper(OnnxGraphBuilder onnx) {
        this.onnx = onnx;
    }

    /** Adds the nodes of {@code preprocessor} applied to {@code input}; returns the new tensor. */
    String preprocess(String layer, InputPreProcessor preprocessor, String input) {
        if (preprocessor == null) {
            return input;
        }
        if (preprocessor instanceof CnnToFeedForwardPreProcessor p) {
            if (p.getFormat() != CNN2DFormat.NCHW) {
                throw new UnsupportedLayerException(layer, "flattening from " + p.getFormat());
            }
            // NCHW flattening is channel-major C,H,W: exactly ONNX Flatten(axis=1).
            return onnx.node("Flatten", layer + "_flatten", new String[] {input}, intAttr("axis", 1));
        }
        if (preprocessor instanceof FeedForwardToCnnPreProcessor p) {
            String shape = onnx.int64Initializer(
                    layer + "_shape", -1, p.getNumChannels(), p.getInputHeight(), p.getInputWidth());
            return onnx.node("Reshape", layer + "_reshape", new String[] {input, shape});
        }
        throw new UnsupportedLayerException(
                layer, "input preprocessor " + preprocessor.getClass().getSimpleName());
    }

    /** Adds the nodes of one layer; {@code inputType} is the type of its (preprocessed) input. */
    String layer(
            String name, org.deeplearning4j.nn.conf.layers.Layer conf, Layer layer, InputType inputType, String input) {
        if (conf instanceof Deconvolution2D d) {
            return activation(name, d.getActivationFn(), deconvolution(name, d, layer, input));
        }
        if (conf instanceof ConvolutionLayer c) {
            return activation(name, c.getActivationFn(), convolution(name, c, layer, inputType, input));
        }
        if (conf instanceof BatchNormalization bn) {
            return activation(name, bn.getActivationFn(), batchNorm(name, bn, layer, input));
        }
        if (conf instanceof DenseLayer dense) {
            return activation(name, dense.getActivationFn(), dense(name, dense, layer, input));
        }
        if (conf instanceof ActivationLayer a) {
            return activation(name, a.getActivationFn(), input);
        }
        if (conf instanceof Cropping2D crop) {
            return crop(name, crop, (InputType.InputTypeConvolutional) inputType, input);
        }
        if (conf instanceof DropoutLayer) {
            return input; // identity at inference
        }
        if (conf instanceof CnnLossLayer loss) {
            return activation(name, loss.getActivationFn(), input);
        }
        throw new UnsupportedLayerException(
                name, "layer type " + conf.getClass().getSimpleName());
    }

    private String convolution(String name, ConvolutionLayer c, Layer layer, InputType inputType, String input) {
        requireNchw(name, c.getCnn2dDataFormat());
        requireNoDilation(name, c.getDilation());
        int[] k = c.getKernelSize();
        int[] s = c.getStride();
        long[] pads = convPads(name, c, (InputType.InputTypeConvolutional) inputType);
        // Weights [nOut, nIn, kH, kW]: cross-correlation, the same as ONNX Conv.
        String w = weights(name + "_W", layer.getParam("W"));
        String[] inputs = hasBias(layer)
                ? new String[] {input, w, vector(name + "_B", layer.getParam("b"))}
                : new String[] {input, w};
        return onnx.node(
                "Conv",
                name,
                inputs,
                ints("kernel_shape", k[0], k[1]),
                ints("strides", s[0], s[1]),
                ints("pads", pads),
                ints("dilations", 1, 1),
                intAttr("group", 1));
    }

    private static long[] convPads(String name, ConvolutionLayer c, InputType.InputTypeConvolutional in) {
        int[] k = c.getKernelSize();
        int[] s = c.getStride();
        if (c.getConvolutionMode() == ConvolutionMode.Same) {
            // DL4J "same": out = ceil(in / s); the odd pixel of padding goes bottom/right, as in TensorFlow.
            long[] total = new long[2];
            long[] size = {in.getHeight(), in.getWidth()};
            for (int i = 0; i < 2; i++) {
                long out = Ints.ceilDiv(size[i], s[i]);
                total[i] = Math.max((out - 1) * s[i] + k[i] - size[i], 0);
            }
            return new long[] {total[0] / 2, total[1] / 2, total[0] - total[0] / 2, total[1] - total[1] / 2};
        }
        if (c.getConvolutionMode() == ConvolutionMode.Truncate) {
            int[] p = c.getPadding();
            return new long[] {p[0], p[1], p[0], p[1]};
        }
        throw new UnsupportedLayerException(name, "convolution mode " + c.getConvolutionMode());
    }

    private String deconvolution(String name, Deconvolution2D d, Layer layer, String input) {
        requireNchw(name, d.getCnn2dDataFormat());
        requireNoDilation(name, d.getDilation());
        int[] k = d.getKernelSize();
        int[] s = d.getStride();
        long[] pads;
        long[] outputPadding = {0, 0};
        if (d.getConvolutionMode() == ConvolutionMode.Same) {
            // DL4J "same" deconvolution: out = in * s. The full output (in-1)*s + k is cropped by
            // k - s, the odd pixel at the END: ONNX pads [begin, begin, end, end]. When k < s the
            // full output is short by s - k instead: ONNX adds that as output_padding at the end.
            long[] crop = new long[2];
            for (int i = 0; i < 2; i++) {
                crop[i] = k[i] - s[i];
                if (crop[i] < 0) {
                    outputPadding[i] = -crop[i];
                    crop[i] = 0;
                }
            }
            pads = new long[] {crop[0] / 2, crop[1] / 2, crop[0] - crop[0] / 2, crop[1] - crop[1] / 2};
        } else if (d.getConvolutionMode() == ConvolutionMode.Truncate) {
            int[] p = d.getPadding();
            pads = new long[] {p[0], p[1], p[0], p[1]};
        } else {
            throw new UnsupportedLayerException(name, "deconvolution mode " + d.getConvolutionMode());
        }
        // Weights [nIn, nOut, kH, kW]: exactly ConvTranspose's layout, no flip.
        String w = weights(name + "_W", layer.getParam("W"));
        String[] inputs = hasBias(layer)
                ? new String[] {input, w, vector(name + "_B", layer.getParam("b"))}
                : new String[] {input, w};
        return onnx.node(
                "ConvTranspose",
                name,
                inputs,
                ints("kernel_shape", k[0], k[1]),
                ints("strides", s[0], s[1]),
                ints("pads", pads),
                ints("output_padding", outputPadding),
                ints("dilations", 1, 1),
                intAttr("group", 1));
    }

    /** DL4J's cropping {@code [top, bottom, left, right]} as ONNX {@code Slice} over H and W. */
    private String crop(String name, Cropping2D crop, InputType.InputTypeConvolutional in, String input) {
        requireNchw(name, crop.getDataFormat());
        int[] c = crop.getCropping();
        String starts = onnx.int64Initializer(name + "_starts", c[0], c[2]);
        String ends = onnx.int64Initializer(name + "_ends", in.getHeight() - c[1], in.getWidth() - c[3]);
        String axes = onnx.int64Initializer(name + "_axes", 2, 3);
        return onnx.node("Slice", name, new String[] {input, starts, ends, axes});
    }

    private String batchNorm(String name, BatchNormalization bn, Layer layer, String input) {
        requireNchw(name, bn.getCnn2DFormat());
        float[] mean = layer.getParam("mean").ravel().toFloatVector();
        float[] var;
        if (bn.isUseLogStd()) {
            // DL4J keeps log10(std) by default: var = 10^(2 * log10std).
            float[] log10std = layer.getParam("log10stdev").ravel().toFloatVector();
            var = new float[log10std.length];
            for (int i = 0; i < var.length; i++) {
                var[i] = (float) Math.pow(10, 2.0 * log10std[i]);
            }
        } else {
            var = layer.getParam("var").ravel().toFloatVector();
        }
        long channels = mean.length;
        String gamma;
        String beta;
        if (bn.isLockGammaBeta()) {
            gamma = onnx.initializer(name + "_scale", filled((int) channels, (float) bn.getGamma()), channels);
            beta = onnx.initializer(name + "_bias", filled((int) channels, (float) bn.getBeta()), channels);
        } else {
            gamma = vector(name + "_scale", layer.getParam("gamma"));
            beta = vector(name + "_bias", layer.getParam("beta"));
        }
        String[] inputs = {
            input,
            gamma,
            beta,
            onnx.initializer(name + "_mean", mean, channels),
            onnx.initializer(name + "_var", var, channels)
        };
        return onnx.node("BatchNormalization", name, inputs, floatAttr("epsilon", (float) bn.getEps()));
    }

    private String dense(String name, DenseLayer dense, Layer layer, String input) {
        if (dense.hasLayerNorm()) {
            throw new UnsupportedLayerException(name, "layer normalisation");
        }
        // W is [nIn, nOut] (stored in f order: read through a c-order copy): out = x W + b = Gemm(transB=0).
        String w = weights(name + "_W", layer.getParam("W"));
        String b = hasBias(layer)
                ? vector(name + "_B", layer.getParam("b"))
                : onnx.initializer(name + "_B", new float[(int) dense.getNOut()], dense.getNOut());
        return onnx.node("Gemm", name, new String[] {input, w, b}, intAttr("transA", 0), intAttr("transB", 0));
    }

    /** {@code 1 / (1 + exp(-x))}: the output of a decoder trained on BCE. */
    public String sigmoid(String name, String input) {
        return onnx.node("Sigmoid", name, new String[] {input});
    }

    private String activation(String name, IActivation fn, String input) {
        if (fn == null || fn instanceof ActivationIdentity) {
            return input;
        }
        if (fn instanceof ActivationGELU gelu) {
            if (gelu.isPrecise()) {
                throw new UnsupportedLayerException(
                        name, "GELU(precise=true), whose DL4J formula matches no ONNX form");
            }
            return sigmoidGelu(name, input);
        }
        if (fn instanceof ActivationErfGelu) {
            return erfGelu(name, input);
        }
        if (fn instanceof ActivationSigmoid) {
            return sigmoid(name + "_sigmoid", input);
        }
        throw new UnsupportedLayerException(name, "activation " + fn);
    }

    /** DL4J's {@code x * sigmoid(1.702 x)}. */
    private String sigmoidGelu(String name, String input) {
        String scale = onnx.initializer(name + "_gelu_scale", new float[] {GELU_SIGMOID_SCALE});
        String scaled = onnx.node("Mul", name + "_gelu_scaled", new String[] {input, scale});
        String gate = onnx.node("Sigmoid", name + "_gelu_gate", new String[] {scaled});
        return onnx.node("Mul", name + "_gelu", new String[] {input, gate});
    }

    /** {@code 0.5 x (1 + erf(x / sqrt 2))} in opset-9 ops: the {@code Gelu} op needs opset 20, we export 18. */
    private String erfGelu(String name, String input) {
        String invSqrt2 = onnx.initializer(name + "_gelu_inv_sqrt2", new float[] {(float) (1 / Math.sqrt(2))});
        String one = onnx.initializer(name + "_gelu_one", new float[] {1f});
        String half = onnx.initializer(name + "_gelu_half", new float[] {0.5f});
        String scaled = onnx.node("Mul", name + "_gelu_scaled", new String[] {input, invSqrt2});
        String erf = onnx.node("Erf", name + "_gelu_erf", new String[] {scaled});
        String cdf2 = onnx.node("Add", name + "_gelu_cdf2", new String[] {erf, one});
        String halfX = onnx.node("Mul", name + "_gelu_half_x", new String[] {input, half});
        return onnx.node("Mul", name + "_gelu", new String[] {halfX, cdf2});
    }

    /** A weight tensor with its DL4J shape, in C order whatever order DL4J keeps it in. */
    private String weights(String base, INDArray values) {
        INDArray c = values.dup('c');
        return onnx.initializer(base, c.ravel().toFloatVector(), c.shape());
    }

    /** A per-channel parameter (DL4J keeps them as [1, n] rows) as the 1-D tensor ONNX expects. */
    private String vector(String base, INDArray values) {
        return onnx.initializer(base, values.dup('c').ravel().toFloatVector(), values.length());
    }

    private static boolean hasBias(Layer layer) {
        return layer.paramTable().containsKey("b");
    }

    private static float[] filled(int n, float v) {
        float[] out = new float[n];
        java.util.Arrays.fill(out, v);
        return out;
    }

    private static void requireNchw(String name, CNN2DFormat format) {
        if (format != null && format != CNN2DFormat.NCHW) {
            throw new UnsupportedLayerException(name, "data format " + format);
        }
    }

    private static void requireNoDilation(String name, int[] dilation) {
        if (dilation != null && (dilation[0] != 1 || dilation[1] != 1)) {
            throw new UnsupportedLayerException(name, "dilation " + java.util.Arrays.toString(dilation));
        }
    }
}
