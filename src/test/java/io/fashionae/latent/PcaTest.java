package io.fashionae.latent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaTest {

    @Test
    void findsTheAxesOfAKnown3dSet() {
        // Variance 25 along (1,1,0)/sqrt2, 4 along z, 0.01 along (1,-1,0)/sqrt2; mean (1,2,3).
        Random rng = new Random(3);
        int n = 4000;
        float[] v = new float[3 * n];
        double s = Math.sqrt(0.5);
        for (int i = 0; i < n; i++) {
            double a = 5 * rng.nextGaussian();
            double b = 2 * rng.nextGaussian();
            double c = 0.1 * rng.nextGaussian();
            v[3 * i] = (float) (1 + a * s + c * s);
            v[3 * i + 1] = (float) (2 + a * s - c * s);
            v[3 * i + 2] = (float) (3 + b);
        }
        Pca pca = Pca.fit(new LatentPoints(v, 3, new int[n]));
        assertThat(pca.mean()[0]).isCloseTo(1, within(0.3));
        assertThat(pca.mean()[2]).isCloseTo(3, within(0.15));
        assertThat(Math.abs(pca.components()[0][0])).isCloseTo(s, within(0.01));
        assertThat(Math.abs(pca.components()[0][1])).isCloseTo(s, within(0.01));
        assertThat(Math.abs(pca.components()[0][2])).isCloseTo(0, within(0.02));
        assertThat(Math.abs(pca.components()[1][2])).isCloseTo(1, within(0.01));
        assertThat(pca.explained()[0]).isCloseTo(25 / 29.01, within(0.02));
        assertThat(pca.explained()[1]).isCloseTo(4 / 29.01, within(0.02));

        LatentPoints projected = pca.project(new LatentPoints(v, 3, new int[n]));
        assertThat(projected.dim()).isEqualTo(2);
        double var0 = 0;
        for (int i = 0; i < n; i++) {
            var0 += projected.get(i, 0) * projected.get(i, 0);
        }
        assertThat(var0 / n).isCloseTo(25, within(1.5));
    }

    @Test
    void planeLiftsAPointBackOntoThePcaPlane() {
        Random rng = new Random(1);
        float[] v = new float[3 * 500];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian() * (i % 3 + 1);
        }
        Plane plane = Plane.of(new LatentPoints(v, 3, new int[500]));
        assertThat(plane.isProjection()).isTrue();
        float[] z = plane.lift(1.5, -0.5, 3);
        LatentPoints back = plane.project(new LatentPoints(z, 3, new int[1]));
        assertThat(back.get(0, 0)).isCloseTo(1.5f, within(1e-4f));
        assertThat(back.get(0, 1)).isCloseTo(-0.5f, within(1e-4f));
        assertThat(plane.axisLabels().get(0)).startsWith("PC1");
    }

    @Test
    void a2dLatentIsItsOwnPlane() {
        LatentPoints p = new LatentPoints(new float[] {1, 2, 3, 4}, 2, new int[2]);
        Plane plane = Plane.of(p);
        assertThat(plane.isProjection()).isFalse();
        assertThat(plane.project(p)).isEqualTo(p);
        assertThat(plane.lift(5, 6, 2)).containsExactly(5f, 6f);
    }
}
