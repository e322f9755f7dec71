package io.fashionae.model.layer;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J {@link Cropping2D} configuration whose layer ({@link NativeCropping2DLayer}) hands on a
 * contiguous array instead of a strided view: same configuration, JSON apart from the class
 * name, and output.
 */
public class NativeCropping2D extends Cropping2D {

    /** For Jackson, which DL4J uses to read saved configurations. */
    public NativeCropping2D() {
        super();
    }

    private NativeCropping2D(Builder builder) {
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
        return LayerWiring.wire(
                new NativeCropping2DLayer(conf, networkDataType),
                initializer(),
                conf,
                listeners,
                layerIndex,
                paramsView,
                initializeParams);
    }

    @Override
    public NativeCropping2D clone() {
        return (NativeCropping2D) super.clone();
    }

    /** DL4J's cropping builder, building a {@link NativeCropping2D}. */
    public static class Builder extends Cropping2D.Builder {
        /** Rows cropped at the top and bottom, columns at the left and right. */
        public Builder(int top, int bottom, int left, int right) {
            super(top, bottom, left, right);
        }

        @Override
        @SuppressWarnings("unchecked")
        public NativeCropping2D build() {
            super.build(); // DL4J's own validation of the crop sizes
            return new NativeCropping2D(this);
        }
    }
}
