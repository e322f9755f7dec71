package io.fashionae.model.layer;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.special.Erf;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationGELU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ActivationErfGeluTest {
    private final ActivationErfGelu gelu = new ActivationErfGelu();

    @Test
    void computesPyTorchsErfGeluInFloat() {
        INDArray x = Nd4j.linspace(-6, 6, 1201, DataType.FLOAT).reshape(1, 1201);
        INDArray y = gelu.getActivation(x.dup(), true);
        double worst = 0;
        for (int i = 0; i < x.length(); i++) {
            double v = x.getDouble(i);
            double exact = 0.5 * v * (1 + Erf.erf(v / Math.sqrt(2)));
            worst = Math.max(worst, Math.abs(y.getDouble(i) - exact));
        }
        // float32 rounding of values up to 6 is ~4e-7; libnd4j's erf adds no visible error on top.
        assertThat(worst).isLessThan(2e-6);
    }

    @Test
    void itsGradientIsTheDerivativeOfTheForwardPass() {
        INDArray x = Nd4j.linspace(-5, 5, 401, DataType.DOUBLE).reshape(1, 401);
        INDArray upstream = Nd4j.rand(DataType.DOUBLE, 1, 401).subi(0.5);
        INDArray grad = gelu.backprop(x.dup(), upstream.dup()).getFirst();
        double h = 1e-6;
        INDArray numeric = gelu.getActivation(x.add(h), true)
                .subi(gelu.getActivation(x.sub(h), true))
                .divi(2 * h)
                .muli(upstream);
        assertThat(grad.shape()).isEqualTo(x.shape());
        assertThat(grad.sub(numeric).amaxNumber().doubleValue()).isLessThan(1e-8);
    }

    @Test
    void differsFromDl4jsSigmoidGeluByTheGapTheSeedWouldSee() {
        INDArray x = Nd4j.linspace(-4, 4, 801, DataType.FLOAT).reshape(1, 801);
        INDArray exact = gelu.getActivation(x.dup(), false);
        INDArray sigmoidForm = new ActivationGELU().getActivation(x.dup(), false);
        double gap = exact.sub(sigmoidForm).amaxNumber().doubleValue();
        assertThat(gap).isBetween(0.01, 0.03);
    }

    @Test
    void survivesTheGraphsJsonRoundTrip() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.feedForward(3))
                .addLayer(
                        "act",
                        new ActivationLayer.Builder()
                                .activation(new ActivationErfGelu())
                                .build(),
                        "in")
                .setOutputs("act")
                .build();
        ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(conf.toJson());
        var layer = (ActivationLayer)
                ((LayerVertex) back.getVertices().get("act")).getLayerConf().getLayer();
        assertThat(layer.getActivationFn())
                .isInstanceOf(ActivationErfGelu.class)
                .isEqualTo(new ActivationErfGelu());
    }
}
