package io.fashionae.training;

/**
 * Asks a running training to stop at the next step boundary (the CLI raises it on Ctrl-C). The
 * trainer polls it between steps, never inside one, so the model it checkpoints is whole.
 */
@FunctionalInterface
public interface StopSignal {
    /** A signal that is never raised. */
    StopSignal NEVER = () -> false;

    /** Whether training should stop after the step that is running. */
    boolean requested();
}
