package io.fashionae.testing;

import io.fashionae.data.LabeledImages;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small learnable image sets: class {@code k} is a bright bar at a class-specific place, plus noise. */
public final class SyntheticData {
    private SyntheticData() {}

    /** {@code n} padded 32x32 images with labels {@code i % 10}, reproducible from {@code seed}. */
    public static LabeledImages bars(int n, long seed) {
        Random rng = new Random(seed);
        float[] pixels = new float[n * 1024];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int label = i % 10;
            labels[i] = label;
            int row = 4 + 2 * label;
            for (int r = 2; r < 30; r++) {
                for (int c = 2; c < 30; c++) {
                    boolean bar = label % 2 == 0 ? Math.abs(r - row) <= 1 : Math.abs(c - row) <= 1;
                    pixels[i * 1024 + r * 32 + c] = (bar ? 0.9f : 0.1f) + 0.05f * rng.nextFloat();
                }
            }
        }
        INDArray images = Nd4j.create(pixels, new long[] {n, 1, 32, 32}, 'c').castTo(DataType.FLOAT);
        return LabeledImages.dense(images, labels);
    }
}
