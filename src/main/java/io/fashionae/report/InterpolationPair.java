package io.fashionae.report;

import io.fashionae.common.UserException;

/**
 * Two validation images (by index in the validation set) whose latents the report interpolates
 * between, decoding the points of the straight line that joins them.
 *
 * @param from index of the first image
 * @param to   index of the second image
 */
public record InterpolationPair(int from, int to) {

    /** Checks the indices. */
    public InterpolationPair {
        if (from < 0 || to < 0 || from == to) {
            throw new UserException(
                    "invalid interpolation pair " + from + "," + to + ": two different validation image indices"
                            + " (from 0) are needed",
                    "give it as I,J, e.g. --interpolate 0,1");
        }
    }

    /** Parses {@code "I,J"}. */
    public static InterpolationPair parse(String text) {
        String[] parts = text.split(",");
        try {
            if (parts.length == 2) {
                return new InterpolationPair(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserException(
                "invalid interpolation pair '" + text + "': expected two validation image indices I,J",
                "give it as I,J, e.g. --interpolate 0,1");
    }
}
