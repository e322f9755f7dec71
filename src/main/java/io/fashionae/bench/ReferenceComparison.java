package io.fashionae.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.fashionae.common.Json;
import io.fashionae.common.UserException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The PyTorch reference's {@code --bench-steps} figures ({@code seed_reference.py --out FILE}),
 * measured in the same run as ours, and our figures divided by them. The ratios are what count:
 * absolute rates on a shared machine drift from one run to the next.
 *
 * @param file                 the reference's JSON
 * @param torch                its PyTorch version
 * @param threads              its thread count
 * @param batchSize            its training batch
 * @param trainImagesPerS      its training throughput
 * @param encodeImagesPerS     its encoding throughput: the steady figure when the file has it
 * @param encodeSteady         whether that is the steady figure ({@code scripts/reference-encode.py}: the
 *                             median of passes over the 10,000 validation images, as ours) rather than
 *                             the reference's own single call of 1,000 images
 * @param trainRatio           our training throughput / its
 * @param encodeRatio          our {@code Autoencoder} encoding throughput / its
 * @param encodeOnnxRatio      our ONNX Runtime encoding throughput / its
 */
public record ReferenceComparison(
        String file,
        String torch,
        int threads,
        int batchSize,
        double trainImagesPerS,
        double encodeImagesPerS,
        boolean encodeSteady,
        double trainRatio,
        double encodeRatio,
        double encodeOnnxRatio) {
    /** The field {@code scripts/reference-encode.py} adds to the reference's JSON. */
    static final String STEADY_ENCODE = "encode_steady_images_per_s";

    /**
     * Reads the reference's JSON and compares {@code ours} with it.
     *
     * @throws UserException when the file is missing or lacks the figures
     */
    public static ReferenceComparison read(Path file, BenchmarkResult ours) {
        JsonNode json;
        try {
            json = Json.readTree(file);
        } catch (IOException e) {
            throw new UserException(
                    "cannot read the reference's figures from " + file + " (" + e.getMessage() + ")",
                    "run 'python3 seed_reference.py --bench-steps 20 --out FILE' first, or use 'make bench-compare'",
                    e);
        }
        if (json == null || !json.hasNonNull("train_images_per_s") || !json.hasNonNull("encode_images_per_s")) {
            throw new UserException(
                    file + " has no train_images_per_s / encode_images_per_s",
                    "pass the --out file of 'seed_reference.py --bench-steps N'");
        }
        if (json.path("batch_size").asInt(ours.batchSize()) != ours.batchSize()) {
            throw new UserException(
                    "the reference ran at batch " + json.path("batch_size").asInt() + ", we at " + ours.batchSize(),
                    "run both with the same --batch-size");
        }
        double train = json.get("train_images_per_s").asDouble();
        boolean steady = json.hasNonNull(STEADY_ENCODE);
        double encode = steady
                ? json.get(STEADY_ENCODE).asDouble()
                : json.get("encode_images_per_s").asDouble();
        return new ReferenceComparison(
                file.toString(),
                json.path("torch").asText(""),
                json.path("threads").asInt(0),
                json.path("batch_size").asInt(ours.batchSize()),
                train,
                encode,
                steady,
                ours.trainImagesPerS() / train,
                ours.encodeImagesPerS() / encode,
                ours.encodeOnnxImagesPerS() / encode);
    }
}
