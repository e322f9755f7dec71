package io.fashionae.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionae.common.Json;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a run's wall time went, phase by phase, as {@code metrics.json}'s {@code phases} object
 * (seconds) and the report's breakdown. The phases add up to {@code total}:
 * <ul>
 *   <li>{@code startup}: from the JVM's start (Maven's, under {@code make train}) to the run's;
 *   <li>{@code data_and_model}: reading and verifying the data, building or restoring the model;
 *   <li>{@code training_steps}: the optimiser steps, batches included, frames excluded;
 *   <li>{@code frames}: the latent frames (encoding, kNN, their files);
 *   <li>{@code validation}: the validation pass after each epoch;
 *   <li>{@code final_metrics_and_saves}: the rest of the fit, mainly the final kNN over every
 *       latent, the figures' data, and writing models, checkpoints and metrics;
 *   <li>{@code figures}, {@code export}, {@code report}: drawing, the ONNX export with its checks,
 *       the HTML page (which cannot show its own time: it is added to the file afterwards).
 * </ul>
 */
public final class RunPhases {
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private long mark = System.nanoTime();

    /** Starts the clock at the run's start; the start-up phase is the JVM's time before it. */
    public RunPhases() {
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        seconds.put("startup", Math.max(0, (System.currentTimeMillis() - jvmStartMillis) / 1000.0));
    }

    /** Ends the phase {@code name} now; it lasted since the previous one ended. */
    public void end(String name) {
        long now = System.nanoTime();
        seconds.merge(name, (now - mark) / 1e9, Double::sum);
        mark = now;
    }

    /**
     * Ends the fit, splitting its time with the figures {@code metrics} recorded: steps, frames
     * and validation; what remains of the fit is the final metrics and the saves.
     */
    public void endFit(RunMetrics metrics) {
        long now = System.nanoTime();
        double fit = (now - mark) / 1e9;
        mark = now;
        double steps = 0;
        double validation = 0;
        for (EpochMetrics e : metrics.epochs()) {
            steps += e.seconds();
            validation += e.validationSeconds();
        }
        seconds.put("training_steps", steps);
        seconds.put("frames", metrics.listenerSeconds());
        seconds.put("validation", validation);
        seconds.put("final_metrics_and_saves", Math.max(0, fit - steps - metrics.listenerSeconds() - validation));
    }

    /** The phases so far, with their total. */
    public Map<String, Double> asMap() {
        Map<String, Double> all = new LinkedHashMap<>(seconds);
        all.put(
                "total",
                seconds.values().stream().mapToDouble(Double::doubleValue).sum());
        return all;
    }

    /** Writes the phases so far into {@code metricsFile} (atomically), beside what the trainer wrote. */
    public void writeInto(Path metricsFile) throws IOException {
        JsonNode metrics = Json.readTree(metricsFile);
        if (metrics instanceof ObjectNode object) {
            object.putPOJO("phases", asMap());
            Json.writeFile(metricsFile, object);
        }
    }
}
