package io.fashionae.model.layer;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The layer of {@link NativeConvolution}: forward through libnd4j's {@code conv2d}, backward
 * through {@code conv2d_bp}. DL4J's weights are {@code [out, in, kH, kW]}; the ops take
 * {@code [kH, kW, in, out]}, so both the weights and their gradient view are passed permuted
 * (views, no copy): the gradient lands directly in DL4J's flattened gradient array.
 */
public class NativeConvolutionLayer extends ConvolutionLayer {
    /** Called by {@link NativeConvolution#instantiate}. */
    public NativeConvolutionLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        validateInputRank();
        INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, training, mgr);
        CNN2DFormat format = layerConf().getCnn2dDataFormat();
        validateInputDepth(weights.size(1));
        int[] inSide = NativeConvArgs.spatial(input.shape(), format);
        int[] outSide = outputSide(format);
        INDArray output = mgr.create(
                ArrayType.ACTIVATIONS,
                input.dataType(),
                NativeConvArgs.shape(input.size(0), weights.size(0), outSide, format),
                'c');
        Nd4j.exec(DynamicCustomOp.builder("conv2d")
                .addInputs(
                        hasBias()
                                ? new INDArray[] {
                                    input,
                                    weights.permute(NativeBackprop.TO_OP_WEIGHTS),
                                    getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, training, mgr)
                                }
                                : new INDArray[] {input, weights.permute(NativeBackprop.TO_OP_WEIGHTS)})
                .addIntegerArguments(NativeConvArgs.of(layerConf(), outSide, inSide))
                .addOutputs(output)
                .build());
        return new Pair<>(output, null);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, true, mgr);
        INDArray bias = hasBias() ? getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, true, mgr) : null;
        CNN2DFormat format = layerConf().getCnn2dDataFormat();
        INDArray delta = outputGradient(epsilon, mgr);
        INDArray inputGrad = mgr.create(ArrayType.ACTIVATION_GRAD, weights.dataType(), input.shape(), 'c');
        int[] args = NativeConvArgs.of(
                layerConf(),
                NativeConvArgs.spatial(delta.shape(), format),
                NativeConvArgs.spatial(input.shape(), format));
        Gradient gradient = NativeBackprop.run(
                "conv2d_bp",
                args,
                input,
                delta,
                inputGrad,
                new NativeBackprop.ParamArrays(weights, bias),
                new NativeBackprop.ParamArrays(
                        gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY),
                        gradientViews.get(ConvolutionParamInitializer.BIAS_KEY)));
        weightNoiseParams.clear();
        return new Pair<>(gradient, inputGrad);
    }

    /**
     * dL/dz from dL/da. With the identity activation they are the same array, and DL4J's
     * recomputation of the forward pass to get z is skipped: it was a third of the layer's time.
     */
    private INDArray outputGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        if (layerConf().getActivationFn() instanceof ActivationIdentity) {
            return epsilon;
        }
        INDArray z = preOutput(true, true, mgr).getFirst();
        return layerConf().getActivationFn().backprop(z, epsilon).getFirst();
    }

    private int[] outputSide(CNN2DFormat format) {
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer conf = layerConf();
        int[] padding = conf.getConvolutionMode() == ConvolutionMode.Same ? null : conf.getPadding();
        return ConvolutionUtils.getOutputSize(
                input,
                conf.getKernelSize(),
                conf.getStride(),
                padding,
                conf.getConvolutionMode(),
                conf.getDilation(),
                format);
    }
}
