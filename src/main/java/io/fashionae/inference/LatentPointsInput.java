package io.fashionae.inference;

import io.fashionae.common.UserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Latent points given on the command line ({@code --z 1.5,-2}) or in a CSV file, one point per line. */
public final class LatentPointsInput {
    private LatentPointsInput() {}

    /** Parses {@code "x,y,..."}; {@code where} names the source in errors. */
    public static float[] parse(String text, String where) {
        String[] parts = text.trim().split("\\s*,\\s*");
        float[] z = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                z[i] = Float.parseFloat(parts[i]);
            } catch (NumberFormatException e) {
                throw new UserException(
                        where + ": '" + text + "' is not a list of numbers",
                        "write a latent point as comma-separated numbers, e.g. 1.5,-2");
            }
            if (!Float.isFinite(z[i])) {
                throw new UserException(where + ": '" + text + "' has a non-finite coordinate", "use finite numbers");
            }
        }
        return z;
    }

    /**
     * Reads a CSV of points: one per line, comma-separated; blank lines, {@code #} comments and a
     * header line that is not numeric are skipped.
     */
    public static List<float[]> readCsv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UserException(
                    "cannot read latent CSV " + file + " (" + e.getClass().getSimpleName() + ")", "check the path", e);
        }
        List<float[]> points = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && !line.matches("[-+0-9.eE,\\s]+"))) {
                continue;
            }
            points.add(parse(line, file + " line " + (i + 1)));
        }
        return points;
    }

    /** All points as one row-major array, each of {@code dim} coordinates. */
    public static float[] flatten(List<float[]> points, int dim) {
        float[] out = new float[points.size() * dim];
        for (int i = 0; i < points.size(); i++) {
            float[] p = points.get(i);
            if (p.length != dim) {
                throw new UserException(
                        "latent point " + (i + 1) + " has " + p.length + " coordinates, the decoder takes " + dim,
                        "give " + dim + " comma-separated numbers per point");
            }
            System.arraycopy(p, 0, out, i * dim, dim);
        }
        return out;
    }
}
