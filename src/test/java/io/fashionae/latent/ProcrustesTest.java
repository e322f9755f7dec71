package io.fashionae.latent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProcrustesTest {
    private static LatentPoints cloud(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            v[2 * i] = (float) (rng.nextGaussian() * 3);
            v[2 * i + 1] = (float) rng.nextGaussian();
            labels[i] = i % 10;
        }
        return new LatentPoints(v, 2, labels);
    }

    /** {@code p} rotated by {@code degrees}, optionally mirrored in x first, scaled and shifted. */
    private static LatentPoints moved(
            LatentPoints p, double degrees, boolean mirror, double scale, double dx, double dy) {
        double t = Math.toRadians(degrees);
        float[] v = new float[p.values().length];
        for (int i = 0; i < p.size(); i++) {
            double x = mirror ? -p.get(i, 0) : p.get(i, 0);
            double y = p.get(i, 1);
            v[2 * i] = (float) (scale * (x * Math.cos(t) - y * Math.sin(t)) + dx);
            v[2 * i + 1] = (float) (scale * (x * Math.sin(t) + y * Math.cos(t)) + dy);
        }
        return new LatentPoints(v, 2, p.labels());
    }

    private static double maxDistance(LatentPoints a, LatentPoints b) {
        double worst = 0;
        for (int i = 0; i < a.size(); i++) {
            worst = Math.max(worst, Math.hypot(a.get(i, 0) - b.get(i, 0), a.get(i, 1) - b.get(i, 1)));
        }
        return worst;
    }

    @Test
    void aRotatedScaledShiftedCopyIsMovedBackOntoTheReference() {
        LatentPoints reference = cloud(500, 1);
        LatentPoints copy = moved(reference, 127, false, 0.25, 4, -7);
        Procrustes fit = Procrustes.fit(reference, copy);
        assertThat(fit.reflects()).isFalse();
        assertThat(fit.scale()).isCloseTo(4, within(1e-4));
        assertThat(fit.residual()).isLessThan(1e-5);
        assertThat(maxDistance(fit.apply(copy), reference)).isLessThan(1e-4);
    }

    @Test
    void aMirroredCopyIsFittedWithAReflection() {
        LatentPoints reference = cloud(500, 2);
        LatentPoints mirrored = moved(reference, 40, true, 2, 1, 1);
        Procrustes fit = Procrustes.fit(reference, mirrored);
        assertThat(fit.reflects()).isTrue();
        assertThat(fit.scale()).isCloseTo(0.5, within(1e-5));
        assertThat(maxDistance(fit.apply(mirrored), reference)).isLessThan(1e-4);
    }

    @Test
    void unrelatedPointsKeepALargeResidualAndTheIdentityMovesNothing() {
        LatentPoints reference = cloud(2000, 3);
        assertThat(Procrustes.fit(reference, cloud(2000, 4)).residual()).isGreaterThan(0.9);
        assertThat(Procrustes.identity().apply(reference)).isEqualTo(reference);
    }
}
