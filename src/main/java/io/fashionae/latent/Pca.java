package io.fashionae.latent;

/**
 * Principal component analysis to two dimensions, for plotting latent spaces wider than 2-D.
 * The covariance matrix is diagonalised with the cyclic Jacobi method: exact enough and fast for
 * latent sizes up to a few hundred.
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
        double[][] vectors = new double[dim][dim];
        double[] values = jacobi(cov, vectors);
        int first = argMax(values, -1);
        int second = argMax(values, first);
        double total = 0;
        for (double v : values) {
            total += Math.max(v, 0);
        }
        double[][] comps = new double[2][dim];
        for (int d = 0; d < dim; d++) {
            comps[0][d] = vectors[d][first];
            comps[1][d] = second < 0 ? 0 : vectors[d][second];
        }
        orient(comps);
        double[] explained = total == 0 ? new double[2]
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

    /** Eigenvalues of symmetric {@code a} (destroyed); eigenvectors as the columns of {@code v}. */
    private static double[] jacobi(double[][] a, double[][] v) {
        int n = a.length;
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-22) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    rotate(a, v, p, q, c, s);
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i][i];
        }
        return values;
    }

    private static void rotate(double[][] a, double[][] v, int p, int q, double c, double s) {
        int n = a.length;
        for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
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
