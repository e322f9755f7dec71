package io.fashionae.model;

import io.fashionae.common.UserException;
import io.fashionae.config.Engine;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.Precision;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.updater.graph.ComputationGraphUpdater;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The trained (or trainable) autoencoder: the full DL4J graph plus an encoder and a decoder that
 * run on their own.
 *
 * <p>The encoder and decoder graphs own no parameters: they are initialised on views of the full
 * graph's flattened parameter vector (the encoder's layers come first in topological order, the
 * decoder's after them). Training updates that vector in place, so both halves always hold the
 * current weights and batch-norm statistics without a copy.
 *
 * <p>The layers are those of one {@link Engine}'s kit; {@link #onEngine} moves a model to the other
 * kit (the parameter layout is the same), and {@link #portableGraph} is the model in DL4J's own
 * layers, which is what a model file holds.
 */
public final class Autoencoder implements AutoCloseable {
    /**
     * Images per encoder call. The inference graphs reuse their workspace memory from call to call,
     * so it holds the activations of one call: about 13 MB at 256 images for the seed
     * architecture. On 2 cores 128, 256, 512 and 1000 images a call encoded at the same speed
     * within the noise (medians 9,000-9,800 images/s, calls alternated in one process).
     */
    static final int ENCODE_CHUNK = 256;

    private static final int DECODE_CHUNK = 64;

    private final ModelConfig config;
    private final Engine engine;
    private final ComputationGraph graph;
    private final ComputationGraph encoder;
    private final ComputationGraph decoder;
    /** The graph's floating-point type; inputs are cast to it, outputs come back as 32-bit floats. */
    private final DataType dataType;

    /**
     * The encoder's inference pass as oneDNN primitives, where it covers the model (CPU, fp32,
     * exact GELU); null until the first encoding, so that commands that never encode never load
     * oneDNN's natives.
     */
    private Optional<OneDnnEncoder> directEncoder;

    /** Counts optimiser steps: inference engines that snapshot the weights compare it with theirs. */
    private long parameterVersion;

    private Autoencoder(ModelConfig config, ComputationGraph graph) {
        this.config = config;
        this.graph = graph;
        this.engine = LayerKit.engineOf(graph.getConfiguration());
        this.dataType = graph.params().dataType();
        AutoencoderGraphBuilder builder = new AutoencoderGraphBuilder(config, dataType, engine);
        ArchitecturePlan plan = builder.plan();
        long encoderParams =
                plan.encoder().stream().mapToLong(PlannedLayer::parameterCount).sum();
        long decoderParams =
                plan.decoder().stream().mapToLong(PlannedLayer::parameterCount).sum();
        INDArray flat = graph.params();
        if (encoderParams + decoderParams != flat.length()) {
            throw new IllegalStateException("encoder " + encoderParams + " + decoder " + decoderParams
                    + " parameters != graph's " + flat.length() + ": it was not built from this config");
        }
        this.encoder = new ComputationGraph(builder.encoderOnly());
        this.encoder.init(slice(flat, 0, encoderParams), false);
        this.decoder = new ComputationGraph(builder.decoderOnly());
        this.decoder.init(slice(flat, encoderParams, flat.length()), false);
    }

    /**
     * A freshly initialised model of the native kit's layers, its weights drawn as PyTorch would
     * ({@link PyTorchInit}).
     */
    public static Autoencoder create(ModelConfig config, OptimizerSettings optimizer) {
        return create(config, optimizer, Engine.NATIVE);
    }

    /**
     * A freshly initialised model of {@code engine}'s layers (a concrete engine, not auto), its
     * weights drawn as PyTorch would ({@link PyTorchInit}): the same weights whatever the engine.
     */
    public static Autoencoder create(ModelConfig config, OptimizerSettings optimizer, Engine engine) {
        checkSupported(config, optimizer.precision());
        ComputationGraph graph =
                new ComputationGraph(new AutoencoderGraphBuilder(config, DataType.FLOAT, engine).full(optimizer));
        graph.init();
        PyTorchInit.apply(graph, optimizer.seed());
        return new Autoencoder(config, graph);
    }

    /**
     * This model on {@code target}'s layers: itself when it already is, else a new model with a
     * copy of the parameters, the Adam state and the step and epoch counts (which Adam's bias
     * correction reads), so that training continues as if nothing changed.
     */
    public Autoencoder onEngine(Engine target) {
        return target == engine ? this : new Autoencoder(config, rebuild(target, false));
    }

    /**
     * The training graph in DL4J's own layers, what a model file holds so that any DL4J program
     * (and either engine) can restore it: the graph itself when it already is, else one that shares
     * this model's parameters (a view, no copy) and holds a copy of its Adam state.
     */
    public ComputationGraph portableGraph() {
        return engine == Engine.DL4J ? graph : rebuild(Engine.DL4J, true);
    }

    private ComputationGraph rebuild(Engine target, boolean shareParameters) {
        ComputationGraphConfiguration source = graph.getConfiguration();
        ComputationGraphConfiguration conf =
                new AutoencoderGraphBuilder(config, DataType.FLOAT, target).full(OptimizerSettings.of(source));
        conf.setIterationCount(source.getIterationCount());
        conf.setEpochCount(source.getEpochCount());
        ComputationGraph rebuilt = new ComputationGraph(conf);
        rebuilt.init(shareParameters ? graph.params() : graph.params().dup(), false);
        ComputationGraphUpdater updater = graph.getUpdater(false);
        if (updater != null && updater.getStateViewArray() != null) {
            INDArray state = rebuilt.getUpdater(true).getStateViewArray();
            if (state.length() != updater.getStateViewArray().length()) {
                throw new IllegalStateException("the Adam state of the " + engine.label() + " and "
                        + target.label() + " kits differ in size: "
                        + updater.getStateViewArray().length()
                        + " and " + state.length());
            }
            state.assign(updater.getStateViewArray());
        }
        return rebuilt;
    }

    /**
     * Frees oneDNN's direct encoder (its primitives and their native buffers), if one was made; the
     * DL4J graphs' arrays stay with ND4J. Encoding afterwards goes through DL4J's graph.
     */
    @Override
    public void close() {
        if (directEncoder != null && directEncoder.isPresent()) {
            directEncoder.get().close();
        }
        directEncoder = Optional.empty();
    }

    /** The engine whose layers compute this model. */
    public Engine engine() {
        return engine;
    }

    /**
     * Refuses the precisions DL4J M2.1 cannot train this architecture in, before anything is built.
     *
     * @throws io.fashionae.common.UserException for bf16, and for fp16 with batch norm
     */
    public static void checkSupported(ModelConfig config, Precision precision) {
        AutoencoderGraphBuilder.dataType(precision);
        if (precision == Precision.FP16 && config.batchNorm()) {
            // Measured: M2.1's batch-norm backward pass in HALF turns the parameters to NaN on the first step.
            throw new UserException(
                    "--precision fp16 with batch norm is not available: DL4J 1.0.0-M2.1's "
                            + "half-precision batch norm diverges (NaN) on the first step",
                    "add --no-batch-norm, or use --precision fp32");
        }
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

    /**
     * One optimiser step on a batch of images {@code [N, 1, 32, 32]} (input and target).
     *
     * <p>Memory: DL4J M2.1's step itself leaves about 700 small native buffers (views, shape
     * information, op arguments; ~6 MB) that ND4J frees only when the GC collects their Java
     * objects; the trainer's {@code MemoryGuard} asks for that between steps when memory has
     * grown. The batch itself is released by the caller as soon as the step is done.
     */
    public void fitBatch(INDArray images) {
        INDArray x = cast(images);
        if (config.objective().variational()) {
            // The VAE's sample noise, from ND4J's generator, which the trainer seeds per step: a
            // resumed run draws the same noise for the same step.
            INDArray noise = Nd4j.randn(dataType, x.size(0), config.latentDim());
            graph.fit(new MultiDataSet(new INDArray[] {x, noise}, new INDArray[] {x}));
            noise.close();
        } else {
            graph.fit(new MultiDataSet(x, x));
        }
        parameterVersion++;
    }

    /**
     * How many optimiser steps {@link #fitBatch} has taken on this object: the weights change only
     * there, so a snapshot of them stays current while this number does.
     */
    public long parameterVersion() {
        return parameterVersion;
    }

    /**
     * Latent vectors {@code [N, latentDim]} of images {@code [N, 1, 32, 32]}, in inference mode: a
     * VAE's posterior means.
     */
    public INDArray encode(INDArray images) {
        return meanLatents(cast(images));
    }

    /** Latent vectors of any number of images as a row-major {@code float[N * latentDim]}. */
    public float[] encodeToArray(INDArray images) {
        INDArray x = cast(images);
        if (directEncoder().isPresent()) {
            return directEncoder().get().encode(x, encoder, parameterVersion);
        }
        try (INDArray latents = graphLatents(x)) {
            return latents.ravel().toFloatVector();
        }
    }

    /**
     * Whether {@link #encode} runs oneDNN's direct encoder ({@link OneDnnEncoder}: CPU backend,
     * 32-bit floats, the exact GELU) rather than DL4J's encoder graph.
     */
    public boolean encodesWithOneDnn() {
        return directEncoder().isPresent();
    }

    private Optional<OneDnnEncoder> directEncoder() {
        if (directEncoder == null) {
            // oneDNN's direct encoder is part of the native kit: the dl4j engine runs DL4J's graph alone.
            directEncoder = engine == Engine.NATIVE ? OneDnnEncoder.create(config, dataType) : Optional.empty();
        }
        return directEncoder;
    }

    /**
     * Latents through DL4J's encoder graph alone, never oneDNN's direct path: what the parity
     * tests compare that path with.
     */
    INDArray encodeWithGraph(INDArray images) {
        return graphLatents(cast(images));
    }

    /** Images {@code [N, 1, 32, 32]} decoded from latent vectors {@code [N, latentDim]}, in inference mode. */
    public INDArray decode(INDArray latents) {
        return inChunks(cast(latents), DECODE_CHUNK, z -> decoder.outputSingle(false, z));
    }

    /** Reconstructions of {@code images}, in inference mode (batch norm uses its running statistics). */
    public INDArray reconstruct(INDArray images) {
        // Through the two inference-only graphs, not the training graph, which keeps the arrays of
        // its last training step in its workspaces.
        try (INDArray latents = meanLatents(cast(images))) {
            return inChunks(latents, DECODE_CHUNK, z -> decoder.outputSingle(false, z));
        }
    }

    /**
     * The encoder's first output: the latents, or a VAE's posterior means (the log-variances are
     * the second); through oneDNN's direct path where it covers the model.
     */
    private INDArray meanLatents(INDArray images) {
        if (directEncoder().isPresent()) {
            float[] latents = directEncoder().get().encode(images, encoder, parameterVersion);
            return Nd4j.create(latents, new long[] {images.size(0), config.latentDim()}, 'c');
        }
        return graphLatents(images);
    }

    private INDArray graphLatents(INDArray images) {
        return inChunks(images, ENCODE_CHUNK, x -> encoder.output(false, x)[0]);
    }

    /**
     * {@code pass} over {@code input} at most {@code chunk} rows at a time, the outputs as one
     * 32-bit float array. Chunks bound the inference graphs' workspaces; the decoder's are small
     * because libnd4j's deconv2d slows down per image as the batch grows (on 2 cores, the seed
     * decoder's three deconvolutions took 0.13 s for 64 images and 5.7 s for 1000, 2.8x more per
     * image).
     */
    private static INDArray inChunks(INDArray input, int chunk, UnaryOperator<INDArray> pass) {
        long n = input.size(0);
        if (n <= chunk) {
            return floatOutput(pass.apply(input));
        }
        INDArray out = null;
        for (long start = 0; start < n; start += chunk) {
            long end = Math.min(n, start + chunk);
            // The graphs hand back arrays of their own (detached from their workspaces), so each
            // chunk's can be freed here rather than left to the GC.
            try (INDArray part = floatOutput(pass.apply(input.get(NDArrayIndex.interval(start, end))))) {
                if (out == null) {
                    long[] shape = part.shape().clone();
                    shape[0] = n;
                    out = Nd4j.create(DataType.FLOAT, shape);
                }
                out.get(NDArrayIndex.interval(start, end)).assign(part);
            }
        }
        return out;
    }

    /**
     * The per-pixel reconstruction loss (MSE or BCE) of the last optimiser step.
     *
     * <p>DL4J's {@code CnnLossLayer} sums the loss over each image's pixels and averages over the
     * batch, so the graph's score is {@code pixels x loss} plus the regularisation score (a VAE's
     * KL term is part of it); we take the latter out and divide by the pixels per image.
     */
    public double lastStepLoss() {
        return (graph.score() - graph.calcRegularizationScore(true)) / config.pixelsPerImage();
    }

    /**
     * Parameters that gradient descent changes, as PyTorch counts them: batch norm's running mean
     * and variance are state, not parameters (343,619 for the seed architecture).
     */
    public long trainableParameterCount() {
        return ParameterCounts.trainable(graph);
    }

    /** The graph's floating-point type. */
    public DataType dataType() {
        return dataType;
    }

    /** This model in 32-bit floats: itself when it already is, else a converted copy (for export and comparison). */
    public Autoencoder toFloat32() {
        return dataType == DataType.FLOAT ? this : new Autoencoder(config, graph.convertDataType(DataType.FLOAT));
    }

    /** A graph's output in 32-bit floats; a 16-bit output is freed once converted. */
    private static INDArray floatOutput(INDArray output) {
        if (output.dataType() == DataType.FLOAT) {
            return output;
        }
        INDArray converted = output.castTo(DataType.FLOAT);
        output.close();
        return converted;
    }

    private INDArray cast(INDArray input) {
        return input.dataType() == dataType ? input : input.castTo(dataType);
    }

    /** A view (no copy) of {@code [from, to)} of the flattened parameters, of the same rank. */
    private static INDArray slice(INDArray flat, long from, long to) {
        return flat.rank() == 1
                ? flat.get(NDArrayIndex.interval(from, to))
                : flat.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
    }
}
