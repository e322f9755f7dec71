package io.fashionae.onnx;

import io.fashionae.common.UserException;
import java.util.Locale;

/**
 * The export's check met a NaN or an infinite value, in DL4J's output or ONNX Runtime's: no file
 * is kept. This is a problem of the model file (its parameters or its numerics), so it is bad
 * input rather than a bug of the export.
 */
public class NonFiniteExportException extends UserException {
    private static final long serialVersionUID = 1L;

    /**
     * @param part         the part being checked
     * @param inputs       which inputs it was checked on
     * @param dl4j         non-finite values in DL4J's output
     * @param onnx         non-finite values in ONNX Runtime's output
     * @param total        values in each output
     * @param badParams    non-finite parameters of the model
     */
    public NonFiniteExportException(ModelPart part, String inputs, int dl4j, int onnx, int total, int badParams) {
        super(
                String.format(
                        Locale.ROOT,
                        "the %s export check found non-finite values on %s (DL4J %,d, ONNX Runtime %,d of %,d)%s; "
                                + "no ONNX file was written",
                        part.fileName(),
                        inputs,
                        dl4j,
                        onnx,
                        total,
                        badParams > 0
                                ? String.format(
                                        Locale.ROOT, ": the model has %,d NaN or infinite parameters", badParams)
                                : ""),
                "train the model again (a lower --lr if its loss diverged); the old ONNX files are unchanged");
    }
}
