package io.fashionae.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.config.ModelConfig;
import org.junit.jupiter.api.Test;

class ModelSummaryTest {

    @Test
    void listsEveryLayerWithItsOutputShapeAndParameters() {
        ModelSummary s =
                ModelSummary.of(Autoencoder.create(ModelConfig.seedDefaults(), new OptimizerSettings(1e-3, 0, 1)));
        assertThat(s.trainable()).isEqualTo(343_619);
        assertThat(s.runningStats()).isEqualTo(832);
        assertThat(s.rows())
                .extracting(ModelSummary.Row::name)
                .startsWith("image", "encoder1_conv", "encoder1_bn", "encoder1_gelu")
                .endsWith("decoder3_gelu", "decoder_output");
        assertThat(s.rows())
                .filteredOn(r -> r.name().equals("encoder3_conv"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.shape()).isEqualTo("[-1,128,4,4]");
                    assertThat(r.params()).isEqualTo(73_856);
                });
        // PyTorch's output_padding: the full transposed convolution, then its first row and column cropped.
        assertThat(s.rows())
                .filteredOn(r -> r.name().equals("decoder3_deconv"))
                .singleElement()
                .satisfies(r -> assertThat(r.shape()).isEqualTo("[-1,32,33,33]"));
        assertThat(s.rows())
                .filteredOn(r -> r.name().equals("decoder3_crop"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.shape()).isEqualTo("[-1,32,32,32]");
                    assertThat(r.params()).isZero();
                });
        assertThat(s.format()).contains("Trainable params: 343,619").contains("Activation(GELU_ERF)");
    }
}
