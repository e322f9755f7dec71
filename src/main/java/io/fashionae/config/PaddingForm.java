package io.fashionae.config;

/**
 * Where a convolution's odd pixel of padding goes, and where a transposed convolution crops its
 * odd pixel, when a layer must keep a side at exactly {@code ceil(side / stride)} (or multiply it
 * by the stride). For the seed's kernel 3, stride 2 both forms give the same shapes but shift the
 * sampling grid by one pixel, so the two are different functions with different trained weights:
 * part of the architecture, like {@link GeluForm}.
 */
public enum PaddingForm {
    /**
     * The odd pixel at the top and left: PyTorch's {@code Conv2d(padding=1)} and
     * {@code ConvTranspose2d(padding=1, output_padding=1)}, the seed's layers; the default.
     */
    TORCH,
    /**
     * The odd pixel at the bottom and right: DL4J's (and TensorFlow's) {@code "same"} mode, used by
     * models saved before the option.
     */
    SAME
}
