package io.fashionae.model.layer;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An {@link ActivationLayer} of the exact GELU ({@link ActivationErfGelu}) whose layer
 * ({@link NativeErfGeluLayer}) needs fewer passes over the activations than DL4J's generic
 * activation layer: the same configuration, JSON apart from the class name, and output.
 */
public class NativeErfGelu extends ActivationLayer {

    /** The exact GELU; also what Jackson uses to read saved configurations. */
    public NativeErfGelu() {
        super(new ActivationErfGelu());
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
                new NativeErfGeluLayer(conf, networkDataType),
                initializer(),
                conf,
                listeners,
                layerIndex,
                paramsView,
                initializeParams);
    }

    @Override
    public NativeErfGelu clone() {
        return (NativeErfGelu) super.clone();
    }
}
