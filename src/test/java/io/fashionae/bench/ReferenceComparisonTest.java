package io.fashionae.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fashionae.common.UserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceComparisonTest {
    private static final BenchmarkResult OURS = new BenchmarkResult(
            64,
            "fashion-mnist",
            "fp32",
            150,
            List.of(150.0),
            180,
            3000,
            4000,
            200,
            900,
            0.4,
            1,
            2,
            3,
            null,
            null,
            null);

    @Test
    void ratiosAreOurFiguresOverTheReferences(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("ref.json"), """
                {"torch": "1.13.0a0", "threads": 2, "batch_size": 64, "params": 343619, "data": "fashion-mnist",
                 "train_images_per_s": 100.0, "encode_images_per_s": 2000.0}""");
        ReferenceComparison c = ReferenceComparison.read(file, OURS);
        assertThat(c.trainRatio()).isEqualTo(1.5);
        assertThat(c.encodeRatio()).isEqualTo(1.5);
        assertThat(c.encodeOnnxRatio()).isEqualTo(2.0);
        assertThat(c.torch()).isEqualTo("1.13.0a0");
        assertThat(c.encodeSteady()).isFalse();
        assertThat(OURS.withReference(c).reference()).isEqualTo(c);
    }

    @Test
    void theSteadyEncodingFigureIsComparedWhenTheFileHasIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("ref.json"), """
                {"batch_size": 64, "train_images_per_s": 100.0, "encode_images_per_s": 2000.0,
                 "encode_steady_images_per_s": 4000.0, "encode_steady_runs": [3900.0, 4000.0, 4100.0]}""");
        ReferenceComparison c = ReferenceComparison.read(file, OURS);
        assertThat(c.encodeSteady()).isTrue();
        assertThat(c.encodeImagesPerS()).isEqualTo(4000.0);
        assertThat(c.encodeRatio()).isEqualTo(0.75);
        assertThat(c.encodeOnnxRatio()).isEqualTo(1.0);
    }

    @Test
    void aReferenceAtAnotherBatchSizeIsRefused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(
                dir.resolve("ref.json"),
                "{\"batch_size\": 256, \"train_images_per_s\": 1, \"encode_images_per_s\": 1}");
        assertThatThrownBy(() -> ReferenceComparison.read(file, OURS))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("batch 256");
    }

    @Test
    void aMissingOrIncompleteFileIsAUserError(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ReferenceComparison.read(dir.resolve("none.json"), OURS))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("cannot read the reference's figures");
        Path partial = Files.writeString(dir.resolve("p.json"), "{\"train_images_per_s\": 1}");
        assertThatThrownBy(() -> ReferenceComparison.read(partial, OURS))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("no train_images_per_s / encode_images_per_s");
    }
}
