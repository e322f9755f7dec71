package io.fashionae.training;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.TrainingConfig;
import io.fashionae.data.DataSummary;
import io.fashionae.training.listener.FrameStats;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code reports/metrics.json} holds about a run, written (atomically) when training
 * ends; an interrupted run's finished epochs are in its checkpoint, and the resumed run writes them
 * all.
 *
 * @param model            the architecture
 * @param training         the training settings
 * @param data             data folder, counts and verified hashes
 * @param backend          the ND4J backend and device
 * @param trainableParams  trainable parameters (343,619 for the seed's architecture)
 * @param startedAt        ISO-8601 start time
 * @param finishedAt       ISO-8601 end time, or null while running
 * @param wallSeconds      wall time so far
 * @param listenerSeconds  time spent inside the latent-frame listener (not in the epochs' seconds,
 * which time the steps alone)
 * @param epochs           finished epochs
 * @param steps            one entry per latent frame: step, epoch, loss, kNN-5 on the plotted sample
 * @param stepLosses       training MSE of every step, in order (for the loss curve)
 * @param finalMetrics     validation figures of the finished model, or null while running
 */
public record RunMetrics(
        ModelConfig model,
        TrainingConfig training,
        DataSummary data,
        BackendInfo backend,
        long trainableParams,
        String startedAt,
        String finishedAt,
        double wallSeconds,
        double listenerSeconds,
        List<EpochMetrics> epochs,
        List<FrameStats> steps,
        List<Float> stepLosses,
        @JsonProperty("final") FinalMetrics finalMetrics) {

    /** Copies the lists. */
    public RunMetrics {
        epochs = List.copyOf(epochs);
        steps = List.copyOf(steps);
        stepLosses = List.copyOf(stepLosses);
    }

    /**
     * The validation figures of the final model.
     *
     * @param valMse       MSE on the padded 32x32 validation images
     * @param valMse28     MSE on their central 28x28 crop
     * @param knn5Accuracy 5-NN accuracy of validation latents, neighbours from the training latents;
     *                     null for unlabelled images
     * @param perClassMse  32x32 MSE per class name (empty for unlabelled images)
     */
    public record FinalMetrics(
            double valMse,
            @JsonProperty("val_mse_28") double valMse28,
            @JsonProperty("knn5_accuracy") Double knn5Accuracy,
            Map<String, Double> perClassMse) {}
}
