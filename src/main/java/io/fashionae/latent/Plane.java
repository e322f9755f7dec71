package io.fashionae.latent;

import java.util.List;

/**
 * Maps latent points to the 2-D plane that plots show: the points themselves in 2-D, a PCA
 * projection above that (fitted on the given reference points).
 *
 * @param pca the projection, or null when the latent space is already 2-D
 */
public record Plane(Pca pca) {

    /** The plane for {@code reference}: identity in 2-D, PCA otherwise. */
    public static Plane of(LatentPoints reference) {
        return new Plane(reference.dim() > 2 ? Pca.fit(reference) : null);
    }

    /** The points on the plane (2-D). */
    public LatentPoints project(LatentPoints points) {
        if (pca == null) {
            return points.dim() == 2 ? points : padTo2(points);
        }
        return pca.project(points);
    }

    /**
     * A latent vector of dimension {@code dim} whose position on the plane is {@code (x, y)}: the
     * point itself in 2-D, {@code mean + x*PC1 + y*PC2} for a PCA plane.
     */
    public float[] lift(double x, double y, int dim) {
        float[] z = new float[dim];
        if (pca == null) {
            z[0] = (float) x;
            if (dim > 1) {
                z[1] = (float) y;
            }
            return z;
        }
        for (int d = 0; d < dim; d++) {
            z[d] = (float) (pca.mean()[d] + x * pca.components()[0][d] + y * pca.components()[1][d]);
        }
        return z;
    }

    /** Whether the plane is a PCA projection (plots say so). */
    public boolean isProjection() {
        return pca != null;
    }

    /** Axis labels: {@code z1, z2} or {@code PC1 (63%), PC2 (21%)}. */
    public List<String> axisLabels() {
        if (pca == null) {
            return List.of("z1", "z2");
        }
        return List.of(
                String.format("PC1 (%.0f%% of variance)", 100 * pca.explained()[0]),
                String.format("PC2 (%.0f%% of variance)", 100 * pca.explained()[1]));
    }

    /** A 1-D latent is drawn on a line: z2 = 0. */
    private static LatentPoints padTo2(LatentPoints points) {
        float[] out = new float[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            out[2 * i] = points.get(i, 0);
        }
        return new LatentPoints(out, 2, points.labels());
    }
}
