package io.fashionae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fashionae.common.Json;
import io.fashionae.inference.OnnxDecoder;
import io.fashionae.testing.ImageFixtures;
import io.fashionae.testing.Tags;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --images DIR} through the CLI on folders the test generates: a labelled RGB run at
 * the default side (then decode and encode with its ONNX files), a grey 64x64 run with four
 * layers on an unlabelled folder, and a folder with a corrupt image, refused or skipped.
 */
@Tag(Tags.SLOW)
class ImagesTrainCliTest {

    private static List<String> train(Path images, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "train",
                "--images",
                images.toString(),
                "--epochs",
                "1",
                "--batch-size",
                "16",
                "--plot-every",
                "2",
                "--plot-until",
                "4",
                "--models",
                out.resolve("models").toString(),
                "--reports",
                out.resolve("reports").toString(),
                "--progress",
                "lines"));
        args.addAll(List.of(extra));
        return args;
    }

    @Test
    void aLabelledColourFolderTrainsExportsDecodesAndEncodes(@TempDir Path dir) throws Exception {
        Path images = ImageFixtures.shapes(dir.resolve("shapes"), 30, 40);
        Path out = dir.resolve("run");
        CliRunner r = CliRunner.run(train(images, out).toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("Images: 81 training, 9 validation from", "3 classes, 32x32 RGB");
        assertThat(r.out()).contains("latent 5-NN accuracy");

        JsonNode metrics = Json.readTree(out.resolve("reports/metrics.json"));
        assertThat(metrics.get("data").get("dataset").asText()).isEqualTo("images:shapes");
        assertThat(metrics.get("data").get("skipped_images").asInt()).isZero();
        assertThat(metrics.get("model").get("image_channels").asInt()).isEqualTo(3);
        assertThat(metrics.get("final").get("per_class_mse").fieldNames())
                .toIterable()
                .containsExactly(ImageFixtures.CLASSES);
        for (String file : List.of("index.html", "latent-final.png", "latent-evolution.gif", "reconstructions.png")) {
            assertThat(out.resolve("reports").resolve(file)).isNotEmptyFile();
        }
        try (OnnxDecoder decoder = OnnxDecoder.open(out.resolve("models/decoder.onnx"))) {
            assertThat(decoder.imageChannels()).isEqualTo(3);
            assertThat(decoder.metadata().get("dataset")).isEqualTo("images:shapes");
            assertThat(decoder.metadata().get("class_names")).contains("\"triangles\"");
            assertThat(decoder.metadata().get("preprocessing"))
                    .contains("aspect ratio kept", "RGB", "[batch, 3, 32, 32]");
        }

        Path png = dir.resolve("decoded.png");
        CliRunner decode = CliRunner.run(
                "decode",
                "--model",
                out.resolve("models/decoder.onnx").toString(),
                "--out",
                png.toString(),
                "--z",
                "0,0",
                "--z",
                "1,1");
        assertThat(decode.exitCode()).as(decode.err()).isZero();
        BufferedImage grid = ImageIO.read(png.toFile());
        assertThat(grid.getColorModel().getNumColorComponents()).isEqualTo(3);

        Path csv = dir.resolve("latents.csv");
        CliRunner encode = CliRunner.run(
                "encode",
                "--model",
                out.resolve("models/encoder.onnx").toString(),
                "--out",
                csv.toString(),
                images.resolve("triangles").toString());
        assertThat(encode.exitCode()).as(encode.err()).isZero();
        assertThat(Files.readAllLines(csv)).hasSize(31).first().isEqualTo("source,z1,z2");
    }

    @Test
    void anUnlabelledGreyFolderTrainsAt64WithFourLayersAndLeavesTheClassFiguresOut(@TempDir Path dir) throws Exception {
        Path images = ImageFixtures.flatShapes(dir.resolve("flat"), 20, 64);
        Path out = dir.resolve("run");
        List<String> args = train(
                images,
                out,
                "--image-size",
                "64",
                "--color",
                "grey",
                "--layers",
                "4",
                "--kernels",
                "3,3,3,3",
                "--channels",
                "16,32,64,64",
                "--strides",
                "2,2,2,2");
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("unlabelled, 64x64 grey", "no 5-NN accuracy (unlabelled images)");
        JsonNode metrics = Json.readTree(out.resolve("reports/metrics.json"));
        assertThat(metrics.get("final").get("knn5_accuracy").isNull()).isTrue();
        assertThat(metrics.get("final").get("per_class_mse")).isEmpty();
        assertThat(metrics.get("model").get("image_size").asInt()).isEqualTo(64);
        assertThat(Files.readString(out.resolve("reports/index.html"))).contains("\"class_names\":[]");
    }

    @Test
    void aCorruptImageStopsTheRunNamingItOrIsSkippedAndCounted(@TempDir Path dir) throws Exception {
        Path images = ImageFixtures.shapes(dir.resolve("shapes"), 10, 40);
        Path bad = images.resolve("circles/circles-3.png");
        Files.write(bad, java.util.Arrays.copyOf(Files.readAllBytes(bad), 40));
        Path out = dir.resolve("run");
        CliRunner refused = CliRunner.run(train(images, out).toArray(String[]::new));
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("circles-3.png", "--skip-bad-images").doesNotContain("\tat ");
        assertThat(out).doesNotExist();

        CliRunner skipped =
                CliRunner.run(train(images, out, "--skip-bad-images").toArray(String[]::new));
        assertThat(skipped.exitCode()).as(skipped.err() + skipped.out()).isZero();
        assertThat(skipped.out()).contains("Skipped 1 unreadable images", "circles-3.png");
        JsonNode metrics = Json.readTree(out.resolve("reports/metrics.json"));
        assertThat(metrics.get("data").get("skipped_images").asInt()).isEqualTo(1);
    }

    @Test
    void resumingRefusesAFolderThatChangedSinceTheCheckpoint(@TempDir Path dir) throws Exception {
        Path images = ImageFixtures.shapes(dir.resolve("shapes"), 10, 40);
        Path out = dir.resolve("run");
        assertThat(CliRunner.run(train(images, out).toArray(String[]::new)).exitCode())
                .isZero();
        Files.copy(images.resolve("circles/circles-0.png"), images.resolve("circles/circles-new.png"));
        List<String> more = train(images, out, "--resume");
        more.set(more.indexOf("--epochs") + 1, "2");
        CliRunner r = CliRunner.run(more.toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("cannot resume", "the contents of " + images, "images added, removed or modified");
        Files.delete(images.resolve("circles/circles-new.png"));
        CliRunner same = CliRunner.run(more.toArray(String[]::new));
        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(same.out()).contains("Epoch 2/2");
    }
}
