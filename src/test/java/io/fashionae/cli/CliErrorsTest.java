package io.fashionae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliErrorsTest {

    private static void assertOneLineUsageError(CliRunner r, String... fragments) {
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("error: ").contains(fragments).doesNotContain("Exception", "\tat ");
    }

    @Test
    void zeroEpochsIsAOneLineErrorNamingTheOption(@TempDir Path dir) {
        assertOneLineUsageError(CliRunner.run("train", "--epochs", "0", "--models", dir.toString(),
                "--reports", dir.toString()), "--epochs must be at least 1");
    }

    @Test
    void anArchitectureThatCannotReconstructIsRefusedBeforeTraining(@TempDir Path dir) {
        assertOneLineUsageError(CliRunner.run("train", "--strides", "3,2,2", "--models", dir.toString()),
                "cannot reconstruct 32x32");
    }

    @Test
    void aLatentDimOfZeroIsRefused() {
        assertOneLineUsageError(CliRunner.run("summary", "--latent-dim", "0"), "latent dim must be at least 1");
    }

    @Test
    void aMissingDataFolderSaysWhichFileIsMissing(@TempDir Path dir) {
        assertOneLineUsageError(CliRunner.run("train", "--data", dir.resolve("nowhere").toString(),
                "--models", dir.resolve("m").toString(), "--reports", dir.resolve("r").toString()),
                "has no train-images-idx3-ubyte", "--data");
    }

    @Test
    void anUnwritableOutputFolderIsRefusedBeforeTraining(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertOneLineUsageError(CliRunner.run("train", "--models", file.resolve("sub").toString()),
                "cannot write to --models folder");
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
        assertOneLineUsageError(CliRunner.run("train", "--plot-every", "-1", "--models", dir.toString(),
                "--reports", dir.toString()), "--plot-every must be >= 0");
    }

    @Test
    void verbosePrintsTheStackTrace() {
        CliRunner r = CliRunner.run("summary", "--latent-dim", "0", "--verbose");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("UserException").contains("\tat ");
    }
}
