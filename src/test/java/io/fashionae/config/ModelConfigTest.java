package io.fashionae.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fashionae.common.Json;
import io.fashionae.common.UserException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelConfigTest {

    @Test
    void theBuilderStartsFromTheSeedAndChangesOnlyWhatItIsTold() {
        assertThat(ModelConfig.builder().build()).isEqualTo(ModelConfig.seedDefaults());
        ModelConfig narrow = ModelConfig.builder()
                .encoder(List.of(5, 3), List.of(8, 16), List.of(1, 2))
                .latentDim(3)
                .build();
        assertThat(narrow.layers()).isEqualTo(2);
        assertThat(narrow.toBuilder().build()).isEqualTo(narrow);
        assertThat(narrow.withLatentDim(2).latentDim()).isEqualTo(2);
        assertThat(narrow.batchNorm()).isTrue();
    }

    @Test
    void aLayerCountGivenApartFromTheListsMustMatchThem() {
        assertThatThrownBy(() -> ModelConfig.builder().layers(4).build())
                .isInstanceOf(UserException.class)
                .hasMessageContaining("kernels must list one value per layer (4)");
        assertThatThrownBy(() -> ModelConfig.builder().layers(0).build())
                .hasMessageContaining("layers must be between 1");
    }

    @Test
    void seedDefaultsDeriveTheBottleneckFromTheStrides() {
        ModelConfig c = ModelConfig.seedDefaults();
        assertThat(c.encoderSides()).containsExactly(32, 16, 8, 4);
        assertThat(c.bottleneckSide()).isEqualTo(4);
        assertThat(c.flattenedSize()).isEqualTo(128 * 4 * 4);
    }

    @Test
    void decoderMirrorsTheEncoderChannels() {
        ModelConfig c = ModelConfig.seedDefaults();
        assertThat(List.of(c.decoderInChannels(0), c.decoderInChannels(1), c.decoderInChannels(2)))
                .containsExactly(128, 128, 64);
        assertThat(List.of(c.decoderOutChannels(0), c.decoderOutChannels(1), c.decoderOutChannels(2)))
                .containsExactly(128, 64, 32);
    }

    @Test
    void derivedSizesFollowAnotherArchitecture() {
        ModelConfig c = new ModelConfig(
                2,
                List.of(5, 3),
                List.of(16, 48),
                List.of(2, 4),
                8,
                false,
                false,
                0.15,
                32,
                1,
                GeluForm.ERF,
                PaddingForm.TORCH,
                Objective.SEED);
        assertThat(c.encoderSides()).containsExactly(32, 16, 4);
        assertThat(c.flattenedSize()).isEqualTo(48 * 4 * 4);
        assertThat(c.decoderStride(0)).isEqualTo(4);
        assertThat(c.decoderKernel(0)).isEqualTo(3);
    }

    @Test
    void rejectsStridesThatCannotReconstruct32x32() {
        assertThatThrownBy(() -> new ModelConfig(
                        3,
                        List.of(3, 3, 3),
                        List.of(8, 8, 8),
                        List.of(3, 2, 2),
                        2,
                        true,
                        false,
                        0.15,
                        32,
                        1,
                        GeluForm.ERF,
                        PaddingForm.TORCH,
                        Objective.SEED))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("cannot reconstruct 32x32")
                .hasMessageContaining("3x3");
    }

    @Test
    void rejectsALatentDimensionOfZero() {
        assertThatThrownBy(() -> ModelConfig.seedDefaults().withLatentDim(0))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("latent dim");
    }

    @Test
    void rejectsListsThatDoNotMatchTheLayerCount() {
        assertThatThrownBy(() -> new ModelConfig(
                        3,
                        List.of(3, 3),
                        List.of(8, 8, 8),
                        List.of(2, 2, 2),
                        2,
                        true,
                        false,
                        0.15,
                        32,
                        1,
                        GeluForm.ERF,
                        PaddingForm.TORCH,
                        Objective.SEED))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("kernels must list one value per layer");
    }

    @Test
    void rejectsNonPositiveChannels() {
        assertThatThrownBy(() -> new ModelConfig(
                        1,
                        List.of(3),
                        List.of(0),
                        List.of(2),
                        2,
                        true,
                        false,
                        0.15,
                        32,
                        1,
                        GeluForm.ERF,
                        PaddingForm.TORCH,
                        Objective.SEED))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("channels");
    }

    @Test
    void survivesAJsonRoundTrip() throws Exception {
        ModelConfig c = ModelConfig.seedDefaults().withLatentDim(8);
        assertThat(Json.read(Json.write(c), ModelConfig.class)).isEqualTo(c);
        assertThat(Json.write(c)).contains("\"latent_dim\" : 8");
    }

    @Test
    void theSeedsGeluIsTheErfForm() throws Exception {
        assertThat(ModelConfig.seedDefaults().gelu()).isEqualTo(GeluForm.ERF);
        assertThat(Json.write(ModelConfig.seedDefaults().withGelu(GeluForm.SIGMOID)))
                .contains("\"gelu\" : \"SIGMOID\"");
    }

    @Test
    void aModelFileWrittenBeforeTheGeluSettingReadsAsTheSigmoidForm() throws Exception {
        String json = Json.write(ModelConfig.seedDefaults()).replaceAll(",\\s*\"gelu\" : \"ERF\"", "");
        assertThat(json).doesNotContain("gelu");
        assertThat(Json.read(json, ModelConfig.class).gelu()).isEqualTo(GeluForm.SIGMOID);
    }

    @Test
    void theSeedsPaddingIsPyTorchs() throws Exception {
        assertThat(ModelConfig.seedDefaults().padding()).isEqualTo(PaddingForm.TORCH);
        assertThat(Json.write(ModelConfig.seedDefaults().withPadding(PaddingForm.SAME)))
                .contains("\"padding\" : \"SAME\"");
    }

    @Test
    void aModelFileWrittenBeforeThePaddingSettingReadsAsDl4jsSameMode() throws Exception {
        String json = Json.write(ModelConfig.seedDefaults()).replaceAll(",\\s*\"padding\" : \"TORCH\"", "");
        assertThat(json).doesNotContain("padding");
        assertThat(Json.read(json, ModelConfig.class).padding()).isEqualTo(PaddingForm.SAME);
    }
}
