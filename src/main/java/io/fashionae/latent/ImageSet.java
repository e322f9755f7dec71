package io.fashionae.latent;

import java.util.List;

/**
 * A few images with a caption each, for the figure grids (samples, decodes, reconstructions):
 * one plane per image for grey, three (R, G, B) for colour.
 *
 * @param pixels   {@code count * channels * side * side} values (CHW per image), nominally in [0, 1]
 * @param side     image side
 * @param channels planes per image: 1 or 3
 * @param titles   one caption per image
 */
public record ImageSet(float[] pixels, int side, int channels, List<String> titles) {

    /** Checks sizes. */
    public ImageSet {
        titles = List.copyOf(titles);
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("images must have 1 or 3 channels, got " + channels);
        }
        if (pixels.length != titles.size() * channels * side * side) {
            throw new IllegalArgumentException(pixels.length + " pixels for " + titles.size() + " images of side "
                    + side + " and " + channels + " channels");
        }
    }

    /** Grey images. */
    public ImageSet(float[] pixels, int side, List<String> titles) {
        this(pixels, side, 1, titles);
    }

    /** Number of images. */
    public int count() {
        return titles.size();
    }

    /** Pixel (r, c) of image i in its first plane (the grey value of a grey image). */
    public float pixel(int i, int r, int c) {
        return pixels[((i * channels) * side + r) * side + c];
    }

    /** Pixel (r, c) of image i as packed 0xRRGGBB, each value clipped to [0, 1] and scaled to 0..255. */
    public int rgb(int i, int r, int c) {
        return packRgb(pixels, i, r, c, side, channels);
    }

    /** Pixel (r, c) of image i of {@code pixels} (CHW images of {@code side}) as packed 0xRRGGBB. */
    public static int packRgb(float[] pixels, int i, int r, int c, int side, int channels) {
        int plane = side * side;
        int at = i * channels * plane + r * side + c;
        int red = byteOf(pixels[at]);
        if (channels == 1) {
            return (red << 16) | (red << 8) | red;
        }
        return (red << 16) | (byteOf(pixels[at + plane]) << 8) | byteOf(pixels[at + 2 * plane]);
    }

    private static int byteOf(float v) {
        return Math.round(255 * Math.max(0, Math.min(1, v)));
    }
}
