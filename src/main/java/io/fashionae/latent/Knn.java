package io.fashionae.latent;

/**
 * k-nearest-neighbour classification accuracy in latent space (Euclidean distance, majority vote,
 * ties to the lowest class index), the measure of how well classes cluster.
 *
 * <p>The tie rule is the reference's ({@code argmax} over the vote counts in
 * {@code seed_reference.py}, also scikit-learn's): with k = 5 a 2-2-1 vote is common in the
 * crowded classes, and ours used to go to the class of the nearest member instead, which on the
 * same latents read 0.3 points lower (0.6441 against 0.6472 for one model), enough to blur a
 * comparison with the reference.
 *
 * <p>Exact, and the same neighbours as a brute-force scan: for each query the k smallest
 * (squared distance, index) pairs, so that among equal distances the lower index wins, as a scan
 * in index order keeps them. The search sweeps outwards from the query along the points sorted by
 * their first coordinate and stops on each side once that coordinate alone is farther than the
 * k-th best distance (the squared distance, summed in float from the first coordinate on, is
 * never below the first term). In 2-D that visits a few hundred points per query instead of all:
 * a frame's leave-one-out 5-NN over 10,000 points took 0.29 s by brute force on one core.
 */
public final class Knn {
    private Knn() {}

    /** Accuracy of predicting each query's label from its {@code k} nearest reference points. */
    public static double accuracy(LatentPoints reference, LatentPoints queries, int k) {
        requireSameDim(reference, queries);
        Sweep sweep = new Sweep(reference, k);
        int correct = 0;
        for (int q = 0; q < queries.size(); q++) {
            if (sweep.predict(queries.values(), q * queries.dim(), -1) == queries.labels()[q]) {
                correct++;
            }
        }
        return queries.size() == 0 ? 0 : (double) correct / queries.size();
    }

    /** Leave-one-out accuracy within one set: each point is classified by its k nearest others. */
    public static double leaveOneOutAccuracy(LatentPoints points, int k) {
        Sweep sweep = new Sweep(points, k);
        int correct = 0;
        for (int q = 0; q < points.size(); q++) {
            if (sweep.predict(points.values(), q * points.dim(), q) == points.labels()[q]) {
                correct++;
            }
        }
        return points.size() == 0 ? 0 : (double) correct / points.size();
    }

    /** The reference points sorted by their first coordinate, and one query's k best so far. */
    private static final class Sweep {
        private final LatentPoints ref;
        private final int[] order;
        private final float[] firstCoordinate;
        private final float[] bestDistance;
        private final int[] bestIndex;

        Sweep(LatentPoints ref, int k) {
            this.ref = ref;
            int n = ref.size();
            int dim = ref.dim();
            float[] v = ref.values();
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            java.util.Arrays.sort(boxed, (a, b) -> Float.compare(v[a * dim], v[b * dim]));
            order = new int[n];
            firstCoordinate = new float[n];
            for (int i = 0; i < n; i++) {
                order[i] = boxed[i];
                firstCoordinate[i] = v[order[i] * dim];
            }
            bestDistance = new float[k];
            bestIndex = new int[k];
        }

        /** The voted label of the query at {@code x[qo..qo+dim)}, never counting reference point {@code skip}. */
        int predict(float[] x, int qo, int skip) {
            java.util.Arrays.fill(bestDistance, Float.POSITIVE_INFINITY);
            java.util.Arrays.fill(bestIndex, Integer.MAX_VALUE);
            float q0 = x[qo];
            int right = firstAtOrAbove(q0);
            int left = right - 1;
            boolean leftOpen = left >= 0;
            boolean rightOpen = right < order.length;
            while (leftOpen || rightOpen) {
                float worst = bestDistance[bestDistance.length - 1];
                if (leftOpen) {
                    float dx = firstCoordinate[left] - q0;
                    if (dx * dx > worst) {
                        leftOpen = false;
                    } else {
                        offer(order[left], x, qo, skip);
                        leftOpen = --left >= 0;
                    }
                }
                if (rightOpen) {
                    float dx = firstCoordinate[right] - q0;
                    if (dx * dx > bestDistance[bestDistance.length - 1]) {
                        rightOpen = false;
                    } else {
                        offer(order[right], x, qo, skip);
                        rightOpen = ++right < order.length;
                    }
                }
            }
            int[] labels = new int[bestIndex.length];
            for (int j = 0; j < labels.length; j++) {
                labels[j] = Float.isInfinite(bestDistance[j]) ? -1 : ref.labels()[bestIndex[j]];
            }
            return vote(labels);
        }

        /** Inserts point {@code i} if it is among the k smallest (distance, index) pairs so far. */
        private void offer(int i, float[] x, int qo, int skip) {
            if (i == skip) {
                return;
            }
            int dim = ref.dim();
            float[] r = ref.values();
            int ro = i * dim;
            float d2 = 0;
            for (int d = 0; d < dim; d++) {
                float diff = r[ro + d] - x[qo + d];
                d2 += diff * diff;
            }
            int last = bestDistance.length - 1;
            if (!(d2 < bestDistance[last] || (d2 == bestDistance[last] && i < bestIndex[last]))) {
                return;
            }
            int j = last;
            while (j > 0 && (bestDistance[j - 1] > d2 || (bestDistance[j - 1] == d2 && bestIndex[j - 1] > i))) {
                bestDistance[j] = bestDistance[j - 1];
                bestIndex[j] = bestIndex[j - 1];
                j--;
            }
            bestDistance[j] = d2;
            bestIndex[j] = i;
        }

        private int firstAtOrAbove(float value) {
            int lo = 0;
            int hi = firstCoordinate.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (Float.compare(firstCoordinate[mid], value) < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** Majority vote over the labels (-1: no neighbour); a tie keeps the lower class index. */
    private static int vote(int[] labels) {
        int[] votes = new int[256];
        for (int label : labels) {
            if (label >= 0) {
                votes[label]++;
            }
        }
        // Strictly greater while counting up: a tie keeps the lower class index.
        int winner = 0;
        for (int c = 1; c < votes.length; c++) {
            if (votes[c] > votes[winner]) {
                winner = c;
            }
        }
        return winner;
    }

    private static void requireSameDim(LatentPoints a, LatentPoints b) {
        if (a.dim() != b.dim()) {
            throw new IllegalArgumentException("dimensions differ: " + a.dim() + " vs " + b.dim());
        }
    }
}
