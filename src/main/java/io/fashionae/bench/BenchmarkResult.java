package io.fashionae.bench;

import io.fashionae.training.BackendInfo;
import java.util.List;

/**
 * What {@code bench} measured, as written to {@code bench.json}. Rates are medians over the
 * repeats, measured after warm-up, on real Fashion-MNIST images.
 *
 * @param batchSize               training batch of the main figure
 * @param data                    what the batches held ({@code fashion-mnist})
 * @param precision               the network's floating-point type
 * @param trainImagesPerS         training step throughput at {@code batchSize}
 * @param trainRuns               every repeat's training throughput at {@code batchSize}
 * @param trainImagesPerS256      training step throughput at batch 256
 * @param encodeImagesPerS        encoder throughput of {@code Autoencoder.encodeToArray} (oneDNN's direct
 *                                encoder where the model has one, else DL4J's graph), 10,000 images
 * @param encodeOnnxImagesPerS    encoder throughput in ONNX Runtime (the exported encoder, what
 *                                {@code fashionae encode} runs), 10,000 images, 64 a call
 * @param decodeDl4jImagesPerS    decoder throughput in DL4J, batches of 1000
 * @param decodeOnnxImagesPerS    decoder throughput in ONNX Runtime (the exported decoder), batches of 1000
 * @param decodeOnnxSingleMs      median latency of decoding one point in ONNX Runtime
 * @param peakHeapBytes           peak JVM heap in use
 * @param offHeapBytes            off-heap memory ND4J (JavaCPP) held at the end of the run
 * @param peakRssBytes            peak resident set size of the process (VmHWM), 0 where unknown
 * @param backend                 ND4J backend
 * @param efficiency              training's arithmetic rate against the machine's matrix-product peak
 * @param reference               the PyTorch reference's figures from the same run, and the ratios; null without
 */
public record BenchmarkResult(
        int batchSize,
        String data,
        String precision,
        double trainImagesPerS,
        List<Double> trainRuns,
        double trainImagesPerS256,
        double encodeImagesPerS,
        double encodeOnnxImagesPerS,
        double decodeDl4jImagesPerS,
        double decodeOnnxImagesPerS,
        double decodeOnnxSingleMs,
        long peakHeapBytes,
        long offHeapBytes,
        long peakRssBytes,
        BackendInfo backend,
        Efficiency efficiency,
        ReferenceComparison reference) {

    /** Copies the list. */
    public BenchmarkResult {
        trainRuns = List.copyOf(trainRuns);
    }

    /** The same result with the reference's figures attached. */
    public BenchmarkResult withReference(ReferenceComparison comparison) {
        return new BenchmarkResult(
                batchSize,
                data,
                precision,
                trainImagesPerS,
                trainRuns,
                trainImagesPerS256,
                encodeImagesPerS,
                encodeOnnxImagesPerS,
                decodeDl4jImagesPerS,
                decodeOnnxImagesPerS,
                decodeOnnxSingleMs,
                peakHeapBytes,
                offHeapBytes,
                peakRssBytes,
                backend,
                efficiency,
                comparison);
    }
}
