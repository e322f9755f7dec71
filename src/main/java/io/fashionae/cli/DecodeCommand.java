package io.fashionae.cli;

import io.fashionae.common.UserException;
import io.fashionae.inference.LatentPointsInput;
import io.fashionae.inference.Npy;
import io.fashionae.inference.OnnxDecoder;
import io.fashionae.plot.DecodedGrid;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fashionae decode}: latent points to images with {@code decoder.onnx}, through ONNX
 * Runtime only (ND4J is never loaded on this path).
 */
@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        description = "Decode latent points to images with decoder.onnx (ONNX Runtime only). "
                + "Give points with --z and/or --csv, and at least one of --out and --npy.")
final class DecodeCommand implements Callable<Integer> {
    /** Points decoded at most in one call: 4 KB of output each, 400 MB in all. */
    static final int MAX_POINTS = 100_000;
    /** Points named in the error about non-finite output; the count says how many there were. */
    private static final int POINTS_NAMED = 3;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--model",
            paramLabel = "FILE",
            defaultValue = "models/decoder.onnx",
            description = "The decoder (default: ${DEFAULT-VALUE}).")
    Path model;

    @Option(names = "--z", paramLabel = "X,Y", description = "A latent point; repeat for more (default: none).")
    List<String> points = new ArrayList<>();

    @Option(
            names = "--csv",
            paramLabel = "FILE",
            description = "Latent points, one per line, comma-separated (default: none).")
    Path csv;

    @Option(
            names = "--out",
            paramLabel = "PNG",
            description =
                    "Write the decoded images as a PNG grid, at most " + DecodedGrid.MAX_IMAGES + " (default: none).")
    Path png;

    @Option(
            names = "--npy",
            paramLabel = "NPY",
            description = "Write the raw float32 output [N,1,32,32] as NumPy .npy (default: none).")
    Path npy;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        List<float[]> zs = new ArrayList<>();
        for (String p : points) {
            zs.add(LatentPointsInput.parse(p, "--z"));
        }
        if (csv != null) {
            zs.addAll(LatentPointsInput.readCsv(csv));
        }
        if (zs.isEmpty()) {
            throw new UserException("no latent points given", "pass --z X,Y (repeatable) or --csv FILE");
        }
        if (zs.size() > MAX_POINTS) {
            throw new UserException(
                    String.format(
                            Locale.ROOT,
                            "%,d latent points given, at most %,d are decoded at once",
                            zs.size(),
                            MAX_POINTS),
                    "split the CSV into parts");
        }
        if (png == null && npy == null) {
            throw new UserException("no output given", "pass --out FILE.png and/or --npy FILE.npy");
        }
        requireFileTarget(png, "--out", "decoded.png");
        requireFileTarget(npy, "--npy", "decoded.npy");
        PrintWriter out = spec.commandLine().getOut();
        try (OnnxDecoder decoder = OnnxDecoder.open(model)) {
            int n = zs.size();
            float[] images = decoder.decode(LatentPointsInput.flatten(zs, decoder.latentDim()), n);
            requireFinite(images, zs);
            int side = decoder.imageSide();
            int channels = decoder.imageChannels();
            if (npy != null) {
                Npy.writeFloat32(npy, images, n, channels, side, side);
                out.println("Wrote " + npy + " [" + n + ", " + channels + ", " + side + ", " + side + "] float32");
            }
            if (png != null) {
                DecodedGrid.Written grid = DecodedGrid.writePng(images, side, channels, zs, png);
                out.println("Wrote " + png + " (" + grid.shown() + " images"
                        + (grid.capped()
                                ? String.format(
                                        Locale.ROOT, ", the first of %,d points; --npy keeps them all)", grid.total())
                                : ")"));
            }
        }
        out.flush();
        return ExitCode.OK.code();
    }

    /** An output path that is a folder is refused before anything is decoded. */
    static void requireFileTarget(Path target, String option, String example) {
        if (target != null && Files.isDirectory(target)) {
            throw new UserException(
                    option + " " + target + " is a folder",
                    "name a file, e.g. " + option + " " + target.resolve(example));
        }
    }

    private static String coordinates(float[] z) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < z.length; i++) {
            sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4g", z[i]));
        }
        return sb.append(')').toString();
    }

    private static void requireFinite(float[] images, List<float[]> zs) {
        List<Integer> bad = OnnxDecoder.nonFiniteImages(images, zs.size());
        if (bad.isEmpty()) {
            return;
        }
        String named = bad.stream()
                .limit(POINTS_NAMED)
                .map(i -> "#" + (i + 1) + " " + coordinates(zs.get(i)))
                .collect(Collectors.joining(", "));
        throw new UserException(
                String.format(
                        Locale.ROOT,
                        "the decoder gives NaN or infinite pixels for %,d of %,d "
                                + "latent points: %s%s; nothing was written",
                        bad.size(),
                        zs.size(),
                        named,
                        bad.size() > POINTS_NAMED ? ", ..." : ""),
                "use points inside the latent range the model was trained on (see the report's latent plot)");
    }
}
