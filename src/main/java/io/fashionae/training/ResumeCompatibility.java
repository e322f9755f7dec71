package io.fashionae.training;

import io.fashionae.common.UserException;
import io.fashionae.config.ImageSource;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.PlotConfig;
import io.fashionae.config.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides whether a checkpoint can continue under the settings of the command that resumes it.
 * Everything that shapes the parameters or the data order must match; only {@code --epochs} may
 * grow, to train a finished run further.
 */
public final class ResumeCompatibility {
    private ResumeCompatibility() {}

    /**
     * @throws UserException naming every setting that differs, with the checkpoint's value and the new one
     */
    public static void check(
            CheckpointStore.Restored restored, ModelConfig model, TrainingConfig training, PlotConfig plots) {
        List<String> differences = differences(
                restored.model().config(), restored.training(), restored.state().plots(), model, training, plots);
        if (restored.state().epoch() > training.epochs() + 1
                || (restored.state().epoch() == training.epochs() + 1
                        && restored.state().batchesDone() > 0)) {
            differences.add("epochs (checkpoint is in epoch " + restored.state().epoch() + ", now --epochs "
                    + training.epochs() + ")");
        }
        if (!differences.isEmpty()) {
            throw new UserException(
                    "cannot resume from " + restored.file().getFileName() + ": " + String.join(", ", differences)
                            + " differ",
                    "rerun with the interrupted run's options, or train without --resume");
        }
    }

    static List<String> differences(
            ModelConfig oldModel,
            TrainingConfig oldTraining,
            PlotConfig oldPlots,
            ModelConfig model,
            TrainingConfig training,
            PlotConfig plots) {
        List<String> d = new ArrayList<>();
        compare(d, "--layers", oldModel.layers(), model.layers());
        compare(d, "--kernels", oldModel.kernels(), model.kernels());
        compare(d, "--channels", oldModel.channels(), model.channels());
        compare(d, "--strides", oldModel.strides(), model.strides());
        compare(d, "--latent-dim", oldModel.latentDim(), model.latentDim());
        compare(d, "--batch-norm", oldModel.batchNorm(), model.batchNorm());
        compare(d, "--dropout", oldModel.dropout(), model.dropout());
        compare(d, "--dropout-rate", oldModel.dropoutRate(), model.dropoutRate());
        compare(d, "--gelu", oldModel.gelu(), model.gelu());
        compare(d, "--padding", oldModel.padding(), model.padding());
        compare(d, "image size", oldModel.imageSize(), model.imageSize());
        compare(d, "--loss", oldModel.objective().loss(), model.objective().loss());
        compare(
                d,
                "--variational",
                oldModel.objective().variational(),
                model.objective().variational());
        compare(d, "--beta", oldModel.objective().beta(), model.objective().beta());
        compare(d, "--batch-size", oldTraining.batchSize(), training.batchSize());
        compare(d, "--lr", oldTraining.learningRate(), training.learningRate());
        compare(d, "--weight-decay", oldTraining.weightDecay(), training.weightDecay());
        compare(d, "--seed", oldTraining.seed(), training.seed());
        compare(d, "--train-limit", oldTraining.trainLimit(), training.trainLimit());
        compare(d, "--val-limit", oldTraining.valLimit(), training.valLimit());
        compare(d, "--precision", oldTraining.precision(), training.precision());
        compare(d, "--dataset", oldTraining.dataset(), training.dataset());
        compareImages(d, oldTraining.images(), training.images());
        compare(d, "image channels (--color)", oldModel.imageChannels(), model.imageChannels());
        compare(d, "--plot-every", oldPlots.every(), plots.every());
        compare(d, "--plot-until", oldPlots.until(), plots.until());
        compare(d, "--plot-samples", oldPlots.samples(), plots.samples());
        return d;
    }

    /** The folder, its split and its contents: a changed listing would silently change both splits. */
    private static void compareImages(List<String> d, ImageSource checkpoint, ImageSource now) {
        if (checkpoint == null || now == null) {
            compare(d, "--images", checkpoint == null ? null : checkpoint.dir(), now == null ? null : now.dir());
            return;
        }
        compare(
                d,
                "--images",
                checkpoint.dir().toAbsolutePath().normalize(),
                now.dir().toAbsolutePath().normalize());
        compare(d, "--val-fraction", checkpoint.valFraction(), now.valFraction());
        compare(d, "--skip-bad-images", checkpoint.skipBadImages(), now.skipBadImages());
        if (!checkpoint.fingerprint().equals(now.fingerprint())) {
            d.add("the contents of " + now.dir() + " (images added, removed or modified since the checkpoint:"
                    + " listing " + shortHash(checkpoint.fingerprint()) + " then, " + shortHash(now.fingerprint())
                    + " now)");
        }
    }

    private static String shortHash(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    private static void compare(List<String> d, String name, Object checkpoint, Object now) {
        if (!Objects.equals(checkpoint, now)) {
            d.add(name + " (checkpoint " + checkpoint + ", now " + now + ")");
        }
    }
}
