package io.fashionae.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.common.UserException;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.Precision;
import io.fashionae.onnx.OnnxExport;
import io.fashionae.testing.SyntheticData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class PrecisionTest {
    /** Without batch norm: DL4J M2.1's half-precision batch norm diverges (see below). */
    private static final ModelConfig SMALL = ModelConfig.builder()
            .encoder(List.of(3, 3, 3), List.of(8, 16, 16), List.of(2, 2, 2))
            .batchNorm(false)
            .build();

    @org.junit.jupiter.api.Test
    void fp16WithBatchNormIsRefusedWithTheReason() {
        ModelConfig withBn = ModelConfig.builder()
                .encoder(List.of(3, 3, 3), List.of(8, 16, 16), List.of(2, 2, 2))
                .build();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Autoencoder.create(withBn, new OptimizerSettings(2e-3, 1e-5, 3, Precision.FP16)))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("fp16 with batch norm");
    }

    @org.junit.jupiter.api.Test
    void bf16IsRefusedWithTheReason() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Autoencoder.create(SMALL, new OptimizerSettings(2e-3, 1e-5, 3, Precision.BF16)))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("bf16 is not available");
    }

    @ParameterizedTest
    @EnumSource(
            value = Precision.class,
            names = {"FP32", "FP16"})
    void fp32AndFp16TrainAndAnswerIn32BitFloats(Precision precision) {
        Autoencoder ae = Autoencoder.create(SMALL, new OptimizerSettings(2e-3, 1e-5, 3, precision));
        assertThat(ae.dataType()).isEqualTo(AutoencoderGraphBuilder.dataType(precision));
        assertThat(ae.encoderGraph().params().dataType()).isEqualTo(ae.dataType());
        INDArray x = SyntheticData.bars(32, 1).images();
        ae.fitBatch(x);
        double first = ae.lastStepLoss();
        // Few steps: FP16 on the CPU backend is slow (it is meant for CUDA).
        for (int i = 0; i < 8; i++) {
            ae.fitBatch(x);
        }
        assertThat(ae.lastStepLoss()).isFinite().isLessThan(first);
        assertThat(ae.encode(x).dataType()).isEqualTo(DataType.FLOAT);
        assertThat(ae.reconstruct(x).dataType()).isEqualTo(DataType.FLOAT);
        assertThat(ae.encodeToArray(x)).hasSize(64);
    }

    @ParameterizedTest
    @EnumSource(
            value = Precision.class,
            names = {"FP16"})
    void aHalfPrecisionModelIsExportedAsCheckedFloat32Onnx(Precision precision, @TempDir Path dir) throws Exception {
        Autoencoder ae = Autoencoder.create(SMALL, new OptimizerSettings(2e-3, 1e-5, 3, precision));
        ae.fitBatch(SyntheticData.bars(16, 1).images());
        Autoencoder fp32 = ae.toFloat32();
        assertThat(fp32.dataType()).isEqualTo(DataType.FLOAT);
        INDArray x = SyntheticData.bars(8, 2).images();
        // The converted copy computes what the half model computes, up to half precision.
        double scale = ae.reconstruct(x).amaxNumber().doubleValue();
        assertThat(fp32.reconstruct(x).sub(ae.reconstruct(x)).amaxNumber().doubleValue())
                .isLessThan(0.05 * scale + 1e-3);
        OnnxExport.Report report = OnnxExport.exportAll(ae, dir, x, null, "test");
        assertThat(report.parts()).hasSize(3);
    }
}
