package io.fashionae.model.layer;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.Deconvolution2DLayer;
import org.deeplearning4j.nn.params.DeconvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The layer of {@link NativeDeconvolution2D}. DL4J's forward pass already is libnd4j's
 * {@code deconv2d}; its backward pass is {@code deconv2d_bp} too, but first recomputes the whole
 * forward pass to get the pre-activation, which for the identity activation is not needed: on
 * the seed's decoder that recomputation was about a fifth of a training step. DL4J's weights are
 * {@code [in, out, kH, kW]}; the ops take {@code [kH, kW, out, in]} (a permuted view, no copy).
 */
public class NativeDeconvolution2DLayer extends Deconvolution2DLayer {
    /** Called by {@link NativeDeconvolution2D#instantiate}. */
    public NativeDeconvolution2DLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        if (!(layerConf().getActivationFn() instanceof ActivationIdentity)) {
            return super.backpropGradient(epsilon, mgr);
        }
        assertInputSet(true);
        INDArray weights = getParamWithNoise(DeconvolutionParamInitializer.WEIGHT_KEY, true, mgr);
        INDArray bias = hasBias() ? getParamWithNoise(DeconvolutionParamInitializer.BIAS_KEY, true, mgr) : null;
        CNN2DFormat format = layerConf().getCnn2dDataFormat();
        INDArray inputGrad = mgr.create(ArrayType.ACTIVATION_GRAD, weights.dataType(), input.shape(), 'c');
        int[] args = NativeConvArgs.of(
                layerConf(),
                NativeConvArgs.spatial(epsilon.shape(), format),
                NativeConvArgs.spatial(input.shape(), format));
        Gradient gradient = NativeBackprop.run(
                "deconv2d_bp",
                args,
                input,
                epsilon,
                inputGrad,
                new NativeBackprop.ParamArrays(weights, bias),
                new NativeBackprop.ParamArrays(
                        gradientViews.get(DeconvolutionParamInitializer.WEIGHT_KEY),
                        gradientViews.get(DeconvolutionParamInitializer.BIAS_KEY)));
        weightNoiseParams.clear();
        return new Pair<>(gradient, inputGrad);
    }
}
