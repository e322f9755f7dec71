package io.fashionae.model.layer;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.util.ConvolutionUtils;

/**
 * The integer arguments libnd4j's {@code conv2d}, {@code deconv2d} and their {@code _bp} ops
 * take: kernel, stride, top-left padding, dilation, same-mode flag and data format.
 */
final class NativeConvArgs {
    private NativeConvArgs() {}

    /**
     * In same mode libnd4j derives the padding from the shapes itself; the padding passed is
     * DL4J's own, kept so that both layers hand the ops exactly what DL4J's layers do.
     *
     * @param conf       the layer's configuration
     * @param outputSide the op's output [h, w]
     * @param inputSide  the op's input [h, w]
     */
    static int[] of(ConvolutionLayer conf, int[] outputSide, int[] inputSide) {
        int[] kernel = conf.getKernelSize();
        int[] stride = conf.getStride();
        int[] dilation = conf.getDilation();
        boolean same = conf.getConvolutionMode() == ConvolutionMode.Same;
        int[] pad = same
                ? ConvolutionUtils.getSameModeTopLeftPadding(outputSide, inputSide, kernel, stride, dilation)
                : conf.getPadding();
        return new int[] {
            kernel[0],
            kernel[1],
            stride[0],
            stride[1],
            pad[0],
            pad[1],
            dilation[0],
            dilation[1],
            same ? 1 : 0,
            conf.getCnn2dDataFormat() == CNN2DFormat.NCHW ? 0 : 1
        };
    }

    /** Height and width of a rank-4 array in the layer's format. */
    static int[] spatial(long[] shape, CNN2DFormat format) {
        return format == CNN2DFormat.NCHW
                ? new int[] {(int) shape[2], (int) shape[3]}
                : new int[] {(int) shape[1], (int) shape[2]};
    }

    /** A rank-4 shape in the layer's format. */
    static long[] shape(long batch, long channels, int[] hw, CNN2DFormat format) {
        return format == CNN2DFormat.NCHW
                ? new long[] {batch, channels, hw[0], hw[1]}
                : new long[] {batch, hw[0], hw[1], channels};
    }
}
