package io.fashionae.run;

import io.fashionae.model.ModelSummary;
import io.fashionae.onnx.OnnxExport;
import io.fashionae.training.TrainingProgress;
import io.fashionae.training.TrainingResult;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a {@link TrainingRun} tells its user interface as it goes, besides the training progress:
 * the model table before the first step, the final figures, each file written, the export's
 * parity figures and where the time went. The run never prints; the CLI implements this. Every
 * method has an empty default.
 */
public interface RunEvents extends TrainingProgress {

    /** Nothing reported at all (tests, embedding). */
    RunEvents NONE = new RunEvents() {};

    /** The model is built or restored and about to train. */
    default void modelReady(ModelSummary summary) {}

    /** Training is over: the final metrics, the model and metrics files. */
    default void trained(TrainingResult result) {}

    /** A figure (PNG or GIF) was written. */
    default void figureWritten(Path file) {}

    /** The ONNX files were written and checked. */
    default void exported(OnnxExport.Report report) {}

    /** Something went wrong that does not stop the run. */
    default void warning(String message) {}

    /** The report was written: the run is done; {@code phases} says where its wall time went, in seconds. */
    default void finished(Path report, Map<String, Double> phases) {}
}
