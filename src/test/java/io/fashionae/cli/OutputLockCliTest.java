package io.fashionae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.common.FolderLock;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output-folder lock through the CLI: a folder held by a live process (this test's JVM,
 * standing in for a training run) is refused by {@code train}, {@code export} and {@code report}
 * in one line naming the holder; a lock left by a dead process is taken over with a notice; a
 * command releases its lock when it ends, also on an error.
 */
class OutputLockCliTest {

    /** A lock file as a live training run (this JVM) would leave it. */
    private static String liveTrainLock() {
        ProcessHandle me = ProcessHandle.current();
        return "pid=" + me.pid() + "\nstarted=" + me.info().startInstant().orElseThrow() + "\ncommand=train\ntoken=x\n";
    }

    /** A lock file of a process that has exited. */
    private static String deadLock() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return "pid=" + p.pid() + "\nstarted=" + Instant.now().minusSeconds(60) + "\ncommand=train\ntoken=y\n";
    }

    private static void assertRefusedNamingTheRun(CliRunner r) {
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines())
                .singleElement()
                .asString()
                .contains("is in use by 'train' (PID " + ProcessHandle.current().pid() + ", started ")
                .contains("wait for it to finish")
                .doesNotContain("Exception");
    }

    @Test
    void aSecondTrainIntoFoldersARunHoldsIsRefusedNamingThatRun(@TempDir Path dir) throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.writeString(models.resolve(FolderLock.FILE), liveTrainLock());
        Files.writeString(models.resolve("autoencoder.zip"), "the running run's model");
        CliRunner r = CliRunner.run(
                "train",
                "--models",
                models.toString(),
                "--reports",
                dir.resolve("reports").toString(),
                "--data",
                dir.resolve("nowhere").toString());
        assertRefusedNamingTheRun(r);
        assertThat(Files.readString(models.resolve("autoencoder.zip"))).isEqualTo("the running run's model");
        assertThat(Files.readString(models.resolve(FolderLock.FILE))).isEqualTo(liveTrainLock());
        // Nothing of ours is left in the reports folder it did lock before finding models held.
        assertThat(dir.resolve("reports").resolve(FolderLock.FILE)).doesNotExist();
    }

    @Test
    void exportAndReportIntoAFolderATrainingRunHoldsAreRefused(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("golden.zip");
        try (InputStream in = getClass().getResourceAsStream("/golden/tiny-autoencoder.zip")) {
            Files.copy(in, zip);
        }
        Path models = Files.createDirectories(dir.resolve("models"));
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.writeString(models.resolve(FolderLock.FILE), liveTrainLock());
        Files.writeString(reports.resolve(FolderLock.FILE), liveTrainLock());
        Files.writeString(reports.resolve("metrics.json"), "{}");
        assertRefusedNamingTheRun(CliRunner.run("export", "--model", zip.toString(), "--models", models.toString()));
        assertThat(models.resolve("encoder.onnx")).doesNotExist();
        assertRefusedNamingTheRun(
                CliRunner.run("report", "--reports", reports.toString(), "--models", models.toString()));
        assertThat(reports.resolve("index.html")).doesNotExist();
    }

    @Test
    void aLockLeftByADeadProcessIsTakenOverWithANoticeAndReleasedAtTheEnd(@TempDir Path dir) throws Exception {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.writeString(reports.resolve(FolderLock.FILE), deadLock());
        CliRunner r = CliRunner.run(
                "report",
                "--reports",
                reports.toString(),
                "--models",
                dir.resolve("models").toString());
        assertThat(r.err()).contains("notice: taking over the lock of", "which is no longer running");
        // The report itself then fails (no metrics.json): the lock is released on that path too.
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no metrics.json");
        assertThat(reports.resolve(FolderLock.FILE)).doesNotExist();
    }

    @Test
    void aTrainThatFailsReleasesItsLocks(@TempDir Path dir) {
        CliRunner r = CliRunner.run(
                "train",
                "--models",
                dir.resolve("m").toString(),
                "--reports",
                dir.resolve("r").toString(),
                "--data",
                dir.resolve("nowhere").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(dir.resolve("m").resolve(FolderLock.FILE)).doesNotExist();
        assertThat(dir.resolve("r").resolve(FolderLock.FILE)).doesNotExist();
    }
}
