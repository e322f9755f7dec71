package io.fashionae.common;

/**
 * A problem the user can fix: bad input, a missing file, an invalid option.
 *
 * <p>The message names the problem and {@link #fix()} says what to do about it; the CLI prints
 * both on one line and exits with code 2, with no stack trace unless {@code --verbose}.
 */
public class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String fix;

    /**
     * @param problem what is wrong, for example {@code "train-labels-idx1-ubyte: label 12 at index 7 is outside 0..9"}
     * @param fix what the user should do, for example {@code "re-download the data with 'make data'"}
     */
    public UserException(String problem, String fix) {
        super(problem);
        this.fix = fix;
    }

    /** Same as {@link #UserException(String, String)} and keeps the low-level cause for {@code --verbose}. */
    public UserException(String problem, String fix, Throwable cause) {
        super(problem, cause);
        this.fix = fix;
    }

    /** What the user should do; never null, may be empty. */
    public String fix() {
        return fix == null ? "" : fix;
    }

    /** The one line the CLI prints: problem, then the fix. */
    public String oneLine() {
        return fix().isEmpty() ? getMessage() : getMessage() + " (" + fix() + ")";
    }
}
