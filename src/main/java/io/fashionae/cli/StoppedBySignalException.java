package io.fashionae.cli;

import io.fashionae.training.TrainingInterruptedException;

/** Training stopped at a signal's request after a checkpoint; carries the exit code of that signal. */
final class StoppedBySignalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitCode code;

    StoppedBySignalException(TrainingInterruptedException cause, ExitCode code) {
        super(cause.getMessage(), cause);
        this.code = code;
    }

    /** 130 for Ctrl-C, 143 for SIGTERM. */
    ExitCode code() {
        return code;
    }
}
