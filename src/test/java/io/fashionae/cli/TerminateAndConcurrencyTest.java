package io.fashionae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.common.FolderLock;
import io.fashionae.testing.Requirements;
import io.fashionae.testing.Tags;
import io.fashionae.training.CheckpointRuns;
import io.fashionae.training.CheckpointStore;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real training process while other commands try its folders, then stopped with SIGTERM as
 * {@code docker stop} does: the second {@code train}, an {@code export} and a {@code report} into
 * its folders are refused naming it; SIGTERM ends it with a checkpoint, the resume hint and exit
 * 143, its locks released; a fresh run then refuses to start beside its checkpoints, and
 * {@code --resume} finishes it.
 */
@Tag(Tags.SLOW)
class TerminateAndConcurrencyTest {

    private static List<String> trainArgs(Path data, Path dir) {
        // 16 steps per epoch, 2 epochs, a checkpoint every 2 steps, no latent frames.
        return List.of(
                "train",
                "--data",
                data.toString(),
                "--epochs",
                "2",
                "--train-limit",
                "1024",
                "--val-limit",
                "200",
                "--plot-every",
                "0",
                "--checkpoint-every",
                "2",
                "--progress",
                "lines",
                "--models",
                dir.resolve("models").toString(),
                "--reports",
                dir.resolve("reports").toString());
    }

    @Test
    void aRunningTrainingHoldsItsFoldersAndSigtermStopsItResumably(@TempDir Path tmp) throws Exception {
        Path data = Requirements.fashionMnist();
        Path dir = tmp.resolve("run");
        Process running = KillAndResumeTest.start(dir, trainArgs(data, dir));
        KillAndResumeTest.awaitCheckpoint(running, dir, 2);
        String holder = "is in use by 'train' (PID " + running.pid() + ", started ";

        CliRunner second = CliRunner.run(trainArgs(data, dir).toArray(String[]::new));
        assertThat(second.exitCode()).as(second.err()).isEqualTo(2);
        assertThat(second.err().strip().lines()).singleElement().asString().contains(holder);

        assertOtherCommandsAreRefused(tmp, dir, holder);

        new ProcessBuilder("kill", "-TERM", Long.toString(running.pid()))
                .start()
                .waitFor();
        assertThat(KillAndResumeTest.finish(running)).isEqualTo(143);
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(err)
                .contains("Terminated (SIGTERM): stopping after this step", "training stopped after step", "--resume")
                .doesNotContain("\tat ");
        Path checkpoint = KillAndResumeTest.newestCheckpoint(dir);
        assertThat(err).contains(checkpoint.toString());
        assertThat(CheckpointStore.stepOf(checkpoint)).isLessThan(32);
        assertThat(dir.resolve("models").resolve(FolderLock.FILE)).doesNotExist();
        assertThat(dir.resolve("reports").resolve(FolderLock.FILE)).doesNotExist();

        CliRunner fresh = CliRunner.run(trainArgs(data, dir).toArray(String[]::new));
        assertThat(fresh.exitCode()).isEqualTo(2);
        assertThat(fresh.err().strip().lines())
                .singleElement()
                .asString()
                .contains(
                        "an interrupted training run has checkpoints here",
                        checkpoint.getParent().getFileName().toString(),
                        "continue it with --resume, or delete");
        assertThat(KillAndResumeTest.newestCheckpoint(dir)).isEqualTo(checkpoint);

        List<String> resume = new ArrayList<>(trainArgs(data, dir));
        resume.add("--resume");
        assertThat(KillAndResumeTest.finish(KillAndResumeTest.start(dir, resume)))
                .as(Files.readString(dir.resolve("err.txt")))
                .isZero();
        List<CheckpointRuns.Run> runs = new CheckpointRuns(dir.resolve("models").resolve("checkpoints")).list();
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.finished()).isTrue();
            assertThat(run.dir()).isEqualTo(checkpoint.getParent());
        });
    }

    /** While the run holds its folders, export and report into them are refused, naming the holder. */
    private void assertOtherCommandsAreRefused(Path tmp, Path dir, String holder) throws Exception {
        Path zip = tmp.resolve("golden.zip");
        try (InputStream in = getClass().getResourceAsStream("/golden/tiny-autoencoder.zip")) {
            Files.copy(in, zip);
        }
        CliRunner export = CliRunner.run(
                "export",
                "--model",
                zip.toString(),
                "--models",
                dir.resolve("models").toString());
        assertThat(export.exitCode()).isEqualTo(2);
        assertThat(export.err()).contains(holder);
        CliRunner report = CliRunner.run(
                "report",
                "--reports",
                dir.resolve("reports").toString(),
                "--models",
                dir.resolve("models").toString());
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.err()).contains(holder);
    }
}
