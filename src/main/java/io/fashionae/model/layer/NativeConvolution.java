package io.fashionae.model.layer;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J {@link ConvolutionLayer} configuration whose layer runs on libnd4j's {@code conv2d} and
 * {@code conv2d_bp} ops ({@link NativeConvolutionLayer}). Same parameters, same JSON shape plus
 * the class name, same output.
 */
public class NativeConvolution extends ConvolutionLayer {

    /** For Jackson, which DL4J uses to read saved configurations. */
    public NativeConvolution() {
        super();
    }

    private NativeConvolution(Builder builder) {
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
        LayerValidation.assertNInNOutSet("NativeConvolution", getLayerName(), layerIndex, getNIn(), getNOut());
        return LayerWiring.wire(
                new NativeConvolutionLayer(conf, networkDataType),
                initializer(),
                conf,
                listeners,
                layerIndex,
                paramsView,
                initializeParams);
    }

    /** DL4J's convolution builder, building a {@link NativeConvolution}. */
    public static class Builder extends ConvolutionLayer.Builder {
        /** A kernel of {@code kernelHeight x kernelWidth}. */
        public Builder(int kernelHeight, int kernelWidth) {
            super(kernelHeight, kernelWidth);
        }

        @Override
        @SuppressWarnings("unchecked")
        public NativeConvolution build() {
            super.build(); // DL4J's own validation of kernel, stride, padding and mode
            return new NativeConvolution(this);
        }
    }
}
