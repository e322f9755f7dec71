package io.fashionae.cli;

import io.fashionae.common.Json;
import io.fashionae.data.FashionMnistDataModule;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.ModelSummary;
import io.fashionae.onnx.OnnxExport;
import io.fashionae.report.ReportWriter;
import io.fashionae.training.RunMetrics;
import io.fashionae.training.RunPhases;
import io.fashionae.training.TrainingResult;
import io.fashionae.training.TrainingJob;
import io.fashionae.training.StopSignal;
import io.fashionae.training.TrainingProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Everything {@code train} does around the fit: the model table, the latent frames and figures,
 * the ONNX export and the HTML report, printed as it goes. Separate from the command so tests can
 * run it on in-memory data.
 */
final class TrainingRun {
    private TrainingRun() {
    }

    /**
     * What the run wrote.
     *
     * @param outcome the training outcome
     * @param figures the figure files
     * @param report  the HTML report
     */
    record Result(TrainingJob.Outcome outcome, List<Path> figures, Path report) {
    }

    static Result run(TrainingJob job, FashionMnistDataModule data, TrainingProgress progress, PrintWriter out)
            throws IOException {
        return run(job, data, progress, out, StopSignal.NEVER);
    }

    static Result run(TrainingJob job, FashionMnistDataModule data, TrainingProgress progress, PrintWriter out,
                      StopSignal stop) throws IOException {
        RunPhases phases = new RunPhases();
        // Data and checkpoint first: if either is bad, nothing on disk has been touched yet.
        TrainingJob.Start start = job.start(data, progress);
        ModelSummary summary = ModelSummary.of(start.model());
        out.print(summary.format());
        out.flush();
        Json.writeFile(job.output().reportsDir().resolve(ReportWriter.MODEL_SUMMARY), summary);
        RunArtifacts artifacts = new RunArtifacts(job.output().reportsDir(), job.checkpoints().resume());
        phases.end("data_and_model");
        TrainingJob.Outcome outcome = job.run(start, progress, artifacts.frameSink(), stop);
        phases.endFit(outcome.training().metrics());
        printResult(out, outcome.training());
        List<Path> figures = artifacts.writeFigures(outcome.figures());
        for (Path figure : figures) {
            out.println("Figure:  " + figure);
        }
        phases.end("figures");
        ExportPrinter.print(out, OnnxExport.exportFile(job.output().modelFile(), job.output().modelsDir(),
                outcome.checkImages()));
        phases.end("export");
        Path metricsFile = job.output().metricsFile();
        phases.writeInto(metricsFile);
        Path report = ReportWriter.write(job.output().reportsDir(), job.output().modelsDir(),
                warning -> out.println("warning: " + warning));
        phases.end("report");
        phases.writeInto(metricsFile);
        out.println("Report:  " + report);
        out.println(formatPhases(phases));
        out.flush();
        return new Result(outcome, figures, report);
    }

    /** The run's final figures and where the model and metrics went. */
    private static void printResult(PrintWriter out, TrainingResult result) {
        RunMetrics m = result.metrics();
        out.printf(Locale.ROOT, "Validation MSE %.5f (32x32), %.5f (central 28x28), latent 5-NN accuracy %.3f, "
                        + "after %d epochs in %.0f s (latent frames: %d, %.1f s)%n",
                m.finalMetrics().valMse(), m.finalMetrics().valMse28(), m.finalMetrics().knn5Accuracy(),
                m.epochs().size(), m.wallSeconds(), m.steps().size(), m.listenerSeconds());
        out.println("Model:   " + result.modelFile());
        out.println("Metrics: " + result.metricsFile());
    }

    /** One line: where the wall time went, in seconds. */
    private static String formatPhases(RunPhases phases) {
        StringBuilder line = new StringBuilder("Time:   ");
        phases.asMap().forEach((name, s) -> line.append(String.format(java.util.Locale.ROOT, " %s %.1f s,", name, s)));
        line.setLength(line.length() - 1);
        return line.toString();
    }
}
