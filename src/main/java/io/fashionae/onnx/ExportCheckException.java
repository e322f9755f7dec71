package io.fashionae.onnx;

import java.io.IOException;

/** An exported file that ONNX Runtime does not run like DL4J: it is not kept. */
public class ExportCheckException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The part and its measured differences. */
    public ExportCheckException(ModelPart part, double random, double real, double scale) {
        super("the exported " + part.fileName() + " differs from DL4J by " + Math.max(random, real) + " (output scale "
                + scale + "); the file was not written");
    }
}
