package io.fashionae.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fashionae.config.ModelConfig;
import io.fashionae.testing.SyntheticData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

class LastStepLossTest {

    @Test
    void reportedLossIsThePerPixelMeanSquaredErrorOfTheStep() {
        Autoencoder ae = Autoencoder.create(ModelConfig.seedDefaults(), new OptimizerSettings(5e-4, 1e-5, 5));
        INDArray x = SyntheticData.bars(32, 1).images();
        // The step's forward pass runs in training mode: batch statistics, which output(true) uses too.
        INDArray out = ae.graph().outputSingle(true, x);
        double expected = out.sub(x).norm2Number().doubleValue();
        expected = expected * expected / x.length();
        ae.graph().fit(new MultiDataSet(x, x));
        assertThat(ae.lastStepLoss()).isCloseTo(expected, within(expected * 1e-4));
    }
}
