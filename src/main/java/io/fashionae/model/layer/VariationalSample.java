package io.fashionae.model.layer;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The sampling step of a variational autoencoder, as a parameter-free DL4J layer
 * ({@link VariationalSampleLayer}).
 *
 * <p>Its input is {@code [mu | logVar | noise]}, {@code 3 x latentDim} wide (a merge of the
 * encoder's two dense heads and a graph input of standard normal noise); its output is
 * {@code latentDim} wide: {@code mu + noise * exp(logVar / 2)} in training, {@code mu} in
 * inference. The noise is an input rather than drawn here so that the layer is a pure function:
 * a test can feed PyTorch's noise, and the caller seeds it per step so that a resumed run draws
 * the same. The layer adds {@code beta x KL(N(mu, sigma^2) || N(0, I))}, averaged over the batch,
 * to the network's score (through {@link Layer#calcRegularizationScore}, the one per-layer term
 * DL4J adds to the output layer's loss) and its gradient to the backward pass.
 */
public class VariationalSample extends NoParamLayer {
    private static final long serialVersionUID = 1L;

    private int latentDim;
    private double beta;

    /** For Jackson, which DL4J uses to read saved configurations. */
    public VariationalSample() {
        super();
    }

    /** A sampling layer for {@code latentDim} latents whose KL term weighs {@code beta}. */
    public VariationalSample(int latentDim, double beta) {
        super();
        this.latentDim = latentDim;
        this.beta = beta;
    }

    /** Size of the latent vector (the input is three times as wide). */
    public int getLatentDim() {
        return latentDim;
    }

    /** Weight of the KL term. */
    public double getBeta() {
        return beta;
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
                new VariationalSampleLayer(conf, networkDataType),
                initializer(),
                conf,
                listeners,
                layerIndex,
                paramsView,
                initializeParams);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (inputType.getType() != InputType.Type.FF
                || ((InputType.InputTypeFeedForward) inputType).getSize() != 3L * latentDim) {
            throw new IllegalArgumentException(
                    "VariationalSample '" + getLayerName() + "' needs a feed-forward input of " + 3L * latentDim
                            + " ([mu | logVar | noise]), got " + inputType);
        }
        return InputType.feedForward(latentDim);
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType out = getOutputType(-1, inputType);
        return new LayerMemoryReport.Builder(layerName, VariationalSample.class, inputType, out)
                .standardMemory(0, 0)
                .workingMemory(0, 0, 0, out.arrayElementsPerExample())
                .cacheMemory(0, 0)
                .build();
    }

    @Override
    public VariationalSample clone() {
        return (VariationalSample) super.clone();
    }
}
