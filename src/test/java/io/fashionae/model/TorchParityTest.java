package io.fashionae.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fashionae.config.GeluForm;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.PaddingForm;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Our graph against PyTorch itself: the reference's Encoder and Decoder classes (narrower), their
 * weights loaded into our layers, must give the same latents, reconstructions and gradients. This
 * is what says our padding, cropping, GELU, batch norm and flattening are the seed's, not just
 * self-consistent. Fixture: {@code src/test/python/torch_parity_fixture.py}.
 */
class TorchParityTest {
    private static final ModelConfig TINY_SEED = new ModelConfig(
            3,
            List.of(3, 3, 3),
            List.of(4, 8, 16),
            List.of(2, 2, 2),
            2,
            true,
            false,
            0.15,
            32,
            1,
            GeluForm.ERF,
            PaddingForm.TORCH);
    /** PyTorch module path -> our layer; its kind says how the tensors map. */
    private static final Map<String, String> LAYERS = Map.ofEntries(
            Map.entry("encoder.conv.0", "encoder1_conv"), Map.entry("encoder.conv.1", "encoder1_bn"),
            Map.entry("encoder.conv.3", "encoder2_conv"), Map.entry("encoder.conv.4", "encoder2_bn"),
            Map.entry("encoder.conv.6", "encoder3_conv"), Map.entry("encoder.conv.7", "encoder3_bn"),
            Map.entry("encoder.linear", GraphNames.LATENT), Map.entry("decoder.linear", GraphNames.DECODER_DENSE),
            Map.entry("decoder.conv.0", "decoder1_deconv"), Map.entry("decoder.conv.1", "decoder1_bn"),
            Map.entry("decoder.conv.3", "decoder2_deconv"), Map.entry("decoder.conv.4", "decoder2_bn"),
            Map.entry("decoder.conv.6", "decoder3_deconv"), Map.entry("decoder.output", GraphNames.DECODER_OUTPUT));

    private static JsonNode fixture;
    private static Autoencoder model;
    private static INDArray images;

    @BeforeAll
    static void loadTorchWeights() throws IOException {
        try (InputStream in = TorchParityTest.class.getResourceAsStream("/torch/tiny-torch.json")) {
            fixture = new ObjectMapper().readTree(in);
        }
        model = Autoencoder.create(TINY_SEED, new OptimizerSettings(1e-3, 0, 1));
        LAYERS.forEach((torch, ours) -> load(model.graph().getLayer(ours), torch));
        images = Nd4j.create(floats(fixture.get("images")), new long[] {4, 1, 32, 32}, 'c');
    }

    @Test
    void latentsInInferenceModeMatchPyTorch() {
        assertClose(model.encode(images), floats(fixture.get("eval_latents")), 2e-5);
    }

    @Test
    void reconstructionsInInferenceModeMatchPyTorch() {
        assertClose(model.reconstruct(images), floats(fixture.get("eval_reconstruction")), 2e-5);
    }

    @Test
    void trainingLossAndEveryGradientMatchPyTorch() {
        ComputationGraph graph = model.graph();
        graph.setInputs(images);
        graph.setLabels(images);
        graph.computeGradientAndScore();
        // DL4J's score sums the squared error over an image's pixels and averages over the batch, and its
        // gradients are sums over the batch (the updater divides by the batch size before the step);
        // PyTorch's MSELoss averages over both.
        double pixels = 32 * 32;
        double batch = images.size(0);
        assertThat(graph.score() / pixels).isCloseTo(fixture.get("train_loss").asDouble(), within(1e-6));
        Gradient gradient = graph.gradient();
        LAYERS.forEach((torch, ours) -> {
            Layer layer = graph.getLayer(ours);
            for (String key : List.of("W", "b", "gamma", "beta")) {
                if (layer.paramTable().containsKey(key)) {
                    String torchName = torch + "." + (key.equals("W") || key.equals("gamma") ? "weight" : "bias");
                    INDArray ourGradient = denseSwapped(key, gradient.getGradientFor(ours + "_" + key))
                            .div(pixels * batch);
                    float[] expected = floats(fixture.get("train_gradients").get(torchName));
                    // Conv biases before batch norm have a zero gradient in exact arithmetic: rounding noise, hence the
                    // floor.
                    assertClose(ourGradient, expected, 1e-4 * maxAbs(expected) + 1e-7);
                }
            }
        });
    }

    @Test
    void dl4jSamePaddingWithTheSameWeightsIsADifferentFunction() {
        Autoencoder same =
                Autoencoder.create(TINY_SEED.withPadding(PaddingForm.SAME), new OptimizerSettings(1e-3, 0, 1));
        LAYERS.forEach((torch, ours) -> load(same.graph().getLayer(ours), torch));
        assertThat(maxDifference(same.reconstruct(images), floats(fixture.get("eval_reconstruction"))))
                .isGreaterThan(1e-2);
    }

    private static void load(Layer layer, String torch) {
        JsonNode state = fixture.get("state");
        if (layer.paramTable().containsKey("gamma")) {
            set(layer, "gamma", tensor(state.get(torch + ".weight")));
            set(layer, "beta", tensor(state.get(torch + ".bias")));
            set(layer, "mean", tensor(state.get(torch + ".running_mean")));
            INDArray var = tensor(state.get(torch + ".running_var"));
            if (layer.paramTable().containsKey("log10stdev")) {
                set(layer, "log10stdev", Transforms.log(var, 10).muli(0.5)); // DL4J keeps log10(sqrt(var))
            } else {
                set(layer, "var", var);
            }
            return;
        }
        set(layer, "W", denseSwapped("W", tensor(state.get(torch + ".weight"))));
        set(layer, "b", tensor(state.get(torch + ".bias")));
    }

    /** Writes through the parameter view (vectors differ only in rank: PyTorch [n], DL4J [1, n]). */
    private static void set(Layer layer, String key, INDArray value) {
        layer.getParam(key).assign(value.reshape(layer.getParam(key).shape()));
    }

    /** Linear keeps W as [out, in], DL4J's dense layer as [in, out]; conv and transposed conv layouts agree. */
    private static INDArray denseSwapped(String key, INDArray a) {
        return key.equals("W") && a.rank() == 2 ? a.transpose() : a;
    }

    private static INDArray tensor(JsonNode node) {
        long[] shape = new long[node.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = node.get("shape").get(i).asLong();
        }
        return Nd4j.create(floats(node.get("values")), shape, 'c');
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    private static float maxAbs(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static void assertClose(INDArray actual, float[] expected, double tolerance) {
        assertThat(maxDifference(actual, expected))
                .as("largest difference from PyTorch")
                .isLessThan(tolerance);
    }

    private static double maxDifference(INDArray actual, float[] expected) {
        float[] a = actual.dup('c').ravel().toFloatVector();
        assertThat(a).hasSameSizeAs(expected);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - expected[i]));
        }
        return worst;
    }
}
