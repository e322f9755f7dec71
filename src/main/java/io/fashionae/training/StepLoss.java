package io.fashionae.training;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Converts DL4J's score of the last step into the per-pixel MSE the seed reports.
 *
 * <p>DL4J's {@code CnnLossLayer} with MSE sums the squared error over each image's pixels and
 * averages over the batch, so its score is {@code pixels x MSE} (1024x for 32x32), plus the
 * regularisation score. We subtract the latter and divide by the pixels per image.
 */
final class StepLoss {
    private StepLoss() {
    }

    static double meanSquaredError(ComputationGraph graph, INDArray batch) {
        long pixelsPerImage = batch.length() / batch.size(0);
        double dataScore = graph.score() - graph.calcRegularizationScore(true);
        return dataScore / pixelsPerImage;
    }
}
