package io.fashionae.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.config.ModelConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's arithmetic count, checked layer by layer on the seed's model. */
class ModelWorkTest {

    @Test
    void theSeedModelDoes14Point3MillionMultiplyAddsForward() {
        long encoder = 16 * 16 * 1 * 32 * 9 + 8 * 8 * 32 * 64 * 9 + 4 * 4 * 64 * 128 * 9;
        long dense = 2L * 2048 * 2;
        long decoder = 4 * 4 * 128 * 128 * 9 + 8 * 8 * 128 * 64 * 9 + 16 * 16 * 64 * 32 * 9;
        long output = 32 * 32 * 32;
        ModelWork work = ModelWork.of(ModelConfig.seedDefaults());
        assertThat(work.forwardMultiplyAdds())
                .isEqualTo(encoder + dense + decoder + output)
                .isEqualTo(14_270_464);
        assertThat((double) decoder / work.forwardMultiplyAdds()).isBetween(0.82, 0.83);
        assertThat(work.trainingFlopsPerImage()).isEqualTo(6.0 * 14_270_464);
    }

    @Test
    void aWiderLatentAndOtherChannelsChangeTheCount() {
        ModelConfig base = ModelConfig.seedDefaults();
        long seed = ModelWork.of(base).forwardMultiplyAdds();
        assertThat(ModelWork.of(base.withLatentDim(8)).forwardMultiplyAdds()).isEqualTo(seed + 2L * 2048 * 6);
        ModelConfig narrow = ModelConfig.builder()
                .encoder(List.of(3, 3), List.of(8, 16), List.of(2, 2))
                .gelu(base.gelu())
                .padding(base.padding())
                .build();
        long expected = 16 * 16 * 8 * 9
                + 8 * 8 * 8 * 16 * 9
                + 2L * 16 * 8 * 8 * 2
                + 8 * 8 * 16 * 16 * 9
                + 16 * 16 * 16 * 8 * 9
                + 32 * 32 * 8;
        assertThat(ModelWork.of(narrow).forwardMultiplyAdds()).isEqualTo(expected);
    }
}
