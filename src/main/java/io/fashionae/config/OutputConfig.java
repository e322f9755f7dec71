package io.fashionae.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a run writes: model files under {@code modelsDir}, figures and metrics under
 * {@code reportsDir}. Nothing is written anywhere else.
 *
 * @param modelsDir  folder of {@code autoencoder.zip} and the ONNX files
 * @param reportsDir folder of {@code metrics.json}, plots and the HTML report
 */
public record OutputConfig(Path modelsDir, Path reportsDir) {

    /** Requires both folders. */
    public OutputConfig {
        Objects.requireNonNull(modelsDir, "modelsDir");
        Objects.requireNonNull(reportsDir, "reportsDir");
    }

    /** {@code models/} and {@code reports/} under {@code root}. */
    public static OutputConfig under(Path root) {
        return new OutputConfig(root.resolve("models"), root.resolve("reports"));
    }

    /** The trained model: {@code models/autoencoder.zip}. */
    public Path modelFile() {
        return modelsDir.resolve("autoencoder.zip");
    }

    /** Training checkpoints: {@code models/checkpoints/}. */
    public Path checkpointsDir() {
        return modelsDir.resolve("checkpoints");
    }

    /** The name of a run's figures file in its reports folder. */
    public static final String METRICS_FILE = "metrics.json";

    /** The run's figures: {@code reports/metrics.json}. */
    public Path metricsFile() {
        return reportsDir.resolve(METRICS_FILE);
    }
}
