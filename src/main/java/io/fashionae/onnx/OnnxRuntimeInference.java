package io.fashionae.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.fashionae.inference.NativeMemory;
import io.fashionae.inference.OnnxModel;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.Inference;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.EnumMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link Inference} in ONNX Runtime on an in-memory snapshot of the model's current weights: the
 * exporter's graph for each part, built again whenever {@link Autoencoder#parameterVersion()}
 * has moved on since the last snapshot (no file is written).
 *
 * <p>Why: ONNX Runtime fuses batch norm into the convolutions and runs GELU's erf vectorised;
 * on one core it encoded 13,000-16,000 images/s of the seed model against DL4J's 6,200, and a
 * snapshot (export and session) took under 10 ms. The numbers are the exporter's, which
 * {@link OnnxExport} checks against DL4J at every export and a parity test checks here.
 *
 * <p>Not thread-safe; one per training run. Images go through in chunks of {@value OnnxModel#CALL_SIZE}.
 */
public final class OnnxRuntimeInference implements Inference {
    private final Autoencoder model;
    private final int threads;
    private final Map<ModelPart, OrtSession> sessions = new EnumMap<>(ModelPart.class);
    private long snapshotVersion = -1;

    /**
     * @param model   a 32-bit model (the exporter's type)
     * @param threads ONNX Runtime's intra-op threads
     */
    public OnnxRuntimeInference(Autoencoder model, int threads) {
        this.model = model;
        this.threads = threads;
    }

    /** Whether {@code model} can be run this way (ONNX files are 32-bit). */
    public static boolean supports(Autoencoder model) {
        return model.dataType() == DataType.FLOAT;
    }

    @Override
    public float[] encode(INDArray images) {
        return run(ModelPart.ENCODER, images);
    }

    @Override
    public INDArray reconstruct(INDArray images) {
        return Nd4j.create(run(ModelPart.AUTOENCODER, images), images.shape(), 'c');
    }

    @Override
    public INDArray decode(INDArray latents) {
        float[] out = run(ModelPart.DECODER, latents);
        int side = model.config().imageSize();
        return Nd4j.create(out, new long[] {latents.size(0), model.config().imageChannels(), side, side}, 'c');
    }

    @Override
    public String engine() {
        return "onnxruntime";
    }

    @Override
    public void close() {
        closeSessions();
    }

    private float[] run(ModelPart part, INDArray input) {
        OrtSession session = session(part);
        long n = input.size(0);
        // ONNX Runtime reads each chunk straight from ND4J's native memory (a direct buffer): copying
        // the whole input to the Java heap first would hold 245 MB for the training split.
        INDArray dense = input.dataType() == DataType.FLOAT && !input.isView() && input.ordering() == 'c'
                ? input
                : input.castTo(DataType.FLOAT).dup('c');
        FloatBuffer values = dense.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
        int perItem = Math.toIntExact(input.length() / Math.max(1, n));
        long[] shape = input.shape().clone();
        float[] out = null;
        int outPerItem = 0;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        for (long start = 0; start < n; start += OnnxModel.CALL_SIZE) {
            int m = (int) Math.min(OnnxModel.CALL_SIZE, n - start);
            shape[0] = m;
            FloatBuffer chunk = values.slice(Math.toIntExact(start * perItem), m * perItem);
            try (OnnxTensor in = OnnxTensor.createTensor(env, chunk, shape);
                    OrtSession.Result result = session.run(Map.of(part.inputName(), in))) {
                FloatBuffer got = ((OnnxTensor) result.get(0)).getFloatBuffer();
                if (out == null) {
                    outPerItem = got.remaining() / m;
                    out = new float[Math.toIntExact(n * outPerItem)];
                }
                got.get(out, Math.toIntExact(start * outPerItem), m * outPerItem);
            } catch (OrtException e) {
                throw new IllegalStateException(
                        "ONNX Runtime failed on the " + part + " snapshot: " + e.getMessage(), e);
            }
        }
        if (dense != input) {
            dense.close();
        }
        return out == null ? new float[0] : out;
    }

    /** The session of {@code part} for the current weights, exported anew after any training step. */
    private OrtSession session(ModelPart part) {
        if (snapshotVersion != model.parameterVersion()) {
            closeSessions();
            snapshotVersion = model.parameterVersion();
        }
        OrtSession session = sessions.get(part);
        if (session == null) {
            byte[] bytes = OnnxExporter.export(model, part, Map.of()).toByteArray();
            try {
                OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                options.setIntraOpNumThreads(threads);
                // No arena: ONNX Runtime's CPU arena keeps its peak (a 250-image chunk's activations,
                // ~100 MB per session) for the session's life; without it each run frees what it took.
                options.setCPUArenaAllocator(false);
                session = OrtEnvironment.getEnvironment().createSession(bytes, options);
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime refused the " + part + " snapshot: " + e.getMessage(), e);
            }
            sessions.put(part, session);
        }
        return session;
    }

    private void closeSessions() {
        for (OrtSession s : sessions.values()) {
            try {
                s.close();
            } catch (OrtException e) {
                throw new IllegalStateException("cannot close an ONNX Runtime session", e);
            }
        }
        sessions.clear();
        // A torn-down session's memory is free but stays resident until trimmed (see NativeMemory).
        NativeMemory.releaseFreed();
    }
}
