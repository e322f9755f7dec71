package io.fashionae.model.layer;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The exact GELU, {@code x * Phi(x) = 0.5 x (1 + erf(x / sqrt 2))}: PyTorch's {@code nn.GELU()},
 * which the seed uses. DL4J M2.1 has no such activation: its {@code GELU} is
 * {@code x * sigmoid(1.702 x)} (up to 0.02 away) and its "precise" GELU is the tanh form.
 *
 * <p>Backward: {@code d/dx = Phi(x) + x * phi(x)}, with {@code phi} the standard normal density.
 * The forward pass works in place on the array it is given, as DL4J's own activations do; the
 * backward pass returns a new array (DL4J takes whichever is returned). Each step below is one
 * native elementwise pass over the activation map: five forward, eleven backward, with one
 * temporary array forward and two backward. The layer API is stateless, so the backward pass
 * recomputes {@code Phi(x)} rather than keeping the forward pass's.
 *
 * <p>Serialised by class name, like any {@code IActivation}: a graph JSON naming this class needs
 * it on the class path to load.
 */
public final class ActivationErfGelu extends BaseActivationFunction {
    private static final double INV_SQRT2 = 1 / Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        INDArray cdf = normalCdf(in);
        return in.muli(cdf);
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        INDArray cdf = normalCdf(in);
        // x * phi(x) = x * exp(-x^2 / 2) / sqrt(2 pi), built in one temporary.
        INDArray xPdf = in.mul(in).muli(-0.5);
        Transforms.exp(xPdf, false).muli(INV_SQRT_2PI).muli(in);
        // dL/dx = epsilon * (Phi + x phi)
        return new Pair<>(cdf.addi(xPdf).muli(epsilon), null);
    }

    /** {@code Phi(x) = 0.5 (1 + erf(x / sqrt 2))} as a new array of x's type. */
    private static INDArray normalCdf(INDArray x) {
        INDArray t = x.mul(INV_SQRT2);
        Nd4j.getExecutioner().exec(new Erf(t, t));
        return t.addi(1).muli(0.5);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActivationErfGelu;
    }

    @Override
    public int hashCode() {
        return ActivationErfGelu.class.hashCode();
    }

    /** {@code "gelu_erf"}: the summary shows it as {@code Activation(GELU_ERF)}. */
    @Override
    public String toString() {
        return "gelu_erf";
    }
}
