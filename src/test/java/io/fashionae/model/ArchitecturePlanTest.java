package io.fashionae.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.config.Engine;
import io.fashionae.config.LossKind;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The plan is the architecture DL4J builds, in both engines: the same layers in the same order,
 * each with the plan's parameter keys and shapes and the output shapes DL4J infers.
 */
class ArchitecturePlanTest {

    /** The engine comparison's architectures, and a VAE with dropout on 64x64 RGB and other strides. */
    static Stream<ModelConfig> architectures() {
        ModelConfig seed = ModelConfig.seedDefaults();
        return Stream.concat(
                EngineParityTest.architectures(),
                Stream.of(
                        seed.withObjective(new Objective(LossKind.BCE, true, 0.5)),
                        seed.toBuilder().dropout(true, 0.2).input(64, 3).build(),
                        ModelConfig.builder()
                                .encoder(List.of(4, 2), List.of(8, 8), List.of(2, 4))
                                .build()));
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void dl4jBuildsThePlanInBothEngines(ModelConfig config) {
        ArchitecturePlan plan = ArchitecturePlan.of(config);
        for (Engine engine : List.of(Engine.DL4J, Engine.NATIVE)) {
            AutoencoderGraphBuilder builder = new AutoencoderGraphBuilder(config, engine);
            ComputationGraph encoder = new ComputationGraph(builder.encoderOnly());
            encoder.init();
            ComputationGraph decoder = new ComputationGraph(builder.decoderOnly());
            decoder.init();
            assertHalfMatches(plan.encoder(), encoder, builder.imageType());
            assertHalfMatches(plan.decoder(), decoder, InputType.feedForward(config.latentDim()));
            assertThat(encoder.numParams() + decoder.numParams()).isEqualTo(plan.parameterCount());
        }
    }

    @Test
    void theSeedsPlanHasThePyTorchModelsParametersAndWork() {
        ArchitecturePlan plan = ArchitecturePlan.of(ModelConfig.seedDefaults());
        assertThat(plan.trainableCount()).isEqualTo(343_619);
        assertThat(plan.forwardMultiplyAdds())
                .isEqualTo(ModelWork.of(ModelConfig.seedDefaults()).forwardMultiplyAdds());
        assertThat(plan.layer("decoder1_crop").in()).isEqualTo(PlannedLayer.Shape.map(128, 9));
        assertThat(plan.layer("decoder1_crop").out()).isEqualTo(PlannedLayer.Shape.map(128, 8));
        assertThat(plan.layer("encoder1_conv").padding()).containsExactly(1, 0);
    }

    private static void assertHalfMatches(List<PlannedLayer> layers, ComputationGraph graph, InputType input) {
        List<String> built = new ArrayList<>();
        for (int index : graph.topologicalSortOrder()) {
            if (graph.getVertices()[index].hasLayer()) {
                built.add(graph.getVertices()[index].getVertexName());
            }
        }
        assertThat(built)
                .containsExactlyElementsOf(
                        layers.stream().map(PlannedLayer::name).toList());
        Map<String, InputType> types = graph.getConfiguration().getLayerActivationTypes(input);
        for (PlannedLayer layer : layers) {
            Map<String, INDArray> params = graph.getLayer(layer.name()).paramTable();
            assertThat(params.keySet())
                    .as(layer.name())
                    .containsExactlyElementsOf(
                            layer.params().stream().map(PlannedLayer.Param::key).toList());
            for (PlannedLayer.Param p : layer.params()) {
                assertThat(params.get(p.key()).shape())
                        .as(layer.name() + " " + p.key())
                        .isEqualTo(p.shape());
            }
            long[] shape = types.get(layer.name()).getShape(false);
            assertThat(shape).as(layer.name() + " output").isEqualTo(layer.out().dims());
        }
    }
}
