package io.fashionae.plot;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/**
 * Many small grey images packed into one: the report's pages show tile {@code i} by offsetting
 * the sprite, so hundreds of images cost one file and one request, and work from file://.
 */
public final class Sprite {
    private Sprite() {}

    /**
     * Tile {@code i} of {@code count} images of {@code side x side} values in [0, 1] (row-major,
     * one after the other in {@code pixels}) goes to column {@code i % columns}, row
     * {@code i / columns}; values outside [0, 1] are clipped.
     */
    public static BufferedImage pack(float[] pixels, int count, int side, int columns) {
        int rows = (count + columns - 1) / columns;
        BufferedImage sprite = new BufferedImage(
                Math.min(count, columns) * side, Math.max(rows, 1) * side, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = sprite.getRaster();
        for (int i = 0; i < count; i++) {
            int x0 = (i % columns) * side;
            int y0 = (i / columns) * side;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    float v = pixels[(i * side + y) * side + x];
                    raster.setSample(x0 + x, y0 + y, 0, Math.round(255 * Math.max(0, Math.min(1, v))));
                }
            }
        }
        return sprite;
    }
}
