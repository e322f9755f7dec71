package io.fashionae.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.config.GeluForm;
import io.fashionae.config.LossKind;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.Objective;
import io.fashionae.config.PaddingForm;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * oneDNN's direct encoder ({@link OneDnnEncoder}: batch norm folded, GELU as a post-op, blocked
 * layouts) against DL4J's encoder graph, latent by latent, for the architectures it covers; and
 * DL4J's graph wherever it does not.
 */
class OneDnnEncoderParityTest {
    private static final double TOLERANCE = 1e-5;

    static List<ModelConfig> covered() {
        ModelConfig seed = ModelConfig.seedDefaults();
        return List.of(
                seed,
                seed.withPadding(PaddingForm.SAME).withLatentDim(5),
                ModelConfig.builder()
                        .encoder(List.of(5, 3), List.of(8, 16), List.of(1, 2))
                        .latentDim(3)
                        .batchNorm(false)
                        .dropout(true, 0.15)
                        .build(),
                TorchFixture.TINY_SEED.withInput(24, 3),
                seed.withObjective(new Objective(LossKind.MSE, true, 1)));
    }

    @ParameterizedTest
    @MethodSource("covered")
    void encodesAsDl4jsGraphDoes(ModelConfig config) {
        Autoencoder model = trained(config, 3);
        // 300 images: a full chunk of 256 and a partial one.
        INDArray images = images(config, 300, 9);
        float[] direct = model.encodeToArray(images);
        float[] graph = model.encodeWithGraph(images).ravel().toFloatVector();
        assertClose(direct, graph);
        assertThat(model.encode(images).ravel().toFloatVector()).containsExactly(direct);
    }

    @Test
    void aTrainingStepRenewsTheFoldedWeights() {
        Autoencoder model = trained(ModelConfig.seedDefaults(), 2);
        INDArray images = images(ModelConfig.seedDefaults(), 40, 3);
        float[] before = model.encodeToArray(images);
        model.fitBatch(images(ModelConfig.seedDefaults(), 64, 4));
        float[] after = model.encodeToArray(images);
        assertThat(after).isNotEqualTo(before);
        assertClose(after, model.encodeWithGraph(images).ravel().toFloatVector());
    }

    @Test
    void viewsOfALargerArrayAreReadFromTheirOffset() {
        Autoencoder model = trained(ModelConfig.seedDefaults(), 2);
        INDArray images = images(ModelConfig.seedDefaults(), 100, 5);
        INDArray view = images.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(30, 90));
        assertClose(
                model.encodeToArray(view),
                model.encodeWithGraph(view.dup()).ravel().toFloatVector());
    }

    @Test
    void theRunsInferenceEncodesThroughTheModelAndLeavesTheRestToItsEngine() {
        Autoencoder model = trained(ModelConfig.seedDefaults(), 1);
        Inference graphs = Inference.dl4j(model);
        Inference inference = Inference.encodingThroughModel(model, graphs);
        INDArray images = images(ModelConfig.seedDefaults(), 20, 8);
        assertThat(model.encodesWithOneDnn()).isTrue();
        assertThat(inference.engine()).isEqualTo("onednn+dl4j");
        assertThat(inference.encode(images)).containsExactly(model.encodeToArray(images));
        assertThat(inference.reconstruct(images).ravel().toFloatVector())
                .containsExactly(graphs.reconstruct(images).ravel().toFloatVector());
        Autoencoder sigmoid = Autoencoder.create(
                ModelConfig.seedDefaults().withGelu(GeluForm.SIGMOID), new OptimizerSettings(1e-3, 0, 1));
        Inference rest = Inference.dl4j(sigmoid);
        assertThat(Inference.encodingThroughModel(sigmoid, rest)).isSameAs(rest);
    }

    @Test
    void theSigmoidGeluIsLeftToDl4jsGraph() {
        ModelConfig sigmoid = ModelConfig.seedDefaults().withGelu(GeluForm.SIGMOID);
        assertThat(OneDnnEncoder.create(sigmoid, DataType.FLOAT)).isEmpty();
        assertThat(OneDnnEncoder.create(ModelConfig.seedDefaults(), DataType.HALF))
                .isEmpty();
        assertThat(OneDnnEncoder.create(ModelConfig.seedDefaults(), DataType.FLOAT))
                .isPresent();
    }

    @Test
    void closingTheModelFreesItsOneDnnEncoderAndLeavesItEncodingThroughTheGraph() {
        Autoencoder model = trained(ModelConfig.seedDefaults(), 1);
        INDArray x = images(ModelConfig.seedDefaults(), 8, 3);
        float[] direct = model.encodeToArray(x);
        assertThat(model.encodesWithOneDnn()).isTrue();
        model.close();
        assertThat(model.encodesWithOneDnn()).isFalse();
        assertClose(model.encodeToArray(x), direct);
        model.close(); // closing twice is harmless
    }

    @Test
    void aLayerKindTheEncoderDoesNotKnowFailsNamingIt() {
        ArchitecturePlan seed = ArchitecturePlan.of(ModelConfig.seedDefaults());
        // A plan whose encoder holds a transposed convolution, a kind oneDNN's encoder has no mapping for.
        List<PlannedLayer> encoder = new java.util.ArrayList<>(seed.encoder());
        encoder.add(1, seed.layer("decoder1_deconv"));
        ArchitecturePlan odd = new ArchitecturePlan(seed.config(), encoder, seed.decoder());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FoldedEncoder.unsupported(odd))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("decoder1_deconv (DECONVOLUTION)");
        assertThat(FoldedEncoder.unsupported(seed)).isEmpty();
        assertThat(FoldedEncoder.unsupported(
                        ArchitecturePlan.of(ModelConfig.seedDefaults().withGelu(GeluForm.SIGMOID))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("encoder1_gelu", "SIGMOID"));
    }

    private static Autoencoder trained(ModelConfig config, int steps) {
        Autoencoder model = Autoencoder.create(config, new OptimizerSettings(1e-2, 1e-5, 42));
        for (int i = 0; i < steps; i++) {
            model.fitBatch(images(config, 64, 100 + i));
        }
        return model;
    }

    private static INDArray images(ModelConfig config, int n, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, n, config.imageChannels(), config.imageSize(), config.imageSize());
    }

    private static double largest(float[] values) {
        double max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        double scale = 1;
        double maxDiff = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            maxDiff = Math.max(maxDiff, Math.abs(actual[i] - expected[i]));
        }
        assertThat(maxDiff).as("max |oneDNN - DL4J|, scale %s", scale).isLessThan(TOLERANCE * scale);
        assertThat(scale > 1 ? scale : largest(expected))
                .as("a non-trivial comparison")
                .isGreaterThan(1e-3);
    }
}
