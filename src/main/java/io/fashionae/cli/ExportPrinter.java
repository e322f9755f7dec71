package io.fashionae.cli;

import io.fashionae.onnx.OnnxExport;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints an export's files and parity figures. */
final class ExportPrinter {
    private ExportPrinter() {}

    static void print(PrintWriter out, OnnxExport.Report report) {
        out.printf(
                Locale.ROOT,
                "ONNX export (opset %d), each file checked in ONNX Runtime against DL4J:%n",
                report.opset());
        for (OnnxExport.PartReport p : report.parts()) {
            out.printf(
                    Locale.ROOT,
                    "  %-40s %8.1f KB  %s %s -> %s %s  max |diff| %.2g random, %.2g real%n",
                    p.file(),
                    p.bytes() / 1024.0,
                    p.inputName(),
                    p.inputShape(),
                    p.outputName(),
                    p.outputShape(),
                    p.maxDiffRandom(),
                    p.maxDiffReal());
        }
        out.flush();
    }
}
