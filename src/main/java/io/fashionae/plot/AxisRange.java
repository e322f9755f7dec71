package io.fashionae.plot;

import io.fashionae.latent.LatentPoints;
import java.util.Collection;

/**
 * A plot's x and y range. A common range over every frame keeps the animation's axes still.
 *
 * @param xMin left
 * @param xMax right
 * @param yMin bottom
 * @param yMax top
 */
public record AxisRange(double xMin, double xMax, double yMin, double yMax) {
    private static final double MARGIN = 0.05;

    /** The range covering all {@code planes} (2-D points), with a 5% margin. */
    public static AxisRange covering(Collection<LatentPoints> planes) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (LatentPoints p : planes) {
            float[] xr = p.range(0);
            float[] yr = p.range(1);
            x0 = Math.min(x0, xr[0]);
            x1 = Math.max(x1, xr[1]);
            y0 = Math.min(y0, yr[0]);
            y1 = Math.max(y1, yr[1]);
        }
        double dx = Math.max(x1 - x0, 1e-6) * MARGIN;
        double dy = Math.max(y1 - y0, 1e-6) * MARGIN;
        return new AxisRange(x0 - dx, x1 + dx, y0 - dy, y1 + dy);
    }
}
