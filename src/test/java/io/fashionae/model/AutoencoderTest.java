package io.fashionae.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.config.ModelConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AutoencoderTest {
    private static final OptimizerSettings OPT = new OptimizerSettings(5e-4, 1e-5, 7);

    @Test
    void seedArchitectureHasTheSeedsTrainableParameterCount() {
        Autoencoder ae = Autoencoder.create(ModelConfig.seedDefaults(), OPT);
        assertThat(ae.trainableParameterCount()).isEqualTo(343_619);
        // DL4J also stores batch norm's running mean and variance: 2 x (32+64+128 + 128+64).
        assertThat(ae.graph().numParams()).isEqualTo(343_619 + 832);
    }

    @Test
    void shapesRunFromImageToLatentToImage() {
        Autoencoder ae = Autoencoder.create(ModelConfig.seedDefaults(), OPT);
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 1, 32, 32);
        assertThat(ae.encode(x).shape()).containsExactly(5, 2);
        assertThat(ae.reconstruct(x).shape()).containsExactly(5, 1, 32, 32);
        assertThat(ae.decode(Nd4j.rand(DataType.FLOAT, 3, 2)).shape()).containsExactly(3, 1, 32, 32);
    }

    @Test
    void encoderThenDecoderEqualsTheFullGraphAfterTraining() {
        Autoencoder ae = Autoencoder.create(ModelConfig.seedDefaults(), OPT);
        INDArray x = Nd4j.rand(DataType.FLOAT, 16, 1, 32, 32);
        for (int i = 0; i < 3; i++) {
            ae.fitBatch(x);
        }
        INDArray full = ae.reconstruct(x);
        INDArray twoSteps = ae.decode(ae.encode(x));
        assertThat(twoSteps.equalsWithEps(full, 1e-5)).isTrue();
        INDArray latentFromFull = ae.graph().output(List.of("latent"), false, new INDArray[] {x}, null)[0];
        assertThat(ae.encode(x).equalsWithEps(latentFromFull, 1e-6)).isTrue();
    }

    @Test
    void otherArchitecturesBuildWithTheirOwnShapes() {
        ModelConfig c = ModelConfig.builder()
                .encoder(List.of(5, 3), List.of(16, 24), List.of(4, 2))
                .latentDim(8)
                .batchNorm(false)
                .dropout(true, 0.15)
                .build();
        Autoencoder ae = Autoencoder.create(c, OPT);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 1, 32, 32);
        assertThat(ae.encode(x).shape()).containsExactly(2, 8);
        assertThat(ae.reconstruct(x).shape()).containsExactly(2, 1, 32, 32);
        assertThat(ae.graph().getConfiguration().getVertices())
                .containsKey("encoder1_dropout")
                .doesNotContainKey("encoder1_bn");
    }

    @Test
    void theSameSeedGivesTheSameInitialWeights() {
        INDArray a = Autoencoder.create(ModelConfig.seedDefaults(), OPT).graph().params();
        INDArray b = Autoencoder.create(ModelConfig.seedDefaults(), OPT).graph().params();
        assertThat(a).isEqualTo(b);
    }
}
