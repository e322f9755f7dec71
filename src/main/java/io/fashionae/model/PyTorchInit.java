package io.fashionae.model;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Re-initialises a graph's weights and biases the way PyTorch's {@code nn.Linear},
 * {@code nn.Conv2d} and {@code nn.ConvTranspose2d} do by default, so that our training starts
 * from the same distribution as the seed's.
 *
 * <p>PyTorch draws both weights and biases from {@code U(-1/sqrt(fanIn), 1/sqrt(fanIn))}
 * (kaiming-uniform with {@code a = sqrt(5)}). Its fan-in is {@code in * k * k} for a convolution
 * and {@code in} for a linear layer, but {@code out * k * k} for a transposed convolution, because
 * PyTorch reads it from dimension 1 of a {@code [in, out, k, k]} weight; we keep that quirk. The
 * difference from DL4J's Xavier matters most for the decoder's first dense layer (fan-in 2:
 * bound 0.71 against Xavier's standard deviation of 0.03).
 *
 * <p>Numbers come from a {@link SplittableRandom} seeded with the model's seed, not from ND4J's
 * generator, so a seed gives the same start on every backend.
 */
public final class PyTorchInit {
    private PyTorchInit() {}

    /** Overwrites every dense, convolution and deconvolution layer's {@code W} and {@code b} in place. */
    public static void apply(ComputationGraph graph, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (Layer layer : graph.getLayers()) {
            long fanIn = fanIn(layer.conf().getLayer());
            if (fanIn > 0) {
                double bound = 1.0 / Math.sqrt(fanIn);
                fill(layer.getParam("W"), bound, random);
                if (layer.getParam("b") != null) {
                    fill(layer.getParam("b"), bound, random);
                }
            }
        }
    }

    /** PyTorch's fan-in of a layer, or 0 for layers without weights of that kind. */
    static long fanIn(org.deeplearning4j.nn.conf.layers.Layer conf) {
        if (conf instanceof Deconvolution2D d) {
            return d.getNOut() * d.getKernelSize()[0] * d.getKernelSize()[1];
        }
        if (conf instanceof ConvolutionLayer c) {
            return c.getNIn() * c.getKernelSize()[0] * c.getKernelSize()[1];
        }
        if (conf instanceof DenseLayer d) {
            return d.getNIn();
        }
        return 0;
    }

    private static void fill(INDArray param, double bound, SplittableRandom random) {
        float[] values = new float[Math.toIntExact(param.length())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        // assign() writes through the view, so the graph's flat parameter vector changes too.
        param.assign(Nd4j.createFromArray(values).reshape(param.shape()));
    }
}
