package io.fashionae.model;

import io.fashionae.config.ModelConfig;
import java.lang.ref.Reference;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.Loader;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The encoder's inference pass on the CPU backend through oneDNN primitives called directly
 * (JavaCPP's {@code dnnl} 2.5.2 preset), on the current weights of the DL4J encoder graph.
 *
 * <p>Why: DL4J's graph runs each convolution through libnd4j's {@code conv2d}, which converts its
 * input, weights and output between NCHW and oneDNN's blocked layout on every call, with the batch
 * norm and GELU passes in between; it encoded 10,400-13,300 images/s on 2 cores where the PyTorch
 * reference reached 11,000-25,000. Here batch norm is folded into the convolutions
 * ({@link FoldedEncoder}), the GELU is the convolution's post-op, the activations stay in oneDNN's
 * layout from layer to layer, the latent head is an inner product on the last convolution's output,
 * and the weights are reordered once per snapshot ({@link OneDnnEncoderNet}).
 *
 * <p>It covers what the seed's family of models needs for inference: 32-bit floats, the exact GELU,
 * any kernels, strides, channels and padding form, with or without batch norm and dropout, plain or
 * variational (the mean head). It walks the model's {@link ArchitecturePlan}: {@link #create}
 * gives nothing for a form it does not compute (16-bit weights, the sigmoid GELU), on CUDA, or where
 * oneDNN cannot be loaded, and {@link Autoencoder} then uses DL4J's graph; a layer kind it does not
 * know fails, naming it ({@link FoldedEncoder#unsupported}). The folded weights are taken
 * again whenever {@link Autoencoder#parameterVersion()} has moved on.
 *
 * <p>Not thread-safe, as DL4J's graphs are not.
 */
final class OneDnnEncoder implements AutoCloseable {
    /**
     * Images per primitive call, as DL4J's encoder graph takes them ({@link Autoencoder#ENCODE_CHUNK}):
     * the batch the primitives are built for (the last chunk gets its own).
     */
    static final int CHUNK = Autoencoder.ENCODE_CHUNK;

    /** Nets kept per batch size: the full chunk and the last, partial one of the usual calls. */
    private static final int NETS_KEPT = 3;

    private static final Logger LOG = LoggerFactory.getLogger(OneDnnEncoder.class);

    private final ArchitecturePlan plan;
    private final int latentDim;
    private final engine cpu;
    private final stream cpuStream;
    private final Map<Integer, OneDnnEncoderNet> nets = new LinkedHashMap<>(NETS_KEPT, 0.75f, true);
    private FoldedEncoder weights;
    private long weightsVersion = -1;

    private OneDnnEncoder(ArchitecturePlan plan, engine cpu, stream cpuStream) {
        this.plan = plan;
        this.latentDim = Math.toIntExact(plan.layer(GraphNames.LATENT).out().size());
        this.cpu = cpu;
        this.cpuStream = cpuStream;
    }

    /**
     * An encoder for models of {@code config} in {@code type}, where this path covers them (see
     * the class comment) and oneDNN loads; empty otherwise.
     */
    static Optional<OneDnnEncoder> create(ModelConfig config, DataType type) {
        ArchitecturePlan plan = ArchitecturePlan.of(config);
        Optional<String> unsupported = FoldedEncoder.unsupported(plan);
        if (type != DataType.FLOAT
                || unsupported.isPresent()
                || !Nd4j.getEnvironment().isCPU()) {
            LOG.debug(
                    "DL4J's encoder graph encodes: {}",
                    unsupported.orElse(type != DataType.FLOAT ? type + " weights" : "not the CPU backend"));
            return Optional.empty();
        }
        try {
            Loader.load(org.bytedeco.dnnl.global.dnnl.class);
            engine cpu = new engine(engine.kind.cpu, 0);
            return Optional.of(new OneDnnEncoder(plan, cpu, new stream(cpu)));
        } catch (LinkageError | RuntimeException e) {
            LOG.debug("oneDNN is not available here ({}): DL4J's encoder graph encodes", e.toString());
            return Optional.empty();
        }
    }

    /**
     * Latent vectors, row-major {@code float[N * latentDim]}, of 32-bit float images
     * {@code [N, C, S, S]}, with the weights {@code graph} holds at {@code version}.
     */
    float[] encode(INDArray images, ComputationGraph graph, long version) {
        if (version != weightsVersion) {
            weights = FoldedEncoder.of(plan, graph);
            weightsVersion = version;
            closeNets();
        }
        INDArray dense = Shape.hasDefaultStridesForShape(images) && images.ordering() == 'c' ? images : images.dup('c');
        FloatBuffer pixels = dense.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
        pixels.position(Math.toIntExact(dense.offset()));
        int n = Math.toIntExact(images.size(0));
        int perImage = Math.toIntExact(images.length() / Math.max(1, n));
        float[] latents = new float[n * latentDim];
        float[] chunk = new float[CHUNK * latentDim];
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(CHUNK, n - start);
            net(m).run(pixels.slice().position(start * perImage), chunk);
            System.arraycopy(chunk, 0, latents, start * latentDim, m * latentDim);
        }
        // The buffer does not keep the array (and so its native memory) reachable.
        Reference.reachabilityFence(images);
        if (dense != images) {
            dense.close();
        }
        return latents;
    }

    private OneDnnEncoderNet net(int batch) {
        OneDnnEncoderNet net = nets.get(batch);
        if (net == null) {
            net = new OneDnnEncoderNet(weights, batch, cpu, cpuStream);
            nets.put(batch, net);
            if (nets.size() > NETS_KEPT) {
                Iterator<OneDnnEncoderNet> eldest = nets.values().iterator();
                eldest.next().close();
                eldest.remove();
            }
        }
        return net;
    }

    /** Frees the primitives, their buffers, the stream and the engine; the encoder is not used again. */
    @Override
    public void close() {
        closeNets();
        cpuStream.close();
        cpu.close();
    }

    private void closeNets() {
        nets.values().forEach(OneDnnEncoderNet::close);
        nets.clear();
    }
}
