package io.fashionae.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fashionae.common.Sha256;
import io.fashionae.common.UserException;
import io.fashionae.config.Engine;
import io.fashionae.config.LossKind;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.Objective;
import io.fashionae.model.layer.NativeConvolutionLayer;
import io.fashionae.model.layer.NativeDeconvolution2DLayer;
import io.fashionae.model.layer.VariationalSampleLayer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ModelStoreTest {

    @Test
    void aSavedModelLoadsWithItsConfigWeightsAndUpdaterState(@TempDir Path dir) throws IOException {
        ModelConfig config = ModelConfig.seedDefaults().withLatentDim(3);
        Autoencoder ae = Autoencoder.create(config, new OptimizerSettings(5e-4, 1e-5, 3));
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 1, 32, 32);
        ae.fitBatch(x);
        Path file = dir.resolve("autoencoder.zip");
        ModelStore.save(ae, file);

        Autoencoder loaded = ModelStore.load(file, true, Engine.NATIVE);
        assertThat(loaded.config()).isEqualTo(config);
        assertThat(loaded.reconstruct(x)).isEqualTo(ae.reconstruct(x));
        assertThat(loaded.decode(Nd4j.ones(DataType.FLOAT, 1, 3)))
                .isEqualTo(ae.decode(Nd4j.ones(DataType.FLOAT, 1, 3)));
        assertThat(loaded.graph().getUpdater().getStateViewArray())
                .isEqualTo(ae.graph().getUpdater().getStateViewArray());
        // The fast layers survive DL4J's JSON: a restored (or resumed) model trains as fast as a new one.
        assertThat(loaded.graph().getLayer("encoder1_conv")).isInstanceOf(NativeConvolutionLayer.class);
        assertThat(loaded.graph().getLayer("decoder1_deconv")).isInstanceOf(NativeDeconvolution2DLayer.class);
        assertThat(loaded.decoderGraph().getLayer("decoder_output")).isInstanceOf(NativeConvolutionLayer.class);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry(ModelStore.CONFIG_ENTRY)).isNotNull();
        }
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void aVaeTrainedOnBceLoadsWithItsSamplingLayerAndLoss(@TempDir Path dir) throws IOException {
        ModelConfig config = ModelConfig.seedDefaults().withObjective(new Objective(LossKind.BCE, true, 0.5));
        Autoencoder ae = Autoencoder.create(config, new OptimizerSettings(5e-4, 1e-5, 3));
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 1, 32, 32);
        ae.fitBatch(x);
        Path file = dir.resolve("autoencoder.zip");
        ModelStore.save(ae, file);

        Autoencoder loaded = ModelStore.load(file, true, Engine.NATIVE);
        assertThat(loaded.config()).isEqualTo(config);
        assertThat(loaded.graph().getLayer(GraphNames.SAMPLE)).isInstanceOf(VariationalSampleLayer.class);
        assertThat(loaded.encode(x)).isEqualTo(ae.encode(x));
        assertThat(loaded.reconstruct(x)).isEqualTo(ae.reconstruct(x));
        assertThat(loaded.reconstruct(x).minNumber().doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(loaded.reconstruct(x).maxNumber().doubleValue()).isLessThanOrEqualTo(1);
        loaded.fitBatch(x); // the restored loss and sampling layer train
        assertThat(loaded.lastStepLoss()).isFinite().isPositive();
    }

    @Test
    void aModelFileIsReadOnceAndRestoredFromMemory(@TempDir Path dir) throws IOException {
        Autoencoder ae = Autoencoder.create(ModelConfig.seedDefaults(), new OptimizerSettings(5e-4, 1e-5, 3));
        Path file = dir.resolve("autoencoder.zip");
        ModelStore.save(ae, Map.of("lr", 5e-4), file);
        String sha256 = Sha256.of(file);

        StoredModel stored = ModelStore.read(file);
        Files.delete(file);

        assertThat(stored.sha256()).isEqualTo(sha256);
        assertThat(stored.config()).isEqualTo(ModelConfig.seedDefaults());
        assertThat(stored.trainingJson()).contains("\"lr\"");
        assertThat(stored.checkpointJson()).isNull();
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 1, 32, 32);
        assertThat(stored.restore(false, Engine.NATIVE).reconstruct(x)).isEqualTo(ae.reconstruct(x));
    }

    @Test
    void aFileThatIsNotAZipIsRefusedWithAClearMessage(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("model.zip"), "hello");
        assertThatThrownBy(() -> ModelStore.load(file, false, Engine.NATIVE))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("is not a FashionAE model: not a zip file");
    }

    @Test
    void aMissingFileSaysToTrainFirst(@TempDir Path dir) {
        assertThatThrownBy(() -> ModelStore.load(dir.resolve("none.zip"), false, Engine.NATIVE))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("not found");
    }

    @Test
    void entriesWeNeverWriteAreRefusedBeforeDeserialisation(@TempDir Path dir) throws IOException {
        Autoencoder ae = Autoencoder.create(ModelConfig.seedDefaults(), new OptimizerSettings(5e-4, 1e-5, 3));
        Path good = dir.resolve("good.zip");
        ModelStore.save(ae, good);
        Path bad = dir.resolve("bad.zip");
        try (ZipFile in = new ZipFile(good.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
            for (var e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.getInputStream(entry).transferTo(out);
            }
            out.putNextEntry(new ZipEntry("normalizer.bin"));
            out.write(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5});
        }
        assertThatThrownBy(() -> ModelStore.load(bad, false, Engine.NATIVE))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("unexpected entry 'normalizer.bin'");
    }

    @Test
    void aDl4jZipWithoutOurConfigIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plain.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry("configuration.json"));
            out.write("{}".getBytes());
            out.putNextEntry(new ZipEntry("coefficients.bin"));
            OutputStream ignored = out;
            ignored.write(new byte[4]);
        }
        assertThatThrownBy(() -> ModelStore.load(file, false, Engine.NATIVE)).hasMessageContaining("missing entry");
    }
}
