package io.fashionae.bench;

import io.fashionae.training.BackendInfo;
import java.util.List;

/**
 * What {@code bench} measured, as written to {@code bench.json}. Rates are medians over the
 * repeats, measured after warm-up.
 *
 * @param batchSize            training batch
 * @param data                 what the batches held ({@code fashion-mnist} or {@code synthetic})
 * @param trainImagesPerS      training step throughput
 * @param trainRuns            every repeat's training throughput
 * @param encodeImagesPerS     encoder throughput in inference mode, batches of 2000
 * @param decodeDl4jImagesPerS decoder throughput in DL4J, batches of 1000
 * @param peakHeapBytes        peak JVM heap in use
 * @param offHeapBytes         off-heap memory ND4J (JavaCPP) held at the end of the run
 * @param peakRssBytes         peak resident set size of the process (VmHWM), 0 where unknown
 * @param backend              ND4J backend
 */
public record BenchmarkResult(
        int batchSize,
        String data,
        double trainImagesPerS,
        List<Double> trainRuns,
        double encodeImagesPerS,
        double decodeDl4jImagesPerS,
        long peakHeapBytes,
        long offHeapBytes,
        long peakRssBytes,
        BackendInfo backend) {
}
