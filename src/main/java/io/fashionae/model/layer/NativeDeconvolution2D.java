package io.fashionae.model.layer;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J {@link Deconvolution2D} configuration whose layer skips the forward recomputation in
 * backprop ({@link NativeDeconvolution2DLayer}). Same parameters and output as DL4J's.
 */
public class NativeDeconvolution2D extends Deconvolution2D {

    /** For Jackson, which DL4J uses to read saved configurations. */
    public NativeDeconvolution2D() {
        super();
    }

    private NativeDeconvolution2D(Builder builder) {
        super(builder);
    }

    @Override
    public Layer instantiate(
            NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners,
            int layerIndex,
            INDArray paramsView,
            boolean initializeParams,
            DataType networkDataType) {
        LayerValidation.assertNInNOutSet("NativeDeconvolution2D", getLayerName(), layerIndex, getNIn(), getNOut());
        return LayerWiring.wire(
                new NativeDeconvolution2DLayer(conf, networkDataType),
                initializer(),
                conf,
                listeners,
                layerIndex,
                paramsView,
                initializeParams);
    }

    /** DL4J's deconvolution builder, building a {@link NativeDeconvolution2D}. */
    public static class Builder extends Deconvolution2D.Builder {
        /** A kernel of {@code kernelHeight x kernelWidth}. */
        public Builder(int kernelHeight, int kernelWidth) {
            kernelSize(kernelHeight, kernelWidth);
        }

        @Override
        @SuppressWarnings("unchecked")
        public NativeDeconvolution2D build() {
            super.build(); // DL4J's own validation of kernel, stride, padding and mode
            return new NativeDeconvolution2D(this);
        }
    }
}
