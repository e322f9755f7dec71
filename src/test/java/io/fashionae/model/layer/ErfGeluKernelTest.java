package io.fashionae.model.layer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link ErfGeluKernel} against the exact GELU computed in double precision (libnd4j's double
 * {@code erf}), over the whole range where float GELU values differ, and on the array forms the
 * layers hand it.
 */
class ErfGeluKernelTest {

    @Test
    void geluAndPhiAreWithinFloatRoundingOfTheExactValuesFromMinusEightToEight() {
        int n = 160_001;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (-8 + 16.0 * i / (n - 1));
        }
        float[] phi = new float[n];
        float[] gelu = x.clone();
        ErfGeluKernel.compute(gelu, phi, n);

        INDArray xs = Nd4j.createFromArray(x).castTo(DataType.DOUBLE);
        INDArray exactPhi = phi(xs);
        INDArray exactGelu = xs.mul(exactPhi);
        assertThat(maxAbsDiff(phi, exactPhi)).isLessThan(3e-7);
        assertThat(maxAbsDiff(gelu, exactGelu)).isLessThan(1.5e-6);
        // The tails: exactly x far right, exactly 0 far left, as in float arithmetic.
        assertThat(gelu[n - 1]).isEqualTo(8f);
        assertThat(gelu[0]).isEqualTo(-0f);
    }

    @Test
    void forwardWritesPhiAndGeluOfEveryElementAcrossChunksAndThreads() {
        // More floats than the parallel threshold, and not a multiple of a chunk.
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 7, 173, 171).muli(10).subi(5);
        INDArray phi = x.ulike();
        INDArray out = x.ulike();
        assertThat(HostFloats.supports(x, phi, out)).isTrue();

        ErfGeluKernel.forward(x, phi, out);

        INDArray expectedPhi = phi(x);
        assertThat(out.sub(x.mul(expectedPhi)).amaxNumber().doubleValue()).isLessThan(2e-6);
        assertThat(phi.sub(expectedPhi).amaxNumber().doubleValue()).isLessThan(1e-6);
    }

    @Test
    void aRowRangeViewIsReadFromItsOwnOffset() {
        INDArray parent = Nd4j.rand(DataType.FLOAT, 10, 3, 5, 5).muli(6).subi(3);
        INDArray view = parent.get(NDArrayIndex.interval(4, 9));
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, view.shape());
        assertThat(HostFloats.supports(view, out)).isTrue();

        ErfGeluKernel.forward(view, null, out);

        INDArray copy = view.dup();
        INDArray expected = copy.mul(phi(copy));
        assertThat(out.sub(expected).amaxNumber().doubleValue()).isLessThan(1e-6);
    }

    @Test
    void stridedViewsAndOtherTypesAreLeftToLibnd4j() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 6, 6);
        assertThat(HostFloats.supports(x.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2))))
                .isFalse();
        assertThat(HostFloats.supports(x.permute(0, 2, 3, 1))).isFalse();
        assertThat(HostFloats.supports(x.castTo(DataType.DOUBLE))).isFalse();
        assertThat(HostFloats.supports(x, null)).isTrue();
    }

    /** Phi through libnd4j's erf, in x's type. */
    private static INDArray phi(INDArray x) {
        return Nd4j.exec(new Erf(x.mul(1 / Math.sqrt(2)))).addi(1).muli(0.5);
    }

    private static double maxAbsDiff(float[] actual, INDArray exact) {
        return Nd4j.createFromArray(actual)
                .castTo(DataType.DOUBLE)
                .subi(exact)
                .amaxNumber()
                .doubleValue();
    }
}
