package io.fashionae.plot;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.config.FashionMnistClasses;
import io.fashionae.latent.LatentFrame;
import io.fashionae.latent.LatentPoints;
import io.fashionae.latent.Plane;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {

    static LatentFrame frame(int step, int dim, double scale) {
        Random rng = new Random(step);
        int n = 500;
        float[] v = new float[n * dim];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            for (int d = 0; d < dim; d++) {
                v[i * dim + d] = (float) (scale * (labels[i] * (d + 1) + rng.nextGaussian()));
            }
        }
        return new LatentFrame(step, 1, 0.03, 0.7, new LatentPoints(v, dim, labels));
    }

    /** Pixels of {@code image} whose colour is one of the tab10 class colours blended on white. */
    private static Set<Integer> classColoursIn(BufferedImage image) {
        Set<Integer> found = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth() * 3 / 4; x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                for (int c = 0; c < 10; c++) {
                    Color col = Palette.classColor(c);
                    int r = Math.round(col.getRed() * 0.9f + 255 * 0.1f);
                    int g = Math.round(col.getGreen() * 0.9f + 255 * 0.1f);
                    int b = Math.round(col.getBlue() * 0.9f + 255 * 0.1f);
                    Color px = new Color(rgb);
                    if (Math.abs(px.getRed() - r) <= 2
                            && Math.abs(px.getGreen() - g) <= 2
                            && Math.abs(px.getBlue() - b) <= 2) {
                        found.add(c);
                    }
                }
            }
        }
        return found;
    }

    @Test
    void aFramePlotShowsEveryClassColour(@TempDir Path dir) throws IOException {
        new FramePlotter(dir, FashionMnistClasses.NAMES).accept(frame(40, 2, 1));
        BufferedImage png = ImageIO.read(dir.resolve("step-0040.png").toFile());
        assertThat(png.getWidth()).isEqualTo(FramePlotter.WIDTH);
        assertThat(png.getHeight()).isEqualTo(FramePlotter.HEIGHT);
        assertThat(classColoursIn(png)).hasSizeGreaterThan(5);
    }

    @Test
    void wideLatentsArePlottedAsAPcaProjectionAndSaySo() {
        LatentFrame f = frame(0, 6, 1);
        assertThat(FramePlotter.title(f, Plane.of(f.points()))).contains("[PCA]");
        assertThat(FramePlotter.render(f, null, FashionMnistClasses.NAMES).getWidth())
                .isEqualTo(FramePlotter.WIDTH);
    }

    @Test
    void theEvolutionGifHasOneFramePerStepAt200msAndLoops(@TempDir Path dir) throws IOException {
        List<LatentFrame> frames = List.of(frame(0, 2, 0.1), frame(10, 2, 1), frame(20, 2, 5));
        Path gif = Figures.writeEvolution(frames, FashionMnistClasses.NAMES, dir.resolve("evo.gif"));
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(3);
            IIOMetadataNode root =
                    (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode gce = (IIOMetadataNode)
                    root.getElementsByTagName("GraphicControlExtension").item(0);
            assertThat(gce.getAttribute("delayTime")).isEqualTo("20");
            IIOMetadataNode app = (IIOMetadataNode)
                    root.getElementsByTagName("ApplicationExtension").item(0);
            assertThat(app.getAttribute("applicationID")).isEqualTo("NETSCAPE");
            assertThat((byte[]) app.getUserObject()).containsExactly(1, 0, 0);
            assertThat(reader.read(2).getWidth()).isEqualTo(FramePlotter.WIDTH);
        }
    }

    @Test
    void framesOfTheAnimationShareOneAxisRange() {
        List<LatentPoints> planes =
                List.of(frame(0, 2, 0.1).points(), frame(1, 2, 5).points());
        AxisRange r = AxisRange.covering(planes);
        float[] big = planes.get(1).range(0);
        assertThat(r.xMin()).isLessThan(big[0]);
        assertThat(r.xMax()).isGreaterThan(big[1]);
    }
}
