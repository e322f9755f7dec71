package io.fashionae.cli;

import static io.fashionae.testing.IdxFixtures.idx;
import static io.fashionae.testing.IdxFixtures.imagesPayload;
import static io.fashionae.testing.IdxFixtures.labelsPayload;
import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.testing.IdxFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every kind of bad data file, through {@code fashionae train}: exit 2, one line naming the file
 * and the fix, and the models and reports of an earlier run left exactly as they were.
 */
class BadDataCliTest {
    private static final int N = 20;

    /** One way the training images or labels can be broken, and what the error must say. */
    enum Defect {
        MISSING_LABELS("train-labels-idx1-ubyte", "has no"),
        TRUNCATED_IMAGES("train-images-idx3-ubyte", "truncated"),
        WRONG_MAGIC("train-images-idx3-ubyte", "not an IDX file"),
        WRONG_DATA_TYPE("train-images-idx3-ubyte", "data type 0x0d"),
        CORRUPT_GZIP("train-images-idx3-ubyte", "train-images-idx3-ubyte.gz"),
        GZIP_LONGER_THAN_DECLARED("train-images-idx3-ubyte", "longer than its header declares"),
        COUNTS_DISAGREE("train-labels-idx1-ubyte", "labels"),
        LABEL_OUT_OF_RANGE("train-labels-idx1-ubyte", "outside 0..9"),
        RIGHT_FORMAT_WRONG_CONTENT("train-images-idx3-ubyte", "SHA-256");

        final String file;
        final String says;

        Defect(String file, String says) {
            this.file = file;
            this.says = says;
        }
    }

    private static void writeData(Path data, Defect defect) throws IOException {
        IdxFixtures.writePair(data, "train", N, true);
        IdxFixtures.writePair(data, "t10k", N, true);
        Path images = data.resolve("train-images-idx3-ubyte.gz");
        Path labels = data.resolve("train-labels-idx1-ubyte.gz");
        byte[] goodImages = idx(new int[] {N, 28, 28}, imagesPayload(N));
        switch (defect) {
            case MISSING_LABELS -> Files.delete(labels);
            case TRUNCATED_IMAGES -> IdxFixtures.write(images, Arrays.copyOf(goodImages, goodImages.length - 100));
            case WRONG_MAGIC -> {
                byte[] bytes = goodImages.clone();
                bytes[0] = 0x50; // "PK": a zip, say, renamed
                bytes[1] = 0x4B;
                IdxFixtures.write(images, bytes);
            }
            case WRONG_DATA_TYPE -> {
                byte[] bytes = goodImages.clone();
                bytes[2] = 0x0D; // claims 32-bit floats
                IdxFixtures.write(images, bytes);
            }
            case CORRUPT_GZIP -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                    gz.write(goodImages);
                }
                byte[] bytes = out.toByteArray();
                for (int i = 20; i < 40; i++) {
                    bytes[i] ^= 0x5a;
                }
                Files.write(images, bytes);
            }
            case GZIP_LONGER_THAN_DECLARED ->
                IdxFixtures.write(images, idx(new int[] {N, 28, 28}, imagesPayload(N + 5)));
            case COUNTS_DISAGREE -> IdxFixtures.write(labels, idx(new int[] {N - 1}, labelsPayload(N - 1)));
            case LABEL_OUT_OF_RANGE -> {
                byte[] payload = labelsPayload(N);
                payload[7] = 12;
                IdxFixtures.write(labels, idx(new int[] {N}, payload));
            }
            case RIGHT_FORMAT_WRONG_CONTENT -> {
                // Structurally valid, so only the published hash can tell it is not Fashion-MNIST.
            }
        }
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(f).toString(), Arrays.toString(Files.readAllBytes(f)));
            }
        }
        return files;
    }

    @ParameterizedTest
    @EnumSource(Defect.class)
    void badDataIsAOneLineErrorAndTheEarlierRunIsUntouched(Defect defect, @TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        writeData(data, defect);
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("models/checkpoints"));
        Files.createDirectories(out.resolve("reports/latent"));
        Files.writeString(out.resolve("models/autoencoder.zip"), "the model of an earlier run");
        Files.writeString(out.resolve("models/checkpoints/checkpoint-step-00000100.zip"), "its checkpoint");
        Files.writeString(out.resolve("reports/metrics.json"), "{\"earlier\": true}");
        Files.writeString(out.resolve("reports/latent/step-0000.bin"), "a frame");
        Map<String, String> before = snapshot(out);

        CliRunner r = CliRunner.run(
                "train",
                "--data",
                data.toString(),
                "--models",
                out.resolve("models").toString(),
                "--reports",
                out.resolve("reports").toString(),
                "--progress",
                "lines");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines())
                .singleElement()
                .asString()
                .startsWith("error: ")
                .contains(defect.file)
                .contains(defect.says)
                .doesNotContain("Exception")
                // The folder is the user's own (--data): fetching into ./data/fashion-mnist would not fix it.
                .doesNotContain("run 'make data'");
        assertThat(snapshot(out)).isEqualTo(before);
    }
}
