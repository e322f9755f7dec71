package io.fashionae.config;

/**
 * Which formula the GELU activations compute. The two differ by up to 0.02 (near |x| = 2), enough
 * to change what a 2-D latent space converges to, so it is part of the architecture.
 */
public enum GeluForm {
    /** {@code 0.5 x (1 + erf(x / sqrt 2))}: PyTorch's {@code nn.GELU()}, the seed's; the default. */
    ERF,
    /**
     * {@code x * sigmoid(1.702 x)}: DL4J's built-in {@code Activation.GELU}, used by models saved
     * before the option.
     */
    SIGMOID
}
