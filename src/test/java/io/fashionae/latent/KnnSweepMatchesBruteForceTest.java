package io.fashionae.latent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Knn}'s sorted sweep against a plain scan in index order (the implementation it
 * replaced): the same prediction for every query, on random points and on integer grids where
 * equal distances are everywhere, in one to five dimensions.
 */
class KnnSweepMatchesBruteForceTest {

    @ParameterizedTest(name = "dim {0}, grid {1}, k {2}")
    @CsvSource({"2,false,5", "2,true,5", "1,true,3", "5,false,5", "5,true,1", "2,true,10"})
    void theSweepAgreesWithAScanOnEveryQuery(int dim, boolean grid, int k) {
        Random random = new Random(dim * 31L + k);
        LatentPoints ref = points(random, 700, dim, grid);
        LatentPoints queries = points(random, 300, dim, grid);
        int agreeing = 0;
        for (int q = 0; q < queries.size(); q++) {
            LatentPoints one =
                    new LatentPoints(Arrays.copyOfRange(queries.values(), q * dim, (q + 1) * dim), dim, new int[] {
                        bruteForce(ref, queries.values(), q * dim, k, -1)
                    });
            agreeing += Knn.accuracy(ref, one, k) == 1.0 ? 1 : 0;
        }
        assertThat(agreeing).isEqualTo(queries.size());

        int correct = 0;
        for (int q = 0; q < ref.size(); q++) {
            correct += bruteForce(ref, ref.values(), q * dim, k, q) == ref.labels()[q] ? 1 : 0;
        }
        assertThat(Knn.leaveOneOutAccuracy(ref, k)).isEqualTo((double) correct / ref.size());
    }

    private static LatentPoints points(Random random, int n, int dim, boolean grid) {
        float[] v = new float[n * dim];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(10);
            for (int d = 0; d < dim; d++) {
                v[i * dim + d] = grid ? random.nextInt(7) - 3 : (float) random.nextGaussian() * 3;
            }
        }
        return new LatentPoints(v, dim, labels);
    }

    /** A scan in index order keeping the k smallest distances, earlier indices first among equals. */
    private static int bruteForce(LatentPoints ref, float[] x, int qo, int k, int skip) {
        int dim = ref.dim();
        float[] best = new float[k];
        int[] bestLabel = new int[k];
        Arrays.fill(best, Float.POSITIVE_INFINITY);
        for (int i = 0; i < ref.size(); i++) {
            if (i == skip) {
                continue;
            }
            float d2 = 0;
            for (int d = 0; d < dim; d++) {
                float diff = ref.values()[i * dim + d] - x[qo + d];
                d2 += diff * diff;
            }
            if (d2 < best[k - 1]) {
                int j = k - 1;
                while (j > 0 && best[j - 1] > d2) {
                    best[j] = best[j - 1];
                    bestLabel[j] = bestLabel[j - 1];
                    j--;
                }
                best[j] = d2;
                bestLabel[j] = ref.labels()[i];
            }
        }
        int[] votes = new int[256];
        for (int j = 0; j < k; j++) {
            if (!Float.isInfinite(best[j])) {
                votes[bestLabel[j]]++;
            }
        }
        int winner = 0;
        for (int c = 1; c < votes.length; c++) {
            if (votes[c] > votes[winner]) {
                winner = c;
            }
        }
        return winner;
    }
}
