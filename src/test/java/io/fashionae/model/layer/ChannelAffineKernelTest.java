package io.fashionae.model.layer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** {@link ChannelAffineKernel} against batch norm's formula written with ND4J's broadcasts. */
class ChannelAffineKernelTest {

    @ParameterizedTest(name = "[{0}, {1}, {2}, {2}]")
    @CsvSource({
        "3, 32, 16", // the seed's first layer: a chunk is half a sample
        "5, 128, 4", // 16-float planes, two samples a chunk
        "2, 3, 1", // 1x1 planes
        "300, 64, 8", // above the parallel threshold
        "4, 5, 7" // a sample that does not divide a chunk
    })
    void eachChannelIsNormalisedWithItsOwnStatistics(int n, int channels, int side) {
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.randn(DataType.FLOAT, n, channels, side, side).muli(3).addi(1);
        INDArray mean = Nd4j.randn(DataType.FLOAT, channels);
        INDArray var = Nd4j.rand(DataType.FLOAT, channels).addi(0.1);
        INDArray gamma = Nd4j.randn(DataType.FLOAT, channels);
        INDArray beta = Nd4j.randn(DataType.FLOAT, channels);
        double eps = 1e-5;
        INDArray out = x.ulike();

        ChannelAffineKernel.normalize(x, mean, var, gamma, beta, eps, out);

        INDArray std = Transforms.sqrt(var.add(eps));
        INDArray expected = x.sub(mean.reshape(1, channels, 1, 1))
                .divi(std.reshape(1, channels, 1, 1))
                .muli(gamma.reshape(1, channels, 1, 1))
                .addi(beta.reshape(1, channels, 1, 1));
        double scale = expected.amaxNumber().doubleValue();
        assertThat(out.sub(expected).amaxNumber().doubleValue()).isLessThan(2e-6 * scale);
    }

    @Test
    void aChannelFarFromZeroKeepsItsPrecision() {
        // Values around 1000 with a spread of 0.01: the normalised values are of order 1.
        Nd4j.getRandom().setSeed(9);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 2, 1, 8, 8).muli(0.01).addi(1000);
        INDArray mean = Nd4j.createFromArray(1000.0f);
        INDArray var = Nd4j.createFromArray(1e-4f);
        INDArray one = Nd4j.createFromArray(1f);
        INDArray zero = Nd4j.createFromArray(0f);
        INDArray xf = x.castTo(DataType.FLOAT);
        INDArray out = xf.ulike();

        ChannelAffineKernel.normalize(xf, mean, var, one, zero, 0, out);

        // In double from the same float inputs: only the float subtraction and scaling round.
        INDArray expected = xf.castTo(DataType.DOUBLE).subi(1000).divi(0.01);
        assertThat(out.castTo(DataType.DOUBLE).subi(expected).amaxNumber().doubleValue())
                .isLessThan(1e-4);
    }
}
