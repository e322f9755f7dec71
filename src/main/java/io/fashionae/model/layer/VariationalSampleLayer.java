package io.fashionae.model.layer;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The layer of {@link VariationalSample}: {@code z = mu + noise * sigma} with
 * {@code sigma = exp(logVar / 2)} in training, {@code z = mu} in inference.
 *
 * <p>Per image, {@code KL = -1/2 sum(1 + logVar - mu^2 - sigma^2)}; its gradients are
 * {@code beta mu} and {@code beta (sigma^2 - 1) / 2}. DL4J's backward pass sums gradients over the
 * batch (the updater divides by the batch size), so they are added per image here, while the score
 * term is the batch mean, as the loss layer's score is.
 */
public class VariationalSampleLayer extends AbstractLayer<VariationalSample> {
    /** sigma and the input of the last training forward pass, kept for the backward pass. */
    private INDArray sigma;

    private INDArray sigmaInput;
    /** beta x the batch-mean KL of the last forward pass. */
    private double klScore;

    /** Called by {@link VariationalSample#instantiate}. */
    public VariationalSampleLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        INDArray mu = part(input, 0);
        INDArray logVar = part(input, 1);
        INDArray s = mgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), mu.shape(), 'c');
        s.assign(logVar).muli(0.5);
        Transforms.exp(s, false);
        klScore = layerConf().getBeta() * klSum(mu, logVar, s) / input.size(0);
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), mu.shape(), 'c');
        if (!training) {
            sigma = null;
            sigmaInput = null;
            return out.assign(mu);
        }
        out.assign(part(input, 2)).muli(s).addi(mu);
        sigma = s;
        sigmaInput = input;
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        if (sigma == null || sigmaInput != input) {
            throw new IllegalStateException("backprop of '" + layerConf().getLayerName()
                    + "' without a training forward pass on the same input");
        }
        double beta = layerConf().getBeta();
        INDArray mu = part(input, 0);
        INDArray noise = part(input, 2);
        INDArray grad = mgr.create(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c');
        // d/dmu: the upstream gradient, plus beta mu from the KL term.
        part(grad, 0).assign(mu).muli(beta).addi(epsilon);
        // d/dlogVar: upstream * noise * sigma / 2, plus beta (sigma^2 - 1) / 2.
        INDArray dLogVar = part(grad, 1);
        dLogVar.assign(sigma).muli(sigma).subi(1).muli(0.5 * beta);
        dLogVar.addi(epsilon.mul(noise).muli(sigma).muli(0.5));
        // The noise is a graph input: its gradient stays 0.
        sigma = null;
        sigmaInput = null;
        return new Pair<>(new DefaultGradient(), grad);
    }

    /** beta x the batch-mean KL of the last forward pass: DL4J adds it to the output layer's score. */
    @Override
    public double calcRegularizationScore(boolean backpropParamsOnly) {
        return klScore;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public void clearNoiseWeightParams() {
        // No parameters.
    }

    @Override
    public Type type() {
        return Type.FEED_FORWARD;
    }

    /** Sum over the batch of {@code -1/2 sum(1 + logVar - mu^2 - sigma^2)}. */
    private static double klSum(INDArray mu, INDArray logVar, INDArray sigma) {
        double sumLogVar = logVar.sumNumber().doubleValue();
        double sumMu2 = mu.norm2Number().doubleValue();
        double sumVar = sigma.norm2Number().doubleValue();
        return -0.5 * (mu.length() + sumLogVar - sumMu2 * sumMu2 - sumVar * sumVar);
    }

    /** Columns {@code [k L, (k + 1) L)} of a {@code [N, 3L]} array: mu (0), logVar (1) or noise (2). */
    private INDArray part(INDArray a, int k) {
        long l = layerConf().getLatentDim();
        return a.get(NDArrayIndex.all(), NDArrayIndex.interval(k * l, (k + 1) * l));
    }
}
