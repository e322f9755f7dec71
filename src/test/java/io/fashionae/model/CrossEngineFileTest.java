package io.fashionae.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fashionae.config.Engine;
import io.fashionae.config.ModelConfig;
import io.fashionae.model.layer.NativeConvolutionLayer;
import io.fashionae.testing.SyntheticData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model file does not depend on the engine: it names DL4J's own layers whatever trained it, and
 * a file trained with one engine resumes with the other, its losses continuing as if nothing
 * changed.
 */
class CrossEngineFileTest {
    private static final OptimizerSettings ADAMW = new OptimizerSettings(5e-4, 1e-5, 9);
    private static final int STEPS = 6;

    @ParameterizedTest
    @CsvSource({"NATIVE", "DL4J"})
    void theFileNamesOnlyDl4jsOwnLayersWhateverTheEngine(Engine engine, @TempDir Path dir) throws IOException {
        Autoencoder model = Autoencoder.create(ModelConfig.seedDefaults(), ADAMW, engine);
        Path file = dir.resolve("autoencoder.zip");
        ModelStore.save(model, file);
        String json;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            json = new String(
                    zip.getInputStream(zip.getEntry("configuration.json")).readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(json).contains("org.deeplearning4j.nn.conf.layers.ConvolutionLayer");
        assertThat(json).doesNotContain("io.fashionae.model.layer.Native");
        // Saving did not move the model itself off its engine.
        assertThat(model.engine()).isEqualTo(engine);
    }

    @ParameterizedTest
    @CsvSource({"NATIVE, DL4J", "DL4J, NATIVE"})
    void aFileTrainedWithOneEngineResumesWithTheOtherAsIfNothingChanged(Engine first, Engine second, @TempDir Path dir)
            throws IOException {
        INDArray images = SyntheticData.bars(2 * STEPS * 16, 4).images();
        Autoencoder straight = Autoencoder.create(ModelConfig.seedDefaults(), ADAMW, first);
        List<Double> expected = EngineParityTest.losses(straight, images, 2 * STEPS);

        Autoencoder before = Autoencoder.create(ModelConfig.seedDefaults(), ADAMW, first);
        EngineParityTest.losses(before, images, STEPS);
        Path file = dir.resolve("checkpoint.zip");
        ModelStore.save(before, file);
        Autoencoder after = ModelStore.load(file, true, second);
        assertThat(after.engine()).isEqualTo(second);
        assertThat(after.graph().getConfiguration().getIterationCount()).isEqualTo(STEPS);
        if (second == Engine.NATIVE) {
            assertThat(after.graph().getLayer("encoder1_conv")).isInstanceOf(NativeConvolutionLayer.class);
        } else {
            assertThat(after.graph().getLayer("encoder1_conv").getClass()).isEqualTo(ConvolutionLayer.class);
        }
        INDArray rest =
                images.get(org.nd4j.linalg.indexing.NDArrayIndex.interval((long) STEPS * 16, (long) 2 * STEPS * 16));
        List<Double> resumed = EngineParityTest.losses(after, rest, STEPS);
        for (int i = 0; i < STEPS; i++) {
            double want = expected.get(STEPS + i);
            assertThat(resumed.get(i)).as("loss of step %d", STEPS + i + 1).isCloseTo(want, within(1e-3 * want));
        }
    }
}
