package io.fashionae.plot;

import io.fashionae.latent.ImageSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The PNG grid of {@code fashionae decode}: each decoded image under its latent coordinates,
 * laid out square-ish (at least as many columns as rows), at most {@value #MAX_IMAGES} images so
 * that a large batch of points makes a picture rather than a 150,000-pixel strip.
 */
public final class DecodedGrid {
    /** Images drawn at most: a 32x32 grid, about 3,900 pixels a side. */
    public static final int MAX_IMAGES = 1024;

    private static final int MIN_COLUMNS = 8;

    private DecodedGrid() {}

    /**
     * What was drawn.
     *
     * @param shown   images in the PNG (the first ones)
     * @param total   points decoded
     * @param columns columns of the grid
     */
    public record Written(int shown, int total, int columns) {
        /** Whether some points were left out of the PNG. */
        public boolean capped() {
            return shown < total;
        }
    }

    /** Columns for {@code n} images: a row of up to 8, then the ceiling of the square root. */
    public static int columns(int n) {
        return Math.max(Math.min(n, MIN_COLUMNS), (int) Math.ceil(Math.sqrt(n)));
    }

    /**
     * Writes the first {@value #MAX_IMAGES} of {@code points}' decodes ({@code images}, row-major,
     * {@code channels x side x side} each, CHW) as a captioned grid to {@code target}, atomically.
     */
    public static Written writePng(float[] images, int side, int channels, List<float[]> points, Path target)
            throws IOException {
        int shown = Math.min(points.size(), MAX_IMAGES);
        List<String> titles = new ArrayList<>(shown);
        for (int i = 0; i < shown; i++) {
            titles.add(format(points.get(i)));
        }
        float[] pixels = Arrays.copyOf(images, shown * channels * side * side);
        int columns = columns(shown);
        String title = shown < points.size()
                ? String.format(Locale.ROOT, "Decoded latent points (the first %,d of %,d)", shown, points.size())
                : "Decoded latent points";
        Images.writePng(ImageGrid.captioned(new ImageSet(pixels, side, channels, titles), columns, 3, title), target);
        return new Written(shown, points.size(), columns);
    }

    /** A point as {@code (1.50, -2.00)}. */
    public static String format(float[] z) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < z.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", z[i]));
        }
        return sb.append(')').toString();
    }
}
