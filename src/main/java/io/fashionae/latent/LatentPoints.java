package io.fashionae.latent;

import java.util.Arrays;

/**
 * Latent vectors of labelled images, row-major: point {@code i} is {@code values[i*dim .. i*dim+dim)}.
 * Plain arrays, so the maths here needs neither ND4J nor DL4J.
 *
 * @param values the vectors, row-major
 * @param dim    dimensions per vector
 * @param labels class of each point
 */
public record LatentPoints(float[] values, int dim, int[] labels) {

    /** Checks that the sizes agree. */
    public LatentPoints {
        if (dim < 1 || values.length != (long) dim * labels.length) {
            throw new IllegalArgumentException(
                    values.length + " values for " + labels.length + " points of dim " + dim);
        }
    }

    /** Number of points. */
    public int size() {
        return labels.length;
    }

    /** Coordinate {@code d} of point {@code i}. */
    public float get(int i, int d) {
        return values[i * dim + d];
    }

    /** Smallest and largest value of dimension {@code d}. */
    public float[] range(int d) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < size(); i++) {
            float v = get(i, d);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new float[] {lo, hi};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatentPoints p
                && dim == p.dim
                && Arrays.equals(values, p.values)
                && Arrays.equals(labels, p.labels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "LatentPoints[" + size() + " x " + dim + "]";
    }
}
