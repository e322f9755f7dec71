package io.fashionae.cli;

/** Process exit codes, the same for every command. */
public enum ExitCode {
    /** Success. */
    OK(0),
    /** A bug or an unexpected failure (I/O error, native crash). */
    INTERNAL(1),
    /** Bad input: an option, a data file, a model file. The message says what to fix. */
    USAGE(2),
    /** The loss became NaN or infinite; the last good model was kept. */
    DIVERGED(3),
    /** Interrupted by the user (Ctrl-C), after a checkpoint. */
    INTERRUPTED(130),
    /** Stopped by SIGTERM ({@code docker stop}, systemd, a CI runner), after a checkpoint. */
    TERMINATED(143);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The numeric code. */
    public int code() {
        return code;
    }
}
