package io.fashionae.cli;

import io.fashionae.common.AtomicFiles;
import io.fashionae.common.UserException;
import io.fashionae.config.FashionMnistClasses;
import io.fashionae.config.ImagePadding;
import io.fashionae.data.idx.IdxArray;
import io.fashionae.data.idx.IdxFormatException;
import io.fashionae.data.idx.IdxReader;
import io.fashionae.data.images.ImageFile;
import io.fashionae.data.images.ImageFolder;
import io.fashionae.inference.OnnxEncoder;
import io.fashionae.plot.GreyImages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fashionae encode}: images (an IDX file or PNGs) to latent vectors with {@code encoder.onnx}. */
@Command(
        name = "encode",
        mixinStandardHelpOptions = true,
        description = "Encode images to a latent CSV with encoder.onnx: an IDX images file or 28x28/32x32 grey PNGs, "
                + "or, for a model trained on --images, image files and folders like its own.")
final class EncodeCommand implements Callable<Integer> {
    /** Image files decoded and encoded per ONNX Runtime call. */
    private static final int IMAGE_CHUNK = 256;

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "IMAGES",
            arity = "1..*",
            description = "An IDX images file (.gz or raw), or PNG files and folders of PNGs (required).")
    List<Path> inputs;

    @Option(
            names = "--model",
            paramLabel = "FILE",
            defaultValue = "models/encoder.onnx",
            description = "The encoder (default: ${DEFAULT-VALUE}).")
    Path model;

    @Option(
            names = "--out",
            paramLabel = "CSV",
            required = true,
            description = "Where to write the latent CSV (required).")
    Path out;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "0",
            description = "Encode only the first N images; 0 = all (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        DecodeCommand.requireFileTarget(out, "--out", "latents.csv");
        if (limit < 0) {
            throw new UserException("--limit must be >= 0 (0 = all), got " + limit, "see 'fashionae encode --help'");
        }
        try (OnnxEncoder encoder = OnnxEncoder.open(model)) {
            List<String> names = new ArrayList<>();
            float[] z;
            if (encoder.takesImageFiles()) {
                z = encodeImageFiles(encoder, names);
            } else {
                float[] pixels = load(new ImagePadding(FashionMnistClasses.IMAGE_SIDE, encoder.imageSide()), names);
                z = encoder.encode(pixels, names.size());
            }
            int n = names.size();
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

    private float[] load(ImagePadding padding, List<String> names) {
        List<Path> files = GreyImages.expand(inputs);
        if (files.size() == 1 && !GreyImages.isPng(files.get(0)) && !Files.isDirectory(inputs.get(0))) {
            return loadIdx(files.get(0), padding, names);
        }
        files = limit > 0 ? files.subList(0, Math.min(limit, files.size())) : files;
        float[] pixels = new float[files.size() * padding.paddedPixels()];
        for (int i = 0; i < files.size(); i++) {
            GreyImages.readInto(files.get(i), padding.side(), padding.paddedSide(), pixels, i * padding.paddedPixels());
            names.add(files.get(i).getFileName().toString());
        }
        return pixels;
    }

    /**
     * A model trained on {@code --images}: image files of any size and kind that training reads,
     * fitted the same way (folders stand for the images in them and in their class subfolders),
     * decoded and encoded {@value #IMAGE_CHUNK} at a time so that a large folder never sits in memory.
     */
    private float[] encodeImageFiles(OnnxEncoder encoder, List<String> names) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                ImageFolder.scan(input).entries().forEach(e -> files.add(e.file()));
            } else if (!Files.exists(input)) {
                throw new UserException("image file " + input + " not found", "check the path");
            } else {
                files.add(input);
            }
        }
        List<Path> used = limit > 0 ? files.subList(0, Math.min(limit, files.size())) : files;
        int side = encoder.imageSide();
        int channels = encoder.imageChannels();
        int per = channels * side * side;
        float[] z = new float[used.size() * encoder.latentDim()];
        for (int from = 0; from < used.size(); from += IMAGE_CHUNK) {
            int n = Math.min(IMAGE_CHUNK, used.size() - from);
            float[] pixels = new float[n * per];
            for (int i = 0; i < n; i++) {
                Path file = used.get(from + i);
                System.arraycopy(
                        ImageFile.toTensor(ImageFile.decode(file, side), side, channels), 0, pixels, i * per, per);
                names.add(file.toString());
            }
            float[] chunk = encoder.encode(pixels, n);
            System.arraycopy(chunk, 0, z, from * encoder.latentDim(), chunk.length);
        }
        return z;
    }

    private float[] loadIdx(Path file, ImagePadding padding, List<String> names) {
        IdxArray idx;
        try {
            idx = IdxReader.withDefaultLimit().read(file, 3);
        } catch (IdxFormatException e) {
            // The user's own file: the data set's "run make data" would be the wrong advice.
            throw new UserException(e.getMessage(), "pass an IDX images file (.gz or raw) or 28x28/32x32 PNG files", e);
        }
        int n = limit > 0 ? Math.min(limit, idx.count()) : idx.count();
        float[] pixels = new float[n * padding.paddedPixels()];
        for (int i = 0; i < n; i++) {
            padding.padInto(idx.data(), i, pixels, i * padding.paddedPixels());
            names.add(file.getFileName() + "#" + i);
        }
        return pixels;
    }
}
