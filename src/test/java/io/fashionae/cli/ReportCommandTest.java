package io.fashionae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fashionae report} on a run's folder: what it refuses to lose, and what it warns about. */
class ReportCommandTest {
    private static final String METRICS = """
            {"model": {"layers": 3, "latent_dim": 2}, "data": {"dir": "/data", "origin": "--data"},
             "epochs": [{"epoch": 1, "train_loss": 0.05, "val_loss": 0.04, "seconds": 10, "train_images_per_s": 100}],
             "steps": [{"step": 0, "epoch": 1, "loss": 0.3, "knn5": 0.2},
              {"step": 10, "epoch": 1, "loss": 0.1, "knn5": 0.4}],
             "final": {"val_mse": 0.04, "val_mse_28": 0.05, "knn5_accuracy": 0.6}}
            """;

    @Test
    void aWrongModelsFolderDoesNotReplaceAReportThatHasTheExplorerAndOnnxSections(@TempDir Path dir) throws Exception {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.writeString(reports.resolve("metrics.json"), METRICS);
        // The data a full run embeds: both sections present.
        String good = "<script id=\"report-data\">{\"metrics\":{},\"onnx\":{\"opset\":18},"
                + "\"explorer\":{\"sprite\":\"explorer-grid.png\"}}</script>";
        Files.writeString(reports.resolve("index.html"), good);
        CliRunner r = CliRunner.run(
                "report",
                "--reports",
                reports.toString(),
                "--models",
                dir.resolve("modles").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines())
                .singleElement()
                .asString()
                .contains(
                        "has the latent explorer (needs decoder.onnx) and the ONNX section",
                        "--models " + dir.resolve("modles"),
                        "pass the run's --models folder");
        assertThat(Files.readString(reports.resolve("index.html"))).isEqualTo(good);
    }

    @Test
    void aFrameListedInTheMetricsWithoutItsPngIsAWarning(@TempDir Path dir) throws Exception {
        Path reports = Files.createDirectories(dir.resolve("reports").resolve("latent"))
                .getParent();
        Files.writeString(reports.resolve("metrics.json"), METRICS);
        Files.write(reports.resolve("latent/step-0000.png"), new byte[] {1});
        CliRunner r = CliRunner.run(
                "report",
                "--reports",
                reports.toString(),
                "--models",
                dir.resolve("models").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err())
                .contains("warning: 1 of 2 latent frames in metrics.json have no PNG", "latent/step-0010.png");
        assertThat(reports.resolve("index.html")).isNotEmptyFile();
    }
}
