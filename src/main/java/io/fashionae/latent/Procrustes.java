package io.fashionae.latent;

/**
 * The similarity transform (rotation or reflection, uniform scale, translation) that best maps
 * one 2-D point set onto another with the same points in the same order, in the least-squares
 * sense: orthogonal Procrustes with scaling.
 *
 * <p>Two runs' latent spaces are only defined up to such a transform (the decoder absorbs it), so
 * before comparing them side by side the second is moved onto the first: then the same classes sit
 * in the same places and what still differs is the shape itself.
 *
 * <p>Closed form in 2-D: with centred sets {@code A} (reference) and {@code B} and
 * {@code M = B^T A}, the best rotation has angle {@code atan2(M10 - M01, M00 + M11)}, the best
 * reflection {@code atan2(M01 + M10, M00 - M11)}, each reaching {@code tr(R^T M) = hypot(..)}; the
 * larger wins, and the scale is that trace over {@code |B|^2}.
 *
 * @param rotation   row-major 2x2 orthogonal matrix applied to centred points as row vectors
 * @param scale      uniform scale
 * @param fromCentre centroid of the moved set
 * @param toCentre   centroid of the reference set
 * @param residual   remaining misfit: {@code |s B R - A| / |A|} (0 for a perfect fit, 1 for none)
 */
public record Procrustes(double[] rotation, double scale, double[] fromCentre, double[] toCentre, double residual) {

    /**
     * The transform moving {@code moving} onto {@code reference}.
     *
     * @throws IllegalArgumentException unless both are 2-D with the same number of points
     */
    public static Procrustes fit(LatentPoints reference, LatentPoints moving) {
        if (reference.dim() != 2 || moving.dim() != 2 || reference.size() != moving.size()) {
            throw new IllegalArgumentException(
                    "Procrustes needs two 2-D sets of the same points, got " + reference + " and " + moving);
        }
        double[] a0 = centroid(reference);
        double[] b0 = centroid(moving);
        double m00 = 0;
        double m01 = 0;
        double m10 = 0;
        double m11 = 0;
        double normB = 0;
        double normA = 0;
        for (int i = 0; i < reference.size(); i++) {
            double ax = reference.get(i, 0) - a0[0];
            double ay = reference.get(i, 1) - a0[1];
            double bx = moving.get(i, 0) - b0[0];
            double by = moving.get(i, 1) - b0[1];
            m00 += bx * ax;
            m01 += bx * ay;
            m10 += by * ax;
            m11 += by * ay;
            normB += bx * bx + by * by;
            normA += ax * ax + ay * ay;
        }
        double rotationTrace = Math.hypot(m10 - m01, m00 + m11);
        double reflectionTrace = Math.hypot(m01 + m10, m00 - m11);
        double[] r;
        double trace;
        if (rotationTrace >= reflectionTrace) {
            double t = Math.atan2(m10 - m01, m00 + m11);
            r = new double[] {Math.cos(t), -Math.sin(t), Math.sin(t), Math.cos(t)};
            trace = rotationTrace;
        } else {
            double t = Math.atan2(m01 + m10, m00 - m11);
            r = new double[] {Math.cos(t), Math.sin(t), Math.sin(t), -Math.cos(t)};
            trace = reflectionTrace;
        }
        double scale = normB > 0 ? trace / normB : 1;
        // |sBR - A|^2 = s^2|B|^2 - 2 s tr(R^T M) + |A|^2 = |A|^2 - trace^2 / |B|^2 at the optimum.
        double misfit = normB > 0 ? Math.max(0, normA - trace * trace / normB) : normA;
        double residual = normA > 0 ? Math.sqrt(misfit / normA) : 0;
        return new Procrustes(r, scale, b0, a0, residual);
    }

    /** The identity: what the first run of a comparison is aligned with. */
    public static Procrustes identity() {
        return new Procrustes(new double[] {1, 0, 0, 1}, 1, new double[2], new double[2], 0);
    }

    /** Whether the fit mirrors the points (determinant -1). */
    public boolean reflects() {
        return rotation[0] * rotation[3] - rotation[1] * rotation[2] < 0;
    }

    /** The rotation angle in degrees (of the rotation part, after any reflection). */
    public double degrees() {
        return Math.toDegrees(Math.atan2(rotation[2], rotation[0]));
    }

    /** {@code points} moved: {@code s (p - fromCentre) R + toCentre}. */
    public LatentPoints apply(LatentPoints points) {
        float[] out = new float[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            double x = points.get(i, 0) - fromCentre[0];
            double y = points.get(i, 1) - fromCentre[1];
            out[2 * i] = (float) (scale * (x * rotation[0] + y * rotation[2]) + toCentre[0]);
            out[2 * i + 1] = (float) (scale * (x * rotation[1] + y * rotation[3]) + toCentre[1]);
        }
        return new LatentPoints(out, 2, points.labels());
    }

    private static double[] centroid(LatentPoints p) {
        double x = 0;
        double y = 0;
        for (int i = 0; i < p.size(); i++) {
            x += p.get(i, 0);
            y += p.get(i, 1);
        }
        return new double[] {x / Math.max(1, p.size()), y / Math.max(1, p.size())};
    }
}
