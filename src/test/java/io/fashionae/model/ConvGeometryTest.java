package io.fashionae.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.config.PaddingForm;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.junit.jupiter.api.Test;

class ConvGeometryTest {
    private static final ConvGeometry DL4J_SAME = new ConvGeometry(ConvolutionMode.Same, 0, 0, 0);

    @Test
    void seedConvolutionIsTruncateModeWithPaddingOneLikeConv2dPadding1() {
        assertThat(ConvGeometry.convolution(PaddingForm.TORCH, 3, 2, 32, 16))
                .isEqualTo(new ConvGeometry(ConvolutionMode.Truncate, 1, 0, 0));
    }

    @Test
    void seedTransposedConvolutionCropsTheFirstRowAndColumnLikeOutputPadding1() {
        ConvGeometry g = ConvGeometry.transposed(PaddingForm.TORCH, 3, 2);
        assertThat(g).isEqualTo(new ConvGeometry(ConvolutionMode.Truncate, 0, 1, 0));
        assertThat(g.crops()).isTrue();
    }

    @Test
    void sameFormIsAlwaysDl4jSameMode() {
        assertThat(ConvGeometry.convolution(PaddingForm.SAME, 3, 2, 32, 16)).isEqualTo(DL4J_SAME);
        assertThat(ConvGeometry.convolution(PaddingForm.SAME, 2, 1, 32, 32)).isEqualTo(DL4J_SAME);
        assertThat(ConvGeometry.transposed(PaddingForm.SAME, 3, 2)).isEqualTo(DL4J_SAME);
    }

    @Test
    void evenPaddingIsSymmetricSoSameModeIsAlreadyTorchPadding() {
        assertThat(ConvGeometry.convolution(PaddingForm.TORCH, 4, 2, 32, 16)).isEqualTo(DL4J_SAME);
        assertThat(ConvGeometry.convolution(PaddingForm.TORCH, 3, 1, 32, 32)).isEqualTo(DL4J_SAME);
        assertThat(ConvGeometry.transposed(PaddingForm.TORCH, 4, 2)).isEqualTo(DL4J_SAME);
    }

    @Test
    void kernelSmallerThanStrideNeedsNoPaddingInEitherForm() {
        // Convolution: the windows never reach past the image. Transposed: both forms pad s - k at the end.
        assertThat(ConvGeometry.convolution(PaddingForm.TORCH, 3, 4, 16, 4)).isEqualTo(DL4J_SAME);
        assertThat(ConvGeometry.transposed(PaddingForm.TORCH, 1, 2)).isEqualTo(DL4J_SAME);
    }

    @Test
    void oddPaddingWithStrideOneCropsTheSurplusRowAtTheEnd() {
        // Kernel 2, stride 1: PyTorch-style pads 1 before and 0 after; truncate pads 1 on both sides.
        assertThat(ConvGeometry.convolution(PaddingForm.TORCH, 2, 1, 32, 32))
                .isEqualTo(new ConvGeometry(ConvolutionMode.Truncate, 1, 0, 1));
    }

    @Test
    void largerOddCropsPutTheExtraPixelFirst() {
        assertThat(ConvGeometry.convolution(PaddingForm.TORCH, 5, 2, 32, 16))
                .isEqualTo(new ConvGeometry(ConvolutionMode.Truncate, 2, 0, 0));
        assertThat(ConvGeometry.transposed(PaddingForm.TORCH, 5, 2))
                .isEqualTo(new ConvGeometry(ConvolutionMode.Truncate, 0, 2, 1));
    }
}
