package io.fashionae.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fashionae.common.UserException;
import io.fashionae.config.CheckpointConfig;
import io.fashionae.config.DataConfig;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.OutputConfig;
import io.fashionae.config.PlotConfig;
import io.fashionae.config.TrainingConfig;
import io.fashionae.data.idx.IdxDataModule;
import io.fashionae.model.Inference;
import io.fashionae.model.ModelStore;
import io.fashionae.testing.SyntheticData;
import io.fashionae.testing.TestEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints belong to their run: a fresh run never prunes, deletes or resumes another run's
 * checkpoints, refuses to start beside an interrupted run's, and {@code --resume} continues the
 * interrupted run even when another run left higher step numbers (the defect of issue 15).
 */
class CheckpointRunsTest {
    private static final ModelConfig MODEL = ModelConfig.builder()
            .encoder(List.of(3, 3, 3), List.of(4, 8, 8), List.of(2, 2, 2))
            .build();
    /** 8 steps of 32 in one epoch. */
    private static final TrainingConfig TRAINING = new TrainingConfig(1, 32, 2e-3, 1e-5, 13, 0, 0);

    private static final PlotConfig NO_PLOTS = new PlotConfig(0, 0, 0);
    private static final IdxDataModule DATA =
            IdxDataModule.inMemory(SyntheticData.bars(256, 3), SyntheticData.bars(64, 4));

    private static TrainingJob job(Path dir, boolean resume) {
        return new TrainingJob(
                MODEL,
                TRAINING,
                NO_PLOTS,
                new DataConfig(null, false),
                OutputConfig.under(dir),
                new CheckpointConfig(1, 3, resume),
                TestEngines.NATIVE);
    }

    /** Another run's folder with checkpoints at higher steps than this test's runs ever reach. */
    private static Path otherRun(Path dir, String id, boolean finished) throws Exception {
        Path run =
                Files.createDirectories(OutputConfig.under(dir).checkpointsDir().resolve(id));
        for (int step : new int[] {10, 15, 16}) {
            Files.writeString(
                    run.resolve(String.format("checkpoint-step-%08d.zip", step)), "checkpoint " + step + " of " + id);
        }
        if (finished) {
            Files.writeString(run.resolve(CheckpointRuns.FINISHED_MARKER), "done");
        }
        return run;
    }

    private static List<String> contents(Path run) throws Exception {
        List<String> out = new ArrayList<>();
        try (var files = Files.list(run)) {
            for (Path f : files.sorted().toList()) {
                out.add(f.getFileName() + "=" + Files.readString(f));
            }
        }
        return out;
    }

    private static TrainingJob.Outcome run(
            TrainingJob job, TrainingJob.Start start, TrainingProgress progress, StopSignal stop) {
        return job.run(start, Inference.dl4j(start.model()), progress, frame -> {}, stop);
    }

    private static List<Path> checkpoints(Path run) throws Exception {
        return new CheckpointStore(run, 1).list();
    }

    @Test
    void aFreshRunKeepsItsOwnCheckpointsAndNeverPrunesAnotherRuns(@TempDir Path dir) throws Exception {
        Path other = otherRun(dir, "run-20000101-000000-aaaa", true);
        List<String> before = contents(other);

        TrainingJob job = job(dir, false);
        TrainingJob.Outcome outcome =
                run(job, job.start(DATA, TrainingProgress.NONE), TrainingProgress.NONE, StopSignal.NEVER);

        assertThat(contents(other)).isEqualTo(before);
        List<CheckpointRuns.Run> runs =
                new CheckpointRuns(OutputConfig.under(dir).checkpointsDir()).list();
        assertThat(runs).hasSize(2);
        CheckpointRuns.Run mine = runs.get(1);
        assertThat(mine.id()).isNotEqualTo("run-20000101-000000-aaaa").startsWith("run-");
        assertThat(mine.finished()).isTrue();
        assertThat(checkpoints(mine.dir())).extracting(CheckpointStore::stepOf).containsExactly(8L, 7L, 6L);
        String state = ModelStore.read(mine.newest()).checkpointJson();
        assertThat(state).contains("\"run_id\" : \"" + mine.id() + "\"");
        assertThat(outcome.training().metrics().epochs()).hasSize(1);
    }

    @Test
    void aFreshRunRefusesToStartBesideAnInterruptedRunsCheckpoints(@TempDir Path dir) throws Exception {
        Path other = otherRun(dir, "run-20000101-000000-bbbb", false);
        List<String> before = contents(other);
        assertThatThrownBy(() -> job(dir, false).start(DATA, TrainingProgress.NONE))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("an interrupted training run has checkpoints here: run run-20000101-000000-bbbb")
                .hasMessageContaining("newest checkpoint at step 16")
                .satisfies(e -> assertThat(((UserException) e).fix()).contains("--resume", "delete " + other));
        assertThat(contents(other)).isEqualTo(before);
        assertThat(OutputConfig.under(dir).modelFile()).doesNotExist();
    }

    @Test
    void resumeContinuesTheInterruptedRunNotAnotherRunWithHigherSteps(@TempDir Path dir) throws Exception {
        TrainingJob fresh = job(dir, false);
        TrainingJob.Start start = fresh.start(DATA, TrainingProgress.NONE);
        StopSignal afterThree = () -> start.model().graph().getIterationCount() >= 3;
        assertThatThrownBy(() -> run(fresh, start, TrainingProgress.NONE, afterThree))
                .isInstanceOf(TrainingInterruptedException.class);
        Path interrupted = CheckpointRuns.dirOf(
                OutputConfig.under(dir).checkpointsDir(), start.state().runId());
        assertThat(checkpoints(interrupted)).extracting(CheckpointStore::stepOf).containsExactly(3L, 2L, 1L);
        // A later, finished run with higher step numbers (as the seed-7 run of the issue).
        Path other = otherRun(dir, "run-29991231-235959-cccc", true);
        List<String> before = contents(other);

        AtomicReference<Path> resumedFrom = new AtomicReference<>();
        TrainingProgress progress = new TrainingProgress() {
            @Override
            public void resumed(Path checkpoint, long step, List<String> skipped) {
                resumedFrom.set(checkpoint);
            }
        };
        TrainingJob resume = job(dir, true);
        run(resume, resume.start(DATA, progress), progress, StopSignal.NEVER);

        assertThat(resumedFrom.get()).isEqualTo(interrupted.resolve("checkpoint-step-00000003.zip"));
        assertThat(checkpoints(interrupted)).extracting(CheckpointStore::stepOf).containsExactly(8L, 7L, 6L);
        assertThat(interrupted.resolve(CheckpointRuns.FINISHED_MARKER)).exists();
        assertThat(contents(other)).isEqualTo(before);
    }
}
