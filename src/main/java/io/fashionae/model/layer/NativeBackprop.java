package io.fashionae.model.layer;

import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The backward pass both native layers share: one libnd4j {@code conv2d_bp} or
 * {@code deconv2d_bp} call that writes the input gradient and, through permuted views, the
 * weight and bias gradients straight into DL4J's gradient views.
 */
final class NativeBackprop {
    /**
     * DL4J keeps convolution weights as {@code [out, in, kH, kW]} and deconvolution weights as
     * {@code [in, out, kH, kW]}; the ops want {@code [kH, kW, in, out]} and {@code [kH, kW, out, in]}:
     * the same permutation for both.
     */
    static final int[] TO_OP_WEIGHTS = {2, 3, 1, 0};

    private NativeBackprop() {}

    /**
     * A layer's weights and bias, or the gradient views they are written into.
     *
     * @param weights the weights in DL4J's layout {@code [out, in, kH, kW]}
     * @param bias    the bias, or null for a layer without one
     */
    record ParamArrays(INDArray weights, INDArray bias) {}

    /**
     * @param delta     dL/dz, the gradient at the op's output
     * @param inputGrad receives dL/dinput
     * @param params    the layer's parameters (a null bias: the layer has none, and
     *                  {@code grads.bias()} is ignored)
     * @param grads     the gradient views the parameter gradients are written into
     * @return the parameter gradients, as DL4J's layers return them
     */
    static Gradient run(
            String op,
            int[] args,
            INDArray input,
            INDArray delta,
            INDArray inputGrad,
            ParamArrays params,
            ParamArrays grads) {
        INDArray weights = params.weights();
        INDArray bias = params.bias();
        INDArray weightGrad = grads.weights();
        INDArray biasGrad = grads.bias();
        boolean hasBias = bias != null;
        Nd4j.exec(DynamicCustomOp.builder(op)
                .addInputs(
                        hasBias
                                ? new INDArray[] {input, weights.permute(TO_OP_WEIGHTS), bias, delta}
                                : new INDArray[] {input, weights.permute(TO_OP_WEIGHTS), delta})
                .addIntegerArguments(args)
                .addOutputs(
                        hasBias
                                ? new INDArray[] {inputGrad, weightGrad.permute(TO_OP_WEIGHTS), biasGrad}
                                : new INDArray[] {inputGrad, weightGrad.permute(TO_OP_WEIGHTS)})
                .build());
        Gradient gradient = new DefaultGradient();
        if (hasBias) {
            gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGrad);
        }
        gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGrad, 'c');
        return gradient;
    }
}
