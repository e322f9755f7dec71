package io.fashionae.cli;

import io.fashionae.common.UserException;
import io.fashionae.inference.LatentPointsInput;
import io.fashionae.inference.Npy;
import io.fashionae.inference.OnnxDecoder;
import io.fashionae.latent.ImageSet;
import io.fashionae.plot.ImageGrid;
import io.fashionae.plot.Images;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fashionae decode}: latent points to images with {@code decoder.onnx}, through ONNX
 * Runtime only (ND4J is never loaded on this path).
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Decode latent points to images with decoder.onnx (ONNX Runtime only).")
final class DecodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", defaultValue = "models/decoder.onnx",
            description = "The decoder (default: ${DEFAULT-VALUE}).")
    Path model;
    @Option(names = "--z", paramLabel = "X,Y", description = "A latent point; repeat for more.")
    List<String> points = new ArrayList<>();
    @Option(names = "--csv", paramLabel = "FILE", description = "Latent points, one per line, comma-separated.")
    Path csv;
    @Option(names = "--out", paramLabel = "FILE.png", description = "Write the decoded images as a PNG grid.")
    Path png;
    @Option(names = "--npy", paramLabel = "FILE.npy", description = "Write the raw float32 output [N,1,32,32] as NumPy .npy.")
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
        if (png == null && npy == null) {
            throw new UserException("no output given", "pass --out FILE.png and/or --npy FILE.npy");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (OnnxDecoder decoder = OnnxDecoder.open(model)) {
            int n = zs.size();
            float[] images = decoder.decode(LatentPointsInput.flatten(zs, decoder.latentDim()), n);
            int side = decoder.imageSide();
            if (npy != null) {
                Npy.writeFloat32(npy, images, n, 1, side, side);
                out.println("Wrote " + npy + " [" + n + ", 1, " + side + ", " + side + "] float32");
            }
            if (png != null) {
                List<String> titles = new ArrayList<>();
                for (float[] z : zs) {
                    titles.add(format(z));
                }
                Images.writePng(ImageGrid.captioned(new ImageSet(images, side, titles), Math.min(n, 8), 3,
                        "Decoded latent points"), png);
                out.println("Wrote " + png + " (" + n + " images)");
            }
        }
        out.flush();
        return ExitCode.OK.code();
    }

    private static String format(float[] z) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < z.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", z[i]));
        }
        return sb.append(')').toString();
    }
}
