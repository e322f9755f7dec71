package io.fashionae.model;

import io.fashionae.config.GeluForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;

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

    /**
     * Why oneDNN's direct encoder cannot run {@code plan}'s encoder, or empty when it can. A form it
     * does not compute (the sigmoid GELU) is a reason; a layer kind it does not know is an error,
     * so that a new kind fails here, naming itself, instead of quietly encoding through the slower
     * graph.
     *
     * @throws IllegalStateException for a layer kind this encoder does not map
     */
    static Optional<String> unsupported(ArchitecturePlan plan) {
        for (PlannedLayer layer : plan.encoder()) {
            switch (layer.kind()) {
                case CONVOLUTION, CROP, BATCH_NORM, DROPOUT, DENSE -> {}
                case GELU -> {
                    if (layer.gelu() != GeluForm.ERF) {
                        return Optional.of(
                                layer.name() + " is the " + layer.gelu() + " GELU (oneDNN's post-op is erf)");
                    }
                }
                case DECONVOLUTION, SIGMOID -> throw unknown(layer);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads and folds the parameters of an encoder graph built from {@code plan}'s configuration,
     * walking the plan's encoder: a convolution starts a block, with the asymmetric padding that
     * makes a following crop unnecessary; batch norm folds into it; GELU is the block's post-op;
     * dropout is the identity in inference; the mean's dense layer is the head.
     */
    static FoldedEncoder of(ArchitecturePlan plan, ComputationGraph encoder) {
        unsupported(plan).ifPresent(reason -> {
            throw new IllegalStateException("oneDNN's direct encoder cannot run this model: " + reason);
        });
        List<Block> blocks = new ArrayList<>();
        Block block = null;
        float[] head = null;
        float[] headBias = null;
        for (PlannedLayer layer : plan.encoder()) {
            Layer params = encoder.getLayer(layer.name());
            switch (layer.kind()) {
                case CONVOLUTION -> {
                    block = block(layer, params);
                    blocks.add(block);
                }
                case CROP -> requireSide(block, layer);
                case BATCH_NORM -> fold(params, block.weights(), block.bias());
                case GELU, DROPOUT -> {}
                case DENSE -> {
                    if (layer.name().equals(GraphNames.LATENT)) {
                        head = params.getParam("W").transpose().dup('c').data().asFloat();
                        headBias = params.getParam("b").dup('c').data().asFloat();
                    }
                }
                case DECONVOLUTION, SIGMOID -> throw unknown(layer);
            }
        }
        return new FoldedEncoder(blocks, head, headBias);
    }

    private static Block block(PlannedLayer conv, Layer params) {
        int k = conv.kernel();
        int s = conv.stride();
        int inSide = Math.toIntExact(conv.in().side());
        int[] padding = conv.padding();
        int outSide = (inSide + padding[0] + padding[1] - k) / s + 1;
        return new Block(
                Math.toIntExact(conv.in().channels()),
                Math.toIntExact(conv.out().channels()),
                k,
                s,
                inSide,
                outSide,
                padding,
                params.getParam("W").dup('c').data().asFloat(),
                params.getParam("b").dup('c').data().asFloat());
    }

    /** A crop after a convolution must leave what the asymmetric padding already gives. */
    private static void requireSide(Block block, PlannedLayer crop) {
        if (block == null || block.outSide() != crop.out().side()) {
            throw new IllegalStateException(crop.name() + " does not follow a convolution whose padding it completes");
        }
    }

    private static IllegalStateException unknown(PlannedLayer layer) {
        return new IllegalStateException("oneDNN's direct encoder has no mapping for " + layer.name() + " ("
                + layer.kind() + "): add it to FoldedEncoder and OneDnnEncoderNet");
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
