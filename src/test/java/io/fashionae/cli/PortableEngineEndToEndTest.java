package io.fashionae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fashionae.testing.Requirements;
import io.fashionae.testing.Tags;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portable engine end to end on the real data, through the CLI as a user types it: a short
 * training with {@code --engine dl4j} (figures, ONNX export, report), a decode with the exported
 * file, and the other engine exporting the same model file. {@code make test-portable} runs it on
 * libnd4j's plain {@code linux-x86_64} build, the build a Mac, Windows or ARM user's natives are
 * closest to, and then checks that this build is the one that ran.
 */
@Tag(Tags.SLOW)
@Tag(Tags.PORTABLE)
class PortableEngineEndToEndTest {
    /** Set by {@code make test-portable}: the libnd4j build the run must have loaded. */
    private static final String EXPECTED_NATIVES = System.getProperty("fashionae.expected.natives", "");

    @Test
    void dl4jEngineTrainsExportsReportsAndDecodes(@TempDir Path dir) throws Exception {
        Path data = Requirements.fashionMnist();
        Path models = dir.resolve("models");
        Path reports = dir.resolve("reports");
        CliRunner train = CliRunner.run(
                "train",
                "--engine",
                "dl4j",
                "--data",
                data.toString(),
                "--epochs",
                "1",
                "--train-limit",
                "1024",
                "--val-limit",
                "500",
                "--plot-until",
                "40",
                "--models",
                models.toString(),
                "--reports",
                reports.toString(),
                "--progress",
                "lines");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("Engine: dl4j (asked for with --engine", "Epoch 1/1  train_loss=");

        JsonNode metrics =
                new ObjectMapper().readTree(reports.resolve("metrics.json").toFile());
        assertThat(metrics.get("backend").get("engine").asText()).isEqualTo("dl4j");
        if (!EXPECTED_NATIVES.isEmpty()) {
            assertThat(metrics.get("backend").get("natives").asText()).isEqualTo(EXPECTED_NATIVES);
        }
        double loss = metrics.get("epochs").get(0).get("train_loss").asDouble();
        assertThat(loss).isFinite().isPositive().isLessThan(0.2);
        assertThat(reports.resolve("index.html")).isNotEmptyFile();
        assertThat(reports.resolve("latent-evolution.gif")).isNotEmptyFile();
        assertThat(models.resolve("decoder.onnx")).isNotEmptyFile();

        decodesWithTheExportedFile(models, dir);
        exportsTheSameFileOnTheNativeEngine(models, dir);
    }

    private static void decodesWithTheExportedFile(Path models, Path dir) {
        Path grid = dir.resolve("grid.png");
        CliRunner decode = CliRunner.run(
                "decode",
                "--model",
                models.resolve("decoder.onnx").toString(),
                "--z",
                "0,0",
                "--z",
                "1,-1",
                "--out",
                grid.toString());
        assertThat(decode.exitCode()).as(decode.err()).isZero();
        assertThat(grid).isNotEmptyFile();
    }

    /** The file a dl4j run wrote exports on the native engine too, checked against it in ONNX Runtime. */
    private static void exportsTheSameFileOnTheNativeEngine(Path models, Path dir) {
        Path nativeOnnx = dir.resolve("native-onnx");
        CliRunner export = CliRunner.run(
                "export",
                "--engine",
                "native",
                "--model",
                models.resolve("autoencoder.zip").toString(),
                "--models",
                nativeOnnx.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(nativeOnnx.resolve("decoder.onnx")).isNotEmptyFile();
    }
}
