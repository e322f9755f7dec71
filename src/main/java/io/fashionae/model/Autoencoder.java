package io.fashionae.model;

import io.fashionae.config.ModelConfig;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The trained (or trainable) autoencoder: the full DL4J graph plus an encoder and a decoder that
 * run on their own.
 *
 * <p>The encoder and decoder graphs own no parameters: they are initialised on views of the full
 * graph's flattened parameter vector (the encoder's layers come first in topological order, the
 * decoder's after them). Training updates that vector in place, so both halves always hold the
 * current weights and batch-norm statistics without a copy.
 */
public final class Autoencoder {
    /**
     * Images per encoder call: about 100 MB of activations for the seed architecture. Measured on
     * 2 cores: 1000 encoded ~2,500 images/s, 2000 and 4000 under 1,000 (cache misses).
     */
    private static final int ENCODE_CHUNK = 1000;
    private final ModelConfig config;
    private final ComputationGraph graph;
    private final ComputationGraph encoder;
    private final ComputationGraph decoder;

    private Autoencoder(ModelConfig config, ComputationGraph graph) {
        this.config = config;
        this.graph = graph;
        AutoencoderGraphBuilder builder = new AutoencoderGraphBuilder(config);
        long encoderParams = countParams(graph, builder.encoderLayerNames());
        long decoderParams = countParams(graph, builder.decoderLayerNames());
        INDArray flat = graph.params();
        if (encoderParams + decoderParams != flat.length()) {
            throw new IllegalStateException("encoder " + encoderParams + " + decoder " + decoderParams
                    + " parameters != graph's " + flat.length());
        }
        this.encoder = new ComputationGraph(builder.encoderOnly());
        this.encoder.init(slice(flat, 0, encoderParams), false);
        this.decoder = new ComputationGraph(builder.decoderOnly());
        this.decoder.init(slice(flat, encoderParams, flat.length()), false);
    }

    /** A freshly initialised model, its weights drawn as PyTorch would ({@link PyTorchInit}). */
    public static Autoencoder create(ModelConfig config, OptimizerSettings optimizer) {
        ComputationGraph graph = new ComputationGraph(new AutoencoderGraphBuilder(config).full(optimizer));
        graph.init();
        PyTorchInit.apply(graph, optimizer.seed());
        return new Autoencoder(config, graph);
    }

    /** Wraps a graph restored from disk, which must have been built from {@code config}. */
    public static Autoencoder wrap(ModelConfig config, ComputationGraph graph) {
        return new Autoencoder(config, graph);
    }

    /** The architecture. */
    public ModelConfig config() {
        return config;
    }

    /** The full graph: image to reconstruction, with the loss layer. */
    public ComputationGraph graph() {
        return graph;
    }

    /** The encoder graph, sharing the full graph's parameters. */
    public ComputationGraph encoderGraph() {
        return encoder;
    }

    /** The decoder graph, sharing the full graph's parameters. */
    public ComputationGraph decoderGraph() {
        return decoder;
    }

    /** One optimiser step on a batch of images {@code [N, 1, 32, 32]} (input and target). */
    public void fitBatch(INDArray images) {
        graph.fit(new MultiDataSet(images, images));
    }

    /** Latent vectors {@code [N, latentDim]} of images {@code [N, 1, 32, 32]}, in inference mode. */
    public INDArray encode(INDArray images) {
        return encoder.outputSingle(false, images);
    }

    /**
     * Latent vectors of any number of images as a row-major {@code float[N * latentDim]}, encoded
     * in chunks so that activations stay around 100 MB whatever N is.
     */
    public float[] encodeToArray(INDArray images) {
        long n = images.size(0);
        int dim = config.latentDim();
        float[] out = new float[Math.toIntExact(n * dim)];
        for (long start = 0; start < n; start += ENCODE_CHUNK) {
            long end = Math.min(n, start + ENCODE_CHUNK);
            INDArray z = encode(images.get(NDArrayIndex.interval(start, end)));
            float[] chunk = z.ravel().toFloatVector();
            System.arraycopy(chunk, 0, out, Math.toIntExact(start * dim), chunk.length);
        }
        return out;
    }

    /** Images {@code [N, 1, 32, 32]} decoded from latent vectors {@code [N, latentDim]}, in inference mode. */
    public INDArray decode(INDArray latents) {
        return decoder.outputSingle(false, latents);
    }

    /** Reconstructions of {@code images}, in inference mode (batch norm uses its running statistics). */
    public INDArray reconstruct(INDArray images) {
        return graph.outputSingle(false, images);
    }

    /**
     * The per-pixel training MSE of the last optimiser step.
     *
     * <p>DL4J's {@code CnnLossLayer} with MSE sums the squared error over each image's pixels and
     * averages over the batch, so the graph's score is {@code pixels x MSE} plus the
     * regularisation score; we take the latter out and divide by the pixels per image.
     */
    public double lastStepLoss() {
        long pixelsPerImage = (long) config.imageChannels() * config.imageSize() * config.imageSize();
        return (graph.score() - graph.calcRegularizationScore(true)) / pixelsPerImage;
    }

    /**
     * Parameters that gradient descent changes, as PyTorch counts them: batch norm's running mean
     * and variance are state, not parameters (343,619 for the seed architecture).
     */
    public long trainableParameterCount() {
        return ParameterCounts.trainable(graph);
    }

    /** A view (no copy) of {@code [from, to)} of the flattened parameters, of the same rank. */
    private static INDArray slice(INDArray flat, long from, long to) {
        return flat.rank() == 1
                ? flat.get(NDArrayIndex.interval(from, to))
                : flat.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
    }

    private static long countParams(ComputationGraph graph, List<String> layerNames) {
        long n = 0;
        for (String name : layerNames) {
            Layer layer = graph.getLayer(name);
            if (layer == null) {
                throw new IllegalStateException("graph has no layer '" + name + "': it was not built from this config");
            }
            n += layer.numParams();
        }
        return n;
    }
}
