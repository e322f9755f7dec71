package io.fashionae.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionae.common.UserException;
import io.fashionae.latent.LatentPoints;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunComparisonTest {

    private static ComparedRun run(String name, int dim, int valImages, String sha, int[] labels, double mse) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        ObjectNode data = m.putObject("data");
        data.put("val_images", valImages);
        data.putObject("verified_files").put("t10k-images-idx3-ubyte", sha);
        m.putObject("model")
                .put("latent_dim", dim)
                .putObject("objective")
                .put("loss", "BCE")
                .put("variational", dim == 8);
        m.putObject("training").put("epochs", 3);
        m.putObject("final").put("val_mse", mse).put("val_mse_28", mse * 1.2).put("knn5_accuracy", 0.7);
        m.put("wall_seconds", 125.4);
        m.putArray("epochs")
                .addObject()
                .put("epoch", 1)
                .put("train_loss", 0.3)
                .put("val_loss", mse)
                .put("seconds", 10)
                .put("train_images_per_s", 600);
        float[] v = new float[labels.length * dim];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(i * 0.7 + dim);
        }
        return new ComparedRun(name, Path.of(name), m, new LatentPoints(v, dim, labels));
    }

    private static final int[] LABELS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1};

    @Test
    void runsOnAnotherValidationSetOrOtherDataAreRefusedWithTheReason() {
        ComparedRun a = run("a", 2, 12, "abc", LABELS, 0.02);
        assertThatThrownBy(() -> RunComparison.of(List.of(a, run("b", 2, 10, "abc", LABELS, 0.02))))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("cannot compare a and b: their validation sets differ (12 and 10 images)");
        assertThatThrownBy(() -> RunComparison.of(List.of(a, run("c", 2, 12, "def", LABELS, 0.02))))
                .hasMessageContaining("their data files differ");
        int[] shuffled = LABELS.clone();
        shuffled[0] = 1;
        shuffled[1] = 0;
        assertThatThrownBy(() -> RunComparison.of(List.of(a, run("d", 2, 12, "abc", shuffled, 0.02))))
                .hasMessageContaining("their validation images differ");
        assertThatThrownBy(() -> RunComparison.of(List.of(a))).hasMessageContaining("at least two runs");
    }

    @Test
    void theTableHasARowPerRunWithItsObjectiveAndFigures() {
        RunComparison c =
                RunComparison.of(List.of(run("a", 2, 12, "abc", LABELS, 0.02), run("b", 8, 12, "abc", LABELS, 0.015)));
        String table = c.markdownTable();
        assertThat(table.lines()).hasSize(4);
        assertThat(table)
                .contains("| a | 2 | bce | 1 | 0.02400 | 0.02000 | 0.700 | 2:05 | 600 |")
                .contains("| b | 8 | vae-bce | 1 | 0.01800 | 0.01500 |");
        assertThat(c.toJson().get("runs").get(1).get("alignment").get("method").asText())
                .isEqualTo("pca, then procrustes");
        assertThat(c.aligned(1).dim()).isEqualTo(2);
    }
}
