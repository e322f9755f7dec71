package io.fashionae.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.config.ModelConfig;
import io.fashionae.latent.LatentFrame;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.Inference;
import io.fashionae.model.OptimizerSettings;
import io.fashionae.training.listener.LatentFrameListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ONNX Runtime on snapshots of the weights against DL4J's own graphs: latents, reconstructions
 * and decodes element by element, the snapshot following every training step, and a latent frame
 * emitted through it equal to DL4J's.
 */
class OnnxRuntimeInferenceParityTest {
    private static final double TOLERANCE = 1e-5;

    @Test
    void encodesReconstructsAndDecodesAsDl4jDoes() {
        Autoencoder model = trained(ModelConfig.seedDefaults(), 4);
        INDArray images = images(700, 9);
        try (Inference onnx = new OnnxRuntimeInference(model, 2)) {
            Inference dl4j = Inference.dl4j(model);
            assertClose(onnx.encode(images), dl4j.encode(images));
            assertClose(onnx.reconstruct(images), dl4j.reconstruct(images));
            INDArray z = Nd4j.rand(DataType.FLOAT, 37, 2).subi(0.5).muli(8);
            assertClose(onnx.decode(z), dl4j.decode(z));
        }
    }

    @Test
    void aTrainingStepRenewsTheSnapshot() {
        Autoencoder model = trained(ModelConfig.seedDefaults().withLatentDim(3), 2);
        INDArray images = images(50, 3);
        try (Inference onnx = new OnnxRuntimeInference(model, 1)) {
            float[] before = onnx.encode(images);
            model.fitBatch(images(64, 4));
            float[] after = onnx.encode(images);
            assertThat(after).isNotEqualTo(before);
            assertClose(after, Inference.dl4j(model).encode(images));
        }
    }

    @Test
    void aLatentFrameThroughOnnxRuntimeHoldsDl4jsLatents() {
        Autoencoder model = trained(ModelConfig.seedDefaults(), 3);
        INDArray sample = images(300, 5);
        int[] labels = new int[300];
        List<LatentFrame> frames = new ArrayList<>();
        try (Inference onnx = new OnnxRuntimeInference(model, 2)) {
            new LatentFrameListener(model, onnx, sample, labels, 1, 0, frames::add).iterationDone(model.graph(), 0, 0);
        }
        assertThat(frames).hasSize(1);
        assertClose(frames.get(0).points().values(), Inference.dl4j(model).encode(sample));
    }

    private static Autoencoder trained(ModelConfig config, int steps) {
        Autoencoder model = Autoencoder.create(config, new OptimizerSettings(1e-2, 1e-5, 42));
        for (int i = 0; i < steps; i++) {
            model.fitBatch(images(64, 100 + i));
        }
        return model;
    }

    private static INDArray images(int n, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, n, 1, 32, 32);
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertClose(Nd4j.createFromArray(actual), Nd4j.createFromArray(expected));
    }

    private static void assertClose(INDArray actual, INDArray expected) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        double scale = Math.max(1, expected.amaxNumber().doubleValue());
        double maxDiff = actual.sub(expected).amaxNumber().doubleValue();
        assertThat(maxDiff).as("max |onnxruntime - dl4j|, scale %s", scale).isLessThan(TOLERANCE * scale);
        assertThat(expected.amaxNumber().doubleValue())
                .as("a non-trivial comparison")
                .isGreaterThan(1e-3);
    }
}
