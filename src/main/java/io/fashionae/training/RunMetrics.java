package io.fashionae.training;

import io.fashionae.config.ModelConfig;
import io.fashionae.config.TrainingConfig;
import io.fashionae.data.DataSummary;
import java.util.List;

/**
 * Everything {@code reports/metrics.json} holds about a run. Rewritten (atomically) after every
 * epoch, so an interrupted run still leaves the figures of its finished epochs.
 *
 * @param model            the architecture
 * @param training         the training settings
 * @param data             data folder, counts and verified hashes
 * @param backend          the ND4J backend and device
 * @param trainableParams  trainable parameters (343,619 for the seed's architecture)
 * @param startedAt        ISO-8601 start time
 * @param finishedAt       ISO-8601 end time, or null while running
 * @param wallSeconds      wall time so far
 * @param epochs           finished epochs
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
        List<EpochMetrics> epochs,
        @com.fasterxml.jackson.annotation.JsonProperty("final") FinalMetrics finalMetrics) {

    /** Copies the epoch list. */
    public RunMetrics {
        epochs = List.copyOf(epochs);
    }

    /**
     * The validation figures of the final model.
     *
     * @param valMse   MSE on the padded 32x32 validation images
     * @param valMse28 MSE on their central 28x28 crop
     */
    public record FinalMetrics(double valMse, @com.fasterxml.jackson.annotation.JsonProperty("val_mse_28") double valMse28) {
    }
}
