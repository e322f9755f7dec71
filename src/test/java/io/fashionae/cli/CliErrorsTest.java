package io.fashionae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.testing.IdxFixtures;
import io.fashionae.testing.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliErrorsTest {

    private static void assertOneLineUsageError(CliRunner r, String... fragments) {
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("error: ").contains(fragments).doesNotContain("Exception", "\tat ");
    }

    @Test
    void zeroEpochsIsAOneLineErrorNamingTheOption(@TempDir Path dir) {
        assertOneLineUsageError(
                CliRunner.run("train", "--epochs", "0", "--models", dir.toString(), "--reports", dir.toString()),
                "--epochs must be at least 1");
    }

    @Test
    void betaWithoutVariationalIsAOneLineErrorNamingTheFix(@TempDir Path dir) {
        assertOneLineUsageError(
                CliRunner.run("train", "--beta", "4", "--models", dir.toString(), "--reports", dir.toString()),
                "--beta 4.0 has no effect without --variational");
    }

    @Test
    void comparingAFolderThatIsNotARunIsAOneLineErrorNamingIt(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("not-a-run"));
        CliRunner r = CliRunner.run("compare", empty.toString(), empty.toString(), "--out", dir.toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("not-a-run is not a run's reports folder: it has no metrics.json");
        assertThat(dir.resolve("compare.html")).doesNotExist();
    }

    @Test
    void anUnknownDataSetIsAnErrorListingTheOnesThereAre(@TempDir Path dir) {
        CliRunner r = CliRunner.run("data", "--dataset", "cifar");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("cifar", "fashion-mnist|mnist|kmnist").doesNotContain("\tat ");
    }

    @Test
    void mnistFilesThatAreNotTheOfficialOnesAreRefusedNamingTheFileAndTheDataSet(@TempDir Path dir) throws Exception {
        IdxFixtures.writePair(dir, "train", 20, true);
        IdxFixtures.writePair(dir, "t10k", 10, true);
        CliRunner r = CliRunner.run("data", "--dataset", "mnist", "--data", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("MNIST's", "-idx", "SHA-256");
    }

    @Test
    void aMissingMnistFolderNamesWhereToPutTheFiles(@TempDir Path dir) {
        CliRunner r = CliRunner.run(
                "data", "--dataset", "mnist", "--data", dir.resolve("none").toString(), "--no-download");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("has no train-images-idx3-ubyte", "four MNIST files");
    }

    @Test
    void aNegativeBetaIsRefusedBeforeTraining(@TempDir Path dir) {
        assertOneLineUsageError(
                CliRunner.run("train", "--variational", "--beta", "-1", "--models", dir.toString()),
                "invalid --beta -1.0");
    }

    @Test
    void anArchitectureThatCannotReconstructIsRefusedBeforeTraining(@TempDir Path dir) {
        assertOneLineUsageError(
                CliRunner.run("train", "--strides", "3,2,2", "--models", dir.toString()), "cannot reconstruct 32x32");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--batch-size|0|--batch-size must be at least 1",
                "--batch-size|-5|--batch-size must be at least 1",
                "--lr|-0.1|--lr must be a positive number",
                "--train-limit|-1|--train-limit must be >= 0",
                "--channels|32,0,128|channels",
                "--kernels|3,-1,3|kernels",
                "--layers|0|layers must be between 1",
                "--plot-every|-10|--plot-every must be >= 0",
                "--checkpoint-every|-1|--checkpoint-every must be >= 0",
                "--keep-checkpoints|0|--keep-checkpoints must be at least 1",
                "--progress|fancy|Invalid value for option '--progress'",
                "--precision|fp8|Invalid value for option '--precision'",
                "--gelu|tanh|Invalid value for option '--gelu'",
                "--padding|valid|Invalid value for option '--padding'",
                "--engine|fast|Invalid value for option '--engine'",
                "--precision|bf16|bf16 is not available",
                "--epochs|three|Invalid value for option '--epochs'",
                "--latent-dim|100000000|latent dim must be at most 4096",
                "--channels|32,64,100000|channels must all be at most 4096",
                "--kernels|3,3,99|kernels must all be at most 32",
                "--batch-size|1000000|--batch-size must be at most 60000",
                "--plot-samples|20000|--plot-samples must be at most 10000",
                "--keep-checkpoints|5000|--keep-checkpoints must be at most 1000",
                "--batch-size|60000|GB this process can use"
            })
    void anInvalidOptionValueIsAOneLineErrorNamingIt(String option, String value, String says, @TempDir Path dir)
            throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.writeString(models.resolve("autoencoder.zip"), "an earlier model");
        assertOneLineUsageError(
                CliRunner.run(
                        "train",
                        option,
                        value,
                        "--models",
                        models.toString(),
                        "--reports",
                        dir.resolve("reports").toString()),
                says);
        assertThat(Files.readString(models.resolve("autoencoder.zip"))).isEqualTo("an earlier model");
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    @Test
    void resumingWithoutACheckpointIsAOneLineErrorThatTouchesNothing(@TempDir Path dir) throws Exception {
        Path data = Requirements.fashionMnist();
        Path reports = Files.createDirectories(dir.resolve("reports").resolve("latent"));
        Files.writeString(reports.resolve("step-0000.bin"), "a frame");
        assertOneLineUsageError(
                CliRunner.run(
                        "train",
                        "--resume",
                        "--data",
                        data.toString(),
                        "--models",
                        dir.resolve("models").toString(),
                        "--reports",
                        dir.resolve("reports").toString()),
                "no checkpoint to resume from",
                "train without --resume");
        assertThat(Files.readString(reports.resolve("step-0000.bin"))).isEqualTo("a frame");
        assertThat(Files.list(dir.resolve("reports"))).containsExactly(reports);
    }

    @Test
    void aHugeLatentDimIsAOneLineErrorInARealProcessAndLeavesNoCrashLog(@TempDir Path dir) throws Exception {
        java.util.List<String> cmd = java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.fashionae.cli.Main",
                "train",
                "--latent-dim",
                "100000000",
                "--models",
                dir.resolve("m").toString(),
                "--reports",
                dir.resolve("r").toString());
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(2);
        assertThat(output.strip().lines().filter(l -> l.startsWith("error: ")))
                .singleElement()
                .asString()
                .contains("latent dim must be at most 4096, got 100000000");
        assertThat(Files.list(dir).map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("hs_err"));
        assertThat(dir.resolve("m")).doesNotExist();
    }

    @Test
    void aConfigurationTooLargeForMemoryIsRefusedWithTheFigureBeforeAnythingIsWritten(@TempDir Path dir) {
        assertOneLineUsageError(
                CliRunner.run(
                        "train",
                        "--channels",
                        "4096,4096,4096",
                        "--kernels",
                        "32,32,32",
                        "--latent-dim",
                        "4096",
                        "--models",
                        dir.resolve("m").toString(),
                        "--reports",
                        dir.resolve("r").toString()),
                "needs at least",
                "GB to train at batch 64",
                "parameters",
                "--channels");
        assertThat(dir.resolve("m")).doesNotExist();
    }

    @Test
    void aBatchLargerThanTheTrainingDataIsRefused(@TempDir Path dir) {
        Path data = Requirements.fashionMnist();
        assertOneLineUsageError(
                CliRunner.run(
                        "train",
                        "--data",
                        data.toString(),
                        "--train-limit",
                        "100",
                        "--batch-size",
                        "128",
                        "--models",
                        dir.resolve("m").toString(),
                        "--reports",
                        dir.resolve("r").toString()),
                "--batch-size 128 is larger than the 100 training images (--train-limit 100)",
                "use --batch-size 100 or less");
        assertThat(dir.resolve("m").resolve("checkpoints")).doesNotExist();
    }

    @Test
    void aBadReportsFolderIsFoundBeforeTheModelsFolderIsCreated(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertOneLineUsageError(
                CliRunner.run(
                        "train",
                        "--models",
                        dir.resolve("models").toString(),
                        "--reports",
                        file.resolve("sub").toString()),
                "cannot write to --reports folder");
        assertThat(dir.resolve("models")).doesNotExist();
    }

    @Test
    void aLatentDimOfZeroIsRefused() {
        assertOneLineUsageError(CliRunner.run("summary", "--latent-dim", "0"), "latent dim must be at least 1");
    }

    @Test
    void aMissingDataFolderSaysWhichFileIsMissing(@TempDir Path dir) {
        assertOneLineUsageError(
                CliRunner.run(
                        "train",
                        "--data",
                        dir.resolve("nowhere").toString(),
                        "--models",
                        dir.resolve("m").toString(),
                        "--reports",
                        dir.resolve("r").toString()),
                "has no train-images-idx3-ubyte",
                "--data");
    }

    @Test
    void anUnwritableOutputFolderIsRefusedBeforeTraining(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertOneLineUsageError(
                CliRunner.run("train", "--models", file.resolve("sub").toString()), "cannot write to --models folder");
    }

    @Test
    void anUnknownOptionPointsToHelp() {
        CliRunner r = CliRunner.run("train", "--epoch", "3");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--epoch").contains("fashionae train --help");
    }

    @Test
    void aModelFileThatIsNotAModelIsRefused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("autoencoder.zip"), "not a zip");
        assertOneLineUsageError(CliRunner.run("summary", "--model", file.toString()), "not a FashionAE model");
    }

    @Test
    void aNegativePlotIntervalIsRefused(@TempDir Path dir) {
        assertOneLineUsageError(
                CliRunner.run("train", "--plot-every", "-1", "--models", dir.toString(), "--reports", dir.toString()),
                "--plot-every must be >= 0");
    }

    @Test
    void verbosePrintsTheStackTrace() {
        CliRunner r = CliRunner.run("summary", "--latent-dim", "0", "--verbose");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("UserException").contains("\tat ");
    }
}
