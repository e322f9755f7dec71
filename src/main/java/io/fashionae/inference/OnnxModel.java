package io.fashionae.inference;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.fashionae.common.UserException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * One ONNX file in an ONNX Runtime session (CPU): a float tensor in, a float tensor out.
 * Uses ONNX Runtime only, never ND4J, so decoding from Java is a light dependency.
 *
 * <p>The file must have exactly the expected input and output names; anything else (not ONNX,
 * other names, external data) is refused with a one-line {@link UserException}.
 */
public final class OnnxModel implements AutoCloseable {
    /**
     * Inputs per session call, for every ONNX Runtime pass of the project (the exported encoder and
     * decoder, and training's inference on snapshots of the weights). Measured on 2 threads: the
     * seed's encoder ran 24,500 images/s in calls of 64 against 13,800 in calls of 512, and 28,500
     * in chunks of 250 against 25,400 in chunks of 500 (a call's activations, ~0.3 MB an image,
     * then stay in the caches); a decoder call takes ~0.5 MB a point, and the report's 2,304-point
     * explorer grid in one call added ~0.4 GB to a run's peak, against ~30 MB at 64.
     */
    public static final int CALL_SIZE = 64;

    private final Path file;
    private final OrtSession session;
    private final String inputName;
    private final String outputName;
    private final long[] inputShape;
    private final long[] outputShape;

    private OnnxModel(Path file, OrtSession session, String inputName, String outputName) throws OrtException {
        this.file = file;
        this.session = session;
        this.inputName = inputName;
        this.outputName = outputName;
        this.inputShape = ((TensorInfo) session.getInputInfo().get(inputName).getInfo()).getShape();
        this.outputShape = ((TensorInfo) session.getOutputInfo().get(outputName).getInfo()).getShape();
    }

    /**
     * Opens {@code file}, which must take {@code inputName} and give {@code outputName}.
     *
     * @throws UserException when the file is missing, not ONNX, or has other inputs/outputs
     */
    public static OnnxModel open(Path file, String inputName, String outputName) {
        if (!Files.isRegularFile(file)) {
            throw new UserException(
                    "ONNX file " + file + " not found", "export it first with 'make export' (or train)");
        }
        OrtSession session;
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
            // No arena: it would keep the largest call's activations for the session's life.
            options.setCPUArenaAllocator(false);
            byte[] bytes = Files.readAllBytes(file);
            refuseExternalData(file, bytes);
            session = env.createSession(bytes, options);
        } catch (OrtException | java.io.IOException e) {
            throw new UserException(
                    file + " is not a valid ONNX model (" + firstLine(e.getMessage()) + ")",
                    "pass a decoder.onnx or encoder.onnx written by 'fashionae export'",
                    e);
        }
        try {
            if (!session.getInputNames().equals(java.util.Set.of(inputName))
                    || !session.getOutputNames().contains(outputName)) {
                String found = "inputs " + session.getInputNames() + ", outputs " + session.getOutputNames();
                session.close();
                throw new UserException(
                        file + " has " + found + ", expected input '" + inputName + "' and output '" + outputName + "'",
                        "pass the matching file written by 'fashionae export'");
            }
            return new OnnxModel(file, session, inputName, outputName);
        } catch (OrtException e) {
            throw new UserException(
                    file + ": cannot read its inputs and outputs (" + firstLine(e.getMessage()) + ")",
                    "re-export the model",
                    e);
        }
    }

    /**
     * ONNX tensors may live in side files named by the model; ONNX Runtime would read whatever path
     * they name. Our exports are self-contained, so a file that points elsewhere is refused before
     * ONNX Runtime sees it.
     */
    static void refuseExternalData(Path file, byte[] bytes) {
        OnnxMl.ModelProto model;
        try {
            model = OnnxMl.ModelProto.parseFrom(bytes);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new UserException(
                    file + " is not a valid ONNX model (not an ONNX protobuf)",
                    "pass a decoder.onnx or encoder.onnx written by 'fashionae export'",
                    e);
        }
        for (OnnxMl.TensorProto t : model.getGraph().getInitializerList()) {
            if (t.getDataLocation() == OnnxMl.TensorProto.DataLocation.EXTERNAL || t.getExternalDataCount() > 0) {
                throw new UserException(
                        file + " keeps tensor '" + t.getName() + "' in an external data file, which is never loaded",
                        "pass a self-contained file written by 'fashionae export'");
            }
        }
    }

    /** Runs a batch: {@code values} in row-major order, {@code shape} with the batch first; returns the flat output. */
    public float[] run(float[] values, long... shape) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape);
                OrtSession.Result result = session.run(Map.of(inputName, in))) {
            OnnxTensor out = (OnnxTensor) result.get(outputName).orElseThrow();
            FloatBuffer buffer = out.getFloatBuffer();
            float[] flat = new float[buffer.remaining()];
            buffer.get(flat);
            return flat;
        } catch (OrtException e) {
            throw new UserException(
                    file + " failed on input of shape " + Arrays.toString(shape) + ": " + firstLine(e.getMessage()),
                    "check the input size against the model's metadata");
        }
    }

    /**
     * {@link #run} on {@code n} items of shape {@code itemShape} (row-major in {@code values}), at
     * most {@code chunk} items a call; the outputs concatenated in order.
     */
    public float[] runInChunks(float[] values, int n, int chunk, long... itemShape) {
        long[] shape = new long[itemShape.length + 1];
        System.arraycopy(itemShape, 0, shape, 1, itemShape.length);
        if (n <= chunk) {
            shape[0] = n;
            return run(values, shape);
        }
        int perItem = values.length / n;
        float[] out = null;
        for (int start = 0; start < n; start += chunk) {
            int count = Math.min(chunk, n - start);
            shape[0] = count;
            float[] part = run(Arrays.copyOfRange(values, start * perItem, (start + count) * perItem), shape);
            int outPerItem = part.length / count;
            if (out == null) {
                out = new float[Math.multiplyExact(n, outPerItem)];
            }
            System.arraycopy(part, 0, out, start * outPerItem, part.length);
        }
        return out;
    }

    /** The input shape the file declares (-1 for the dynamic batch). */
    public long[] inputShape() {
        return inputShape.clone();
    }

    /** The output shape the file declares (-1 for the dynamic batch). */
    public long[] outputShape() {
        return outputShape.clone();
    }

    /** The file's {@code metadata_props}. */
    public Map<String, String> metadata() {
        try {
            return session.getMetadata().getCustomMetadata();
        } catch (OrtException e) {
            return Map.of();
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the ONNX session of " + file, e);
        }
        // The session's memory is free but stays resident until trimmed (see NativeMemory).
        NativeMemory.releaseFreed();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
