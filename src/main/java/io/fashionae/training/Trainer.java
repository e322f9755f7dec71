package io.fashionae.training;

import io.fashionae.common.Json;
import io.fashionae.config.OutputConfig;
import io.fashionae.config.TrainingConfig;
import io.fashionae.data.BatchIterator;
import io.fashionae.data.FashionMnistClasses;
import io.fashionae.data.FashionMnistDataModule;
import io.fashionae.data.LabeledImages;
import io.fashionae.latent.Knn;
import io.fashionae.latent.LatentPoints;
import io.fashionae.training.listener.FrameStats;
import io.fashionae.training.listener.LatentFrameListener;
import java.util.LinkedHashMap;
import java.util.Map;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.ModelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fit loop: epochs of shuffled training batches, a validation pass in inference mode after
 * each, the model and {@code metrics.json} written (atomically) after each epoch.
 *
 * <p>DL4J listeners passed in are attached to the graph and see every step; they observe only.
 * The loop reports to a {@link TrainingProgress} and never prints.
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    /** Inference batch for validation: large enough to keep the cores busy, small enough for any laptop. */
    private static final int VALIDATION_BATCH = 500;
    private static final int KNN_K = 5;

    private final TrainingConfig config;
    private final OutputConfig output;
    private final TrainingProgress progress;
    private final List<TrainingListener> listeners;
    /** Every step's loss, for the report's curve: float is plenty and keeps metrics.json small. */
    private final List<Float> stepLosses = new ArrayList<>();

    /**
     * @param config    epochs, batch size, seed, limits
     * @param output    where the model and metrics go
     * @param progress  told about every batch and epoch
     * @param listeners DL4J listeners to attach (latent plots, timings); may be empty
     */
    public Trainer(TrainingConfig config, OutputConfig output, TrainingProgress progress, List<TrainingListener> listeners) {
        this.config = config;
        this.output = output;
        this.progress = progress;
        this.listeners = List.copyOf(listeners);
    }

    /** Trains {@code model} on {@code data} and writes the model and metrics; returns the figures. */
    public TrainingResult fit(Autoencoder model, FashionMnistDataModule data) {
        ComputationGraph graph = model.graph();
        graph.setListeners(listeners);
        stepLosses.clear();
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        BackendInfo backend = BackendInfo.current();
        List<EpochMetrics> epochs = new ArrayList<>();
        int pad = (model.config().imageSize() - FashionMnistClasses.IMAGE_SIDE) / 2;
        ReconstructionError last = null;
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long trainStart = System.nanoTime();
            BatchIterator batches = data.trainBatches(config.batchSize(), config.seed(), epoch);
            double trainLoss = trainOneEpoch(model, batches, epoch);
            double trainSeconds = seconds(trainStart);

            long valStart = System.nanoTime();
            last = validate(model, data, epoch, pad);
            double valSeconds = seconds(valStart);

            EpochMetrics m = new EpochMetrics(epoch, trainLoss, last.mse(), trainSeconds,
                    batches.exampleCount() / trainSeconds, valSeconds, config.learningRate());
            epochs.add(m);
            graph.incrementEpochCount();
            progress.epochEnded(m, config.epochs());
            save(model);
            writeMetrics(new RunMetrics(model.config(), config, data.summary(), backend,
                    model.trainableParameterCount(), started.toString(), null, seconds(t0), listenerSeconds(),
                    epochs, frameStats(), stepLosses, null));
        }
        RunMetrics done = new RunMetrics(model.config(), config, data.summary(), backend,
                model.trainableParameterCount(), started.toString(), Instant.now().toString(), seconds(t0),
                listenerSeconds(), epochs, frameStats(), stepLosses, finalMetrics(model, data, last));
        writeMetrics(done);
        return new TrainingResult(model, done, output.modelFile(), output.metricsFile());
    }

    private double trainOneEpoch(Autoencoder model, BatchIterator batches, int epoch) {
        ComputationGraph graph = model.graph();
        progress.phaseStarted(Phase.TRAIN, epoch, config.epochs(), batches.batchCount(), batches.exampleCount());
        double lossSum = 0;
        long images = 0;
        int batch = 0;
        while (batches.hasNext()) {
            INDArray x = batches.next().getFeatures();
            model.fitBatch(x);
            double loss = model.lastStepLoss();
            if (!Double.isFinite(loss)) {
                throw new TrainingDivergedException(graph.getIterationCount(), loss);
            }
            batch++;
            images += x.size(0);
            lossSum += loss;
            stepLosses.add((float) loss);
            progress.batchDone(Phase.TRAIN, batch, images, lossSum / batch, config.learningRate());
        }
        progress.phaseEnded(Phase.TRAIN);
        return lossSum / batch;
    }

    private ReconstructionError validate(Autoencoder model, FashionMnistDataModule data, int epoch, int pad) {
        BatchIterator batches = data.validationBatches(VALIDATION_BATCH);
        progress.phaseStarted(Phase.VALIDATE, epoch, config.epochs(), batches.batchCount(), batches.exampleCount());
        ReconstructionError error = ReconstructionError.evaluate(model, batches, pad,
                (b, done, mse) -> progress.batchDone(Phase.VALIDATE, b, done, mse, 0));
        progress.phaseEnded(Phase.VALIDATE);
        return error;
    }

    private RunMetrics.FinalMetrics finalMetrics(Autoencoder model, FashionMnistDataModule data, ReconstructionError error) {
        long t0 = System.nanoTime();
        LatentPoints train = latents(model, data.train());
        LatentPoints val = latents(model, data.validation());
        double knn = Knn.accuracy(train, val, KNN_K);
        LOG.info("Latent {}-NN accuracy {} ({} s)", KNN_K, knn, String.format("%.1f", seconds(t0)));
        Map<String, Double> perClass = new LinkedHashMap<>();
        for (int c = 0; c < FashionMnistClasses.COUNT; c++) {
            perClass.put(FashionMnistClasses.name(c), error.perClassMse()[c]);
        }
        return new RunMetrics.FinalMetrics(error.mse(), error.mse28(), knn, perClass);
    }

    private static LatentPoints latents(Autoencoder model, LabeledImages split) {
        return new LatentPoints(model.encodeToArray(split.images()), model.config().latentDim(), split.labels());
    }

    private double listenerSeconds() {
        return frameListeners().mapToDouble(LatentFrameListener::secondsSpent).sum();
    }

    private List<FrameStats> frameStats() {
        return frameListeners().flatMap(l -> l.frameStats().stream()).toList();
    }

    private java.util.stream.Stream<LatentFrameListener> frameListeners() {
        return listeners.stream().filter(LatentFrameListener.class::isInstance).map(LatentFrameListener.class::cast);
    }

    private void save(Autoencoder model) {
        try {
            ModelStore.save(model, config, output.modelFile());
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
