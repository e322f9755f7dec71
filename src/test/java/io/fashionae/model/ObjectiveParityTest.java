package io.fashionae.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.fashionae.config.LossKind;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.Objective;
import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The BCE loss and the variational autoencoder against PyTorch: the tiny seed model's weights (and
 * a log-variance head) loaded into our graph, the same images and the same noise for the sample;
 * the loss and every gradient must agree to 1e-4 of their scale. Fixture: {@code
 * src/test/python/torch_parity_fixture.py --objectives}.
 */
class ObjectiveParityTest {
    private static final ModelConfig TINY_SEED = TorchFixture.TINY_SEED;
    private static final double PIXELS = 32 * 32;

    private static TorchFixture torch;
    private static INDArray images;
    private static INDArray noise;

    @BeforeAll
    static void readFixture() {
        torch = TorchFixture.read("/torch/tiny-torch-objectives.json");
        images = torch.array("images", 4, 1, 32, 32);
        noise = torch.array("noise", 4, 2);
    }

    @Test
    void bceLossAndEveryGradientMatchPyTorchWithLogits() {
        assertCaseMatches(torch.json().get("cases").get(0));
    }

    @Test
    void vaeWithMseAndBetaHalfMatchesPyTorchForTheSameNoise() {
        assertCaseMatches(torch.json().get("cases").get(1));
    }

    @Test
    void vaeWithBceMatchesPyTorchForTheSameNoise() {
        assertCaseMatches(torch.json().get("cases").get(2));
    }

    @Test
    void vaeEncodesToThePosteriorMeanAndBceDecodesThroughTheSigmoid() {
        Autoencoder vae = model(new Objective(LossKind.BCE, true, 1));
        TorchFixture.assertClose(
                vae.encode(images), TorchFixture.floats(torch.json().get("eval_latents")), 2e-5);
        INDArray expected = Transforms.sigmoid(torch.array("eval_logits", 4, 1, 32, 32));
        TorchFixture.assertClose(vae.reconstruct(images), expected.ravel().toFloatVector(), 2e-5);
    }

    @Test
    void theVaeTrainingScoreAddsBetaTimesTheKlToTheReconstructionLoss() {
        Autoencoder vae = model(new Objective(LossKind.MSE, true, 0.5));
        ComputationGraph graph = vae.graph();
        graph.setInputs(images, noise);
        graph.setLabels(images);
        graph.computeGradientAndScore();
        double klTerm = graph.calcRegularizationScore(true);
        assertThat(klTerm).isPositive();
        assertThat(vae.lastStepLoss()).isCloseTo((graph.score() - klTerm) / PIXELS, within(1e-9));
    }

    private static void assertCaseMatches(JsonNode c) {
        Objective objective = new Objective(
                LossKind.valueOf(c.get("loss").asText().toUpperCase()),
                c.get("variational").asBoolean(),
                c.get("beta").asDouble());
        Autoencoder model = model(objective);
        ComputationGraph graph = model.graph();
        if (objective.variational()) {
            graph.setInputs(images, noise);
        } else {
            graph.setInputs(images);
        }
        graph.setLabels(images);
        graph.computeGradientAndScore();
        double batch = images.size(0);
        assertThat(graph.score() / PIXELS).isCloseTo(c.get("train_loss").asDouble(), within(1e-6));
        TorchFixture.assertGradientsMatch(graph, layers(objective), c.get("train_gradients"), PIXELS * batch);
    }

    private static Autoencoder model(Objective objective) {
        Autoencoder model = Autoencoder.create(TINY_SEED.withObjective(objective), new OptimizerSettings(1e-3, 0, 1));
        torch.loadInto(model.graph(), layers(objective));
        return model;
    }

    private static Map<String, String> layers(Objective objective) {
        Map<String, String> layers = new HashMap<>(TorchFixture.SEED_LAYERS);
        if (objective.variational()) {
            layers.put("log_var", GraphNames.LATENT_LOG_VAR);
        }
        return layers;
    }
}
