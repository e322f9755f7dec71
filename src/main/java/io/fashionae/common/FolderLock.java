package io.fashionae.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A lock on output folders, so that two commands never write into the same folder at once (two
 * {@code train} runs interleaving their model files and checkpoints, or an {@code export} replacing
 * a training run's ONNX files under it). Each folder gets a {@value #FILE} holding the owner's PID,
 * the time it started and the command; the file appears whole, atomically (written aside, then
 * hard-linked into place, which fails if a lock is already there).
 *
 * <p>A lock whose process is gone (or whose PID now belongs to a process started at another time)
 * is taken over with a notice. The lock is released by {@link #close()}, and by a shutdown hook
 * on the paths that skip it ({@code System.exit}, a signal without a handler); only a lock that is
 * still ours is deleted.
 */
public final class FolderLock implements AutoCloseable {
    /** The lock file's name inside each locked folder. */
    public static final String FILE = ".fashionae.lock";
    /** A PID's process start time may be reported a little differently from what we recorded. */
    private static final Duration START_SLACK = Duration.ofSeconds(2);

    private final List<Path> files;
    private final String content;
    private final Thread hook;
    private boolean released;

    /**
     * Who holds a lock.
     *
     * @param pid          the process
     * @param startedAt    when the process started
     * @param command      the command it runs ({@code train}, {@code export}, {@code report})
     */
    public record Holder(long pid, Instant startedAt, String command) {
        /** {@code 'train' (PID 4242, started 2026-12-01T15:40:03Z)}. */
        public String describe() {
            return "'" + command + "' (PID " + pid + ", started " + startedAt + ")";
        }

        /** Whether that very process is still running. */
        boolean alive() {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isEmpty() || !handle.get().isAlive()) {
                return false;
            }
            Optional<Instant> start = handle.get().info().startInstant();
            // A PID reused by a later process is not the holder.
            return start.isEmpty()
                    || Duration.between(startedAt, start.get()).abs().compareTo(START_SLACK) <= 0;
        }
    }

    private FolderLock(List<Path> files, String content) {
        this.files = files;
        this.content = content;
        this.hook = new Thread(this::release, "fashionae-lock-release");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Locks every folder of {@code dirs} (which must exist) for {@code command}, or none of them.
     *
     * @param notices told when a dead process's lock is taken over
     * @throws UserException naming the holder when another live process holds one of the folders
     */
    public static FolderLock acquire(String command, Consumer<String> notices, Path... dirs) throws IOException {
        Holder me = new Holder(
                ProcessHandle.current().pid(),
                ProcessHandle.current().info().startInstant().orElse(Instant.now()),
                command);
        // The token tells two locks of one process apart (commands run in-process, as tests do).
        String content = format(me) + "token=" + java.util.UUID.randomUUID() + "\n";
        Set<Path> unique = new LinkedHashSet<>();
        for (Path dir : dirs) {
            unique.add(dir.toAbsolutePath().normalize());
        }
        List<Path> taken = new ArrayList<>();
        try {
            for (Path dir : unique) {
                Path file = dir.resolve(FILE);
                lockOne(file, dir, content, notices);
                taken.add(file);
            }
        } catch (IOException | RuntimeException e) {
            for (Path file : taken) {
                deleteIfOurs(file, content);
            }
            throw e;
        }
        return new FolderLock(taken, content);
    }

    /** Who holds the lock of {@code dir}, if anyone (dead or alive). */
    public static Optional<Holder> holder(Path dir) {
        try {
            return Optional.ofNullable(parse(Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void lockOne(Path file, Path dir, String content, Consumer<String> notices) throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (create(file, content)) {
                return;
            }
            String existing;
            try {
                existing = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException gone) {
                continue; // released meanwhile: try again
            }
            Holder holder = parse(existing);
            if (holder != null && holder.alive()) {
                throw new UserException(
                        dir + " is in use by " + holder.describe(),
                        "wait for it to finish, or write elsewhere with other --models/--reports folders");
            }
            notices.accept("taking over the lock of " + dir + " left by "
                    + (holder == null
                            ? "an unreadable lock file"
                            : holder.describe() + ", which is no longer running"));
            deleteIfOurs(file, existing);
        }
        throw new UserException(
                "cannot lock " + dir + ": its lock file keeps changing",
                "check that no other fashionae command writes there, then try again");
    }

    /** Creates the lock file with its whole content at once; false when one is already there. */
    private static boolean create(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), FILE + ".", ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.createLink(file, tmp);
            } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
                if (e instanceof FileAlreadyExistsException) {
                    return false;
                }
                // No hard links here: create-new is atomic too, the content follows at once.
                Files.writeString(
                        file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String format(Holder h) {
        return "pid=" + h.pid() + "\nstarted=" + h.startedAt() + "\ncommand=" + h.command() + "\n";
    }

    private static Holder parse(String text) {
        try {
            Properties p = new Properties();
            p.load(new java.io.StringReader(text));
            return new Holder(
                    Long.parseLong(p.getProperty("pid")),
                    Instant.parse(p.getProperty("started")),
                    p.getProperty("command", "?"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void deleteIfOurs(Path file, String content) {
        try {
            if (Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // Gone already, or unreadable: nothing of ours to remove.
        }
    }

    /** Removes the lock files that are still ours; safe to call more than once, from any thread. */
    public synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        for (Path file : files) {
            deleteIfOurs(file, content);
        }
    }

    @Override
    public void close() {
        release();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or will run: it finds the lock released.
        }
    }
}
