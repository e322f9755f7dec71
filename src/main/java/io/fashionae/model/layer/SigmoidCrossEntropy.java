package io.fashionae.model.layer;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Binary cross-entropy of a sigmoid output computed from its logits, as PyTorch's {@code
 * BCEWithLogitsLoss}, averaged over the channels of a row (so a pixel's loss has the same scale as
 * DL4J's {@code LossMSE}, which also divides by the channels).
 *
 * <p>Why not DL4J's {@code LossBinaryXENT}: it computes {@code log p} of the activated output,
 * clipped to [1e-5, 1 - 1e-5], and its gradient as {@code (p - y) / (p (1 - p))} times the
 * sigmoid's derivative. Background pixels are exactly 0 and the network drives their logits far
 * below the clip, where that gradient is no longer the true one. From the logits both are exact:
 * {@code loss = max(x, 0) - x y + log(1 + exp(-|x|))} and {@code d loss / dx = sigmoid(x) - y}.
 *
 * <p>Only valid with the sigmoid activation, which the layer using it must declare.
 */
public class SigmoidCrossEntropy implements ILossFunction {
    private static final long serialVersionUID = 1L;

    @Override
    public double computeScore(
            INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        INDArray perRow = computeScoreArray(labels, preOutput, activationFn, mask);
        double sum = perRow.sumNumber().doubleValue();
        return average ? sum / perRow.size(0) : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        requireSigmoid(activationFn);
        INDArray x = preOutput.castTo(labels.dataType());
        // max(x, 0) - x y + log1p(exp(-|x|)): no exp of a large positive number, no log of 0.
        INDArray loss = Transforms.relu(x, true).subi(x.mul(labels));
        loss.addi(Transforms.log1p(Transforms.exp(Transforms.abs(x, true).negi(), false), false));
        applyMask(loss, mask);
        return loss.sum(true, 1).divi(labels.size(1));
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        requireSigmoid(activationFn);
        INDArray grad = Transforms.sigmoid(preOutput, true).subi(labels).divi(labels.size(1));
        applyMask(grad, mask);
        return grad;
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(
            INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        return new Pair<>(
                computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "SigmoidCrossEntropy";
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigmoidCrossEntropy;
    }

    @Override
    public int hashCode() {
        return SigmoidCrossEntropy.class.hashCode();
    }

    private static void requireSigmoid(IActivation activationFn) {
        if (!(activationFn instanceof ActivationSigmoid)) {
            throw new IllegalStateException(
                    "SigmoidCrossEntropy works on logits and needs the sigmoid activation, got " + activationFn);
        }
    }

    /** Zeroes masked-out values; a mask is [rows, 1] (per example) or the shape of the output. */
    private static void applyMask(INDArray values, INDArray mask) {
        if (mask == null) {
            return;
        }
        if (mask.size(1) == 1 && values.size(1) != 1) {
            values.muliColumnVector(mask.castTo(values.dataType()));
        } else {
            values.muli(mask.castTo(values.dataType()));
        }
    }
}
