package io.fashionae.onnx;

import io.fashionae.common.Json;
import io.fashionae.config.GeluForm;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.PaddingForm;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.ModelStore;
import io.fashionae.model.OptimizerSettings;
import io.fashionae.testing.SyntheticData;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The golden regression fixture: a tiny fixed-seed model, briefly trained, with its inputs and
 * the outputs DL4J gave for them on the CPU backend when the fixture was made. Regenerate only on
 * purpose, after checking why the numbers moved:
 * {@code java -cp target/test-classes:target/classes:<deps> io.fashionae.onnx.GoldenModel src/test/resources/golden}
 */
public final class GoldenModel {
    static final String MODEL = "tiny-autoencoder.zip";
    static final String EXPECTED = "tiny-expected.json";
    static final ModelConfig CONFIG = ModelConfig.builder()
            .encoder(List.of(3, 3), List.of(4, 8), List.of(2, 2))
            .gelu(GeluForm.SIGMOID)
            .padding(PaddingForm.SAME)
            .build();

    /**
     * Inputs and outputs, flattened row-major.
     *
     * @param images        {@code [4, 1, 32, 32]} input images
     * @param latents       {@code [3, 2]} latent points
     * @param encoded       encoder output for the images
     * @param decoded       decoder output for the latents
     * @param reconstructed autoencoder output for the images
     */
    public record Expected(float[] images, float[] latents, float[] encoded, float[] decoded, float[] reconstructed) {}

    private GoldenModel() {}

    /** Writes the fixture into {@code dir}. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Autoencoder ae = Autoencoder.create(CONFIG, new OptimizerSettings(2e-3, 1e-5, 11));
        INDArray train = SyntheticData.bars(32, 5).images();
        for (int i = 0; i < 5; i++) {
            ae.fitBatch(train);
        }
        ModelStore.save(ae, dir.resolve(MODEL));
        INDArray images = SyntheticData.bars(4, 9).images();
        INDArray latents = Nd4j.create(new float[] {-1f, 0.5f, 0.3f, 2f, 1.5f, -1f}, new long[] {3, 2}, 'c');
        Json.writeFile(
                dir.resolve(EXPECTED),
                new Expected(
                        flat(images),
                        flat(latents),
                        flat(ae.encode(images)),
                        flat(ae.decode(latents)),
                        flat(ae.reconstruct(images))));
    }

    static float[] flat(INDArray a) {
        return a.dup('c').ravel().toFloatVector();
    }
}
