package io.fashionae.cli;

import io.fashionae.common.AtomicFiles;
import io.fashionae.common.UserException;
import io.fashionae.dataset.FashionMnistClasses;
import io.fashionae.data.IdxArray;
import io.fashionae.data.IdxReader;
import io.fashionae.dataset.ImagePadding;
import io.fashionae.inference.OnnxEncoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fashionae encode}: images (an IDX file or PNGs) to latent vectors with {@code encoder.onnx}. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Encode images (an IDX images file, or 28x28/32x32 grey PNGs) to a latent CSV with encoder.onnx.")
final class EncodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IMAGES", arity = "1..*", description = "An IDX images file (.gz or raw) or PNG files.")
    List<Path> inputs;
    @Option(names = "--model", paramLabel = "FILE", defaultValue = "models/encoder.onnx",
            description = "The encoder (default: ${DEFAULT-VALUE}).")
    Path model;
    @Option(names = "--out", paramLabel = "FILE.csv", required = true, description = "Where to write the latent CSV.")
    Path out;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "Encode only the first N images (0 = all).")
    int limit;
    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        try (OnnxEncoder encoder = OnnxEncoder.open(model)) {
            ImagePadding padding = new ImagePadding(FashionMnistClasses.IMAGE_SIDE, encoder.imageSide());
            List<String> names = new ArrayList<>();
            float[] pixels = load(padding, names);
            int n = names.size();
            float[] z = encoder.encode(pixels, n);
            StringBuilder csv = new StringBuilder("source");
            for (int d = 1; d <= encoder.latentDim(); d++) {
                csv.append(",z").append(d);
            }
            csv.append('\n');
            for (int i = 0; i < n; i++) {
                csv.append(names.get(i));
                for (int d = 0; d < encoder.latentDim(); d++) {
                    csv.append(',').append(String.format(Locale.ROOT, "%.6g", z[i * encoder.latentDim() + d]));
                }
                csv.append('\n');
            }
            AtomicFiles.writeString(out, csv.toString());
            PrintWriter w = spec.commandLine().getOut();
            w.println("Encoded " + n + " images to " + out);
            w.flush();
        }
        return ExitCode.OK.code();
    }

    private float[] load(ImagePadding padding, List<String> names) throws IOException {
        if (inputs.size() == 1 && !inputs.get(0).toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            IdxArray idx = IdxReader.withDefaultLimit().read(inputs.get(0), 3);
            int n = limit > 0 ? Math.min(limit, idx.count()) : idx.count();
            float[] pixels = new float[n * padding.paddedPixels()];
            for (int i = 0; i < n; i++) {
                padding.padInto(idx.data(), i, pixels, i * padding.paddedPixels());
                names.add(inputs.get(0).getFileName() + "#" + i);
            }
            return pixels;
        }
        List<Path> files = limit > 0 ? inputs.subList(0, Math.min(limit, inputs.size())) : inputs;
        float[] pixels = new float[files.size() * padding.paddedPixels()];
        for (int i = 0; i < files.size(); i++) {
            readPng(files.get(i), padding, pixels, i * padding.paddedPixels());
            names.add(files.get(i).getFileName().toString());
        }
        return pixels;
    }

    private static void readPng(Path file, ImagePadding padding, float[] out, int offset) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            throw new UserException(file + " is not a readable image", "pass PNG files or an IDX images file");
        }
        int side = FashionMnistClasses.IMAGE_SIDE;
        int padded = padding.paddedSide();
        int pad;
        if (img.getWidth() == side && img.getHeight() == side) {
            pad = padding.pad();
        } else if (img.getWidth() == padded && img.getHeight() == padded) {
            pad = 0;
        } else {
            throw new UserException(file + " is " + img.getWidth() + "x" + img.getHeight() + ", expected " + side + "x"
                    + side + " or " + padded + "x" + padded, "resize it first (white item on black, like Fashion-MNIST)");
        }
        for (int r = 0; r < img.getHeight(); r++) {
            for (int c = 0; c < img.getWidth(); c++) {
                int rgb = img.getRGB(c, r);
                float grey = (0.299f * ((rgb >> 16) & 0xff) + 0.587f * ((rgb >> 8) & 0xff) + 0.114f * (rgb & 0xff)) / 255f;
                out[offset + (r + pad) * padded + c + pad] = grey;
            }
        }
    }
}
