package io.fashionae.training;

import io.fashionae.common.UserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The runs whose checkpoints are under {@code models/checkpoints/}: each run has an identity
 * ({@code run-YYYYMMDD-HHMMSS-xxxx}, its start time in UTC and a random suffix) stored in every
 * checkpoint it writes, and its own folder of that name, where it alone writes and prunes.
 *
 * <ul>
 *   <li>A run that trained all its epochs leaves a {@value #FINISHED_MARKER} file in its folder;
 *       its checkpoints stay (so {@code --resume --epochs N} can train it further) until the user
 *       deletes the folder.</li>
 *   <li>A fresh run refuses to start while an unfinished (interrupted) run's checkpoints are
 *       there: {@code --resume} continues that run, deleting its folder discards it.</li>
 *   <li>{@code --resume} continues the newest unfinished run, else the newest finished one.</li>
 *   <li>Checkpoints written before runs had an identity lie directly in {@code checkpoints/}: they
 *       are never touched by a new run, and {@code --resume} uses them when no run folder exists.</li>
 * </ul>
 */
public final class CheckpointRuns {
    /** File in a run's folder that says it trained all its epochs. */
    public static final String FINISHED_MARKER = "finished";

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Path root;

    /**
     * One run's checkpoints.
     *
     * @param id       the run id, or null for checkpoints of the layout without runs
     * @param dir      its folder
     * @param finished whether it trained all its epochs
     * @param newest   its newest checkpoint, or null when it has none
     */
    public record Run(String id, Path dir, boolean finished, Path newest) {
        /** How the run is named in messages. */
        public String describe() {
            return (id == null ? "checkpoints of an earlier version" : "run " + id) + " in " + dir
                    + (newest == null ? "" : " (newest checkpoint at step " + CheckpointStore.stepOf(newest) + ")");
        }
    }

    /** @param root the {@code models/checkpoints} folder (may not exist yet) */
    public CheckpointRuns(Path root) {
        this.root = root;
    }

    /** A new run id: the start time (UTC, to the second) and four random hex digits. */
    public static String newId(Instant start) {
        return "run-" + ID_TIME.format(start) + "-"
                + String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }

    /** The folder of run {@code runId} under {@code root}; {@code root} itself for a run without an id. */
    public static Path dirOf(Path root, String runId) {
        return runId == null ? root : root.resolve(runId);
    }

    /** The runs with at least one checkpoint, oldest first; the id-less layout, if present, comes first. */
    public List<Run> list() throws IOException {
        List<Run> runs = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return runs;
        }
        Run legacy = read(null, root);
        if (legacy.newest() != null) {
            runs.add(legacy);
        }
        try (Stream<Path> entries = Files.list(root)) {
            for (Path dir : entries.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().startsWith("run-"))
                    .sorted(Comparator.comparing(d -> d.getFileName().toString()))
                    .toList()) {
                Run run = read(dir.getFileName().toString(), dir);
                if (run.newest() != null) {
                    runs.add(run);
                }
            }
        }
        return runs;
    }

    private static Run read(String id, Path dir) throws IOException {
        return new Run(id, dir, Files.exists(dir.resolve(FINISHED_MARKER)), new CheckpointStore(dir, 1).newest());
    }

    /**
     * Refuses a fresh run while a run that did not finish has checkpoints here: starting afresh
     * would leave them to be resumed by mistake later, or lose them.
     *
     * @throws UserException naming the run and the two ways out
     */
    public void requireNoInterrupted() throws IOException {
        for (Run run : list()) {
            if (run.id() != null && !run.finished()) {
                throw new UserException(
                        "an interrupted training run has checkpoints here: " + run.describe(),
                        "continue it with --resume, or delete " + run.dir() + " to start afresh");
            }
        }
    }

    /**
     * The run {@code --resume} continues: the newest unfinished one, else the newest finished one
     * (to train it further with a larger {@code --epochs}); the id-less layout only when there is
     * no run folder.
     *
     * @throws UserException when there is no checkpoint at all
     */
    public Run toResume() throws IOException {
        List<Run> runs = list();
        List<Run> withId = runs.stream().filter(r -> r.id() != null).toList();
        List<Run> candidates = withId.isEmpty() ? runs : withId;
        if (candidates.isEmpty()) {
            throw new UserException(
                    "no checkpoint to resume from in " + root,
                    "train without --resume, or pass the --models folder of the interrupted run");
        }
        for (int i = candidates.size() - 1; i >= 0; i--) {
            if (!candidates.get(i).finished()) {
                return candidates.get(i);
            }
        }
        return candidates.get(candidates.size() - 1);
    }
}
