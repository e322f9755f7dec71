package io.fashionae.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.config.ModelConfig;
import io.fashionae.dataset.IdxDataset;
import io.fashionae.inference.OnnxDecoder;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.OptimizerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many points are decoded in chunks; the result must not depend on how they were split. */
class OnnxDecoderChunkTest {

    @Test
    void decodingManyPointsAtOnceEqualsDecodingEachPointAlone(@TempDir Path dir) throws Exception {
        Autoencoder ae = Autoencoder.create(ModelConfig.seedDefaults(), new OptimizerSettings(1e-3, 0, 3));
        Path file = dir.resolve(ModelPart.DECODER.fileName());
        Files.write(
                file,
                OnnxExporter.export(
                                ae,
                                ModelPart.DECODER,
                                ExportMetadata.of(
                                        ae.config(), null, "test", IdxDataset.FASHION_MNIST, ModelPart.DECODER))
                        .toByteArray());
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
}
