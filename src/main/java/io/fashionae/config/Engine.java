package io.fashionae.config;

/**
 * Which kit of layers computes the network. Both kits build the same architecture with the same
 * parameter layout, so a model file trained with one loads, exports and resumes with the other; only
 * the code that runs each layer differs.
 */
public enum Engine {
    /** {@link #NATIVE} where libnd4j's oneDNN build is loaded on the CPU backend, {@link #DL4J} otherwise. */
    AUTO,
    /**
     * DL4J's own layers ({@code ConvolutionLayer}, {@code Deconvolution2D}, {@code BatchNormalization},
     * {@code Cropping2D}, {@code ActivationLayer}) with the exact GELU as an activation function: runs
     * on every platform and backend ND4J runs on, CUDA included.
     */
    DL4J,
    /**
     * The project's layers on libnd4j's native ops, with oneDNN's direct encoder for inference: the
     * fast path on the CPU backend's oneDNN build (Linux x86-64 as shipped by default).
     */
    NATIVE;

    /** The option's spelling, as in {@code --engine dl4j}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
