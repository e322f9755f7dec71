package io.fashionae.model.layer;

import java.lang.ref.Reference;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batch norm's normalisation with given statistics over NCHW activations,
 * {@code y = (x - mean_c) a_c + beta_c} with {@code a_c = gamma_c / sqrt(var_c + eps)}, in one pass
 * ({@link HostFloats}).
 *
 * <p>Why: libnd4j's {@code batchnorm} on NCHW floats runs oneDNN's reference C++ kernel for plain
 * layouts ({@code ncsp_batch_normalization_fwd_t}), which took a fifth of DL4J's encoder time.
 *
 * <p>Numerics: {@code a} is computed in double; the mean is subtracted before scaling (not folded
 * into a shift), so a channel whose mean is large against its spread keeps its precision.
 */
final class ChannelAffineKernel {
    private ChannelAffineKernel() {}

    /**
     * {@code out = (x - mean) gamma / sqrt(var + eps) + beta} per channel of {@code x [N, C, H, W]};
     * {@code out} has x's shape, both pass {@link HostFloats#supports}, the vectors have C entries.
     */
    static void normalize(
            INDArray x, INDArray mean, INDArray var, INDArray gamma, INDArray beta, double eps, INDArray out) {
        int channels = Math.toIntExact(x.size(1));
        int plane = Math.toIntExact(x.size(2) * x.size(3));
        // Chunks of whole samples: every chunk then starts at channel 0, and one pattern of
        // per-element statistics serves them all, which keeps the inner loop vectorisable however
        // small the planes are (16 floats in the seed's last layer).
        int sample = channels * plane;
        int chunk = sample * Math.max(1, HostFloats.CHUNK / sample);
        float[] centre = new float[chunk];
        float[] scale = new float[chunk];
        float[] shift = new float[chunk];
        double[] means = mean.toDoubleVector();
        double[] variances = var.toDoubleVector();
        double[] gammas = gamma.toDoubleVector();
        double[] betas = beta.toDoubleVector();
        for (int c = 0; c < channels; c++) {
            float a = (float) (gammas[c] / Math.sqrt(variances[c] + eps));
            for (int s = c * plane; s < chunk; s += sample) {
                Arrays.fill(centre, s, s + plane, (float) means[c]);
                Arrays.fill(scale, s, s + plane, a);
                Arrays.fill(shift, s, s + plane, (float) betas[c]);
            }
        }
        FloatBuffer in = HostFloats.floats(x);
        FloatBuffer normalized = HostFloats.floats(out);
        HostFloats.forEachChunk(Math.toIntExact(x.length()), chunk, (start, length, values, unused) -> {
            in.get(start, values, 0, length);
            normalize(values, centre, scale, shift, length);
            normalized.put(start, values, 0, length);
        });
        // The buffers do not keep the arrays (and so their native memory) reachable.
        Reference.reachabilityFence(x);
        Reference.reachabilityFence(out);
    }

    private static void normalize(float[] values, float[] centre, float[] scale, float[] shift, int length) {
        for (int i = 0; i < length; i++) {
            values[i] = (values[i] - centre[i]) * scale[i] + shift[i];
        }
    }
}
