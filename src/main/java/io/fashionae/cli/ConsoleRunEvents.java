package io.fashionae.cli;

import io.fashionae.model.ModelSummary;
import io.fashionae.onnx.OnnxExport;
import io.fashionae.run.RunEvents;
import io.fashionae.training.EpochMetrics;
import io.fashionae.training.Phase;
import io.fashionae.training.RunMetrics;
import io.fashionae.training.TrainingResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code train} prints as the run goes: the model table, the progress, the final figures and each
 * file written.
 */
final class ConsoleRunEvents implements RunEvents {
    private final PrintWriter out;
    private final ConsoleProgress progress;

    /**
     * @param out      where lines go
     * @param progress draws the training and validation progress
     */
    ConsoleRunEvents(PrintWriter out, ConsoleProgress progress) {
        this.out = out;
        this.progress = progress;
    }

    @Override
    public void resumed(Path checkpoint, long step, List<String> skipped) {
        progress.resumed(checkpoint, step, skipped);
    }

    @Override
    public void phaseStarted(Phase phase, int epoch, int epochs, int batches, long images) {
        progress.phaseStarted(phase, epoch, epochs, batches, images);
    }

    @Override
    public void batchDone(Phase phase, int batch, long imagesDone, double runningLoss, double learningRate) {
        progress.batchDone(phase, batch, imagesDone, runningLoss, learningRate);
    }

    @Override
    public void phaseEnded(Phase phase) {
        progress.phaseEnded(phase);
    }

    @Override
    public void epochEnded(EpochMetrics metrics, int epochs) {
        progress.epochEnded(metrics, epochs);
    }

    @Override
    public void modelReady(ModelSummary summary) {
        out.print(summary.format());
        out.flush();
    }

    /** The run's final figures and where the model and metrics went. */
    @Override
    public void trained(TrainingResult result) {
        RunMetrics m = result.metrics();
        int side = m.model().imageSize();
        String knn = m.finalMetrics().knn5Accuracy() == null
                ? "no 5-NN accuracy (unlabelled images)"
                : String.format(
                        Locale.ROOT,
                        "latent 5-NN accuracy %.3f",
                        m.finalMetrics().knn5Accuracy());
        String crop = m.training().images() == null
                ? String.format(
                        Locale.ROOT, ", %.5f (central 28x28)", m.finalMetrics().valMse28())
                : "";
        out.printf(
                Locale.ROOT,
                "Validation MSE %.5f (%dx%d)%s, %s, after %d epochs in %.0f s (latent frames: %d, %.1f s)%n",
                m.finalMetrics().valMse(),
                side,
                side,
                crop,
                knn,
                m.epochs().size(),
                m.wallSeconds(),
                m.steps().size(),
                m.listenerSeconds());
        out.println("Model:   " + result.modelFile());
        out.println("Metrics: " + result.metricsFile());
    }

    @Override
    public void figureWritten(Path file) {
        out.println("Figure:  " + file);
    }

    @Override
    public void exported(OnnxExport.Report report) {
        ExportPrinter.print(out, report);
    }

    @Override
    public void warning(String message) {
        out.println("warning: " + message);
    }

    /** The report, and one line that says where the wall time went. */
    @Override
    public void finished(Path report, Map<String, Double> phases) {
        out.println("Report:  " + report);
        StringBuilder line = new StringBuilder("Time:   ");
        phases.forEach((name, s) -> line.append(String.format(Locale.ROOT, " %s %.1f s,", name, s)));
        line.setLength(line.length() - 1);
        out.println(line);
        out.flush();
    }
}
