package io.fashionae.training;

import io.fashionae.model.Autoencoder;
import java.nio.file.Path;

/**
 * What {@link Trainer#fit} returns: the trained model, the run's figures and where they were written.
 *
 * @param model       the trained autoencoder
 * @param metrics     the figures also written to {@code metrics.json}
 * @param modelFile   {@code models/autoencoder.zip}
 * @param metricsFile {@code reports/metrics.json}
 */
public record TrainingResult(Autoencoder model, RunMetrics metrics, Path modelFile, Path metricsFile) {}
