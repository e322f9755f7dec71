package io.fashionae.model;

import io.fashionae.config.ModelConfig;

/**
 * The arithmetic of the architecture, for benchmarks: multiply-adds of one image's forward pass
 * through the convolutions, transposed convolutions and dense layers (batch norm, GELU and the
 * loss are elementwise and left out). A transposed convolution is counted by its input, each
 * input pixel meeting every kernel tap once ({@code in^2 Cin Cout k^2}); the seed's model comes to
 * 14.3 M multiply-adds, 83% of them in the three transposed convolutions ({@link
 * PlannedLayer#multiplyAdds} counts each layer).
 *
 * @param forwardMultiplyAdds multiply-adds of one image's forward pass
 */
public record ModelWork(long forwardMultiplyAdds) {

    /**
     * A training step costs about three forward passes (forward, gradient of the input, gradient
     * of the weights), each multiply-add two floating-point operations.
     */
    private static final int TRAINING_FLOPS_PER_MULTIPLY_ADD = 6;

    /** The work of {@code config}'s model, summed over its {@link ArchitecturePlan}'s layers. */
    public static ModelWork of(ModelConfig config) {
        return new ModelWork(ArchitecturePlan.of(config).forwardMultiplyAdds());
    }

    /** Floating-point operations of one image's training step (forward and backward). */
    public double trainingFlopsPerImage() {
        return (double) TRAINING_FLOPS_PER_MULTIPLY_ADD * forwardMultiplyAdds;
    }
}
