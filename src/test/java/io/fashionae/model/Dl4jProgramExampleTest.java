package io.fashionae.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fashionae.config.Engine;
import io.fashionae.config.ModelConfig;
import io.fashionae.testing.SyntheticData;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * docs/model.md's example, "a separate DL4J program restores a model file and encodes an image":
 * the same lines, on a file trained with the native engine, give the model's own latents.
 */
class Dl4jProgramExampleTest {

    @Test
    void aPlainDl4jProgramRestoresTheFileAndEncodesAnImage(@TempDir Path dir) throws IOException {
        Autoencoder trained =
                Autoencoder.create(ModelConfig.seedDefaults(), new OptimizerSettings(5e-4, 1e-5, 2), Engine.NATIVE);
        INDArray batch = SyntheticData.bars(32, 1).images();
        trained.fitBatch(batch);
        File file = dir.resolve("autoencoder.zip").toFile();
        ModelStore.save(trained, file.toPath());
        INDArray image =
                batch.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1)).dup();
        INDArray expected = trained.encode(image);

        // ---- docs/model.md, "A model file in your own DL4J program" ----
        ComputationGraph graph = ModelSerializer.restoreComputationGraph(file, false);
        // image: [1, 1, 32, 32] floats in [0, 1], a 28x28 Fashion-MNIST image padded by 2 on each side
        INDArray latent = graph.feedForward(image, false).get("latent");
        // ---- end of the example ----

        assertThat(latent.shape()).isEqualTo(new long[] {1, 2});
        for (int i = 0; i < 2; i++) {
            assertThat(latent.getDouble(0, i)).isCloseTo(expected.getDouble(0, i), within(1e-5));
        }
    }
}
