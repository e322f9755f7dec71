package io.fashionae.plot;

import io.fashionae.latent.ImageSet;
import java.awt.image.BufferedImage;

/**
 * Many small images packed into one: the report's pages show tile {@code i} by offsetting
 * the sprite, so hundreds of images cost one file and one request, and work from file://.
 */
public final class Sprite {
    private Sprite() {}

    /**
     * Tile {@code i} of {@code count} images of {@code channels x side x side} values in [0, 1]
     * (CHW, one after the other in {@code pixels}) goes to column {@code i % columns}, row
     * {@code i / columns}; values outside [0, 1] are clipped. Grey images give a grey PNG, a third
     * of an RGB one's size.
     */
    public static BufferedImage pack(float[] pixels, int count, int side, int channels, int columns) {
        int rows = (count + columns - 1) / columns;
        BufferedImage sprite = new BufferedImage(
                Math.min(count, columns) * side,
                Math.max(rows, 1) * side,
                channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < count; i++) {
            int x0 = (i % columns) * side;
            int y0 = (i / columns) * side;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int rgb = ImageSet.packRgb(pixels, i, y, x, side, channels);
                    if (channels == 1) {
                        sprite.getRaster().setSample(x0 + x, y0 + y, 0, rgb & 0xff);
                    } else {
                        sprite.setRGB(x0 + x, y0 + y, rgb);
                    }
                }
            }
        }
        return sprite;
    }
}
