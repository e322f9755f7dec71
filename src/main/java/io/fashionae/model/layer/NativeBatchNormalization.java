package io.fashionae.model.layer;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J {@link BatchNormalization} configuration whose layer runs on libnd4j's fused
 * {@code moments}, {@code batchnorm} and {@code batchnorm_bp} ops ({@link NativeBatchNormalizationLayer}).
 * Same parameters (gamma, beta, running mean, log10 of the running standard deviation), same
 * JSON apart from the class name, same output.
 *
 * <p>M2.1's configuration has no constructor a subclass can hand a builder to, so this one
 * starts from DL4J's defaults and takes the settings the graph builder uses through setters;
 * everything else (updater, regularisation) the graph fills in as for any layer.
 */
public class NativeBatchNormalization extends BatchNormalization {

    /** DL4J's defaults; also what Jackson uses to read saved configurations. */
    public NativeBatchNormalization() {
        super();
    }

    /**
     * Batch norm over the channels of NCHW activations.
     *
     * @param decay the running statistics' decay (PyTorch's momentum is {@code 1 - decay})
     * @param eps   added to the variance before the square root
     */
    public static NativeBatchNormalization nchw(double decay, double eps) {
        NativeBatchNormalization bn = new NativeBatchNormalization();
        bn.setDecay(decay);
        bn.setEps(eps);
        bn.setActivationFn(Activation.IDENTITY.getActivationFunction());
        bn.setCnn2DFormat(CNN2DFormat.NCHW);
        return bn;
    }

    @Override
    public Layer instantiate(
            NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners,
            int layerIndex,
            INDArray paramsView,
            boolean initializeParams,
            DataType networkDataType) {
        LayerValidation.assertNOutSet("NativeBatchNormalization", getLayerName(), layerIndex, getNOut());
        return LayerWiring.wire(
                new NativeBatchNormalizationLayer(conf, networkDataType),
                initializer(),
                conf,
                listeners,
                layerIndex,
                paramsView,
                initializeParams);
    }

    @Override
    public NativeBatchNormalization clone() {
        return (NativeBatchNormalization) super.clone();
    }
}
