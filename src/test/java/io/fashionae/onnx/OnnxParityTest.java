package io.fashionae.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.config.Engine;
import io.fashionae.config.GeluForm;
import io.fashionae.config.IdxDataset;
import io.fashionae.config.LossKind;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.Objective;
import io.fashionae.config.PaddingForm;
import io.fashionae.inference.OnnxModel;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.OptimizerSettings;
import io.fashionae.testing.SyntheticData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J (ND4J CPU) against ONNX Runtime (CPU), element by element, for the encoder, the decoder
 * and the whole autoencoder, over several architectures, freshly initialised and briefly trained.
 *
 * <p>Tolerance: both sides compute in float32 but sum in different orders (im2col + GEMM in
 * ND4J, ONNX Runtime's own kernels), and batch norm divides by sqrt(var + eps) computed from
 * log10(std) on one side; measured differences are around 1e-6 relative to the output scale, so
 * we require max |diff| <= 1e-4 * (1 + max |output|), which a wrong padding, weight order or
 * activation form exceeds by orders of magnitude (those show as 1e-2 and up).
 */
class OnnxParityTest {
    private static final double REL_TOL = 1e-4;

    /** An architecture with the seed's GELU, padding, dropout rate and 32x32 single-channel input. */
    private static ModelConfig torchErf(
            int layers,
            List<Integer> kernels,
            List<Integer> channels,
            List<Integer> strides,
            int latentDim,
            boolean batchNorm,
            boolean dropout) {
        return ModelConfig.builder()
                .encoder(kernels, channels, strides)
                .latentDim(latentDim)
                .batchNorm(batchNorm)
                .dropout(dropout, 0.15)
                .build();
    }

    static Stream<Arguments> configurations() {
        ModelConfig seed = ModelConfig.seedDefaults();
        return Stream.of(
                Arguments.of("seed", seed, 0),
                Arguments.of("seed-trained", seed, 5),
                Arguments.of("seed-gelu-sigmoid", seed.withGelu(GeluForm.SIGMOID), 3),
                Arguments.of("seed-padding-same", seed.withPadding(PaddingForm.SAME), 3),
                // Kernel 2 stride 1: the one case where torch padding needs a crop after a convolution.
                Arguments.of(
                        "even-kernels-torch",
                        torchErf(2, List.of(2, 4), List.of(8, 16), List.of(1, 2), 2, true, false),
                        3),
                Arguments.of(
                        "no-batch-norm",
                        torchErf(3, List.of(3, 3, 3), List.of(32, 64, 128), List.of(2, 2, 2), 2, false, false),
                        3),
                Arguments.of("latent-8", seed.withLatentDim(8), 3),
                Arguments.of("bce", seed.withObjective(new Objective(LossKind.BCE, false, 1)), 3),
                // The VAE's encoder gives the mean, its log-variance head is not exported.
                Arguments.of(
                        "vae-mse-latent-4",
                        seed.withLatentDim(4).withObjective(new Objective(LossKind.MSE, true, 0.5)),
                        3),
                Arguments.of("vae-bce", seed.withObjective(new Objective(LossKind.BCE, true, 1)), 3),
                Arguments.of(
                        "two-layers-k5-dropout",
                        torchErf(2, List.of(5, 3), List.of(16, 24), List.of(2, 4), 3, true, true),
                        3),
                Arguments.of(
                        "four-layers-stride1",
                        torchErf(4, List.of(3, 3, 3, 3), List.of(8, 16, 16, 32), List.of(2, 1, 2, 2), 2, true, false),
                        3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void onnxRuntimeMatchesDl4jForEveryPart(String name, ModelConfig config, int trainSteps, @TempDir Path dir)
            throws Exception {
        Autoencoder ae = Autoencoder.create(config, new OptimizerSettings(2e-3, 1e-5, 17));
        INDArray train = SyntheticData.bars(32, 5).images();
        for (int i = 0; i < trainSteps; i++) {
            ae.fitBatch(train);
        }
        INDArray images = Nd4j.concat(0, SyntheticData.bars(6, 9).images(), Nd4j.rand(DataType.FLOAT, 4, 1, 32, 32));
        INDArray latents = Nd4j.randn(DataType.FLOAT, 7, config.latentDim()).muli(3);

        assertClose(name + " encoder", run(ae, ModelPart.ENCODER, images, dir), ae.encode(images));
        assertClose(name + " decoder", run(ae, ModelPart.DECODER, latents, dir), ae.decode(latents));
        assertClose(name + " autoencoder", run(ae, ModelPart.AUTOENCODER, images, dir), ae.reconstruct(images));
    }

    static float[] run(Autoencoder ae, ModelPart part, INDArray input, Path dir) throws Exception {
        Path file = exportTo(dir, ae, part);
        try (OnnxModel model = OnnxModel.open(file, part.inputName(), part.outputName())) {
            return model.run(input.dup('c').ravel().toFloatVector(), input.shape());
        }
    }

    /** {@code part} of {@code ae} exported to its usual file name in {@code dir}. */
    static Path exportTo(Path dir, Autoencoder ae, ModelPart part) throws Exception {
        Path file = dir.resolve(part.fileName());
        Files.write(
                file,
                OnnxExporter.export(
                                ae,
                                part,
                                ExportMetadata.of(
                                        ae.config(), null, "test", IdxDataset.FASHION_MNIST, part, Engine.NATIVE))
                        .toByteArray());
        return file;
    }

    static void assertClose(String what, float[] onnx, INDArray dl4j) {
        float[] expected = dl4j.dup('c').ravel().toFloatVector();
        assertThat(onnx).as(what + " length").hasSize(expected.length);
        double maxDiff = 0;
        double maxAbs = 0;
        for (int i = 0; i < expected.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(onnx[i] - expected[i]));
            maxAbs = Math.max(maxAbs, Math.abs(expected[i]));
        }
        System.out.printf("%s: max |diff| %.3g, max |out| %.3g%n", what, maxDiff, maxAbs);
        assertThat(maxDiff)
                .as(what + " max |diff| (max |out| " + maxAbs + ")")
                .isLessThanOrEqualTo(REL_TOL * (1 + maxAbs));
    }
}
