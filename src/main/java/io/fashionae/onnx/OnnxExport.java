package io.fashionae.onnx;

import ai.onnx.proto.OnnxMl;
import io.fashionae.common.AtomicFiles;
import io.fashionae.common.Json;
import io.fashionae.config.TrainingConfig;
import io.fashionae.inference.OnnxModel;
import io.fashionae.model.Autoencoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports the encoder, the decoder and the whole autoencoder, each checked before it is kept:
 * the new file is written under a temporary name, loaded in ONNX Runtime, run on random and real
 * inputs and compared with DL4J element by element; only a file within tolerance is renamed into
 * place, so a wrong export never replaces a good one. The figures are kept in
 * {@code onnx-export.json} beside the files.
 */
public final class OnnxExport {
    /** Report file written beside the ONNX files. */
    public static final String REPORT_FILE = "onnx-export.json";
    /**
     * Allowed max |ONNX - DL4J| relative to the output scale. Both sides are float32 with different
     * summation orders; measured differences are ~1e-7, a wrong mapping shows as 1e-2 and up.
     */
    public static final double REL_TOLERANCE = 1e-4;

    private static final Logger LOG = LoggerFactory.getLogger(OnnxExport.class);
    private static final int RANDOM_INPUTS = 16;
    /** Real validation images the callers pass for the check. */
    public static final int CHECK_IMAGES = 64;

    private OnnxExport() {}

    /**
     * Parity figures of one exported file.
     *
     * @param part           encoder, decoder or autoencoder
     * @param file           where it was written
     * @param bytes          file size
     * @param inputName      graph input
     * @param inputShape     its shape, batch first
     * @param outputName     graph output
     * @param outputShape    its shape, batch first
     * @param maxDiffRandom  max |ONNX - DL4J| on random inputs
     * @param maxDiffReal    max |ONNX - DL4J| on real images (their latents for the decoder)
     * @param maxAbsOutput   max |DL4J output| over both, the scale the tolerance is relative to
     */
    public record PartReport(
            ModelPart part,
            String file,
            long bytes,
            String inputName,
            String inputShape,
            String outputName,
            String outputShape,
            double maxDiffRandom,
            double maxDiffReal,
            double maxAbsOutput) {}

    /**
     * The export as a whole.
     *
     * @param opset     ONNX opset of every file
     * @param tolerance relative tolerance each part passed
     * @param parts     one entry per file
     */
    public record Report(long opset, double tolerance, List<PartReport> parts) {}

    /**
     * Exports every part into {@code modelsDir}.
     *
     * @param realImages     real validation images {@code [N, 1, 32, 32]} for the check, or null to
     *                       check on random inputs only (no data at hand)
     * @param trainingJson   the training settings as JSON, or null
     * @param sourceSha256   SHA-256 of the saved DL4J model file the export stands for, for provenance
     * @throws ExportCheckException when a part does not match DL4J (nothing is replaced then)
     */
    public static Report exportAll(
            Autoencoder model, Path modelsDir, INDArray realImages, String trainingJson, String sourceSha256)
            throws IOException {
        List<PartReport> parts = new ArrayList<>();
        // ONNX files always hold 32-bit floats: a half-precision model is converted (and checked) as such.
        Autoencoder fp32 = model.toFloat32();
        INDArray real = realImages != null ? realImages : randomImages(fp32);
        // Every part is written and checked under a temporary name first; the files are renamed into
        // place only when all three pass, so a failed check never leaves a mix of old and new files.
        Map<Path, AtomicFiles.Writer> writers = new LinkedHashMap<>();
        for (ModelPart part : ModelPart.values()) {
            Path target = modelsDir.resolve(part.fileName());
            writers.put(
                    target, tmp -> parts.add(exportPart(fp32, part, target, tmp, real, trainingJson, sourceSha256)));
        }
        AtomicFiles.writeAll(writers);
        Report report = new Report(OnnxExporter.OPSET, REL_TOLERANCE, parts);
        Json.writeFile(modelsDir.resolve(REPORT_FILE), report);
        return report;
    }

    private static PartReport exportPart(
            Autoencoder model,
            ModelPart part,
            Path target,
            Path tmp,
            INDArray realImages,
            String trainingJson,
            String sourceSha256)
            throws IOException {
        OnnxMl.ModelProto proto = OnnxExporter.export(
                model,
                part,
                ExportMetadata.of(
                        model.config(),
                        trainingJson,
                        sourceSha256,
                        TrainingConfig.datasetIn(trainingJson),
                        part,
                        model.engine()));
        byte[] bytes = proto.toByteArray();
        INDArray random = part.takesImages()
                ? randomImages(model)
                : Nd4j.randn(DataType.FLOAT, RANDOM_INPUTS, model.config().latentDim())
                        .muli(3);
        INDArray real = part.takesImages() ? realImages : model.encode(realImages);
        double[] figures = new double[3];
        Files.write(tmp, bytes);
        try (OnnxModel onnx = OnnxModel.open(tmp, part.inputName(), part.outputName())) {
            double[] r = compare(part, model, onnx, random, "random inputs");
            double[] q = compare(part, model, onnx, real, "real images");
            figures[0] = r[0];
            figures[1] = q[0];
            figures[2] = Math.max(r[1], q[1]);
        }
        // Written so that a NaN anywhere fails: every comparison with NaN is false.
        if (!(Math.max(figures[0], figures[1]) <= REL_TOLERANCE * (1 + figures[2]))) {
            throw new ExportCheckException(part, figures[0], figures[1], figures[2]);
        }
        LOG.info(
                "Exported {} ({} bytes): max |ONNX - DL4J| {} random, {} real",
                target,
                bytes.length,
                figures[0],
                figures[1]);
        return new PartReport(
                part,
                target.toString(),
                bytes.length,
                part.inputName(),
                shape(model, part.takesImages()),
                part.outputName(),
                shape(model, part.givesImages()),
                figures[0],
                figures[1],
                figures[2]);
    }

    private static INDArray randomImages(Autoencoder model) {
        var c = model.config();
        return Nd4j.rand(DataType.FLOAT, RANDOM_INPUTS, c.imageChannels(), c.imageSize(), c.imageSize());
    }

    private static String shape(Autoencoder model, boolean image) {
        var c = model.config();
        return image
                ? "[batch, " + c.imageChannels() + ", " + c.imageSize() + ", " + c.imageSize() + "]"
                : "[batch, " + c.latentDim() + "]";
    }

    /**
     * Returns {max |diff|, max |DL4J output|}.
     *
     * @throws NonFiniteExportException when either side has a NaN or an infinite value: no
     *         tolerance can vouch for those (and {@code Math.max} would carry a NaN through as
     *         "no difference" in a {@code >} test)
     */
    private static double[] compare(ModelPart part, Autoencoder model, OnnxModel onnx, INDArray input, String inputs) {
        INDArray expected = switch (part) {
            case ENCODER -> model.encode(input);
            case DECODER -> model.decode(input);
            case AUTOENCODER -> model.reconstruct(input);
        };
        float[] want = expected.dup('c').ravel().toFloatVector();
        float[] got = onnx.run(input.dup('c').ravel().toFloatVector(), input.shape());
        if (got.length != want.length) {
            return new double[] {Double.POSITIVE_INFINITY, 0};
        }
        int badDl4j = nonFinite(want);
        int badOnnx = nonFinite(got);
        if (badDl4j > 0 || badOnnx > 0) {
            throw new NonFiniteExportException(part, inputs, badDl4j, badOnnx, want.length, nonFinite(model));
        }
        double maxDiff = 0;
        double maxAbs = 0;
        for (int i = 0; i < want.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(got[i] - want[i]));
            maxAbs = Math.max(maxAbs, Math.abs(want[i]));
        }
        return new double[] {maxDiff, maxAbs};
    }

    private static int nonFinite(float[] values) {
        int n = 0;
        for (float v : values) {
            if (!Float.isFinite(v)) {
                n++;
            }
        }
        return n;
    }

    /** Non-finite parameters of the model, to say whether the model itself is broken. */
    private static int nonFinite(Autoencoder model) {
        INDArray params = model.graph().params();
        return params == null
                ? 0
                : nonFinite(params.dup().castTo(DataType.FLOAT).toFloatVector());
    }
}
