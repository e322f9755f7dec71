package io.fashionae.latent;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Principal component analysis to two dimensions, for plotting latent spaces wider than 2-D.
 * The covariance matrix is diagonalised by commons-math3's {@link EigenDecomposition} (a
 * symmetric matrix: Householder tridiagonalisation and QL), instead of an eigen-solver of our own.
 *
 * @param mean       per-dimension mean of the fitted points
 * @param components the two leading unit eigenvectors, {@code components[c][d]}
 * @param explained  fraction of the total variance each component explains
 */
public record Pca(double[] mean, double[][] components, double[] explained) {

    /** Fits the two leading components of {@code points} (which need at least 2 dimensions). */
    public static Pca fit(LatentPoints points) {
        int dim = points.dim();
        int n = points.size();
        double[] mean = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                mean[d] += points.get(i, d);
            }
        }
        for (int d = 0; d < dim; d++) {
            mean[d] /= Math.max(n, 1);
        }
        double[][] cov = new double[dim][dim];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < dim; a++) {
                double va = points.get(i, a) - mean[a];
                for (int b = a; b < dim; b++) {
                    cov[a][b] += va * (points.get(i, b) - mean[b]);
                }
            }
        }
        for (int a = 0; a < dim; a++) {
            for (int b = a; b < dim; b++) {
                cov[a][b] /= Math.max(n - 1, 1);
                cov[b][a] = cov[a][b];
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(cov, false));
        double[] values = eigen.getRealEigenvalues();
        int first = argMax(values, -1);
        int second = argMax(values, first);
        double total = 0;
        for (double v : values) {
            total += Math.max(v, 0);
        }
        double[][] comps = new double[2][dim];
        RealVector firstVector = eigen.getEigenvector(first);
        RealVector secondVector = second < 0 ? null : eigen.getEigenvector(second);
        for (int d = 0; d < dim; d++) {
            comps[0][d] = firstVector.getEntry(d);
            comps[1][d] = secondVector == null ? 0 : secondVector.getEntry(d);
        }
        orient(comps);
        double[] explained = total == 0
                ? new double[2]
                : new double[] {values[first] / total, second < 0 ? 0 : values[second] / total};
        return new Pca(mean, comps, explained);
    }

    /** The points projected onto the two components. */
    public LatentPoints project(LatentPoints points) {
        int dim = points.dim();
        float[] out = new float[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            for (int c = 0; c < 2; c++) {
                double s = 0;
                for (int d = 0; d < dim; d++) {
                    s += (points.get(i, d) - mean[d]) * components[c][d];
                }
                out[i * 2 + c] = (float) s;
            }
        }
        return new LatentPoints(out, 2, points.labels());
    }

    private static int argMax(double[] values, int exclude) {
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            if (i != exclude && (best < 0 || values[i] > values[best])) {
                best = i;
            }
        }
        return best;
    }

    /** Eigenvectors have no sign: make each one's largest entry positive so plots do not flip. */
    private static void orient(double[][] comps) {
        for (double[] c : comps) {
            int big = 0;
            for (int d = 1; d < c.length; d++) {
                if (Math.abs(c[d]) > Math.abs(c[big])) {
                    big = d;
                }
            }
            if (c[big] < 0) {
                for (int d = 0; d < c.length; d++) {
                    c[d] = -c[d];
                }
            }
        }
    }
}
