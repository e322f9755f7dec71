package io.fashionae.config;

import io.fashionae.common.UserException;

/**
 * When the latent space is captured during training.
 *
 * @param every   steps between frames (the seed: 10); 0 turns frames off
 * @param until   last step that gets a frame (the seed: 400)
 * @param samples validation images per frame (0 = the whole validation set)
 */
public record PlotConfig(int every, int until, int samples) {
    /** The validation set's size: more samples per frame than that cannot be drawn. */
    public static final int MAX_SAMPLES = 10_000;

    /** Validates the values. */
    public PlotConfig {
        if (every < 0) {
            throw new UserException(
                    "invalid plot option: --plot-every must be >= 0 (0 = off), got " + every,
                    "the seed plots every 10 steps");
        }
        if (until < 0) {
            throw new UserException(
                    "invalid plot option: --plot-until must be >= 0, got " + until, "the seed plots up to step 400");
        }
        if (samples < 0) {
            throw new UserException(
                    "invalid plot option: --plot-samples must be >= 0 (0 = all), got " + samples,
                    "use 0 for the whole validation set");
        }
        if (samples > MAX_SAMPLES) {
            throw new UserException(
                    "invalid plot option: --plot-samples must be at most " + MAX_SAMPLES + " (the validation set), got "
                            + samples,
                    "use 0 for the whole validation set");
        }
    }

    /** The seed's schedule: every 10 steps up to step 400 (41 frames), the whole validation set. */
    public static PlotConfig seedDefaults() {
        return new PlotConfig(10, 400, 0);
    }

    /** Whether frames are captured at all. */
    public boolean enabled() {
        return every > 0;
    }
}
