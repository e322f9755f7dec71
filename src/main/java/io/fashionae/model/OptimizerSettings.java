package io.fashionae.model;

import io.fashionae.config.Precision;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;

/**
 * The optimiser baked into a DL4J graph configuration: Adam with decoupled weight decay (AdamW).
 *
 * @param learningRate Adam's learning rate
 * @param weightDecay  decoupled weight decay coefficient, applied after the Adam step and scaled by the learning rate
 * @param seed         seed of the weight initialisation
 * @param precision    the graph's floating-point type
 */
public record OptimizerSettings(double learningRate, double weightDecay, long seed, Precision precision) {

    /** Settings in 32-bit floats. */
    public OptimizerSettings(double learningRate, double weightDecay, long seed) {
        this(learningRate, weightDecay, seed, Precision.FP32);
    }

    /**
     * The settings a graph configuration of {@link AutoencoderGraphBuilder#full} was built with, read
     * back from its first layer with parameters (every layer gets the same): what a model restored
     * from a file needs to be rebuilt with another engine's layers.
     *
     * @throws IllegalStateException when the configuration has no Adam-trained layer (not ours)
     */
    public static OptimizerSettings of(ComputationGraphConfiguration conf) {
        for (GraphVertex vertex : conf.getVertices().values()) {
            if (vertex instanceof LayerVertex lv
                    && lv.getLayerConf().getLayer() instanceof BaseLayer layer
                    && layer.getIUpdater() instanceof Adam adam) {
                return new OptimizerSettings(
                        adam.getLearningRate(),
                        weightDecayOf(layer),
                        lv.getLayerConf().getSeed(),
                        conf.getDataType() == DataType.HALF ? Precision.FP16 : Precision.FP32);
            }
        }
        throw new IllegalStateException("the graph has no layer trained with Adam: it is not an autoencoder of ours");
    }

    private static double weightDecayOf(BaseLayer layer) {
        for (Regularization r : layer.getRegularization()) {
            if (r instanceof WeightDecay decay) {
                return decay.getCoeff().valueAt(0, 0);
            }
        }
        return 0;
    }
}
