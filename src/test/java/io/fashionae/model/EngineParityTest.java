package io.fashionae.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.fashionae.config.Engine;
import io.fashionae.config.GeluForm;
import io.fashionae.config.LossKind;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.Objective;
import io.fashionae.config.PaddingForm;
import io.fashionae.testing.SyntheticData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The backends compared: the same architecture on DL4J's own layers and on the native ones, from
 * the same weights and batch, must compute the same function, loss and gradients, and train the
 * same way. The design's regression test between backends; {@link TorchParityTest} holds both to
 * PyTorch, and {@code OnnxParityTest} to ONNX Runtime.
 */
class EngineParityTest {
    /** "Within 1e-4 of scale": a difference is measured against the largest magnitude compared. */
    private static final double RELATIVE = 1e-4;

    private static final OptimizerSettings ADAMW = new OptimizerSettings(5e-4, 1e-5, 7);

    static Stream<ModelConfig> architectures() {
        ModelConfig seed = ModelConfig.seedDefaults();
        return Stream.of(
                seed,
                seed.withPadding(PaddingForm.SAME),
                seed.withGelu(GeluForm.SIGMOID).withLatentDim(8),
                seed.withObjective(new Objective(LossKind.BCE, false, 1)),
                // Stride 1 and kernel 5: the odd padding a truncate-mode convolution crops at the end.
                ModelConfig.builder()
                        .encoder(List.of(5, 3), List.of(8, 16), List.of(1, 2))
                        .batchNorm(false)
                        .build());
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void bothEnginesStartFromTheSameWeights(ModelConfig config) {
        Autoencoder dl4j = Autoencoder.create(config, ADAMW, Engine.DL4J);
        Autoencoder nativeKit = Autoencoder.create(config, ADAMW, Engine.NATIVE);
        assertThat(dl4j.engine()).isEqualTo(Engine.DL4J);
        assertThat(nativeKit.engine()).isEqualTo(Engine.NATIVE);
        assertThat(dl4j.graph().params()).isEqualTo(nativeKit.graph().params());
        assertThat(dl4j.graph().paramTable().keySet())
                .containsExactlyElementsOf(nativeKit.graph().paramTable().keySet());
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void sameWeightsGiveTheSameOutputsLossAndEveryGradient(ModelConfig config) {
        Autoencoder nativeKit = Autoencoder.create(config, ADAMW, Engine.NATIVE);
        Autoencoder dl4j = nativeKit.onEngine(Engine.DL4J);
        INDArray x = SyntheticData.bars(16, 3).images();

        assertClose(dl4j.encode(x), nativeKit.encode(x), 0, "latents");
        assertClose(dl4j.reconstruct(x), nativeKit.reconstruct(x), 0, "reconstructions");
        Map<String, INDArray> expected = gradients(nativeKit.graph(), x);
        Map<String, INDArray> actual = gradients(dl4j.graph(), x);
        assertThat(dl4j.graph().score()).isCloseTo(nativeKit.graph().score(), withinPercentage(0.01));
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        // DL4J's gradients are sums over the batch of per-image losses summed over the pixels; in
        // PyTorch's units (means over both) a conv bias before batch norm, whose gradient is zero in
        // exact arithmetic, is rounding noise under 1e-7, as in TorchParityTest.
        double perPixelAndImage = config.pixelsPerImage() * x.size(0);
        for (String key : expected.keySet()) {
            assertClose(
                    actual.get(key).div(perPixelAndImage),
                    expected.get(key).div(perPixelAndImage),
                    1e-7,
                    "gradient " + key);
        }
    }

    @Test
    void twentyTrainingStepsGiveTheSameLosses() {
        ModelConfig config = ModelConfig.seedDefaults();
        INDArray images = SyntheticData.bars(20 * 16, 11).images();
        List<Double> dl4j = losses(Autoencoder.create(config, ADAMW, Engine.DL4J), images, 20);
        List<Double> nativeKit = losses(Autoencoder.create(config, ADAMW, Engine.NATIVE), images, 20);
        for (int step = 0; step < 20; step++) {
            assertThat(dl4j.get(step))
                    .as("loss of step %d", step + 1)
                    .isCloseTo(nativeKit.get(step), within(1e-3 * nativeKit.get(step)));
        }
        // The losses moved: the comparison is of training, not of twenty copies of the first step.
        assertThat(nativeKit.get(19)).isLessThan(nativeKit.get(0) * 0.9);
    }

    @Test
    void aModelMovesToTheOtherEngineWithItsAdamStateAndStepCount() {
        Autoencoder nativeKit = Autoencoder.create(ModelConfig.seedDefaults(), ADAMW, Engine.NATIVE);
        INDArray images = SyntheticData.bars(3 * 16, 5).images();
        losses(nativeKit, images, 3);
        Autoencoder dl4j = nativeKit.onEngine(Engine.DL4J);
        assertThat(dl4j.graph().params()).isEqualTo(nativeKit.graph().params());
        assertThat(dl4j.graph().getUpdater().getStateViewArray())
                .isEqualTo(nativeKit.graph().getUpdater().getStateViewArray());
        assertThat(dl4j.graph().getConfiguration().getIterationCount()).isEqualTo(3);
        // A copy, not a view: training one leaves the other as it was.
        INDArray before = nativeKit.graph().params().dup();
        dl4j.fitBatch(images.get(NDArrayIndex.interval(0, 16)));
        assertThat(nativeKit.graph().params()).isEqualTo(before);
        assertThat(dl4j.onEngine(Engine.DL4J)).isSameAs(dl4j);
    }

    /** Per-step losses of {@code steps} optimiser steps on consecutive batches of 16. */
    static List<Double> losses(Autoencoder model, INDArray images, int steps) {
        List<Double> losses = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            long from = (long) step * 16 % images.size(0);
            model.fitBatch(images.get(NDArrayIndex.interval(from, from + 16)));
            losses.add(model.lastStepLoss());
        }
        return losses;
    }

    private static Map<String, INDArray> gradients(ComputationGraph graph, INDArray x) {
        graph.setInputs(x);
        graph.setLabels(x);
        graph.computeGradientAndScore();
        Map<String, INDArray> copies = new LinkedHashMap<>();
        graph.gradient().gradientForVariable().forEach((key, value) -> copies.put(key, value.dup()));
        return copies;
    }

    /** Every element within {@link #RELATIVE} of the largest expected magnitude, plus {@code floor}. */
    private static void assertClose(INDArray actual, INDArray expected, double floor, String what) {
        assertThat(actual.shape()).as(what).isEqualTo(expected.shape());
        double scale = expected.amaxNumber().doubleValue();
        double diff = Transforms.abs(actual.castTo(expected.dataType()).sub(expected), false)
                .maxNumber()
                .doubleValue();
        assertThat(diff)
                .as("%s: max difference %s at scale %s", what, diff, scale)
                .isLessThanOrEqualTo(RELATIVE * scale + floor);
    }
}
