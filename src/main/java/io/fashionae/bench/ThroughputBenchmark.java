package io.fashionae.bench;

import io.fashionae.common.ProcessMemory;
import io.fashionae.config.Engine;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.Precision;
import io.fashionae.data.BatchIterator;
import io.fashionae.data.LabeledImages;
import io.fashionae.inference.OnnxDecoder;
import io.fashionae.inference.OnnxEncoder;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.ModelWork;
import io.fashionae.model.OptimizerSettings;
import io.fashionae.onnx.ModelPart;
import io.fashionae.onnx.OnnxExporter;
import io.fashionae.training.BackendInfo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures training, encoding and decoding throughput of the autoencoder on real images, after
 * warm-up, as medians of repeated runs, and the share of the machine's own matrix-product peak
 * that training reaches. Timings belong here, never in unit tests.
 *
 * <p>A timed training repeat is the loop of a real epoch: shuffled batches from the same
 * {@link BatchIterator}, one {@link Autoencoder#fitBatch} each, so that its images/s is the
 * figure an epoch's {@code train_images_per_s} reports (frames and checkpoints aside, which
 * {@code metrics.json} times apart).
 */
public final class ThroughputBenchmark {
    /** Steps before timing: the first dozen run 10-15% slower (allocation, oneDNN primitive caches). */
    private static final int WARMUP_STEPS = 10;

    private static final int DECODE_BATCH = 1000;
    private static final int LARGE_BATCH = 256;
    private static final int SINGLE_POINT_CALLS = 200;
    private static final int GEMM_REPEATS = 3;
    private static final long SEED = 42;

    private final ModelConfig model;
    private final int batchSize;
    private final int steps;
    private final int repeats;
    private final Precision precision;
    private final Engine engine;

    /**
     * @param model     architecture to measure
     * @param batchSize training batch
     * @param steps     timed training steps per repeat
     * @param repeats   repeats (the median is reported)
     * @param precision the network's floating-point type
     * @param engine    the kit of layers measured (a concrete engine, not auto)
     */
    public ThroughputBenchmark(
            ModelConfig model, int batchSize, int steps, int repeats, Precision precision, Engine engine) {
        this.model = model;
        this.batchSize = batchSize;
        this.steps = steps;
        this.repeats = repeats;
        this.precision = precision;
        this.engine = engine;
    }

    /** Runs every measurement on {@code images} (training batches are its first images). */
    public BenchmarkResult run(LabeledImages images, String dataName) throws IOException {
        try (Autoencoder ae = Autoencoder.create(model, new OptimizerSettings(5e-4, 1e-5, 42, precision), engine)) {
            return measure(ae, images, dataName);
        }
    }

    private BenchmarkResult measure(Autoencoder ae, LabeledImages images, String dataName) throws IOException {
        List<Double> trainRuns = trainRuns(ae, images, batchSize, steps);
        // Batch 256 is a secondary figure: a quarter of the steps gives the same number of images.
        double train256 = median(trainRuns(ae, images, LARGE_BATCH, Math.max(1, steps / 4)));
        double trainImagesPerS = median(trainRuns);
        double flopsPerImage = ModelWork.of(model).trainingFlopsPerImage();
        double peak = GemmPeak.measure(GEMM_REPEATS);
        Efficiency efficiency = new Efficiency(
                flopsPerImage / 1e6,
                trainImagesPerS * flopsPerImage / 1e9,
                peak,
                trainImagesPerS * flopsPerImage / 1e9 / peak);
        INDArray sample = images.images(0, Math.min(images.size(), 10_000));
        double encode = median(repeat(() -> {
            long t0 = System.nanoTime();
            ae.encodeToArray(sample);
            return sample.size(0) / seconds(t0);
        }));
        INDArray z = Nd4j.rand(DataType.FLOAT, DECODE_BATCH, model.latentDim());
        double decode = median(repeat(() -> {
            long t0 = System.nanoTime();
            ae.decode(z);
            return DECODE_BATCH / seconds(t0);
        }));
        OnnxFigures onnx = onnxDecode(ae, z.data().asFloat());
        double encodeOnnx = onnxEncode(ae, sample);
        return new BenchmarkResult(
                batchSize,
                dataName,
                precision.name().toLowerCase(java.util.Locale.ROOT),
                trainImagesPerS,
                trainRuns,
                train256,
                encode,
                encodeOnnx,
                decode,
                onnx.imagesPerS(),
                onnx.singleMs(),
                peakHeap(),
                Pointer.totalBytes(),
                ProcessMemory.peakRssBytes(),
                BackendInfo.current(engine),
                efficiency,
                null);
    }

    /**
     * Warm-up steps, then {@code repeats} timed runs of {@code timedSteps} steps, each step as in
     * an epoch: the next shuffled batch (a new shuffle, seeded, whenever the images run out) and
     * one optimiser step.
     */
    private List<Double> trainRuns(Autoencoder ae, LabeledImages images, int batch, int timedSteps) {
        EpochBatches batches = new EpochBatches(images, batch);
        for (int i = 0; i < WARMUP_STEPS; i++) {
            ae.fitBatch(batches.next());
        }
        List<Double> runs = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < timedSteps; i++) {
                ae.fitBatch(batches.next());
            }
            runs.add((double) timedSteps * batch / seconds(t0));
        }
        return runs;
    }

    /** Full shuffled batches of {@code images}, epoch after epoch, as the trainer draws them. */
    private static final class EpochBatches {
        private final LabeledImages images;
        private final int batch;
        private int epoch;
        private BatchIterator current;

        EpochBatches(LabeledImages images, int batch) {
            this.images = images;
            this.batch = batch;
        }

        INDArray next() {
            if (current == null || !current.hasNext()) {
                current = BatchIterator.shuffled(images, batch, SEED, ++epoch);
            }
            INDArray x = current.next().getFeatures();
            // A short last batch would time fewer images than counted: start the next epoch instead.
            return x.size(0) == batch ? x : next();
        }
    }

    /**
     * Exports the encoder to a temporary file and times it in ONNX Runtime on {@code images}, as
     * {@code fashionae encode} runs it ({@link OnnxEncoder}, 64 images a call, as the training run's
     * inference passes).
     */
    private double onnxEncode(Autoencoder ae, INDArray images) throws IOException {
        Path file = exportToTemporaryFile(ae, ModelPart.ENCODER);
        try {
            int n = (int) images.size(0);
            float[] pixels = images.dup('c').data().asFloat();
            try (OnnxEncoder encoder = OnnxEncoder.open(file)) {
                return median(repeat(() -> {
                    long t0 = System.nanoTime();
                    encoder.encode(pixels, n);
                    return n / seconds(t0);
                }));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** {@code part} of {@code ae} as an ONNX file in the temporary folder; the caller deletes it. */
    private static Path exportToTemporaryFile(Autoencoder ae, ModelPart part) throws IOException {
        Path file = Files.createTempFile("fashionae-bench-" + part.name().toLowerCase(java.util.Locale.ROOT), ".onnx");
        Files.write(file, OnnxExporter.export(ae.toFloat32(), part, Map.of()).toByteArray());
        return file;
    }

    private record OnnxFigures(double imagesPerS, double singleMs) {}

    /** Exports the decoder to a temporary file and times it in ONNX Runtime, in batches and one point at a time. */
    private OnnxFigures onnxDecode(Autoencoder ae, float[] points) throws IOException {
        Path file = exportToTemporaryFile(ae, ModelPart.DECODER);
        try {
            try (OnnxDecoder decoder = OnnxDecoder.open(file)) {
                int n = points.length / model.latentDim();
                double batched = median(repeat(() -> {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < 5; i++) {
                        decoder.decode(points, n);
                    }
                    return 5.0 * n / seconds(t0);
                }));
                float[] one = java.util.Arrays.copyOf(points, model.latentDim());
                for (int i = 0; i < 20; i++) {
                    decoder.decode(one, 1);
                }
                List<Double> latencies = new ArrayList<>();
                for (int i = 0; i < SINGLE_POINT_CALLS; i++) {
                    long t0 = System.nanoTime();
                    decoder.decode(one, 1);
                    latencies.add(seconds(t0) * 1000);
                }
                return new OnnxFigures(batched, median(latencies));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private List<Double> repeat(java.util.function.DoubleSupplier measurement) {
        measurement.getAsDouble();
        List<Double> runs = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            runs.add(measurement.getAsDouble());
        }
        return runs;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
