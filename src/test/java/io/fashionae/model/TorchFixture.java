package io.fashionae.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fashionae.config.ModelConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A PyTorch fixture written by {@code src/test/python/torch_parity_fixture.py}: reading its
 * tensors, loading its weights into our layers, and comparing our arrays with its values.
 */
final class TorchFixture {
    /** The fixtures' model: the seed's architecture with channels 4/8/16 instead of 32/64/128. */
    static final ModelConfig TINY_SEED = ModelConfig.builder()
            .encoder(List.of(3, 3, 3), List.of(4, 8, 16), List.of(2, 2, 2))
            .build();

    /** PyTorch module path of the tiny seed model -> our layer. */
    static final Map<String, String> SEED_LAYERS = Map.ofEntries(
            Map.entry("encoder.conv.0", "encoder1_conv"), Map.entry("encoder.conv.1", "encoder1_bn"),
            Map.entry("encoder.conv.3", "encoder2_conv"), Map.entry("encoder.conv.4", "encoder2_bn"),
            Map.entry("encoder.conv.6", "encoder3_conv"), Map.entry("encoder.conv.7", "encoder3_bn"),
            Map.entry("encoder.linear", GraphNames.LATENT), Map.entry("decoder.linear", GraphNames.DECODER_DENSE),
            Map.entry("decoder.conv.0", "decoder1_deconv"), Map.entry("decoder.conv.1", "decoder1_bn"),
            Map.entry("decoder.conv.3", "decoder2_deconv"), Map.entry("decoder.conv.4", "decoder2_bn"),
            Map.entry("decoder.conv.6", "decoder3_deconv"), Map.entry("decoder.output", GraphNames.DECODER_OUTPUT));

    private final JsonNode root;

    private TorchFixture(JsonNode root) {
        this.root = root;
    }

    /** The fixture at {@code resource} on the test class path. */
    static TorchFixture read(String resource) {
        try (InputStream in = TorchFixture.class.getResourceAsStream(resource)) {
            return new TorchFixture(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode json() {
        return root;
    }

    /** Loads the state of every mapped PyTorch module into the graph's layer. */
    void loadInto(ComputationGraph graph, Map<String, String> layers) {
        layers.forEach((torch, ours) -> load(graph.getLayer(ours), torch));
    }

    private void load(Layer layer, String torch) {
        JsonNode state = root.get("state");
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
    static INDArray denseSwapped(String key, INDArray a) {
        return key.equals("W") && a.rank() == 2 ? a.transpose() : a;
    }

    /** The array {@code name} of the fixture, with the given shape. */
    INDArray array(String name, long... shape) {
        return Nd4j.create(floats(root.get(name)), shape, 'c');
    }

    private static INDArray tensor(JsonNode node) {
        long[] shape = new long[node.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = node.get("shape").get(i).asLong();
        }
        return Nd4j.create(floats(node.get("values")), shape, 'c');
    }

    static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    static float maxAbs(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    static void assertClose(INDArray actual, float[] expected, double tolerance) {
        assertThat(maxDifference(actual, expected))
                .as("largest difference from PyTorch")
                .isLessThan(tolerance);
    }

    static double maxDifference(INDArray actual, float[] expected) {
        float[] a = actual.dup('c').ravel().toFloatVector();
        assertThat(a).hasSameSizeAs(expected);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - expected[i]));
        }
        return worst;
    }

    /**
     * Every parameter gradient of our graph against the case's, after {@code computeGradientAndScore}.
     * DL4J's gradients are sums over the batch of per-image losses summed over the pixels; the
     * fixture's losses are means over both, hence the division.
     */
    static void assertGradientsMatch(
            ComputationGraph graph, Map<String, String> layers, JsonNode torchGradients, double pixelsTimesBatch) {
        layers.forEach((torch, ours) -> {
            Layer layer = graph.getLayer(ours);
            for (String key : java.util.List.of("W", "b", "gamma", "beta")) {
                if (layer.paramTable().containsKey(key)) {
                    String torchName = torch + "." + (key.equals("W") || key.equals("gamma") ? "weight" : "bias");
                    INDArray ourGradient = denseSwapped(key, graph.gradient().getGradientFor(ours + "_" + key))
                            .div(pixelsTimesBatch);
                    float[] expected = floats(torchGradients.get(torchName));
                    // Conv biases before batch norm have a zero gradient in exact arithmetic: rounding noise, hence
                    // the floor.
                    assertClose(ourGradient, expected, 1e-4 * maxAbs(expected) + 1e-7);
                }
            }
        });
    }
}
