package io.fashionae.report;

import io.fashionae.inference.OnnxDecoder;
import io.fashionae.plot.PlotGeometry;
import io.fashionae.plot.Sprite;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * The latent explorer's data: decodes, made with the ONNX decoder, on a dense regular grid over
 * the final plot's data area, packed into one sprite image. The page shows the tile under the
 * pointer, so the explorer works offline from file:// and answers instantly.
 */
final class ExplorerGrid {
    /** Cells per side: 48 x 48 = 2,304 decodes, one per ~15 px of the plot. */
    static final int CELLS = 48;

    private ExplorerGrid() {}

    /** Decodes the grid of {@code geometry}'s data area; cell (r, c) is at the sprite's (c*side, r*side). */
    static BufferedImage render(Path decoderFile, PlotGeometry geometry) {
        try (OnnxDecoder decoder = OnnxDecoder.open(decoderFile)) {
            int dim = decoder.latentDim();
            int side = decoder.imageSide();
            float[] z = new float[CELLS * CELLS * dim];
            double[] area = geometry.dataArea();
            for (int r = 0; r < CELLS; r++) {
                for (int c = 0; c < CELLS; c++) {
                    double px = area[0] + (c + 0.5) * area[2] / CELLS;
                    double py = area[1] + (r + 0.5) * area[3] / CELLS;
                    System.arraycopy(geometry.latentAt(px, py), 0, z, (r * CELLS + c) * dim, dim);
                }
            }
            return Sprite.pack(decoder.decode(z, CELLS * CELLS), CELLS * CELLS, side, decoder.imageChannels(), CELLS);
        }
    }
}
