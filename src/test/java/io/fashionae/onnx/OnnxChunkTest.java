package io.fashionae.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.config.ModelConfig;
import io.fashionae.inference.OnnxDecoder;
import io.fashionae.inference.OnnxEncoder;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.OptimizerSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many points are decoded (images encoded) in chunks; the result must not depend on how they were split. */
class OnnxChunkTest {

    @Test
    void decodingManyPointsAtOnceEqualsDecodingEachPointAlone(@TempDir Path dir) throws Exception {
        Path file = export(dir, ModelPart.DECODER);
        int n = 600; // more than two chunks, the last one partial
        float[] z = new float[n * 2];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextDouble(-4, 4);
        }
        try (OnnxDecoder decoder = OnnxDecoder.open(file)) {
            float[] all = decoder.decode(z, n);
            int perPoint = all.length / n;
            assertThat(perPoint).isEqualTo(32 * 32);
            for (int i : new int[] {0, 255, 256, 511, 512, 599}) {
                float[] one = decoder.decode(Arrays.copyOfRange(z, 2 * i, 2 * i + 2), 1);
                assertThat(Arrays.copyOfRange(all, i * perPoint, (i + 1) * perPoint))
                        .as("point %d", i)
                        .containsExactly(one);
            }
        }
    }

    @Test
    void encodingManyImagesAtOnceEqualsEncodingEachImageAlone(@TempDir Path dir) throws Exception {
        Path file = export(dir, ModelPart.ENCODER);
        int n = 150; // more than two chunks of 64, the last one partial
        int pixels = 32 * 32;
        float[] images = new float[n * pixels];
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextDouble();
        }
        try (OnnxEncoder encoder = OnnxEncoder.open(file)) {
            float[] all = encoder.encode(images, n);
            assertThat(all).hasSize(n * 2);
            for (int i : new int[] {0, 63, 64, 127, 128, 149}) {
                float[] one = encoder.encode(Arrays.copyOfRange(images, i * pixels, (i + 1) * pixels), 1);
                assertThat(Arrays.copyOfRange(all, 2 * i, 2 * i + 2))
                        .as("image %d", i)
                        .containsExactly(one);
            }
        }
    }

    private static Path export(Path dir, ModelPart part) throws Exception {
        Autoencoder ae = Autoencoder.create(ModelConfig.seedDefaults(), new OptimizerSettings(1e-3, 0, 3));
        return OnnxParityTest.exportTo(dir, ae, part);
    }
}
