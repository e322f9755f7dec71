package io.fashionae.plot;

import io.fashionae.common.Ints;
import io.fashionae.latent.ImageSet;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Grids of grey or RGB images drawn with Java2D: captioned cells (samples, decodes, reconstructions)
 * and the decoded manifold with axis ticks.
 */
public final class ImageGrid {
    private static final Font CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);

    private ImageGrid() {}

    /** {@code images} in rows of {@code cols}, each scaled {@code scale} times with its caption above. */
    public static BufferedImage captioned(ImageSet images, int cols, int scale, String title) {
        int side = images.side() * scale;
        int rows = Ints.ceilDiv(images.count(), cols);
        int cellW = Math.max(side, 110) + 10;
        int cellH = side + 26;
        int top = 34;
        BufferedImage out = canvas(cols * cellW + 10, top + rows * cellH + 6);
        Graphics2D g = graphics(out);
        drawCentered(g, TITLE, title, out.getWidth() / 2, 22);
        for (int i = 0; i < images.count(); i++) {
            int x = 5 + (i % cols) * cellW + (cellW - side) / 2;
            int y = top + (i / cols) * cellH;
            drawCentered(g, CAPTION, images.titles().get(i), x + side / 2, y + 13);
            g.drawImage(cell(images, i, scale), x, y + 18, null);
        }
        g.dispose();
        return out;
    }

    /** The manifold: decodes on a grid, x to the right and y upwards, with tick labels. */
    public static BufferedImage manifold(
            ImageSet images,
            int gridSize,
            double[] xRange,
            double[] yRange,
            java.util.List<String> axisLabels,
            String title) {
        int scale = 2;
        int side = images.side() * scale;
        int left = 70;
        int top = 36;
        int bottom = 50;
        BufferedImage out = canvas(left + gridSize * side + 20, top + gridSize * side + bottom);
        Graphics2D g = graphics(out);
        drawCentered(g, TITLE, title, out.getWidth() / 2, 22);
        for (int i = 0; i < images.count(); i++) {
            g.drawImage(cell(images, i, scale), left + (i % gridSize) * side, top + (i / gridSize) * side, null);
        }
        g.setFont(CAPTION);
        int ticks = Math.min(5, gridSize);
        for (int t = 0; t < ticks; t++) {
            int cell = Math.round(t * (gridSize - 1) / (float) (ticks - 1));
            double xv = xRange[0] + (xRange[1] - xRange[0]) * cell / (gridSize - 1);
            double yv = yRange[1] - (yRange[1] - yRange[0]) * cell / (gridSize - 1);
            int cx = left + cell * side + side / 2;
            int cy = top + cell * side + side / 2;
            int axisY = top + gridSize * side;
            g.drawLine(cx, axisY, cx, axisY + 5);
            drawCentered(g, CAPTION, String.format(Locale.ROOT, "%.1f", xv), cx, axisY + 18);
            g.drawLine(left - 5, cy, left, cy);
            String label = String.format(Locale.ROOT, "%.1f", yv);
            g.drawString(label, left - 8 - g.getFontMetrics().stringWidth(label), cy + 4);
        }
        drawCentered(g, CAPTION, axisLabels.get(0), left + gridSize * side / 2, top + gridSize * side + 38);
        g.rotate(-Math.PI / 2);
        drawCentered(g, CAPTION, axisLabels.get(1), -(top + gridSize * side / 2), 16);
        g.dispose();
        return out;
    }

    private static BufferedImage cell(ImageSet images, int index, int scale) {
        int side = images.side();
        BufferedImage img = new BufferedImage(side * scale, side * scale, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                int rgb = images.rgb(index, r, c);
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        img.setRGB(c * scale + dx, r * scale + dy, rgb);
                    }
                }
            }
        }
        return img;
    }

    private static BufferedImage canvas(int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return out;
    }

    private static Graphics2D graphics(BufferedImage out) {
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        return g;
    }

    private static void drawCentered(Graphics2D g, Font font, String text, int cx, int baseline) {
        g.setFont(font);
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, cx - m.stringWidth(text) / 2, baseline);
    }
}
