package io.fashionae.latent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KnnTest {

    /** {@code perClass} points per class around (10*c, 0), spread {@code spread}. */
    private static LatentPoints clusters(int classes, int perClass, double spread, long seed) {
        Random rng = new Random(seed);
        int n = classes * perClass;
        float[] v = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
            v[2 * i] = (float) (10 * labels[i] + spread * rng.nextGaussian());
            v[2 * i + 1] = (float) (spread * rng.nextGaussian());
        }
        return new LatentPoints(v, 2, labels);
    }

    @Test
    void separatedClustersAreClassifiedPerfectly() {
        assertThat(Knn.accuracy(clusters(4, 50, 0.5, 1), clusters(4, 20, 0.5, 2), 5))
                .isEqualTo(1.0);
        assertThat(Knn.leaveOneOutAccuracy(clusters(4, 50, 0.5, 1), 5)).isEqualTo(1.0);
    }

    @Test
    void overlappingClustersScoreNearChance() {
        double acc = Knn.accuracy(clusters(4, 200, 1000, 1), clusters(4, 200, 1000, 2), 5);
        assertThat(acc).isBetween(0.1, 0.45);
    }

    @Test
    void leaveOneOutDoesNotCountThePointItself() {
        // Two points of class 0 far apart and one of class 1 next to each: every point's nearest
        // other point has the other class, so 1-NN leave-one-out gets none right.
        LatentPoints p = new LatentPoints(new float[] {0, 0, 0.1f, 0, 50, 0, 50.1f, 0}, 2, new int[] {0, 1, 0, 1});
        assertThat(Knn.leaveOneOutAccuracy(p, 1)).isZero();
        assertThat(Knn.accuracy(p, p, 1)).isEqualTo(1.0);
    }

    @Test
    void votesAreByMajorityAmongTheKNearest() {
        LatentPoints ref = new LatentPoints(new float[] {0, 0, 1, 0, 2, 0, 3, 0, 4, 0}, 2, new int[] {3, 7, 7, 7, 3});
        LatentPoints q = new LatentPoints(new float[] {0, 0}, 2, new int[] {7});
        assertThat(Knn.accuracy(ref, q, 1)).isZero();
        assertThat(Knn.accuracy(ref, q, 5)).isEqualTo(1.0);
    }

    @Test
    void aTiedVoteGoesToTheLowerClassIndexAsInTheReference() {
        // Nearest first: 6, 2, 6, 2, 9 -- a 2-2-1 vote; the reference's argmax picks class 2,
        // although a class-6 point is the nearest.
        LatentPoints ref = new LatentPoints(new float[] {1, 0, 2, 0, 3, 0, 4, 0, 5, 0}, 2, new int[] {6, 2, 6, 2, 9});
        assertThat(Knn.accuracy(ref, new LatentPoints(new float[] {0, 0}, 2, new int[] {2}), 5))
                .isEqualTo(1.0);
        assertThat(Knn.accuracy(ref, new LatentPoints(new float[] {0, 0}, 2, new int[] {6}), 5))
                .isZero();
    }
}
