package io.fashionae.data.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fashionae.common.UserException;
import io.fashionae.config.ColorMode;
import io.fashionae.config.ImageSource;
import io.fashionae.testing.ImageFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The folder module: decoding once into the cache, memory or disk alike, colour by content, the split. */
class ImageFolderDataModuleTest {

    private static ImageFolderDataModule open(Path images, ColorMode color, int cacheMb, Path temp) {
        return ImageFolderDataModule.open(ImageSource.of(images, 32, color, 0.2, cacheMb, false), 42, 0, 0, temp);
    }

    @Test
    void imagesCachedOnDiskAreTheSameAsImagesCachedInMemory(@TempDir Path dir) throws IOException {
        Path images = ImageFixtures.shapes(dir.resolve("shapes"), 6, 40);
        try (ImageFolderDataModule memory = open(images, ColorMode.AUTO, 64, dir.resolve("tmp1"));
                ImageFolderDataModule disk = open(images, ColorMode.AUTO, 0, dir.resolve("tmp2"))) {
            assertThat(memory.channels()).isEqualTo(3);
            try (INDArray a = memory.train().images();
                    INDArray b = disk.train().images()) {
                assertThat(a.shape()).containsExactly(memory.train().size(), 3, 32, 32);
                assertThat(a.equals(b)).isTrue();
                assertThat(a.maxNumber().floatValue()).isGreaterThan(0.5f).isLessThanOrEqualTo(1f);
            }
            try (Stream<Path> spilled = Files.list(dir.resolve("tmp2"))) {
                assertThat(spilled).hasSize(1);
            }
            assertThat(memory.validation().labels())
                    .containsExactly(disk.validation().labels());
        }
        // Closing deletes the disk cache.
        assertThat(dir.resolve("tmp2")).isEmptyDirectory();
    }

    @Test
    void aGreyFolderIsReadAsOnePlaneAndTheSplitIsStratifiedAndRepeatable(@TempDir Path dir) throws IOException {
        Path images = ImageFixtures.shapes(dir.resolve("shapes"), 10, 40);
        Files.walk(images.resolve("triangles"))
                .sorted(java.util.Comparator.reverseOrder())
                .forEach(p -> p.toFile().delete());
        try (ImageFolderDataModule a = open(images, ColorMode.AUTO, 16, dir);
                ImageFolderDataModule b = open(images, ColorMode.AUTO, 16, dir)) {
            assertThat(a.channels()).isEqualTo(1);
            assertThat(a.classNames()).containsExactly("circles", "squares");
            // 20% of each class of ten: two per class.
            assertThat(a.validation().labels()).containsExactlyInAnyOrder(0, 0, 1, 1);
            assertThat(b.validation().labels()).containsExactly(a.validation().labels());
            assertThat(a.summary().verifiedFiles().get("listing"))
                    .isEqualTo(b.source().fingerprint())
                    .hasSize(64);
            try (INDArray x = a.validation().images();
                    INDArray y = b.validation().images()) {
                assertThat(x.equals(y)).isTrue();
            }
        }
    }

    @Test
    void aFolderWithTooFewImagesForValidationIsRefused(@TempDir Path dir) throws IOException {
        ImageFixtures.flatShapes(dir.resolve("one"), 1, 40);
        Files.delete(dir.resolve("one/circles-0.png"));
        Files.delete(dir.resolve("one/squares-0.jpg"));
        assertThatThrownBy(() -> open(dir.resolve("one"), ColorMode.AUTO, 16, dir))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("too few images");
    }

    @Test
    void aSkippedImageIsLeftOutEvenWhenTheFolderIsGivenAsARelativePath(@TempDir Path dir) throws IOException {
        Path images = ImageFixtures.shapes(dir.resolve("shapes"), 10, 40);
        Path bad = images.resolve("squares/squares-4.jpg");
        Files.write(bad, java.util.Arrays.copyOf(Files.readAllBytes(bad), 30));
        Path relative = Path.of("").toAbsolutePath().relativize(images);
        ImageSource source = ImageSource.of(relative, 32, ColorMode.AUTO, 0.2, 16, true);
        try (ImageFolderDataModule data = ImageFolderDataModule.open(source, 42, 0, 0, dir)) {
            assertThat(data.skipped()).hasSize(1);
            assertThat(data.train().size() + data.validation().size()).isEqualTo(29);
            assertThat(data.summary().skippedImages()).isEqualTo(1);
        }
    }

    @Test
    void theFirstImagesOfEachSplitCoverTheClassesRatherThanTheFirstClass(@TempDir Path dir) throws IOException {
        Path images = ImageFixtures.shapes(dir.resolve("shapes"), 20, 40);
        try (ImageFolderDataModule data = ImageFolderDataModule.open(
                ImageSource.of(images, 32, ColorMode.AUTO, 0.2, 16, false), 42, 12, 0, dir)) {
            assertThat(java.util.Arrays.stream(data.train().labels()).distinct().count())
                    .isEqualTo(3);
            assertThat(java.util.Arrays.stream(data.validation().first(6).labels())
                            .distinct()
                            .count())
                    .isGreaterThan(1);
        }
    }
}
