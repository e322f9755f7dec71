package io.fashionae.data.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fashionae.common.UserException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decoding, colour detection and the aspect-keeping fit on images the tests make. */
class ImageFileTest {

    /** Whether the file, fitted into 32x32 RGB, has a pixel whose planes differ. */
    private static boolean colour(Path file) {
        return ImageFile.hasColour(ImageFile.toBytes(ImageFile.decode(file, 32), 32, 3), 0, 32 * 32);
    }

    @Test
    void aWideImageIsFittedWithItsAspectKeptAndPaddedWithBlack(@TempDir Path dir) throws IOException {
        BufferedImage wide = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                wide.setRGB(x, y, Color.WHITE.getRGB());
            }
        }
        Path file = dir.resolve("wide.png");
        ImageIO.write(wide, "png", file.toFile());
        float[] grey = ImageFile.toTensor(ImageFile.decode(file, 32), 32, 1);
        assertThat(grey).hasSize(32 * 32);
        // 64x32 -> 32x16, centred: rows 8..23 white, the rest black.
        assertThat(grey[0]).isZero();
        assertThat(grey[7 * 32 + 16]).isZero();
        assertThat(grey[16 * 32 + 16]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(grey[31 * 32 + 16]).isZero();
    }

    @Test
    void colourIsDetectedAndKeptInThreePlanes(@TempDir Path dir) throws IOException {
        Path red = ImageFolderTest.image(dir.resolve("red.png"), 32, 32, Color.RED, "png");
        Path white = ImageFolderTest.image(dir.resolve("white.jpg"), 32, 32, Color.WHITE, "jpg");
        assertThat(colour(red)).isTrue();
        assertThat(colour(white)).isFalse();
        float[] rgb = ImageFile.toTensor(ImageFile.decode(red, 32), 32, 3);
        int centre = 16 * 32 + 16;
        assertThat(rgb[centre]).isEqualTo(1f);
        assertThat(rgb[32 * 32 + centre]).isZero();
        assertThat(rgb[2 * 32 * 32 + centre]).isZero();
    }

    @Test
    void sixteenBitAndPalettePngsAreConverted(@TempDir Path dir) throws IOException {
        BufferedImage deep = new BufferedImage(32, 32, BufferedImage.TYPE_USHORT_GRAY);
        deep.getRaster().setSample(16, 16, 0, 65535);
        Path deepFile = dir.resolve("deep.png");
        ImageIO.write(deep, "png", deepFile.toFile());
        assertThat(ImageFile.toTensor(ImageFile.decode(deepFile, 32), 32, 1)[16 * 32 + 16])
                .isGreaterThan(0.99f);
        BufferedImage palette = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_INDEXED);
        palette.setRGB(3, 3, Color.RED.getRGB());
        Path paletteFile = dir.resolve("palette.png");
        ImageIO.write(palette, "png", paletteFile.toFile());
        assertThat(colour(paletteFile)).isTrue();
    }

    @Test
    void truncatedTooSmallAndNonImageFilesAreOneLineErrorsNamingTheFile(@TempDir Path dir) throws IOException {
        Path good = ImageFolderTest.image(dir.resolve("good.png"), 40, 40, Color.WHITE, "png");
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.png"), java.util.Arrays.copyOf(bytes, 30));
        assertThatThrownBy(() -> ImageFile.decode(truncated, 32))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("truncated.png")
                .satisfies(e -> assertThat(((UserException) e).fix()).contains("--skip-bad-images"));
        Path text = Files.writeString(dir.resolve("text.jpg"), "hello");
        assertThatThrownBy(() -> ImageFile.decode(text, 32)).hasMessageContaining("cannot read image");
        Path small = ImageFolderTest.image(dir.resolve("small.png"), 20, 16, Color.WHITE, "png");
        assertThatThrownBy(() -> ImageFile.decode(small, 32))
                .hasMessageContaining("small.png is 20x16, smaller than the image side 32");
    }

    @Test
    void aCmykJpegIsConvertedToRgb(@TempDir Path dir) throws IOException {
        // ImageIO writes a four-band raster as a CMYK JPEG (no Adobe marker), and Java 17 reads it back.
        java.awt.image.WritableRaster cmyk =
                java.awt.image.Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 40, 40, 4, null);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                // Stored inverted, as Adobe writes CMYK: cyan 0, magenta and yellow full, black 0 (red)
                // on the left half, no ink (white) on the right.
                int[] ink = x < 20 ? new int[] {255, 0, 0, 255} : new int[] {255, 255, 255, 255};
                cmyk.setPixel(x, y, ink);
            }
        }
        Path file = dir.resolve("cmyk.jpg");
        javax.imageio.ImageWriter writer =
                ImageIO.getImageWritersByFormatName("jpeg").next();
        try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(cmyk, null, null), null);
        } finally {
            writer.dispose();
        }
        BufferedImage image = ImageFile.decode(file, 32);
        assertThat(image.getColorModel().getNumComponents()).isEqualTo(4);
        byte[] rgb = ImageFile.toBytes(image, 32, 3);
        assertThat(ImageFile.hasColour(rgb, 0, 32 * 32)).isTrue();
        // Row 16: red at the left quarter (the 40x40 image fills the 32x32 square), white at the right.
        int plane = 32 * 32;
        assertThat(rgb[16 * 32 + 4] & 0xff).isGreaterThan(200);
        assertThat(rgb[plane + 16 * 32 + 4] & 0xff).isLessThan(60);
        assertThat(rgb[2 * plane + 16 * 32 + 28] & 0xff).isGreaterThan(200);
    }

    @Test
    void aLargePhotoIsDecodedSubsampledAndStillFitsTheSameWay(@TempDir Path dir) throws IOException {
        BufferedImage big = new BufferedImage(2000, 1000, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = big.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1000, 1000);
        g.dispose();
        Path file = dir.resolve("big.png");
        ImageIO.write(big, "png", file.toFile());
        BufferedImage decoded = ImageFile.decode(file, 32);
        // Subsampled by 2000 / (4 * 32) = 15: 134 x 67 pixels decoded instead of two million.
        assertThat(decoded.getWidth()).isEqualTo(134);
        byte[] grey = ImageFile.toBytes(decoded, 32, 1);
        // 2:1 fitted into 32x32: rows 8..23, white on the left half, black on the right.
        assertThat(grey[16 * 32 + 4] & 0xff).isEqualTo(255);
        assertThat(grey[16 * 32 + 28] & 0xff).isZero();
        assertThat(grey[2 * 32 + 4] & 0xff).isZero();
    }

    @Test
    void bmpAndGifFilesAreReadLikePngs(@TempDir Path dir) throws IOException {
        for (String format : new String[] {"bmp", "gif"}) {
            Path file = ImageFolderTest.image(dir.resolve("shape." + format), 48, 40, Color.RED, format);
            byte[] rgb = ImageFile.toBytes(ImageFile.decode(file, 32), 32, 3);
            assertThat(ImageFile.hasColour(rgb, 0, 32 * 32)).as(format).isTrue();
            // The oval's centre is red.
            assertThat(rgb[16 * 32 + 16] & 0xff).as(format).isGreaterThan(200);
            assertThat(rgb[32 * 32 + 16 * 32 + 16] & 0xff).as(format).isLessThan(60);
        }
    }
}
