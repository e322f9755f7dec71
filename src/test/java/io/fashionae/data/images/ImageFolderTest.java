package io.fashionae.data.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fashionae.common.UserException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder scan and the seeded split on folders the tests make. */
class ImageFolderTest {

    static Path image(Path file, int w, int h, Color colour, String format) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(colour);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        ImageIO.write(img, format, file.toFile());
        return file;
    }

    @Test
    void classesComeFromTheSubfoldersSortedAndTheListingIsSorted(@TempDir Path dir) throws IOException {
        image(dir.resolve("circles/b.png"), 40, 40, Color.WHITE, "png");
        image(dir.resolve("circles/a.jpg"), 40, 30, Color.WHITE, "jpg");
        image(dir.resolve("bags/x.bmp"), 50, 40, Color.RED, "bmp");
        Files.writeString(dir.resolve("bags/notes.txt"), "not an image");
        Files.writeString(dir.resolve("bags/.hidden.png"), "hidden");
        ImageFolder folder = ImageFolder.scan(dir);
        assertThat(folder.classNames()).containsExactly("bags", "circles");
        assertThat(folder.entries())
                .extracting(e -> e.file().getFileName().toString() + ":" + e.label())
                .containsExactly("x.bmp:0", "a.jpg:1", "b.png:1");
        assertThat(folder.labelled()).isTrue();
    }

    @Test
    void aFlatFolderIsUnlabelled(@TempDir Path dir) throws IOException {
        image(dir.resolve("one.png"), 32, 32, Color.WHITE, "png");
        image(dir.resolve("two.gif"), 32, 32, Color.WHITE, "gif");
        ImageFolder folder = ImageFolder.scan(dir);
        assertThat(folder.labelled()).isFalse();
        assertThat(folder.entries()).extracting(ImageFolder.Entry::label).containsExactly(-1, -1);
    }

    @Test
    void emptyFoldersASingleClassAndLooseImagesAreRefusedNamingTheFix(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> ImageFolder.scan(dir.resolve("missing")))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("is not a folder");
        Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> ImageFolder.scan(dir.resolve("empty"))).hasMessageContaining("holds no images");
        image(dir.resolve("one/cats/a.png"), 32, 32, Color.WHITE, "png");
        assertThatThrownBy(() -> ImageFolder.scan(dir.resolve("one")))
                .hasMessageContaining("a single class folder (cats)");
        Files.createDirectories(dir.resolve("one/dogs"));
        assertThatThrownBy(() -> ImageFolder.scan(dir.resolve("one")))
                .hasMessageContaining("class folder")
                .hasMessageContaining("dogs holds no images");
        image(dir.resolve("one/dogs/b.png"), 32, 32, Color.WHITE, "png");
        image(dir.resolve("one/loose.png"), 32, 32, Color.WHITE, "png");
        assertThatThrownBy(() -> ImageFolder.scan(dir.resolve("one")))
                .hasMessageContaining("1 images beside its class folders (loose.png)");
    }

    @Test
    void theSplitIsStratifiedSeededAndTheSameOnEveryRun(@TempDir Path dir) throws IOException {
        for (int i = 0; i < 20; i++) {
            image(dir.resolve("a/" + i + ".png"), 32, 32, Color.WHITE, "png");
        }
        for (int i = 0; i < 10; i++) {
            image(dir.resolve("b/" + i + ".png"), 32, 32, Color.RED, "png");
        }
        ImageFolder folder = ImageFolder.scan(dir);
        List<List<ImageFolder.Entry>> split = folder.split(0.1, 42);
        assertThat(split.get(1)).extracting(ImageFolder.Entry::label).containsExactlyInAnyOrder(0, 0, 1);
        assertThat(split.get(0)).hasSize(27);
        assertThat(ImageFolder.scan(dir).split(0.1, 42)).isEqualTo(split);
        assertThat(folder.split(0.1, 43)).isNotEqualTo(split);
        assertThatThrownBy(() -> folder.split(1.0, 42)).hasMessageContaining("--val-fraction");
    }

    @Test
    void moreClassFoldersThanFramesCanLabelAreRefused(@TempDir Path dir) throws IOException {
        for (int c = 0; c <= ImageFolder.MAX_CLASSES; c++) {
            Files.createDirectories(dir.resolve(String.format("c%03d", c)));
            Files.write(dir.resolve(String.format("c%03d/x.png", c)), new byte[] {1});
        }
        assertThatThrownBy(() -> ImageFolder.scan(dir))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("257 class folders; at most 256");
    }
}
