package io.fashionae.model.layer;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.ActivationLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The layer of {@link NativeErfGelu}: {@code gelu(x) = x Phi(x)} with
 * {@code Phi(x) = erfc(-x / sqrt 2) / 2}, and {@code d/dx = Phi(x) + x phi(x)}.
 *
 * <p>Why not DL4J's activation layer with {@link ActivationErfGelu}: that one copies its input
 * before each pass (activation functions work in place) and, being stateless, recomputes
 * {@code Phi} in backprop: eighteen passes over the activation map per step. Here the forward
 * pass writes {@code Phi} into an array of its own, which DL4J keeps with the step's other
 * activations, and the backward pass reuses it. On the CPU backend the forward pass is one pass
 * ({@link ErfGeluKernel}), elsewhere five libnd4j ops; the backward pass is seven libnd4j ops.
 *
 * <p>Anything but 32-bit floats goes to DL4J's implementation.
 */
public class NativeErfGeluLayer extends ActivationLayer {
    private static final double INV_SQRT2 = 1 / Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    /** Phi of the last training forward pass, and the input it was computed from. */
    private INDArray cdf;

    private INDArray cdfInput;

    /** Called by {@link NativeErfGelu#instantiate}. */
    public NativeErfGeluLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        if (!handles(input)) {
            return super.activate(training, mgr);
        }
        INDArray phi =
                training ? mgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, input.shape(), 'c') : null;
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, input.shape(), 'c');
        if (HostFloats.supports(input, phi, out)) {
            ErfGeluKernel.forward(input, phi, out);
        } else {
            INDArray cdfOut = phi == null ? out : phi;
            normalCdf(input, cdfOut);
            Nd4j.exec(new MulOp(input, cdfOut, out));
        }
        cdf = phi;
        cdfInput = training ? input : null;
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        if (!handles(input)) {
            return super.backpropGradient(epsilon, mgr);
        }
        INDArray phi = cdf != null && cdfInput == input
                ? cdf
                : normalCdf(input, Nd4j.createUninitialized(DataType.FLOAT, input.shape()));
        cdf = null;
        cdfInput = null;
        INDArray grad = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, input.shape(), 'c');
        // x phi(x) = x exp(-x^2 / 2) / sqrt(2 pi), built in the gradient array.
        Nd4j.exec(new MulOp(input, input, grad));
        Nd4j.exec(new ScalarMultiplication(grad, -0.5));
        Nd4j.exec(new Exp(grad, grad));
        Nd4j.exec(new MulOp(grad, input, grad));
        Nd4j.exec(new ScalarMultiplication(grad, INV_SQRT_2PI));
        Nd4j.exec(new AddOp(grad, phi, grad));
        Nd4j.exec(new MulOp(grad, epsilon, grad));
        return new Pair<>(new DefaultGradient(), grad);
    }

    private boolean handles(INDArray x) {
        return x.dataType() == DataType.FLOAT
                && dataType == DataType.FLOAT
                && layerConf().getActivationFn() instanceof ActivationErfGelu;
    }

    /**
     * {@code Phi(x) = (1 + erf(x / sqrt 2)) / 2} into {@code out}. libnd4j's erf takes about 60% of
     * the time of its erfc (1.27 against 2.17 ms on 64x32x16x16 floats), more than the extra pass.
     */
    private static INDArray normalCdf(INDArray x, INDArray out) {
        Nd4j.exec(new ScalarMultiplication(x, null, out, INV_SQRT2));
        Nd4j.exec(new Erf(out, out));
        Nd4j.exec(new ScalarMultiplication(out, 0.5));
        Nd4j.exec(new ScalarAdd(out, 0.5));
        return out;
    }
}
