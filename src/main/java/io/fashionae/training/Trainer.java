package io.fashionae.training;

import io.fashionae.common.Json;
import io.fashionae.common.ProcessMemory;
import io.fashionae.config.OutputConfig;
import io.fashionae.config.TrainingConfig;
import io.fashionae.data.BatchIterator;
import io.fashionae.data.DataModule;
import io.fashionae.data.LabeledImages;
import io.fashionae.latent.Knn;
import io.fashionae.latent.LatentPoints;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.Inference;
import io.fashionae.model.ModelStore;
import io.fashionae.training.listener.FrameStats;
import io.fashionae.training.listener.ListenerState;
import io.fashionae.training.listener.StatefulListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fit loop: epochs of shuffled training batches, a validation pass in inference mode after
 * each, the model written (atomically) after each epoch, checkpoints every {@code --checkpoint-every}
 * steps and at each epoch's end, and {@code metrics.json} once, when training ends (a resume needs
 * only the checkpoint, whose state holds the finished epochs' figures).
 *
 * <p>A run can start from a {@link TrainingState} restored from a checkpoint; it then goes on as
 * the uninterrupted run would have: the epoch's shuffle is recomputed from (seed, epoch) and the
 * batches already trained are skipped, and ND4J's generator (dropout) is reseeded from (seed,
 * step) before every step, so no random state lives only in memory.
 *
 * <p>DL4J listeners passed in are attached to the graph and see every step; they observe only.
 * The loop reports to a {@link TrainingProgress}, polls a {@link StopSignal} between steps, and
 * never prints.
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    /** Inference batch for validation: large enough to keep the cores busy, small enough for any laptop. */
    private static final int VALIDATION_BATCH = 500;

    private static final int KNN_K = 5;
    private static final int ENCODE_CHUNK = 10_000;
    private static final double MIB = 1024.0 * 1024.0;

    private final TrainingConfig config;
    private final OutputConfig output;
    private final TrainingProgress progress;
    private final List<TrainingListener> listeners;
    /** The one listener whose state a checkpoint keeps, or null. */
    private final StatefulListener stateful;

    private final Checkpointer checkpointer;
    private final StopSignal stop;
    private final MemoryGuard memory = new MemoryGuard();

    /** Where the run stands; replaced after every step (its step losses are kept apart, below). */
    private TrainingState state;
    /** Every step's loss, for the report's curve: float is plenty and keeps metrics.json small. */
    private final List<Float> stepLosses = new ArrayList<>();

    private long sessionStartNanos;

    /**
     * @param config       epochs, batch size, seed, limits
     * @param output       where the model and metrics go
     * @param progress     told about every batch and epoch
     * @param listeners    DL4J listeners to attach (latent frames, timings); may be empty; at most
     *                     one of them a {@link StatefulListener}, whose state the checkpoints keep
     * @param checkpointer writes the checkpoints, when due and at each epoch's end
     * @param stop         polled between steps; when raised, the trainer checkpoints and stops
     */
    public Trainer(
            TrainingConfig config,
            OutputConfig output,
            TrainingProgress progress,
            List<TrainingListener> listeners,
            Checkpointer checkpointer,
            StopSignal stop) {
        this.config = config;
        this.output = output;
        this.progress = progress;
        this.listeners = List.copyOf(listeners);
        List<StatefulListener> withState = this.listeners.stream()
                .filter(StatefulListener.class::isInstance)
                .map(StatefulListener.class::cast)
                .toList();
        if (withState.size() > 1) {
            throw new IllegalArgumentException(
                    "a checkpoint keeps one listener's state; got " + withState.size() + " stateful listeners");
        }
        this.stateful = withState.isEmpty() ? null : withState.get(0);
        this.checkpointer = checkpointer;
        this.stop = stop;
    }

    /**
     * Continues training {@code model} from {@code start} (a fresh state or one from a
     * checkpoint), its validation passes and final figures running through {@code inference}
     * (which must follow the model's current weights).
     *
     * @throws TrainingDivergedException    when a loss is not finite (nothing is written)
     * @throws TrainingInterruptedException when the stop signal was raised (after a checkpoint)
     */
    public TrainingResult fit(Autoencoder model, Inference inference, DataModule data, TrainingState start) {
        ComputationGraph graph = model.graph();
        checkpointer.begin(start.runId());
        if (stateful != null) {
            stateful.restore(start.step(), new ListenerState(start.listenerSeconds(), start.frames()));
        }
        graph.setListeners(listeners);
        state = start;
        stepLosses.clear();
        stepLosses.addAll(start.stepLosses());
        sessionStartNanos = System.nanoTime();
        BackendInfo backend = BackendInfo.current(model.engine());
        // The error is also reported on the central pixels: the original images, without the padding.
        int pad = data.input().pad();
        ReconstructionError last = null;
        for (int epoch = start.epoch(); epoch <= config.epochs(); epoch++) {
            BatchIterator batches = data.trainBatches(config.batchSize(), config.seed(), epoch);
            batches.skip(state.batchesDone());
            trainOneEpoch(model, batches, epoch);

            long valStart = System.nanoTime();
            last = validate(inference, data, epoch, pad);
            EpochMetrics m = new EpochMetrics(
                    epoch,
                    state.epochLossSum() / state.batchesDone(),
                    last.mse(),
                    state.epochTrainSeconds(),
                    state.epochImages() / state.epochTrainSeconds(),
                    seconds(valStart),
                    config.learningRate(),
                    ProcessMemory.rssBytes() / MIB,
                    ProcessMemory.peakRssBytes() / MIB,
                    ProcessMemory.heapUsedBytes() / MIB);
            graph.incrementEpochCount();
            progress.epochEnded(m, config.epochs());
            state = nextEpoch(m);
            // Serialised once: the model file and the epoch's checkpoint hold the same bytes of DL4J's.
            ModelStore.Snapshot snapshot = snapshot(model);
            save(snapshot);
            // metrics.json waits for the end: a resume needs only the checkpoint, which holds the epochs so far.
            Path checkpoint = checkpointer.save(snapshot, current());
            if (stop.requested() && epoch < config.epochs()) {
                throw new TrainingInterruptedException(state.step(), checkpoint);
            }
        }
        if (last == null) {
            // Resumed from the checkpoint of the last epoch: only the final figures were missing.
            last = validate(inference, data, config.epochs(), pad);
        }
        RunMetrics done = metrics(
                model, data, backend, finalMetrics(inference, model.config().latentDim(), data, last));
        writeMetrics(done);
        checkpointer.finish();
        return new TrainingResult(model, done, output.modelFile(), output.metricsFile());
    }

    private void trainOneEpoch(Autoencoder model, BatchIterator batches, int epoch) {
        progress.phaseStarted(Phase.TRAIN, epoch, config.epochs(), batches.batchCount(), batches.exampleCount());
        while (batches.hasNext()) {
            long t0 = System.nanoTime();
            double framesBefore = listenerSeconds();
            DataSet batch = batches.next();
            INDArray x = batch.getFeatures();
            // Dropout draws from ND4J's generator: seeding it per step makes a resumed run draw the same masks.
            Nd4j.getRandom().setSeed(config.seed() * 1_000_003L + state.step());
            long images = x.size(0);
            model.fitBatch(x);
            // The batch was made for this step (a gather from the split): released now, not when
            // the GC gets to its Java object.
            x.close();
            batch.getLabels().close();
            memory.afterStep();
            double loss = model.lastStepLoss();
            if (!Double.isFinite(loss)) {
                throw new TrainingDivergedException(state.step() + 1, loss, checkpointer.newest());
            }
            // The step's own time: a latent frame drawn inside it is timed apart (listener_seconds).
            state = afterStep(loss, images, seconds(t0) - (listenerSeconds() - framesBefore));
            progress.batchDone(
                    Phase.TRAIN,
                    state.batchesDone(),
                    state.epochImages(),
                    state.epochLossSum() / state.batchesDone(),
                    config.learningRate());
            boolean epochEnds = !batches.hasNext();
            if (stop.requested() && !epochEnds) {
                throw new TrainingInterruptedException(state.step(), checkpointer.save(model, current()));
            }
            if (checkpointer.due(state.step()) && !epochEnds) {
                checkpointer.save(model, current());
            }
        }
        progress.phaseEnded(Phase.TRAIN);
    }

    private TrainingState afterStep(double loss, long images, double stepSeconds) {
        stepLosses.add((float) loss);
        return new TrainingState(
                state.epoch(),
                state.batchesDone() + 1,
                state.step() + 1,
                state.epochLossSum() + loss,
                state.epochImages() + images,
                state.epochTrainSeconds() + stepSeconds,
                state.wallSeconds(),
                state.listenerSeconds(),
                state.startedAt(),
                state.plots(),
                state.epochs(),
                state.frames(),
                state.stepLosses(),
                state.runId());
    }

    private TrainingState nextEpoch(EpochMetrics finished) {
        List<EpochMetrics> epochs = new ArrayList<>(state.epochs());
        epochs.add(finished);
        return new TrainingState(
                state.epoch() + 1,
                0,
                state.step(),
                0,
                0,
                0,
                state.wallSeconds(),
                state.listenerSeconds(),
                state.startedAt(),
                state.plots(),
                epochs,
                state.frames(),
                state.stepLosses(),
                state.runId());
    }

    /** The state with the wall time and listener figures of this session folded in. */
    private TrainingState current() {
        double wall = state.wallSeconds() + seconds(sessionStartNanos);
        return new TrainingState(
                state.epoch(),
                state.batchesDone(),
                state.step(),
                state.epochLossSum(),
                state.epochImages(),
                state.epochTrainSeconds(),
                wall,
                listenerSeconds(),
                state.startedAt(),
                state.plots(),
                state.epochs(),
                frameStats(),
                stepLosses,
                state.runId());
    }

    private ReconstructionError validate(Inference model, DataModule data, int epoch, int pad) {
        BatchIterator batches = data.validationBatches(VALIDATION_BATCH);
        progress.phaseStarted(Phase.VALIDATE, epoch, config.epochs(), batches.batchCount(), batches.exampleCount());
        ReconstructionError error = ReconstructionError.evaluate(
                model, batches, pad, (b, done, mse) -> progress.batchDone(Phase.VALIDATE, b, done, mse, 0));
        progress.phaseEnded(Phase.VALIDATE);
        return error;
    }

    private RunMetrics metrics(
            Autoencoder model, DataModule data, BackendInfo backend, RunMetrics.FinalMetrics finalMetrics) {
        TrainingState now = current();
        return new RunMetrics(
                model.config(),
                config,
                data.summary(),
                backend,
                model.trainableParameterCount(),
                now.startedAt(),
                finalMetrics == null ? null : Instant.now().toString(),
                now.wallSeconds(),
                now.listenerSeconds(),
                now.epochs(),
                now.frames(),
                now.stepLosses(),
                finalMetrics);
    }

    private RunMetrics.FinalMetrics finalMetrics(
            Inference model, int latentDim, DataModule data, ReconstructionError error) {
        Double knn = null;
        if (data.labelled()) {
            long t0 = System.nanoTime();
            LatentPoints train = latents(model, latentDim, data.train());
            LatentPoints val = latents(model, latentDim, data.validation());
            knn = Knn.accuracy(train, val, KNN_K);
            LOG.info("Latent {}-NN accuracy {} ({} s)", KNN_K, knn, String.format("%.1f", seconds(t0)));
        }
        Map<String, Double> perClass = new LinkedHashMap<>();
        List<String> names = data.classNames();
        for (int c = 0; c < names.size(); c++) {
            perClass.put(names.get(c), error.perClassMse()[c]);
        }
        return new RunMetrics.FinalMetrics(error.mse(), error.mse28(), knn, perClass);
    }

    /**
     * The latents of a whole split, encoded {@value #ENCODE_CHUNK} images at a time: the training
     * split as one float array would be 245 MB, when a chunk is 41 MB.
     */
    private static LatentPoints latents(Inference model, int latentDim, LabeledImages split) {
        float[] all = new float[split.size() * latentDim];
        for (int from = 0; from < split.size(); from += ENCODE_CHUNK) {
            int to = Math.min(split.size(), from + ENCODE_CHUNK);
            float[] chunk;
            try (INDArray images = split.images(from, to)) {
                chunk = model.encode(images);
            }
            System.arraycopy(chunk, 0, all, from * latentDim, chunk.length);
        }
        return new LatentPoints(all, latentDim, split.labels());
    }

    /** Listener time of the whole run: the stateful listener was restored with what the state carried in. */
    private double listenerSeconds() {
        return stateful == null ? state.listenerSeconds() : stateful.state().secondsSpent();
    }

    private List<FrameStats> frameStats() {
        return stateful == null ? state.frames() : stateful.state().frames();
    }

    private ModelStore.Snapshot snapshot(Autoencoder model) {
        try {
            return ModelStore.snapshot(model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the model", e);
        }
    }

    private void save(ModelStore.Snapshot model) {
        try {
            ModelStore.write(model, config, null, output.modelFile());
            LOG.debug("Saved {}", output.modelFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output.modelFile(), e);
        }
    }

    private void writeMetrics(RunMetrics metrics) {
        try {
            Json.writeFile(output.metricsFile(), metrics);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output.metricsFile(), e);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
