package io.fashionae.model;

import io.fashionae.config.Engine;
import io.fashionae.model.layer.ActivationErfGelu;
import io.fashionae.model.layer.NativeBatchNormalization;
import io.fashionae.model.layer.NativeConvolution;
import io.fashionae.model.layer.NativeCropping2D;
import io.fashionae.model.layer.NativeDeconvolution2D;
import io.fashionae.model.layer.NativeErfGelu;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.nd4j.linalg.activations.Activation;

/**
 * The layers of one {@link Engine}: what {@link AutoencoderGraphBuilder} places at each position of
 * the architecture. Each native layer's configuration extends DL4J's own, so both kits give the
 * same parameter names, shapes and order (a model file does not depend on the kit), and only the
 * code that computes a layer differs.
 */
enum LayerKit {
    /** DL4J's own layers; the exact GELU is an activation function of ours, which DL4J lacks. */
    DL4J {
        @Override
        Layer convolution(PlannedLayer l) {
            return set(new ConvolutionLayer.Builder(l.kernel(), l.kernel()), l)
                    .dataFormat(CNN2DFormat.NCHW)
                    .build();
        }

        @Override
        Layer deconvolution(PlannedLayer l) {
            Deconvolution2D.Builder b = new Deconvolution2D.Builder(l.kernel(), l.kernel());
            return set(b, l).dataFormat(CNN2DFormat.NCHW).build();
        }

        @Override
        Layer batchNorm(double decay, double eps) {
            return new BatchNormalization.Builder()
                    .decay(decay)
                    .eps(eps)
                    .activation(Activation.IDENTITY)
                    .dataFormat(CNN2DFormat.NCHW)
                    .build();
        }

        @Override
        Layer crop(int start, int end) {
            return new Cropping2D.Builder(start, end, start, end)
                    .dataFormat(CNN2DFormat.NCHW)
                    .build();
        }

        @Override
        Layer erfGelu() {
            return new ActivationLayer.Builder()
                    .activation(new ActivationErfGelu())
                    .build();
        }
    },

    /** The layers of {@code model.layer} on libnd4j's native ops. */
    NATIVE {
        @Override
        Layer convolution(PlannedLayer l) {
            NativeConvolution.Builder b = new NativeConvolution.Builder(l.kernel(), l.kernel());
            set(b, l).dataFormat(CNN2DFormat.NCHW);
            return b.build();
        }

        @Override
        Layer deconvolution(PlannedLayer l) {
            NativeDeconvolution2D.Builder b = new NativeDeconvolution2D.Builder(l.kernel(), l.kernel());
            set(b, l).dataFormat(CNN2DFormat.NCHW);
            return b.build();
        }

        @Override
        Layer batchNorm(double decay, double eps) {
            return NativeBatchNormalization.nchw(decay, eps);
        }

        @Override
        Layer crop(int start, int end) {
            return new NativeCropping2D.Builder(start, end, start, end)
                    .dataFormat(CNN2DFormat.NCHW)
                    .build();
        }

        @Override
        Layer erfGelu() {
            return new NativeErfGelu();
        }
    };

    /**
     * What every (transposed) convolution of both kits sets: stride, channels, the geometry's mode
     * and padding, and no activation (DL4J would default to sigmoid).
     */
    private static <B extends ConvolutionLayer.BaseConvBuilder<B>> B set(B builder, PlannedLayer l) {
        ConvGeometry g = l.geometry();
        return builder.stride(l.stride(), l.stride())
                .nIn(l.in().channels())
                .nOut(l.out().channels())
                .convolutionMode(g.mode())
                .padding(g.padding(), g.padding())
                .activation(Activation.IDENTITY);
    }

    /** A planned convolution: square kernel, stride, channels, set up as its geometry says (no activation). */
    abstract Layer convolution(PlannedLayer l);

    /** A planned transposed convolution, set up as its geometry says (no activation). */
    abstract Layer deconvolution(PlannedLayer l);

    /** Batch norm over the channels of NCHW maps (no activation). */
    abstract Layer batchNorm(double decay, double eps);

    /** A crop of {@code start} rows and columns at the top-left and {@code end} at the bottom-right. */
    abstract Layer crop(int start, int end);

    /** The exact GELU, {@code x * Phi(x)}, as a layer of its own. */
    abstract Layer erfGelu();

    /**
     * The engine whose layers a graph configuration holds: native when any layer is one of
     * {@code model.layer}'s native layers, DL4J otherwise (a model file holds DL4J's layers; files
     * written before the engines existed hold the native ones).
     */
    static Engine engineOf(ComputationGraphConfiguration conf) {
        for (GraphVertex vertex : conf.getVertices().values()) {
            if (vertex instanceof LayerVertex lv && isNative(lv.getLayerConf().getLayer())) {
                return Engine.NATIVE;
            }
        }
        return Engine.DL4J;
    }

    private static boolean isNative(Layer layer) {
        return layer instanceof NativeConvolution
                || layer instanceof NativeDeconvolution2D
                || layer instanceof NativeBatchNormalization
                || layer instanceof NativeCropping2D
                || layer instanceof NativeErfGelu;
    }

    /** The kit of a concrete engine. */
    static LayerKit of(Engine engine) {
        return switch (engine) {
            case DL4J -> DL4J;
            case NATIVE -> NATIVE;
            case AUTO -> throw new IllegalArgumentException("resolve --engine auto first (EngineChoice.resolve)");
        };
    }
}
