package io.fashionae.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;

/** Counts parameters the way PyTorch and torchsummary do. */
public final class ParameterCounts {
    private ParameterCounts() {}

    /** All parameters of {@code layer} except batch norm's running statistics. */
    public static long trainable(Layer layer) {
        if (layer instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization) {
            return runningStatsFree(layer);
        }
        return layer.numParams();
    }

    /** Sum of {@link #trainable(Layer)} over the graph. */
    public static long trainable(ComputationGraph graph) {
        long n = 0;
        for (Layer layer : graph.getLayers()) {
            n += trainable(layer);
        }
        return n;
    }

    private static long runningStatsFree(Layer layer) {
        long n = 0;
        for (var entry : layer.paramTable().entrySet()) {
            String key = entry.getKey();
            if (key.equals(BatchNormalizationParamInitializer.GAMMA)
                    || key.equals(BatchNormalizationParamInitializer.BETA)) {
                n += entry.getValue().length();
            }
        }
        return n;
    }
}
