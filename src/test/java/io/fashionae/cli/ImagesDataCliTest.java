package io.fashionae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.testing.ImageFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code data --images DIR}: the folder read as training reads it, and the folder errors as one line each. */
class ImagesDataCliTest {

    @Test
    void dataReportsTheSplitColourAndClassesOfAFolder(@TempDir Path dir) throws Exception {
        Path images = ImageFixtures.shapes(dir.resolve("shapes"), 10, 40);
        CliRunner r = CliRunner.run("data", "--images", images.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Images: 27 training, 3 validation from", "3 classes, 32x32 RGB", "cached in memory")
                .contains("classes: circles, squares, triangles", "listing sha256 ");
    }

    @Test
    void anEmptyFolderASingleClassAndStrayOptionsAreOneLineErrors(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRunner none = CliRunner.run("data", "--images", empty.toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("holds no images").hasLineCount(1);

        Path one = ImageFixtures.shapes(dir.resolve("one"), 3, 40);
        for (String gone : new String[] {"squares", "triangles"}) {
            try (var files = Files.list(one.resolve(gone))) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(one.resolve(gone));
        }
        CliRunner single = CliRunner.run("data", "--images", one.toString());
        assertThat(single.exitCode()).isEqualTo(2);
        assertThat(single.err()).contains("single class folder (circles)").hasLineCount(1);

        CliRunner stray = CliRunner.run("train", "--color", "rgb");
        assertThat(stray.exitCode()).isEqualTo(2);
        assertThat(stray.err()).contains("--color applies only to --images DIR");

        CliRunner both = CliRunner.run("train", "--images", one.toString(), "--dataset", "mnist");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--images cannot be combined with --dataset");
    }
}
