package io.fashionae.data.images;

import io.fashionae.common.UserException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * One image file as the network's input: decoded with ImageIO (PNG, JPEG, BMP, GIF; 16-bit and
 * palette PNGs and the CMYK JPEGs that Java 17's decoder reads are converted to RGB), fitted into
 * a {@code side x side} square with its aspect kept (bilinear, the longer side to {@code side}, the
 * other centred and padded with black, as the seed pads Fashion-MNIST with zeros), and scaled to
 * [0, 1] in CHW order: one plane for grey, three for RGB (grey images are repeated into all three).
 */
public final class ImageFile {
    /** Large images are decoded subsampled to about this many times the image side. */
    private static final int SUBSAMPLE_TO = 4;

    private ImageFile() {}

    /**
     * Reads {@code file}.
     *
     * @throws UserException naming the file and the fix: unreadable or truncated, a JPEG colour
     *         type the decoder refuses (some YCCK and CMYK variants), or smaller than {@code side} both ways
     */
    public static BufferedImage decode(Path file, int side) {
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            image = in == null ? null : read(in, file, side);
        } catch (IIOException e) {
            String why = String.valueOf(e.getMessage());
            if (why.contains("Unsupported Image Type")
                    || why.toLowerCase(java.util.Locale.ROOT).contains("cmyk")) {
                throw new UserException(
                        file + " is a CMYK (or YCCK) JPEG of a kind Java's decoder cannot read",
                        "save it as an RGB JPEG or a PNG, or pass --skip-bad-images");
            }
            throw unreadable(file, e);
        } catch (UserException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, e);
        }
        if (image == null) {
            throw unreadable(file, null);
        }
        return image;
    }

    /**
     * The first image of {@code in}, its size checked from the header before any pixel is decoded.
     * A photo many times the image side is decoded with source subsampling to about four times the
     * side: a 12-megapixel JPEG would otherwise take 36 MB of heap per decoding thread, for
     * detail the fit throws away.
     */
    private static BufferedImage read(ImageInputStream in, Path file, int side) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(in, true, true);
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            if (w < side && h < side) {
                throw new UserException(
                        file + " is " + w + "x" + h + ", smaller than the image side " + side,
                        "use a smaller --image-size, larger images, or --skip-bad-images");
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.max(w, h) / (SUBSAMPLE_TO * side));
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            return reader.read(0, param);
        } finally {
            reader.dispose();
        }
    }

    /** {@code image} fitted into {@code side x side} (aspect kept, centred, black padding), as CHW floats. */
    public static float[] toTensor(BufferedImage image, int side, int channels) {
        byte[] bytes = toBytes(image, side, channels);
        float[] out = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (bytes[i] & 0xff) / 255f;
        }
        return out;
    }

    /**
     * {@code image} fitted into {@code side x side} (aspect kept, centred, black padding), as CHW
     * unsigned bytes: what the run caches, a quarter of the floats' size.
     */
    public static byte[] toBytes(BufferedImage image, int side, int channels) {
        BufferedImage square = fit(image, side);
        byte[] out = new byte[channels * side * side];
        int plane = side * side;
        int[] row = new int[side];
        for (int y = 0; y < side; y++) {
            square.getRGB(0, y, side, 1, row, 0, side);
            for (int x = 0; x < side; x++) {
                int rgb = row[x];
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                int i = y * side + x;
                if (channels == 1) {
                    // ITU-R BT.601 luma, rounded, as PIL's "L" mode.
                    out[i] = (byte) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
                } else {
                    out[i] = (byte) r;
                    out[plane + i] = (byte) g;
                    out[2 * plane + i] = (byte) b;
                }
            }
        }
        return out;
    }

    /** Whether an RGB record of {@link #toBytes} has colour: some pixel whose planes differ. */
    public static boolean hasColour(byte[] rgb, int offset, int plane) {
        for (int i = offset; i < offset + plane; i++) {
            if (rgb[i] != rgb[i + plane] || rgb[i] != rgb[i + 2 * plane]) {
                return true;
            }
        }
        return false;
    }

    private static BufferedImage fit(BufferedImage image, int side) {
        double scale = (double) side / Math.max(image.getWidth(), image.getHeight());
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        // Bilinear from far above the target side skips most pixels (aliasing): halve first, each
        // halving averaging 2x2 pixels, until one bilinear step is left.
        BufferedImage current = image;
        while (current.getWidth() / 2 >= w && current.getHeight() / 2 >= h) {
            current = draw(
                    current,
                    current.getWidth() / 2,
                    current.getHeight() / 2,
                    0,
                    0,
                    current.getWidth() / 2,
                    current.getHeight() / 2);
        }
        return draw(current, side, side, (side - w) / 2, (side - h) / 2, w, h);
    }

    /** {@code image} drawn bilinearly at (x, y) with size w x h on a black {@code width x height} RGB canvas. */
    private static BufferedImage draw(BufferedImage image, int width, int height, int x, int y, int w, int h) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, x, y, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static UserException unreadable(Path file, Exception cause) {
        return new UserException(
                "cannot read image " + file + ": not a PNG, JPEG, BMP or GIF that Java can decode (truncated or"
                        + " corrupt?)",
                "replace or remove the file, or pass --skip-bad-images",
                cause);
    }
}
