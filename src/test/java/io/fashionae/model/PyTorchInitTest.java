package io.fashionae.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.config.ModelConfig;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class PyTorchInitTest {
    private static final OptimizerSettings OPT = new OptimizerSettings(1e-3, 0, 7);

    private static ComputationGraph seedGraph(long seed) {
        return Autoencoder.create(ModelConfig.seedDefaults(), new OptimizerSettings(1e-3, 0, seed))
                .graph();
    }

    private static void assertUniformWithin(INDArray values, double bound) {
        assertThat(values.amaxNumber().doubleValue()).isLessThanOrEqualTo(bound).isGreaterThan(0.8 * bound);
        if (values.length() < 1000) {
            return; // too few draws for a stable standard deviation
        }
        // U(-b, b) has mean 0 and standard deviation b / sqrt(3).
        assertThat(values.stdNumber().doubleValue())
                .isCloseTo(bound / Math.sqrt(3), org.assertj.core.data.Percentage.withPercentage(15));
    }

    @Test
    void weightsAndBiasesFollowPyTorchFanInBounds() {
        ComputationGraph g = seedGraph(7);
        assertUniformWithin(g.getLayer(GraphNames.encoder(2, "conv")).getParam("W"), 1 / Math.sqrt(32 * 9));
        assertUniformWithin(g.getLayer(GraphNames.encoder(2, "conv")).getParam("b"), 1 / Math.sqrt(32 * 9));
        assertUniformWithin(g.getLayer(GraphNames.LATENT).getParam("W"), 1 / Math.sqrt(2048));
        assertUniformWithin(g.getLayer(GraphNames.DECODER_DENSE).getParam("W"), 1 / Math.sqrt(2));
        // Transposed convolution: PyTorch's fan-in is out_channels * k * k (decoder block 2 maps 128 to 64 channels).
        assertUniformWithin(g.getLayer(GraphNames.decoder(2, "deconv")).getParam("W"), 1 / Math.sqrt(64 * 9));
        assertUniformWithin(g.getLayer(GraphNames.DECODER_OUTPUT).getParam("W"), 1 / Math.sqrt(32));
    }

    @Test
    void batchNormKeepsItsIdentityStart() {
        ComputationGraph g = seedGraph(7);
        INDArray gamma = g.getLayer(GraphNames.encoder(1, "bn")).getParam("gamma");
        assertThat(gamma.minNumber().doubleValue()).isEqualTo(1.0);
        assertThat(gamma.maxNumber().doubleValue()).isEqualTo(1.0);
    }

    @Test
    void sameSeedGivesSameStartAndAnotherSeedDoesNot() {
        assertThat(seedGraph(7).params()).isEqualTo(seedGraph(7).params());
        assertThat(seedGraph(7).params()).isNotEqualTo(seedGraph(8).params());
    }

    @Test
    void encoderAndDecoderViewsSeeTheNewWeights() {
        Autoencoder ae = Autoencoder.create(ModelConfig.seedDefaults(), OPT);
        assertThat(ae.decoderGraph().getLayer(GraphNames.DECODER_DENSE).getParam("W"))
                .isEqualTo(ae.graph().getLayer(GraphNames.DECODER_DENSE).getParam("W"));
        assertThat(ae.encoderGraph().getLayer(GraphNames.LATENT).getParam("W"))
                .isEqualTo(ae.graph().getLayer(GraphNames.LATENT).getParam("W"));
    }
}
