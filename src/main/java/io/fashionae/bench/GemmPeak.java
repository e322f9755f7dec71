package io.fashionae.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What this machine's cores do at best, measured in the same process as the model: a large
 * single-precision matrix product through ND4J (its BLAS), the yardstick for the share of the
 * hardware the training step uses. PyTorch's own product measured about 200 GFLOP/s on the
 * 2-core development machine; this one is the figure to compare with, since it runs here.
 */
final class GemmPeak {
    private static final int N = 2048;
    private static final double MIN_SECONDS = 1.0;

    private GemmPeak() {}

    /** Best GFLOP/s of {@code repeats} timed runs of n = 2048 products, each at least a second. */
    static double measure(int repeats) {
        INDArray a = Nd4j.rand(DataType.FLOAT, N, N);
        INDArray b = Nd4j.rand(DataType.FLOAT, N, N);
        INDArray c = Nd4j.create(DataType.FLOAT, N, N);
        a.mmuli(b, c);
        double best = 0;
        for (int r = 0; r < repeats; r++) {
            int products = 0;
            long t0 = System.nanoTime();
            double seconds;
            do {
                a.mmuli(b, c);
                products++;
                seconds = (System.nanoTime() - t0) / 1e9;
            } while (seconds < MIN_SECONDS);
            best = Math.max(best, products * 2.0 * N * N * N / seconds / 1e9);
        }
        return best;
    }
}
