package io.fashionae.plot;

import io.fashionae.common.UserException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads the grey PNGs {@code fashionae encode} takes: a folder stands for the PNGs in it (sorted by
 * name), each image must be {@code side x side} (padded here) or already {@code paddedSide x
 * paddedSide}, and colour is turned to grey with the usual luma weights. Every failure names the
 * file.
 */
public final class GreyImages {
    private GreyImages() {}

    /** Whether {@code path} names a PNG by its extension. */
    public static boolean isPng(Path path) {
        return path.getFileName() != null
                && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
    }

    /**
     * {@code inputs} with each folder replaced by the PNG files in it, sorted by name.
     *
     * @throws UserException for a folder without PNGs, or a path that does not exist
     */
    public static List<Path> expand(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<Path> pngs;
                try (Stream<Path> entries = Files.list(input)) {
                    pngs = entries.filter(p -> isPng(p) && Files.isRegularFile(p))
                            .sorted()
                            .toList();
                } catch (IOException e) {
                    throw new UserException(
                            "cannot list the folder " + input + " ("
                                    + e.getClass().getSimpleName() + ")",
                            "check its permissions",
                            e);
                }
                if (pngs.isEmpty()) {
                    throw new UserException(
                            input + " is a folder with no .png files in it",
                            "pass PNG files, a folder of PNGs, or one IDX images file");
                }
                files.addAll(pngs);
            } else if (!Files.exists(input)) {
                throw new UserException("image file " + input + " not found", "check the path");
            } else {
                files.add(input);
            }
        }
        return files;
    }

    /**
     * Reads {@code file} into {@code out} at {@code offset} as {@code paddedSide x paddedSide} grey
     * values in [0, 1], padding a {@code side x side} image with black.
     *
     * @throws UserException naming the file when it is missing, not a readable image, damaged or of another size
     */
    public static void readInto(Path file, int side, int paddedSide, float[] out, int offset) {
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            if (e.getCause() instanceof NoSuchFileException || !Files.exists(file)) {
                throw new UserException("image file " + file + " not found", "check the path", e);
            }
            throw new UserException(
                    file + " is not a readable PNG: truncated or damaged ("
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")",
                    "pass 28x28 or 32x32 grey PNG files, or an IDX images file",
                    e);
        }
        if (img == null) {
            throw new UserException(file + " is not a readable image", "pass PNG files or an IDX images file");
        }
        int pad;
        if (img.getWidth() == side && img.getHeight() == side) {
            pad = (paddedSide - side) / 2;
        } else if (img.getWidth() == paddedSide && img.getHeight() == paddedSide) {
            pad = 0;
        } else {
            throw new UserException(
                    file + " is " + img.getWidth() + "x" + img.getHeight() + ", expected " + side + "x" + side + " or "
                            + paddedSide + "x" + paddedSide,
                    "resize it first (white item on black, like Fashion-MNIST)");
        }
        for (int r = 0; r < img.getHeight(); r++) {
            for (int c = 0; c < img.getWidth(); c++) {
                int rgb = img.getRGB(c, r);
                float grey =
                        (0.299f * ((rgb >> 16) & 0xff) + 0.587f * ((rgb >> 8) & 0xff) + 0.114f * (rgb & 0xff)) / 255f;
                out[offset + (r + pad) * paddedSide + c + pad] = grey;
            }
        }
    }
}
