package io.fashionae.model;

import io.fashionae.config.ModelConfig;
import java.util.List;

/**
 * The arithmetic of the architecture, for benchmarks: multiply-adds of one image's forward pass
 * through the convolutions, transposed convolutions and dense layers (batch norm, GELU and the
 * loss are elementwise and left out). A transposed convolution is counted by its input, each
 * input pixel meeting every kernel tap once ({@code in^2 Cin Cout k^2}); the seed's model comes to
 * 14.3 M multiply-adds, 83% of them in the three transposed convolutions.
 *
 * @param forwardMultiplyAdds multiply-adds of one image's forward pass
 */
public record ModelWork(long forwardMultiplyAdds) {

    /**
     * A training step costs about three forward passes (forward, gradient of the input, gradient
     * of the weights), each multiply-add two floating-point operations.
     */
    private static final int TRAINING_FLOPS_PER_MULTIPLY_ADD = 6;

    /** The work of {@code config}'s model. */
    public static ModelWork of(ModelConfig config) {
        List<Integer> sides = config.encoderSides();
        long macs = 0;
        int in = config.imageChannels();
        for (int i = 0; i < config.layers(); i++) {
            long out = sides.get(i + 1);
            long k = config.kernels().get(i);
            macs += out * out * in * config.channels().get(i) * k * k;
            in = config.channels().get(i);
        }
        macs += 2L * config.flattenedSize() * config.latentDim();
        for (int i = 0; i < config.layers(); i++) {
            long side = sides.get(config.layers() - i);
            long k = config.decoderKernel(i);
            macs += side * side * config.decoderInChannels(i) * config.decoderOutChannels(i) * k * k;
        }
        long image = config.imageSize();
        macs += image * image * config.decoderOutChannels(config.layers() - 1) * config.imageChannels();
        return new ModelWork(macs);
    }

    /** Floating-point operations of one image's training step (forward and backward). */
    public double trainingFlopsPerImage() {
        return (double) TRAINING_FLOPS_PER_MULTIPLY_ADD * forwardMultiplyAdds;
    }
}
