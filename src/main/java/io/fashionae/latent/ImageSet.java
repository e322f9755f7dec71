package io.fashionae.latent;

import java.util.List;

/**
 * A few grey images with a caption each, for the figure grids (samples, decodes, reconstructions).
 *
 * @param pixels row-major {@code count * side * side} values, nominally in [0, 1]
 * @param side   image side
 * @param titles one caption per image
 */
public record ImageSet(float[] pixels, int side, List<String> titles) {

    /** Checks sizes. */
    public ImageSet {
        titles = List.copyOf(titles);
        if (pixels.length != titles.size() * side * side) {
            throw new IllegalArgumentException(
                    pixels.length + " pixels for " + titles.size() + " images of side " + side);
        }
    }

    /** Number of images. */
    public int count() {
        return titles.size();
    }

    /** Pixel (r, c) of image i. */
    public float pixel(int i, int r, int c) {
        return pixels[(i * side + r) * side + c];
    }
}
