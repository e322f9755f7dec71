package io.fashionae.model;

import io.fashionae.config.ModelConfig;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The encoder's weights for inference with batch norm folded into the convolutions: each block
 * is {@code gelu(conv(x, w') + b')} with {@code w'[o] = w[o] a[o]},
 * {@code b'[o] = (b[o] - mean[o]) a[o] + beta[o]} and {@code a = gamma / sqrt(var + eps)} (computed
 * in double), then the latent head {@code z = W^T flat(x) + c}. Dropout is the identity in
 * inference; a VAE's log-variance head is not needed to encode.
 *
 * @param blocks    the convolution blocks, in order
 * @param head      the latent head's weights, {@code [latentDim, flattenedSize]} row-major (DL4J's
 *                  {@code [nIn, nOut]} transposed: oneDNN's {@code oihw} for an inner product)
 * @param headBias  the latent head's bias, {@code [latentDim]}
 */
record FoldedEncoder(List<Block> blocks, float[] head, float[] headBias) {

    /**
     * One convolution block: {@code weights} in OIHW order ({@code [out][in][k][k]}), one bias per
     * output channel, and the asymmetric padding that reproduces the model's padding form.
     */
    record Block(
            int in,
            int out,
            int kernel,
            int stride,
            int inSide,
            int outSide,
            int[] padding,
            float[] weights,
            float[] bias) {}

    /** Reads and folds the parameters of an encoder graph built from {@code config}. */
    static FoldedEncoder of(ModelConfig config, ComputationGraph encoder) {
        List<Block> blocks = new ArrayList<>();
        List<Integer> sides = config.encoderSides();
        int in = config.imageChannels();
        for (int i = 0; i < config.layers(); i++) {
            int block = i + 1;
            int out = config.channels().get(i);
            int k = config.kernels().get(i);
            int s = config.strides().get(i);
            Layer conv = encoder.getLayer(GraphNames.encoder(block, GraphNames.CONV));
            float[] weights = conv.getParam("W").dup('c').data().asFloat();
            float[] bias = conv.getParam("b").dup('c').data().asFloat();
            if (config.batchNorm()) {
                fold(encoder.getLayer(GraphNames.encoder(block, GraphNames.BN)), weights, bias);
            }
            int[] padding = ConvGeometry.asymmetricPadding(config.padding(), k, s, sides.get(i), sides.get(i + 1));
            blocks.add(new Block(in, out, k, s, sides.get(i), sides.get(i + 1), padding, weights, bias));
            in = out;
        }
        Layer latent = encoder.getLayer(GraphNames.LATENT);
        INDArray head = latent.getParam("W").transpose().dup('c');
        return new FoldedEncoder(
                blocks,
                head.data().asFloat(),
                latent.getParam("b").dup('c').data().asFloat());
    }

    /** Scales each output channel's weights and bias by batch norm's running statistics. */
    private static void fold(Layer bnLayer, float[] weights, float[] bias) {
        BatchNormalization conf = (BatchNormalization) bnLayer.conf().getLayer();
        double[] gamma = vector(bnLayer, BatchNormalizationParamInitializer.GAMMA);
        double[] beta = vector(bnLayer, BatchNormalizationParamInitializer.BETA);
        double[] mean = vector(bnLayer, BatchNormalizationParamInitializer.GLOBAL_MEAN);
        double[] var = conf.isUseLogStd()
                ? logStdToVariance(vector(bnLayer, BatchNormalizationParamInitializer.GLOBAL_LOG_STD))
                : vector(bnLayer, BatchNormalizationParamInitializer.GLOBAL_VAR);
        int perChannel = weights.length / bias.length;
        for (int o = 0; o < bias.length; o++) {
            double a = gamma[o] / Math.sqrt(var[o] + conf.getEps());
            for (int j = o * perChannel; j < (o + 1) * perChannel; j++) {
                weights[j] = (float) (weights[j] * a);
            }
            bias[o] = (float) ((bias[o] - mean[o]) * a + beta[o]);
        }
    }

    /** DL4J stores log10 of the running standard deviation: {@code var = (10^s)^2}. */
    private static double[] logStdToVariance(double[] log10Std) {
        double[] var = new double[log10Std.length];
        for (int i = 0; i < var.length; i++) {
            var[i] = Math.pow(10, 2 * log10Std[i]);
        }
        return var;
    }

    private static double[] vector(Layer layer, String param) {
        return layer.getParam(param).dup('c').data().asDouble();
    }
}
