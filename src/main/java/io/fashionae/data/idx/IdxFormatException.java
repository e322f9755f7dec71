package io.fashionae.data.idx;

import io.fashionae.common.UserException;

/**
 * An IDX or data file that cannot be used: missing, truncated, corrupt, of the wrong kind or with
 * content that disagrees with its header. The message names the file.
 */
public class IdxFormatException extends UserException {
    private static final long serialVersionUID = 1L;

    /** Default fix: get a fresh copy of the data. */
    public static final String REFETCH =
            "delete the file and run 'make data', or install Debian's dataset-fashion-mnist";

    /** A problem with {@code file}, with the default fix. */
    public IdxFormatException(String file, String problem) {
        super(file + ": " + problem, REFETCH);
    }

    /** The same problem with another fix (the file's origin decides what to do about it). */
    public IdxFormatException(IdxFormatException problem, String fix) {
        super(problem.getMessage(), fix, problem.getCause() == null ? problem : problem.getCause());
    }

    /** A problem with {@code file} caused by a lower-level failure. */
    public IdxFormatException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, REFETCH, cause);
    }
}
