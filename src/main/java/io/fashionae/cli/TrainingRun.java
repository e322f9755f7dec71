package io.fashionae.cli;

import io.fashionae.common.Json;
import io.fashionae.data.FashionMnistDataModule;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.ModelSummary;
import io.fashionae.onnx.OnnxExport;
import io.fashionae.report.ReportWriter;
import io.fashionae.training.TrainingJob;
import io.fashionae.training.StopSignal;
import io.fashionae.training.TrainingProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

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
        // Data and checkpoint first: if either is bad, nothing on disk has been touched yet.
        TrainingJob.Start start = job.start(data, progress);
        ModelSummary summary = ModelSummary.of(start.model());
        out.print(summary.format());
        out.flush();
        Json.writeFile(job.output().reportsDir().resolve(ReportWriter.MODEL_SUMMARY), summary);
        RunArtifacts artifacts = new RunArtifacts(job.output().reportsDir(), job.checkpoints().resume());
        TrainingJob.Outcome outcome = job.run(start, progress, artifacts.frameSink(), stop);
        TrainCommand.printResult(out, outcome.training());
        List<Path> figures = artifacts.writeFigures(outcome.figures());
        for (Path figure : figures) {
            out.println("Figure:  " + figure);
        }
        ExportPrinter.print(out, OnnxExport.exportFile(job.output().modelFile(), job.output().modelsDir(),
                outcome.checkImages()));
        Path report = ReportWriter.write(job.output().reportsDir(), job.output().modelsDir(),
                warning -> out.println("warning: " + warning));
        out.println("Report:  " + report);
        out.flush();
        return new Result(outcome, figures, report);
    }
}
