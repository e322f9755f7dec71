package io.fashionae.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fashionae.common.UserException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    private static final String METRICS = """
            {"model": {"layers": 3, "latent_dim": 2},
             "data": {"dir": "/data/</script><script>alert('x')</script>", "origin": "--data"},
             "epochs": [{"epoch": 1, "train_loss": 0.05, "val_loss": 0.04, "seconds": 10, "train_images_per_s": 100}],
             "steps": [{"step": 0, "epoch": 1, "loss": 0.3, "knn5": 0.2},
              {"step": 10, "epoch": 1, "loss": 0.1, "knn5": 0.4}],
             "final": {"val_mse": 0.04, "val_mse_28": 0.05, "knn5_accuracy": 0.6}}
            """;

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void configStringsCannotBreakOutOfTheEmbeddedData(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("metrics.json"), METRICS);
        String html = Files.readString(ReportWriter.write(dir, dir.resolve("models")));
        String template = new String(
                ReportWriter.class.getResourceAsStream("report-template.html").readAllBytes());
        assertThat(count(html, "</script>")).isEqualTo(count(template, "</script>"));
        assertThat(html).doesNotContain("<script>alert").contains("\\u003c/script\\u003e\\u003cscript\\u003ealert");
    }

    @Test
    void missingOptionalPartsAreLeftOutNotLinked(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("metrics.json"), METRICS);
        String html = Files.readString(ReportWriter.write(dir, dir.resolve("models")));
        String data = html.substring(
                html.indexOf("id=\"report-data\">"), html.indexOf("</script>", html.indexOf("id=\"report-data\">")));
        assertThat(data)
                .contains("\"frames\":[]", "\"figures\":[]", "\"explorer\":null", "\"onnx\":null", "\"summary\":null");
        assertThat(data).doesNotContain("latent/step-", ReportWriter.EXPLORER_SPRITE);
    }

    @Test
    void framesAndFiguresAreLinkedByRelativePathWhenTheirFilesExist(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("metrics.json"), METRICS);
        Files.createDirectories(dir.resolve("latent"));
        Files.write(dir.resolve("latent/step-0010.png"), new byte[] {1});
        Files.write(dir.resolve("manifold.png"), new byte[] {1});
        String html = Files.readString(ReportWriter.write(dir, dir.resolve("models")));
        assertThat(html)
                .contains("\"src\":\"latent/step-0010.png\"", "\"src\":\"manifold.png\"")
                .doesNotContain("latent/step-0000.png")
                .doesNotContain(dir.toString() + "/manifold.png");
    }

    @Test
    void aFolderWithoutARunSaysToTrainFirstAndWritesNothing(@TempDir Path dir) {
        assertThatThrownBy(() -> ReportWriter.write(dir, dir))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("no metrics.json");
        assertThat(dir.resolve("index.html")).doesNotExist();
    }

    @Test
    void aBrokenMetricsFileKeepsThePreviousReport(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("index.html"), "previous report");
        Files.writeString(dir.resolve("metrics.json"), "{ not json");
        assertThatThrownBy(() -> ReportWriter.write(dir, dir)).isInstanceOf(UserException.class);
        assertThat(Files.readString(dir.resolve("index.html"))).isEqualTo("previous report");
    }
}
