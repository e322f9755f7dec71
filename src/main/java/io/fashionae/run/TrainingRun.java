package io.fashionae.run;

import io.fashionae.common.Json;
import io.fashionae.common.Sha256;
import io.fashionae.data.DataModule;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.Inference;
import io.fashionae.model.ModelSummary;
import io.fashionae.onnx.OnnxExport;
import io.fashionae.onnx.OnnxRuntimeInference;
import io.fashionae.report.ReportWriter;
import io.fashionae.training.RunPhases;
import io.fashionae.training.StopSignal;
import io.fashionae.training.TrainingJob;
import io.fashionae.training.TrainingResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole training run, the one thing {@code fashionae train} calls: the data read and verified
 * and the model built (or restored from a checkpoint) before anything on disk is touched; the
 * model table; the fit with its latent frames, each stored and drawn as it comes; the final
 * figures; the ONNX export of the trained model still in memory, checked on real validation
 * images; and the HTML report. {@code metrics.json} gets the run's phases.
 */
public final class TrainingRun {
    private TrainingRun() {}

    /**
     * What the run produced.
     *
     * @param training the model, metrics and their files
     * @param figures  the figure files
     * @param export   the ONNX files and their parity figures
     * @param report   the HTML report
     * @param phases   where the wall time went, in seconds, by phase
     */
    public record Result(
            TrainingResult training,
            List<Path> figures,
            OnnxExport.Report export,
            Path report,
            Map<String, Double> phases) {
        /** Copies the collections. */
        public Result {
            figures = List.copyOf(figures);
            // In the order the phases ran.
            phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases));
        }
    }

    /**
     * Runs {@code job} on {@code data}, reporting to {@code events}.
     *
     * @param stop polled between steps; when raised, the run checkpoints and stops
     * @throws io.fashionae.common.UserException             for bad data or an impossible resume (nothing written)
     * @throws io.fashionae.training.TrainingInterruptedException when {@code stop} was raised
     * @throws io.fashionae.training.TrainingDivergedException    when a loss was not finite
     */
    public static Result execute(TrainingJob job, DataModule data, RunEvents events, StopSignal stop)
            throws IOException {
        RunPhases phases = new RunPhases();
        // Data and checkpoint first: if either is bad, nothing on disk has been touched yet.
        TrainingJob.Start start = job.start(data, events);
        ModelSummary summary = ModelSummary.of(start.model());
        events.modelReady(summary);
        Path reports = job.output().reportsDir();
        Json.writeFile(reports.resolve(ReportWriter.MODEL_SUMMARY), summary);
        RunArtifacts artifacts = new RunArtifacts(reports, job.checkpoints().resume(), data.legendNames());
        phases.end("data_and_model");

        TrainingJob.Outcome outcome;
        try (Inference inference = inferenceFor(start.model())) {
            outcome = job.run(start, inference, events, artifacts.frameSink(), stop);
        }
        TrainingResult trained = outcome.training();
        phases.endFit(trained.metrics());
        events.trained(trained);

        List<Path> figures = artifacts.writeFigures(outcome.figures());
        figures.forEach(events::figureWritten);
        phases.end("figures");

        OnnxExport.Report export = OnnxExport.exportAll(
                trained.model(),
                job.output().modelsDir(),
                start.data().validation().first(OnnxExport.CHECK_IMAGES).images(),
                Json.write(job.training()),
                Sha256.of(trained.modelFile()));
        events.exported(export);
        // The last encoding was the export's check: oneDNN's primitives (and their buffers) go now,
        // not when the process ends. The model itself stays usable (it encodes through DL4J's graph).
        trained.model().close();
        phases.end("export");

        // The trainer wrote metrics.json when training ended; the phases join it once, after the report
        // (which does not show them) has taken its own.
        Path report = ReportWriter.write(reports, job.output().modelsDir(), events::warning);
        phases.end("report");
        phases.writeInto(job.output().metricsFile());
        events.finished(report, phases.asMap());
        return new Result(trained, figures, export, report, phases.asMap());
    }

    /**
     * The frames, validation passes and final figures run in ONNX Runtime on snapshots of the
     * current weights, or in DL4J for a 16-bit model; their encoding runs in oneDNN's direct
     * encoder where the model has one (faster than ONNX Runtime's, docs/performance.md).
     */
    private static Inference inferenceFor(Autoencoder model) {
        Inference engine = OnnxRuntimeInference.supports(model)
                ? new OnnxRuntimeInference(model, Runtime.getRuntime().availableProcessors())
                : Inference.dl4j(model);
        return Inference.encodingThroughModel(model, engine);
    }
}
