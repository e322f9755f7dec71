package io.fashionae.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fashionae.common.Json;
import io.fashionae.config.Engine;
import io.fashionae.inference.OnnxModel;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.ModelStore;
import io.fashionae.training.BackendInfo;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A stored tiny model and the outputs it gave when the fixture was made (see {@link GoldenModel}).
 * A dependency upgrade or a refactor that shifts DL4J's or the exporter's numbers fails here.
 *
 * <p>Tolerances: DL4J on the CPU backend recomputes the same float32 operations, so 1e-5
 * absolute; ONNX Runtime sums in another order, 1e-4 relative to the output scale as in
 * {@link OnnxExport#REL_TOLERANCE}. The same comparison under {@code -Pcuda} on a GPU is the
 * CUDA-vs-CPU regression test ({@link CudaBackendParityTest}).
 */
class GoldenRegressionTest {
    static Autoencoder model;
    static GoldenModel.Expected expected;

    @BeforeAll
    static void load(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve(GoldenModel.MODEL);
        try (InputStream in = GoldenRegressionTest.class.getResourceAsStream("/golden/" + GoldenModel.MODEL)) {
            Files.copy(in, zip);
        }
        model = ModelStore.load(zip, false, Engine.NATIVE);
        try (InputStream in = GoldenRegressionTest.class.getResourceAsStream("/golden/" + GoldenModel.EXPECTED)) {
            expected = Json.read(new String(in.readAllBytes()), GoldenModel.Expected.class);
        }
    }

    static INDArray images() {
        return Nd4j.create(expected.images(), new long[] {4, 1, 32, 32}, 'c');
    }

    static INDArray latents() {
        return Nd4j.create(expected.latents(), new long[] {3, 2}, 'c');
    }

    static double maxDiff(float[] actual, float[] want) {
        assertThat(actual).hasSize(want.length);
        double m = 0;
        for (int i = 0; i < want.length; i++) {
            m = Math.max(m, Math.abs(actual[i] - want[i]));
        }
        return m;
    }

    static double maxAbs(float[] values) {
        double m = 0;
        for (float v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @Test
    void theStoredModelIsTheOneTheFixtureDescribes() {
        assertThat(model.config()).isEqualTo(GoldenModel.CONFIG);
    }

    /**
     * The stored file (written before the engines existed, naming the native layers) gives its
     * stored outputs on either engine: the native one it was made with, and DL4J's own layers.
     */
    @ParameterizedTest
    @EnumSource(names = {"NATIVE", "DL4J"})
    void dl4jOnTheCpuStillGivesTheStoredOutputs(Engine engine) {
        assumeTrue(!BackendInfo.current(engine).backend().contains("Cublas"), "covered by the CUDA test");
        Autoencoder onEngine = model.onEngine(engine);
        assertThat(maxDiff(GoldenModel.flat(onEngine.encode(images())), expected.encoded()))
                .isLessThan(1e-5);
        assertThat(maxDiff(GoldenModel.flat(onEngine.decode(latents())), expected.decoded()))
                .isLessThan(1e-5);
        assertThat(maxDiff(GoldenModel.flat(onEngine.reconstruct(images())), expected.reconstructed()))
                .isLessThan(1e-5);
    }

    @Test
    void theExportedFilesGiveTheStoredOutputsInOnnxRuntime(@TempDir Path dir) throws Exception {
        float[][] inputs = {expected.images(), expected.latents(), expected.images()};
        long[][] shapes = {{4, 1, 32, 32}, {3, 2}, {4, 1, 32, 32}};
        float[][] wants = {expected.encoded(), expected.decoded(), expected.reconstructed()};
        ModelPart[] parts = {ModelPart.ENCODER, ModelPart.DECODER, ModelPart.AUTOENCODER};
        for (int i = 0; i < parts.length; i++) {
            Path file = dir.resolve(parts[i].fileName());
            Files.write(
                    file,
                    OnnxExporter.export(model, parts[i], java.util.Map.of()).toByteArray());
            try (OnnxModel onnx = OnnxModel.open(file, parts[i].inputName(), parts[i].outputName())) {
                float[] got = onnx.run(inputs[i], shapes[i]);
                assertThat(maxDiff(got, wants[i]))
                        .as(parts[i].name())
                        .isLessThan(OnnxExport.REL_TOLERANCE * (1 + maxAbs(wants[i])));
            }
        }
    }
}
