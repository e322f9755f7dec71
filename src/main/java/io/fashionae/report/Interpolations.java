package io.fashionae.report;

import io.fashionae.common.UserException;
import io.fashionae.inference.OnnxDecoder;
import io.fashionae.latent.LatentPoints;
import io.fashionae.plot.Sprite;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Exact interpolations for the report: for each pair of validation images, the decoder's images
 * of {@value #STEPS} evenly spaced points on the straight line between their latents (both ends
 * included), decoded with {@code decoder.onnx} when the report is written. A VAE's latents are the
 * posterior means, so the line runs between the means.
 */
final class Interpolations {
    /** Decoded points per pair, both ends included: 10 between them. */
    static final int STEPS = 12;

    private Interpolations() {}

    /**
     * The pairs shown by default: the first validation image of class {@code c} and of class
     * {@code c + K/2} for {@code c < K/2}, K classes (for Fashion-MNIST: T-shirt to sandal, trouser to
     * shirt, ...), among the first {@code count} images; pairs with a class missing there are left out.
     * K is the run's class count (ten for Fashion-MNIST, the class folders for {@code --images}).
     */
    static List<InterpolationPair> defaults(int[] labels, int count, int classes) {
        int[] first = new int[classes];
        java.util.Arrays.fill(first, -1);
        for (int i = Math.min(count, labels.length) - 1; i >= 0; i--) {
            if (labels[i] >= 0 && labels[i] < classes) {
                first[labels[i]] = i;
            }
        }
        List<InterpolationPair> pairs = new ArrayList<>();
        for (int c = 0; c < classes / 2; c++) {
            if (first[c] >= 0 && first[c + classes / 2] >= 0) {
                pairs.add(new InterpolationPair(first[c], first[c + classes / 2]));
            }
        }
        return pairs;
    }

    /**
     * One row of {@value #STEPS} decodes per pair, as a sprite.
     *
     * @throws UserException for an index outside the first {@code count} images (the ones the page has)
     */
    static BufferedImage render(Path decoderFile, LatentPoints latents, List<InterpolationPair> pairs, int count) {
        int dim = latents.dim();
        float[] z = new float[pairs.size() * STEPS * dim];
        int k = 0;
        for (InterpolationPair pair : pairs) {
            for (int index : new int[] {pair.from(), pair.to()}) {
                if (index >= count) {
                    throw new UserException(
                            "validation image " + index + " is not among the report's " + count + " sampled images (0.."
                                    + (count - 1) + ")",
                            "pick interpolation ends below " + count);
                }
            }
            for (int s = 0; s < STEPS; s++) {
                double t = s / (double) (STEPS - 1);
                for (int d = 0; d < dim; d++) {
                    z[k++] = (float) ((1 - t) * latents.get(pair.from(), d) + t * latents.get(pair.to(), d));
                }
            }
        }
        try (OnnxDecoder decoder = OnnxDecoder.open(decoderFile)) {
            int n = pairs.size() * STEPS;
            return Sprite.pack(decoder.decode(z, n), n, decoder.imageSide(), decoder.imageChannels(), STEPS);
        }
    }
}
