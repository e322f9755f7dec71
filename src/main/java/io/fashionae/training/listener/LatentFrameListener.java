package io.fashionae.training.listener;

import io.fashionae.latent.FrameSink;
import io.fashionae.latent.Knn;
import io.fashionae.latent.LatentFrame;
import io.fashionae.latent.LatentPoints;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.Inference;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J listener that, every {@code every} steps up to step {@code until} (the seed: 10 and 400,
 * 41 frames), encodes a fixed validation sample in inference mode and emits a {@link LatentFrame}.
 *
 * <p>It only observes: it encodes through the encoder graph, which shares the training graph's
 * parameters but has its own activations and workspaces, and inference leaves batch norm's
 * running statistics alone, so a run with the listener ends with the same parameters as one
 * without. It keeps the time it spent, to be reported beside the training time.
 *
 * <p>Steps use the seed's numbering: step 0 is the state after the first optimiser step.
 */
public final class LatentFrameListener extends BaseTrainingListener implements StatefulListener {
    private static final int KNN_K = 5;

    private final Autoencoder model;
    private final Inference inference;
    private final INDArray sample;
    private final int[] labels;
    private final boolean singleClass;
    private final int every;
    private final int until;
    private final FrameSink sink;
    private long completedSteps;
    private long nanosSpent;
    private final List<FrameStats> stats = new ArrayList<>();

    /**
     * @param model  the autoencoder being trained
     * @param inference how its current weights encode (DL4J's graphs or a faster engine)
     * @param sample validation images {@code [N, 1, 32, 32]} to encode at each frame
     * @param labels their classes
     * @param every  steps between frames (must be positive)
     * @param until  last step that gets a frame
     * @param sink   receives each frame
     */
    public LatentFrameListener(
            Autoencoder model,
            Inference inference,
            INDArray sample,
            int[] labels,
            int every,
            int until,
            FrameSink sink) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be positive");
        }
        this.model = model;
        this.inference = inference;
        this.sample = sample;
        this.labels = labels.clone();
        this.singleClass = java.util.Arrays.stream(labels).distinct().count() < 2;
        this.every = every;
        this.until = until;
        this.sink = sink;
    }

    @Override
    public void iterationDone(Model m, int iteration, int epoch) {
        long step = completedSteps++;
        if (step > until || step % every != 0) {
            return;
        }
        long t0 = System.nanoTime();
        LatentPoints points =
                new LatentPoints(inference.encode(sample), model.config().latentDim(), labels);
        double loss = model.lastStepLoss();
        // With a single class (unlabelled images) every neighbour agrees: no accuracy to report.
        double knn = singleClass ? Double.NaN : Knn.leaveOneOutAccuracy(points, KNN_K);
        sink.accept(new LatentFrame((int) step, epoch + 1, loss, knn, points));
        stats.add(new FrameStats((int) step, epoch + 1, loss, knn));
        nanosSpent += System.nanoTime() - t0;
    }

    /**
     * Continues a run restored from a checkpoint: the step counter, the frames already emitted and
     * the time already spent, so that the resumed run emits exactly the frames still missing.
     */
    @Override
    public void restore(long stepsDone, ListenerState state) {
        completedSteps = stepsDone;
        stats.clear();
        stats.addAll(state.frames());
        nanosSpent = Math.round(state.secondsSpent() * 1e9);
    }

    /** The time spent inside the listener (encoding, kNN, the sink) and the figures of every frame so far. */
    @Override
    public ListenerState state() {
        return new ListenerState(nanosSpent / 1e9, stats);
    }
}
