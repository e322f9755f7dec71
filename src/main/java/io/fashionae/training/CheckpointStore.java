package io.fashionae.training;

import io.fashionae.common.AtomicFiles;
import io.fashionae.common.Json;
import io.fashionae.common.UserException;
import io.fashionae.config.Engine;
import io.fashionae.config.TrainingConfig;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.ModelStore;
import io.fashionae.model.StoredModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checkpoints of a run, {@code checkpoint-step-NNNNNNNN.zip} in one folder: each a complete
 * model file (parameters, Adam state, configs) plus the {@link TrainingState}, written through a
 * temporary file, flushed and renamed, so a kill at any moment leaves every listed checkpoint
 * whole. Only the newest {@code keep} are kept. Restoring falls back from an unreadable newest
 * checkpoint to the one before it, and says so.
 */
public final class CheckpointStore {
    private static final Pattern NAME = Pattern.compile("checkpoint-step-(\\d{8})\\.zip");

    private final Path dir;
    private final int keep;

    /**
     * A checkpoint restored from disk.
     *
     * @param file     the checkpoint it came from
     * @param model    parameters and Adam state, ready to train on
     * @param training the training settings it was written with
     * @param state    where the run stood
     * @param skipped  one line for each newer checkpoint that could not be read, and why
     */
    public record Restored(
            Path file, Autoencoder model, TrainingConfig training, TrainingState state, List<String> skipped) {
        /** Copies the list. */
        public Restored {
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * @param dir  the folder (created on the first save)
     * @param keep how many checkpoints to keep, at least 1
     */
    public CheckpointStore(Path dir, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1");
        }
        this.dir = dir;
        this.keep = keep;
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    /**
     * Writes a checkpoint of a model already serialised ({@link ModelStore#snapshot}) at
     * {@code state.step()}, then deletes all but the newest {@code keep}; returns its path.
     */
    public Path save(ModelStore.Snapshot model, TrainingConfig training, TrainingState state) throws IOException {
        Path file = dir.resolve(String.format("checkpoint-step-%08d.zip", state.step()));
        ModelStore.write(model, training, state, file);
        List<Path> all = list();
        for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
            Files.deleteIfExists(old);
        }
        return file;
    }

    /**
     * Marks the run as finished (all epochs trained) or not: a finished run's checkpoints stay,
     * for {@code --resume --epochs N} to train it further, but do not stop a fresh run.
     */
    public void markFinished(boolean finished) throws IOException {
        Path marker = dir.resolve(CheckpointRuns.FINISHED_MARKER);
        if (finished) {
            AtomicFiles.writeString(marker, java.time.Instant.now() + "\n");
        } else {
            Files.deleteIfExists(marker);
        }
    }

    /** The checkpoints on disk, newest (highest step) first. */
    public List<Path> list() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString())
                            .reversed())
                    .toList();
        }
    }

    /** The newest checkpoint's path, or null when there is none. */
    public Path newest() throws IOException {
        List<Path> all = list();
        return all.isEmpty() ? null : all.get(0);
    }

    /**
     * The newest checkpoint that reads back whole, on {@code engine}'s layers (a concrete engine;
     * the checkpoint may have been written by either).
     *
     * @throws UserException when there is none, or none is readable
     */
    public Restored restoreNewest(Engine engine) throws IOException {
        List<Path> all = list();
        if (all.isEmpty()) {
            throw new UserException(
                    "no checkpoint to resume from in " + dir,
                    "train without --resume, or pass the --models folder of the interrupted run");
        }
        List<String> skipped = new ArrayList<>();
        for (Path file : all) {
            try {
                return read(file, skipped, engine);
            } catch (IOException | RuntimeException e) {
                skipped.add("checkpoint " + file.getFileName() + " is unreadable (" + reason(e) + ")");
            }
        }
        throw new UserException(
                "none of the " + all.size() + " checkpoints in " + dir + " can be read: " + String.join("; ", skipped),
                "train again without --resume");
    }

    private static Restored read(Path file, List<String> skipped, Engine engine) throws IOException {
        StoredModel stored = ModelStore.read(file);
        String trainingJson = stored.trainingJson();
        String stateJson = stored.checkpointJson();
        if (trainingJson == null || stateJson == null) {
            throw new IOException("not a checkpoint: no training settings or state");
        }
        return new Restored(
                file,
                stored.restore(true, engine),
                Json.read(trainingJson, TrainingConfig.class),
                Json.read(stateJson, TrainingState.class),
                skipped);
    }

    private static String reason(Exception e) {
        if (e instanceof UserException u) {
            return u.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The step a checkpoint file was written at, from its name. */
    public static long stepOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a checkpoint name: " + file);
        }
        return Long.parseLong(m.group(1));
    }
}
