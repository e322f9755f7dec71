package io.fashionae.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.fashionae.config.Engine;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.PaddingForm;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Our graph against PyTorch itself: the reference's Encoder and Decoder classes (narrower), their
 * weights loaded into our layers, must give the same latents, reconstructions and gradients. This
 * is what says our padding, cropping, GELU, batch norm and flattening are the seed's, not just
 * self-consistent. Both engines are held to it: DL4J's own layers and the native ones. Fixture:
 * {@code src/test/python/torch_parity_fixture.py}.
 */
class TorchParityTest {
    private static final ModelConfig TINY_SEED = TorchFixture.TINY_SEED;
    private static final Map<String, String> LAYERS = TorchFixture.SEED_LAYERS;

    private static TorchFixture torch;
    private static JsonNode fixture;
    private static INDArray images;

    @BeforeAll
    static void loadTorchFixture() {
        torch = TorchFixture.read("/torch/tiny-torch.json");
        fixture = torch.json();
        images = torch.array("images", 4, 1, 32, 32);
    }

    /** A fresh model on {@code engine}'s layers holding PyTorch's weights. */
    private static Autoencoder torchWeights(Engine engine) {
        Autoencoder model = Autoencoder.create(TINY_SEED, new OptimizerSettings(1e-3, 0, 1), engine);
        torch.loadInto(model.graph(), LAYERS);
        return model;
    }

    @ParameterizedTest
    @EnumSource(names = {"DL4J", "NATIVE"})
    void latentsInInferenceModeMatchPyTorch(Engine engine) {
        assertClose(torchWeights(engine).encode(images), floats(fixture.get("eval_latents")), 2e-5);
    }

    @ParameterizedTest
    @EnumSource(names = {"DL4J", "NATIVE"})
    void reconstructionsInInferenceModeMatchPyTorch(Engine engine) {
        assertClose(torchWeights(engine).reconstruct(images), floats(fixture.get("eval_reconstruction")), 2e-5);
    }

    @ParameterizedTest
    @EnumSource(names = {"DL4J", "NATIVE"})
    void trainingLossAndEveryGradientMatchPyTorch(Engine engine) {
        ComputationGraph graph = torchWeights(engine).graph();
        graph.setInputs(images);
        graph.setLabels(images);
        graph.computeGradientAndScore();
        // DL4J's score sums the squared error over an image's pixels and averages over the batch, and its
        // gradients are sums over the batch (the updater divides by the batch size before the step);
        // PyTorch's MSELoss averages over both.
        double pixels = 32 * 32;
        double batch = images.size(0);
        assertThat(graph.score() / pixels).isCloseTo(fixture.get("train_loss").asDouble(), within(1e-6));
        TorchFixture.assertGradientsMatch(graph, LAYERS, fixture.get("train_gradients"), pixels * batch);
    }

    @Test
    void dl4jSamePaddingWithTheSameWeightsIsADifferentFunction() {
        Autoencoder same =
                Autoencoder.create(TINY_SEED.withPadding(PaddingForm.SAME), new OptimizerSettings(1e-3, 0, 1));
        torch.loadInto(same.graph(), LAYERS);
        assertThat(maxDifference(same.reconstruct(images), floats(fixture.get("eval_reconstruction"))))
                .isGreaterThan(1e-2);
    }

    private static float[] floats(JsonNode array) {
        return TorchFixture.floats(array);
    }

    private static void assertClose(INDArray actual, float[] expected, double tolerance) {
        TorchFixture.assertClose(actual, expected, tolerance);
    }

    private static double maxDifference(INDArray actual, float[] expected) {
        return TorchFixture.maxDifference(actual, expected);
    }
}
