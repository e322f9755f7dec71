package io.fashionae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.common.BuildInfo;
import io.fashionae.config.Engine;
import io.fashionae.inference.OnnxModel;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.ModelStore;
import io.fashionae.onnx.ExportMetadata;
import io.fashionae.testing.IdxFixtures;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export, decode and encode through the CLI, on the small stored golden model. */
class OnnxCommandsTest {
    @TempDir
    static Path models;

    @BeforeAll
    static void export() throws Exception {
        Path zip = models.resolve("autoencoder.zip");
        try (InputStream in = OnnxCommandsTest.class.getResourceAsStream("/golden/tiny-autoencoder.zip")) {
            Files.copy(in, zip);
        }
        CliRunner r = CliRunner.run("export", "--model", zip.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("encoder.onnx", "decoder.onnx", "autoencoder.onnx", "max |diff|", "opset 18");
    }

    @Test
    void exportWritesThreeFilesWithProvenanceMetadataAndAReport() {
        for (String f : new String[] {"encoder.onnx", "decoder.onnx", "autoencoder.onnx", "onnx-export.json"}) {
            assertThat(models.resolve(f)).isNotEmptyFile();
        }
        try (OnnxModel decoder = OnnxModel.open(models.resolve("decoder.onnx"), "latent", "image")) {
            assertThat(decoder.inputShape()).containsExactly(-1, 2);
            assertThat(decoder.outputShape()).containsExactly(-1, 1, 32, 32);
            var meta = decoder.metadata();
            assertThat(meta.get(ExportMetadata.LATENT_DIM)).isEqualTo("2");
            assertThat(meta.get(ExportMetadata.CLASS_NAMES)).contains("Sandal", "Ankle boot");
            assertThat(meta.get(ExportMetadata.PREPROCESSING)).contains("1/255", "padded by 2");
            assertThat(meta.get(ExportMetadata.SOURCE_SHA256)).hasSize(64);
            assertThat(meta.get(ExportMetadata.MODEL_CONFIG)).contains("\"latent_dim\" : 2");
            assertThat(meta.get(ExportMetadata.PRODUCER)).isEqualTo("fashionae");
            assertThat(meta.get(ExportMetadata.PART)).isEqualTo("decoder");
            BuildInfo build = BuildInfo.current();
            assertThat(meta.get(ExportMetadata.VERSION))
                    .isEqualTo(build.version())
                    .isNotEqualTo("unknown");
            assertThat(meta.get(ExportMetadata.DL4J_VERSION))
                    .isEqualTo(build.dl4jVersion())
                    .startsWith("1.0.0");
            assertThat(meta.get(ExportMetadata.ONNXRUNTIME_VERSION))
                    .isEqualTo(build.onnxRuntimeVersion())
                    .matches("\\d+\\.\\d+\\.\\d+");
            assertThat(meta.get(ExportMetadata.GIT_COMMIT))
                    .isEqualTo(build.gitCommit().orElse(null));
        }
    }

    @Test
    void decodeWritesAPngGridAndANpyArray(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("grid.png");
        Path npy = dir.resolve("out.npy");
        CliRunner r = CliRunner.run(
                "decode",
                "--model",
                models.resolve("decoder.onnx").toString(),
                "--z",
                "0,0",
                "--z",
                "1.5,-2",
                "--z",
                "-3,1",
                "--out",
                png.toString(),
                "--npy",
                npy.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isGreaterThan(3 * 96);
        byte[] bytes = Files.readAllBytes(npy);
        assertThat(new String(bytes, 0, 6, StandardCharsets.ISO_8859_1)).isEqualTo("\u0093NUMPY");
        int headerLen =
                ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        String header = new String(bytes, 10, headerLen, StandardCharsets.US_ASCII);
        assertThat(header).contains("'descr': '<f4'", "'shape': (3, 1, 32, 32)");
        assertThat((10 + headerLen) % 64).isZero();
        assertThat(bytes.length - 10 - headerLen).isEqualTo(3 * 1024 * 4);
    }

    @Test
    void decodeReadsPointsFromACsvFile(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("z.csv"), "z1,z2\n0.5,0.5\n# a comment\n\n-1,2\n");
        CliRunner r = CliRunner.run(
                "decode",
                "--model",
                models.resolve("decoder.onnx").toString(),
                "--csv",
                csv.toString(),
                "--npy",
                dir.resolve("o.npy").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("[2, 1, 32, 32]");
    }

    @Test
    void aPointWithTheWrongDimensionIsAOneLineError(@TempDir Path dir) {
        CliRunner r = CliRunner.run(
                "decode",
                "--model",
                models.resolve("decoder.onnx").toString(),
                "--z",
                "1,2,3",
                "--npy",
                dir.resolve("o.npy").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("has 3 coordinates, the decoder takes 2").doesNotContain("\tat ");
        assertThat(dir.resolve("o.npy")).doesNotExist();
    }

    @Test
    void aFileThatIsNotOnnxIsRefused(@TempDir Path dir) throws Exception {
        Path bogus = Files.writeString(dir.resolve("decoder.onnx"), "not onnx");
        CliRunner r = CliRunner.run(
                "decode",
                "--model",
                bogus.toString(),
                "--z",
                "0,0",
                "--npy",
                dir.resolve("o.npy").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("is not a valid ONNX model");
    }

    @Test
    void anOnnxFileWithExternalDataIsRefusedAndTheOutputIsKept(@TempDir Path dir) throws Exception {
        ai.onnx.proto.OnnxMl.ModelProto.Builder model =
                ai.onnx.proto.OnnxMl.ModelProto.parseFrom(Files.readAllBytes(models.resolve("decoder.onnx")))
                        .toBuilder();
        model.getGraphBuilder()
                .getInitializerBuilder(0)
                .clearRawData()
                .clearFloatData()
                .setDataLocation(ai.onnx.proto.OnnxMl.TensorProto.DataLocation.EXTERNAL)
                .addExternalData(ai.onnx.proto.OnnxMl.StringStringEntryProto.newBuilder()
                        .setKey("location")
                        .setValue("../../../etc/passwd"));
        Path evil = Files.write(dir.resolve("decoder.onnx"), model.build().toByteArray());
        Path npy = Files.writeString(dir.resolve("o.npy"), "an earlier result");
        CliRunner r = CliRunner.run("decode", "--model", evil.toString(), "--z", "0,0", "--npy", npy.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).singleElement().asString().contains("external data file", "never loaded");
        assertThat(Files.readString(npy)).isEqualTo("an earlier result");
    }

    @Test
    void anOnnxFileWithOtherInputNamesIsRefused(@TempDir Path dir) {
        CliRunner r = CliRunner.run(
                "decode",
                "--model",
                models.resolve("encoder.onnx").toString(),
                "--z",
                "0,0",
                "--npy",
                dir.resolve("o.npy").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("expected input 'latent'");
    }

    /** The golden decoder with its first weights scaled by 1e20: finite, but 3e38 overflows in its first layer. */
    private static Path steepDecoder(Path dir) throws Exception {
        ai.onnx.proto.OnnxMl.ModelProto.Builder model =
                ai.onnx.proto.OnnxMl.ModelProto.parseFrom(Files.readAllBytes(models.resolve("decoder.onnx")))
                        .toBuilder();
        var init = model.getGraphBuilder().getInitializerBuilder(0);
        ByteBuffer raw = ByteBuffer.wrap(init.getRawData().toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer scaled = ByteBuffer.allocate(raw.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        while (raw.hasRemaining()) {
            scaled.putFloat(raw.getFloat() * 1e20f);
        }
        init.setRawData(com.google.protobuf.ByteString.copyFrom(scaled.array()));
        return Files.write(dir.resolve("steep-decoder.onnx"), model.build().toByteArray());
    }

    @Test
    void decodingToNonFiniteImagesIsAnErrorNamingThePointsAndWritesNothing(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("d.png");
        Path npy = dir.resolve("d.npy");
        CliRunner r = CliRunner.run(
                "decode",
                "--model",
                steepDecoder(dir).toString(),
                "--z",
                "0,0",
                "--z",
                "3e38,3e38",
                "--out",
                png.toString(),
                "--npy",
                npy.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines())
                .singleElement()
                .asString()
                .contains(
                        "NaN or infinite pixels for 1 of 2 latent points",
                        "#2 (3.000e+38,3.000e+38)",
                        "nothing was written");
        assertThat(png).doesNotExist();
        assertThat(npy).doesNotExist();
    }

    @Test
    void decodeOutOnAFolderIsAOneLineError(@TempDir Path dir) {
        CliRunner r = CliRunner.run(
                "decode", "--model", models.resolve("decoder.onnx").toString(), "--z", "0,0", "--out", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines())
                .singleElement()
                .asString()
                .contains("--out " + dir + " is a folder", "decoded.png")
                .doesNotContain("Exception");
    }

    @Test
    void manyPointsMakeASquareishGridWithACap(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            csv.append(i % 7 - 3).append(',').append(i % 5 - 2).append('\n');
        }
        Path points = Files.writeString(dir.resolve("z.csv"), csv);
        Path png = dir.resolve("grid.png");
        CliRunner r = CliRunner.run(
                "decode",
                "--model",
                models.resolve("decoder.onnx").toString(),
                "--csv",
                points.toString(),
                "--out",
                png.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("(1024 images, the first of 1,500 points; --npy keeps them all)");
        var image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isBetween(3000, 5000);
        assertThat(image.getHeight()).isBetween(3000, 5000);
    }

    @Test
    void moreLatentPointsThanOneDecodeTakesAreRefused(@TempDir Path dir) throws Exception {
        Path points = Files.writeString(dir.resolve("z.csv"), "0,0\n".repeat(DecodeCommand.MAX_POINTS + 1));
        CliRunner r = CliRunner.run(
                "decode",
                "--model",
                models.resolve("decoder.onnx").toString(),
                "--csv",
                points.toString(),
                "--npy",
                dir.resolve("o.npy").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines())
                .singleElement()
                .asString()
                .contains("100,001 latent points given, at most 100,000");
        assertThat(dir.resolve("o.npy")).doesNotExist();
    }

    @Test
    void exportOfAModelWithNaNParametersFailsAndKeepsTheOldOnnxFiles(@TempDir Path dir) throws Exception {
        Autoencoder model = ModelStore.load(models.resolve("autoencoder.zip"), false, Engine.NATIVE);
        model.graph().params().assign(Float.NaN);
        Path zip = dir.resolve("autoencoder.zip");
        ModelStore.save(model, zip);
        Files.writeString(dir.resolve("decoder.onnx"), "an earlier export");
        CliRunner r = CliRunner.run("export", "--model", zip.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines())
                .singleElement()
                .asString()
                .contains("non-finite values", "NaN or infinite parameters", "no ONNX file was written");
        assertThat(Files.readString(dir.resolve("decoder.onnx"))).isEqualTo("an earlier export");
        assertThat(dir.resolve("encoder.onnx")).doesNotExist();
        assertThat(dir.resolve("onnx-export.json")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void exportOfAModelWhoseOutputsOverflowFailsOnTheInfinity(@TempDir Path dir) throws Exception {
        Autoencoder model = ModelStore.load(models.resolve("autoencoder.zip"), false, Engine.NATIVE);
        model.graph().params().muli(1e18f); // finite parameters, infinite activations
        Path zip = dir.resolve("autoencoder.zip");
        ModelStore.save(model, zip);
        CliRunner r = CliRunner.run("export", "--model", zip.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines())
                .singleElement()
                .asString()
                .contains("non-finite values", "no ONNX file was written");
        assertThat(dir.resolve("encoder.onnx")).doesNotExist();
    }

    @Test
    void aModelWhoseParametersWereChangedAfterSavingIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("autoencoder.zip");
        ModelStore.save(ModelStore.load(models.resolve("autoencoder.zip"), false, Engine.NATIVE), zip);
        // Randomise the parameter values behind ND4J's header, as a bit-flipping disk or a careless script would.
        try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(zip)) {
            Path coefficients = fs.getPath("coefficients.bin");
            byte[] bytes = Files.readAllBytes(coefficients);
            java.util.Random random = new java.util.Random(1);
            for (int i = bytes.length / 2; i < bytes.length; i++) {
                bytes[i] = (byte) random.nextInt();
            }
            Files.write(coefficients, bytes);
        }
        for (String[] args :
                new String[][] {{"export", "--model", zip.toString()}, {"summary", "--model", zip.toString()}}) {
            CliRunner r = CliRunner.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip().lines())
                    .singleElement()
                    .asString()
                    .contains(zip.toString(), "do not match the SHA-256 stored when it was saved");
        }
        assertThat(dir.resolve("encoder.onnx")).doesNotExist();
    }

    @Test
    void aModelSavedBeforeTheParameterHashStillLoads() throws Exception {
        try (java.util.zip.ZipFile golden =
                new java.util.zip.ZipFile(models.resolve("autoencoder.zip").toFile())) {
            assertThat(golden.getEntry(ModelStore.PARAMS_SHA256_ENTRY)).isNull();
        }
        assertThat(CliRunner.run(
                                "summary",
                                "--model",
                                models.resolve("autoencoder.zip").toString())
                        .exitCode())
                .isZero();
    }

    @Test
    void decodeWithoutPointsOrOutputSaysWhatIsMissing() {
        assertThat(CliRunner.run("decode", "--npy", "x.npy").err()).contains("no latent points given");
        assertThat(CliRunner.run("decode", "--z", "1,1").err()).contains("no output given");
    }

    @Test
    void encodeTurnsAnIdxFileIntoALatentCsv(@TempDir Path dir) throws Exception {
        Path idx = IdxFixtures.writePair(dir, "mine", 5, true)[0];
        Path csv = dir.resolve("z.csv");
        CliRunner r = CliRunner.run(
                "encode",
                idx.toString(),
                "--model",
                models.resolve("encoder.onnx").toString(),
                "--out",
                csv.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("source,z1,z2");
        assertThat(lines.get(1)).startsWith("mine-images-idx3-ubyte.gz#0,");
    }

    private static Path png(Path file, int side) throws Exception {
        java.awt.image.BufferedImage img =
                new java.awt.image.BufferedImage(side, side, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(side / 2, side / 2, 0, 200);
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    private CliRunner encode(Path dir, String... inputs) {
        List<String> args = new ArrayList<>(List.of("encode"));
        args.addAll(List.of(inputs));
        args.addAll(List.of(
                "--model",
                models.resolve("encoder.onnx").toString(),
                "--out",
                dir.resolve("z.csv").toString()));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static void assertOneLineNaming(CliRunner r, Path file, String says) {
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines())
                .singleElement()
                .asString()
                .contains(file.toString(), says)
                .doesNotContain("Exception", "make data");
    }

    @Test
    void encodingAMissingPngIsAOneLineErrorNamingIt(@TempDir Path dir) throws Exception {
        Path good = png(dir.resolve("a.png"), 28);
        Path missing = dir.resolve("missing.png");
        assertOneLineNaming(encode(dir, good.toString(), missing.toString()), missing, "not found");
        assertThat(dir.resolve("z.csv")).doesNotExist();
    }

    @Test
    void encodingATruncatedPngIsAOneLineErrorNamingIt(@TempDir Path dir) throws Exception {
        Path truncated = png(dir.resolve("cut.png"), 28);
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertOneLineNaming(encode(dir, truncated.toString()), truncated, "truncated or damaged");
    }

    @Test
    void aFolderIsEncodedAsThePngsInItAndAnEmptyOneIsRefusedAsAFolder(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("pngs");
        png(folder.resolve("b.png"), 32);
        png(folder.resolve("a.png"), 28);
        CliRunner r = encode(dir, folder.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("z.csv"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("a.png,");
        assertThat(lines.get(2)).startsWith("b.png,");

        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertOneLineNaming(encode(dir, empty.toString()), empty, "is a folder with no .png files");
    }

    @Test
    void aMissingIdxFileForEncodeDoesNotSendTheUserToMakeData(@TempDir Path dir) {
        Path missing = dir.resolve("my-images-idx3-ubyte");
        assertOneLineNaming(encode(dir, missing.toString()), missing, "not found");
    }

    @Test
    void decodingNeverLoadsNd4j(@TempDir Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class",
                "-Djava.awt.headless=true",
                "-cp",
                System.getProperty("java.class.path"),
                "io.fashionae.cli.Main",
                "decode",
                "--model",
                models.resolve("decoder.onnx").toString(),
                "--z",
                "0,0",
                "--out",
                dir.resolve("d.png").toString(),
                "--npy",
                dir.resolve("d.npy").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as(output.lines().filter(l -> !l.startsWith("[")).toList().toString())
                .isZero();
        assertThat(output).contains("ai.onnxruntime.OrtSession");
        assertThat(output.lines()
                        .filter(l -> l.contains("org.nd4j") || l.contains("org.deeplearning4j"))
                        .toList())
                .isEmpty();
    }
}
