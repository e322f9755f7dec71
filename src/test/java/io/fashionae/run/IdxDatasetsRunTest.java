package io.fashionae.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fashionae.common.Json;
import io.fashionae.common.Sha256;
import io.fashionae.config.CheckpointConfig;
import io.fashionae.config.DataConfig;
import io.fashionae.config.IdxDataset;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.OutputConfig;
import io.fashionae.config.PlotConfig;
import io.fashionae.config.Precision;
import io.fashionae.config.TrainingConfig;
import io.fashionae.data.idx.DataSource;
import io.fashionae.data.idx.IdxDataModule;
import io.fashionae.data.idx.IdxDistribution;
import io.fashionae.data.idx.IdxFile;
import io.fashionae.inference.OnnxDecoder;
import io.fashionae.testing.IdxFixtures;
import io.fashionae.testing.Tags;
import io.fashionae.testing.TestEngines;
import io.fashionae.training.StopSignal;
import io.fashionae.training.TrainingJob;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A smoke run on generated IDX files under the official names of MNIST and KMNIST: the class
 * names of the data set reach metrics.json, the per-class figures, the report and the ONNX
 * metadata. The files are checked the way each data set is (MNIST by the SHA-256 of the
 * decompressed content, KMNIST by the .gz's), against their own hashes here.
 */
@Tag(Tags.SLOW)
class IdxDatasetsRunTest {

    @ParameterizedTest
    @EnumSource(
            value = IdxDataset.class,
            names = {"MNIST", "KMNIST"})
    void aSmokeRunOnGeneratedFilesCarriesTheDataSetsClassNamesThrough(IdxDataset dataset, @TempDir Path dir)
            throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        IdxFixtures.writePair(data, "train", 96, true);
        IdxFixtures.writePair(data, "t10k", 40, true);
        IdxDistribution own = ownHashes(dataset, data);
        IdxDataModule module =
                new IdxDataModule(new DataSource(data, "--data"), own, ModelConfig.SEED_IMAGE_SIZE, 0, 0);
        TrainingJob job = new TrainingJob(
                ModelConfig.seedDefaults(),
                new TrainingConfig(1, 16, 2e-3, 1e-5, 3, 0, 0, Precision.FP32).withDataset(dataset),
                new PlotConfig(2, 4, 0),
                new DataConfig(data, false, dataset),
                OutputConfig.under(dir.resolve("out")),
                CheckpointConfig.defaults(),
                TestEngines.NATIVE);
        TrainingRun.execute(job, module, RunEvents.NONE, StopSignal.NEVER);

        JsonNode metrics = Json.readTree(dir.resolve("out/reports/metrics.json"));
        assertThat(metrics.get("data").get("dataset").asText()).isEqualTo(dataset.cliName());
        assertThat(metrics.get("training").get("dataset").asText()).isEqualTo(dataset.name());
        List<String> names = dataset.classNames();
        assertThat(metrics.get("data").get("class_names").toString()).contains("\"" + names.get(9) + "\"");
        assertThat(metrics.get("final").get("per_class_mse").fieldNames())
                .toIterable()
                .containsExactlyElementsOf(names);
        assertThat(Files.readString(dir.resolve("out/reports/index.html")))
                .contains("\"name\":\"" + names.get(1) + "\"");
        try (OnnxDecoder decoder = OnnxDecoder.open(dir.resolve("out/models/decoder.onnx"))) {
            assertThat(decoder.metadata().get("dataset")).isEqualTo(dataset.cliName());
            assertThat(decoder.metadata().get("class_names")).contains("\"" + names.get(0) + "\"");
        }
    }

    /** The distribution of {@code dataset} with the generated files' hashes, computed the way it checks them. */
    private static IdxDistribution ownHashes(IdxDataset dataset, Path data) throws IOException {
        Map<IdxFile, String> hashes = new EnumMap<>(IdxFile.class);
        boolean gz = !IdxDistribution.of(dataset).gzSha256().isEmpty();
        for (IdxFile f : IdxFile.values()) {
            byte[] file = Files.readAllBytes(data.resolve(f.fileName() + ".gz"));
            hashes.put(f, gz ? Sha256.of(file) : Sha256.of(new GZIPInputStream(new ByteArrayInputStream(file))));
        }
        IdxDistribution official = IdxDistribution.of(dataset);
        return new IdxDistribution(
                dataset, official.downloadBase(), null, null, gz ? Map.of() : hashes, gz ? hashes : Map.of());
    }
}
