package io.fashionae.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fashionae.common.UserException;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    @Test
    void seedDefaultsAreTheArticlesSettings() {
        TrainingConfig t = TrainingConfig.seedDefaults();
        assertThat(t.epochs()).isEqualTo(3);
        assertThat(t.batchSize()).isEqualTo(64);
        assertThat(t.learningRate()).isEqualTo(5e-4);
        assertThat(t.weightDecay()).isEqualTo(1e-5);
    }

    @Test
    void rejectsZeroEpochsNamingTheOption() {
        assertThatThrownBy(() -> new TrainingConfig(0, 64, 5e-4, 1e-5, 1, 0, 0))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("--epochs");
    }

    @Test
    void rejectsNegativeBatchSizeAndLimits() {
        assertThatThrownBy(() -> new TrainingConfig(1, -1, 5e-4, 1e-5, 1, 0, 0)).hasMessageContaining("--batch-size");
        assertThatThrownBy(() -> new TrainingConfig(1, 8, 5e-4, 1e-5, 1, -5, 0)).hasMessageContaining("--train-limit");
        assertThatThrownBy(() -> new TrainingConfig(1, 8, Double.NaN, 1e-5, 1, 0, 0))
                .hasMessageContaining("--lr");
    }
}
