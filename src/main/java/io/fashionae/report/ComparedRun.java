package io.fashionae.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.fashionae.common.Json;
import io.fashionae.common.UserException;
import io.fashionae.latent.FrameStore;
import io.fashionae.latent.LatentPoints;
import io.fashionae.plot.Figures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One finished run as {@code compare} reads it from its reports folder: {@code metrics.json} (the
 * settings and every figure) and {@code latent-final.bin} (the final validation latents).
 *
 * @param name    what the comparison calls it: the run folder's name (the reports folder's parent
 *                when the folder itself is called {@code reports})
 * @param reports the reports folder
 * @param metrics its metrics.json
 * @param latents its final validation latents, full dimension, in validation order
 */
public record ComparedRun(String name, Path reports, JsonNode metrics, LatentPoints latents) {

    /**
     * Reads a run from {@code dir}: a reports folder, or a folder holding one called {@code reports}.
     *
     * @throws UserException naming the folder and what it lacks
     */
    public static ComparedRun read(Path dir) throws IOException {
        Path reports = Files.isRegularFile(dir.resolve("metrics.json")) ? dir : dir.resolve("reports");
        Path metricsFile = reports.resolve("metrics.json");
        if (!Files.isRegularFile(metricsFile)) {
            throw new UserException(
                    dir + " is not a run's reports folder: it has no metrics.json",
                    "pass the --reports folder of each run to compare (or the folder holding it)");
        }
        JsonNode metrics = Json.readTree(metricsFile);
        if (metrics.path("final").path("knn5_accuracy").isMissingNode()) {
            throw new UserException(
                    metricsFile + " has no final figures: the run did not finish",
                    "finish it with 'fashionae train --resume' and the run's options, or leave it out");
        }
        Path points = reports.resolve(Figures.FINAL_POINTS);
        if (!Files.isRegularFile(points)) {
            throw new UserException(
                    reports + " has no " + Figures.FINAL_POINTS + " (runs before this version did not write it)",
                    "train the run again with this version to compare it");
        }
        String name = reports.getFileName().toString().equals("reports")
                        && reports.toAbsolutePath().getParent() != null
                ? reports.toAbsolutePath().getParent().getFileName().toString()
                : reports.toAbsolutePath().getFileName().toString();
        return new ComparedRun(name, reports, metrics, FrameStore.read(points).points());
    }

    /**
     * Class names in label order, as metrics.json records them; Fashion-MNIST's for a run
     * written before they were recorded.
     */
    public List<String> classNames() {
        return ClassColors.namesIn(metrics);
    }

    /** The latent dimension. */
    public int latentDim() {
        return latents.dim();
    }

    /** The objective as the docs name it: mse, bce, vae-bce, vae-mse (beta 4). */
    public String objective() {
        JsonNode o = metrics.path("model").path("objective");
        String loss = o.path("loss").asText("MSE").toLowerCase();
        if (!o.path("variational").asBoolean(false)) {
            return loss;
        }
        double beta = o.path("beta").asDouble(1);
        return "vae-" + loss + (beta == 1 ? "" : " (beta " + beta + ")");
    }

    /** Epochs trained. */
    public int epochs() {
        return metrics.path("epochs").size();
    }

    /** Training images per second over the whole run: images seen over the seconds of the training steps. */
    public double imagesPerSecond() {
        double images = 0;
        double seconds = 0;
        for (JsonNode e : metrics.path("epochs")) {
            images +=
                    e.path("train_images_per_s").asDouble() * e.path("seconds").asDouble();
            seconds += e.path("seconds").asDouble();
        }
        return seconds > 0 ? images / seconds : Double.NaN;
    }

    /** A figure of {@code final} in metrics.json. */
    public double finalFigure(String key) {
        return metrics.path("final").path(key).asDouble(Double.NaN);
    }
}
