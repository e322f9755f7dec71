package io.fashionae.model;

import io.fashionae.config.PaddingForm;
import org.deeplearning4j.nn.conf.ConvolutionMode;

/**
 * How one (transposed) convolution is set up in DL4J to reproduce a {@link PaddingForm}: a
 * convolution mode, a symmetric padding, and a crop of the layer's output for what DL4J cannot
 * pad or crop asymmetrically by itself.
 *
 * <p>DL4J's same mode puts an odd pixel at the end. Where the padding (or the transposed
 * convolution's crop) is even, same mode is symmetric and already is PyTorch's layer. Where it is
 * odd, a convolution pads {@code ceil(total / 2)} on both sides in truncate mode (the surplus at
 * the end is never reached when the stride exceeds 1; with stride 1 it yields one extra row and
 * column, cropped at the end), and a transposed convolution computes its full output
 * ({@code (in - 1) s + k}) and crops {@code ceil((k - s) / 2)} at the start and the rest at the end,
 * as {@code ConvTranspose2d(padding=p, output_padding=1)} does.
 *
 * @param mode      the DL4J convolution mode
 * @param padding   symmetric padding in truncate mode; 0 in same mode
 * @param cropStart rows (and columns) to crop at the top (and left) of the layer's output
 * @param cropEnd   rows (and columns) to crop at the bottom (and right)
 */
public record ConvGeometry(ConvolutionMode mode, int padding, int cropStart, int cropEnd) {
    private static final ConvGeometry SAME = new ConvGeometry(ConvolutionMode.Same, 0, 0, 0);

    /** Validates that truncate mode is the only one with padding. */
    public ConvGeometry {
        if (padding < 0 || cropStart < 0 || cropEnd < 0 || (mode == ConvolutionMode.Same && padding != 0)) {
            throw new IllegalArgumentException(
                    "invalid geometry " + mode + " padding " + padding + " crop " + cropStart + "/" + cropEnd);
        }
    }

    /**
     * A convolution of kernel {@code k} and stride {@code s} mapping side {@code in} to {@code out},
     * the side {@link io.fashionae.config.ModelConfig#encoderSides()} derives.
     */
    static ConvGeometry convolution(PaddingForm form, int k, int s, int in, int out) {
        int total = totalPadding(k, s, in, out);
        if (form == PaddingForm.SAME || total % 2 == 0) {
            return SAME;
        }
        int pad = (total + 1) / 2;
        int truncateOut = (in + 2 * pad - k) / s + 1;
        return new ConvGeometry(ConvolutionMode.Truncate, pad, 0, truncateOut - out);
    }

    /** A transposed convolution of kernel {@code k} and stride {@code s} multiplying a side by {@code s}. */
    static ConvGeometry transposed(PaddingForm form, int k, int s) {
        int crop = k - s;
        // crop < 0: both forms pad the full output by s - k at the end (PyTorch's output_padding).
        if (form == PaddingForm.SAME || crop <= 0 || crop % 2 == 0) {
            return SAME;
        }
        return new ConvGeometry(ConvolutionMode.Truncate, 0, (crop + 1) / 2, crop / 2);
    }

    /**
     * The padding {@code {before, after}} of such a convolution where padding may be asymmetric
     * (oneDNN's): the odd pixel before for {@link PaddingForm#TORCH}, after for
     * {@link PaddingForm#SAME}.
     */
    static int[] asymmetricPadding(PaddingForm form, int k, int s, int in, int out) {
        int total = totalPadding(k, s, in, out);
        int before = form == PaddingForm.SAME ? total / 2 : (total + 1) / 2;
        return new int[] {before, total - before};
    }

    private static int totalPadding(int k, int s, int in, int out) {
        return Math.max((out - 1) * s + k - in, 0);
    }

    /** Whether the layer's output needs a crop layer after it. */
    boolean crops() {
        return cropStart > 0 || cropEnd > 0;
    }
}
