package io.fashionae.bench;

import io.fashionae.config.ModelConfig;
import io.fashionae.data.LabeledImages;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.OptimizerSettings;
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
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Measures training, encoding and decoding throughput of the autoencoder on real images, after
 * warm-up, as medians of repeated runs. Timings belong here, never in unit tests.
 */
public final class ThroughputBenchmark {
    private static final int WARMUP_STEPS = 3;
    private static final int DECODE_BATCH = 1000;

    private final ModelConfig model;
    private final int batchSize;
    private final int steps;
    private final int repeats;

    /**
     * @param model     architecture to measure
     * @param batchSize training batch
     * @param steps     timed training steps per repeat
     * @param repeats   repeats (the median is reported)
     */
    public ThroughputBenchmark(ModelConfig model, int batchSize, int steps, int repeats) {
        this.model = model;
        this.batchSize = batchSize;
        this.steps = steps;
        this.repeats = repeats;
    }

    /** Runs every measurement on {@code images} (training batches are its first images). */
    public BenchmarkResult run(LabeledImages images, String dataName) {
        Autoencoder ae = Autoencoder.create(model, new OptimizerSettings(5e-4, 1e-5, 42));
        List<INDArray> batches = batches(images.images(), WARMUP_STEPS + steps);
        for (int i = 0; i < WARMUP_STEPS; i++) {
            fit(ae, batches.get(i));
        }
        List<Double> trainRuns = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                fit(ae, batches.get(WARMUP_STEPS + i));
            }
            trainRuns.add((double) steps * batchSize / seconds(t0));
        }
        INDArray sample = images.images().get(NDArrayIndex.interval(0, Math.min(images.size(), 10_000)));
        double encode = median(repeat(() -> {
            long t0 = System.nanoTime();
            ae.encodeToArray(sample);
            return sample.size(0) / seconds(t0);
        }));
        INDArray z = Nd4j.rand(DataType.FLOAT, DECODE_BATCH, model.latentDim());
        double decode = median(repeat(() -> {
            long t0 = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                ae.decode(z);
            }
            return 5.0 * DECODE_BATCH / seconds(t0);
        }));
        return new BenchmarkResult(batchSize, dataName, median(trainRuns), trainRuns, encode, decode,
                peakHeap(), Pointer.totalBytes(),
                peakRss(), BackendInfo.current());
    }

    private static void fit(Autoencoder ae, INDArray x) {
        ae.fitBatch(x);
    }

    private List<INDArray> batches(INDArray images, int count) {
        List<INDArray> out = new ArrayList<>();
        long n = images.size(0);
        for (int i = 0; i < count; i++) {
            long start = (long) i * batchSize % Math.max(1, n - batchSize);
            out.add(images.get(NDArrayIndex.interval(start, start + batchSize)).dup());
        }
        return out;
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

    /** Peak resident set size from /proc (Linux); 0 elsewhere. */
    static long peakRss() {
        return io.fashionae.common.ProcessMemory.peakRssBytes();
    }
}
