package io.fashionae.plot;

import io.fashionae.latent.Plane;

/**
 * Where the data area of a latent plot lies, so that a pointer position on the PNG can be turned
 * back into a latent point: pixel rectangle, axis ranges, and for a PCA plane the projection.
 *
 * @param width      image width in pixels
 * @param height     image height in pixels
 * @param dataArea   x, y, width, height of the data area in pixels (y downwards)
 * @param range      axis ranges (y upwards)
 * @param latentDim  latent dimension
 * @param plane      the plotting plane (identity in 2-D, PCA above)
 */
public record PlotGeometry(int width, int height, double[] dataArea, AxisRange range, int latentDim, Plane plane) {

    /** The pixel {@code (px, py)} where plane point {@code (x, y)} is drawn: {@link #latentAt}'s mapping reversed. */
    public double[] pixelAt(double x, double y) {
        double fx = (x - range.xMin()) / (range.xMax() - range.xMin());
        double fy = (range.yMax() - y) / (range.yMax() - range.yMin());
        return new double[] {dataArea[0] + fx * dataArea[2], dataArea[1] + fy * dataArea[3]};
    }

    /** The latent point under pixel {@code (px, py)}. */
    public float[] latentAt(double px, double py) {
        double fx = (px - dataArea[0]) / dataArea[2];
        double fy = (py - dataArea[1]) / dataArea[3];
        double x = range.xMin() + fx * (range.xMax() - range.xMin());
        double y = range.yMax() - fy * (range.yMax() - range.yMin());
        return plane.lift(x, y, latentDim);
    }
}
