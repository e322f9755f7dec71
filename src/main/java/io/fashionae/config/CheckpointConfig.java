package io.fashionae.config;

import io.fashionae.common.UserException;

/**
 * When training writes checkpoints and whether it starts from one.
 *
 * @param every  steps between checkpoints inside an epoch (0 = only at the end of each epoch)
 * @param keep   how many checkpoints to keep, newest first (at least 1)
 * @param resume continue from the newest readable checkpoint instead of starting afresh
 */
public record CheckpointConfig(int every, int keep, boolean resume) {
    /** Steps between checkpoints by default: about two minutes of training at batch 64 on 2 cores. */
    public static final int DEFAULT_EVERY = 200;
    /** Checkpoints kept by default: one spare in case the newest is unreadable, one more to be safe. */
    public static final int DEFAULT_KEEP = 3;
    /** Checkpoints kept at most. */
    public static final int MAX_KEEP = 1000;

    /** Validates the values. */
    public CheckpointConfig {
        if (every < 0) {
            throw new UserException(
                    "invalid checkpoint option: --checkpoint-every must be >= 0 (0 = once per epoch), got " + every,
                    "use a positive step count, or 0");
        }
        if (keep < 1) {
            throw new UserException(
                    "invalid checkpoint option: --keep-checkpoints must be at least 1, got " + keep,
                    "keep at least the newest checkpoint");
        }
        if (keep > MAX_KEEP) {
            throw new UserException(
                    "invalid checkpoint option: --keep-checkpoints must be at most " + MAX_KEEP + ", got " + keep,
                    "each checkpoint is a whole model with its Adam state");
        }
    }

    /** Every {@value #DEFAULT_EVERY} steps and each epoch, keep {@value #DEFAULT_KEEP}, no resume. */
    public static CheckpointConfig defaults() {
        return new CheckpointConfig(DEFAULT_EVERY, DEFAULT_KEEP, false);
    }
}
