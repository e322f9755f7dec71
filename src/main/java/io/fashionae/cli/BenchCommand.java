package io.fashionae.cli;

import io.fashionae.bench.BenchmarkResult;
import io.fashionae.bench.ReferenceComparison;
import io.fashionae.bench.ThroughputBenchmark;
import io.fashionae.common.Json;
import io.fashionae.common.UserException;
import io.fashionae.config.DataConfig;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.Precision;
import io.fashionae.data.idx.DataLocator;
import io.fashionae.data.idx.IdxDataModule;
import io.fashionae.model.EngineChoice;
import io.fashionae.model.MemoryEstimate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fashionae bench}: throughput and memory on real Fashion-MNIST batches. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Measure training/encoding/decoding throughput and peak memory; writes reports/bench.json (--out).")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    DataOptions dataOptions;

    @Option(
            names = SeedDefaults.BATCH_SIZE,
            paramLabel = "N",
            description = "Training batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
            names = "--steps",
            paramLabel = "N",
            defaultValue = "100",
            description = "Timed training steps per repeat (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(
            names = "--repeats",
            paramLabel = "N",
            defaultValue = "3",
            description = "Repeats; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            defaultValue = "reports/bench.json",
            description = "Result file (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--precision",
            paramLabel = "TYPE",
            defaultValue = "FP32",
            description = "Floating-point type of the network: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Precision precision;

    @Option(
            names = "--reference",
            paramLabel = "FILE",
            description = "The PyTorch reference's --bench-steps JSON from the same run: print and store the ratios.")
    Path reference;

    @Mixin
    EngineOption engineOption;

    @Mixin
    VerboseOption verbose;

    /** The benchmark trains on the validation split: its whole size. */
    private static final int BENCH_IMAGES = 10_000;

    @Override
    public Integer call() throws IOException {
        if (steps > 100_000 || repeats > 1_000 || batchSize > BENCH_IMAGES) {
            throw new UserException(
                    "--steps must be at most 100000, --repeats at most 1000 and " + "--batch-size at most "
                            + BENCH_IMAGES + " (the validation images it trains on)",
                    "see 'fashionae bench --help'");
        }
        if (steps < 1 || repeats < 1 || batchSize < 1) {
            throw new UserException(
                    "--steps, --repeats and --batch-size must be at least 1", "see 'fashionae bench --help'");
        }
        ModelConfig model = modelOptions.toConfig();
        MemoryEstimate.requireFits(
                model, Math.max(batchSize, 256), precision, "to train at batch " + Math.max(batchSize, 256));
        DataConfig dataConfig = dataOptions.toConfig();
        IdxDataModule data = new IdxDataModule(
                DataLocator.find(dataConfig), dataConfig.dataset(), model.imageSize(), 0, BENCH_IMAGES);
        EngineChoice engine = engineOption.resolve();
        BenchmarkResult r = new ThroughputBenchmark(model, batchSize, steps, repeats, precision, engine.engine())
                .run(data.validation(), dataConfig.dataset().cliName());
        ReferenceComparison ref = reference == null ? null : ReferenceComparison.read(reference, r);
        r = r.withReference(ref);
        Json.writeFile(out, r);
        PrintWriter w = spec.commandLine().getOut();
        w.println(engine.describe());
        w.printf(Locale.ROOT, "%-32s %12s %12s %8s%n", "measure", "fashionae", "reference", "ratio");
        row(
                w,
                "train_images_per_s (bs " + batchSize + ")",
                r.trainImagesPerS(),
                ref == null ? 0 : ref.trainImagesPerS());
        row(w, "train_images_per_s (bs 256)", r.trainImagesPerS256(), 0);
        row(w, "encode_images_per_s", r.encodeImagesPerS(), ref == null ? 0 : ref.encodeImagesPerS());
        row(w, "encode_onnx_images_per_s", r.encodeOnnxImagesPerS(), ref == null ? 0 : ref.encodeImagesPerS());
        row(w, "decode_dl4j_images_per_s", r.decodeDl4jImagesPerS(), 0);
        row(w, "decode_onnx_images_per_s", r.decodeOnnxImagesPerS(), 0);
        row(w, "decode_onnx_single_ms", r.decodeOnnxSingleMs(), 0);
        row(
                w,
                "train_gflops (" + Math.round(r.efficiency().trainingMflopPerImage()) + " MFLOP/image)",
                r.efficiency().trainingGflops(),
                0);
        row(w, "gemm_gflops (n=2048, same cores)", r.efficiency().gemmGflops(), 0);
        row(w, "share_of_gemm_peak", r.efficiency().shareOfPeak(), 0);
        row(w, "peak_heap_mb", r.peakHeapBytes() / 1e6, 0);
        row(w, "off_heap_mb (end)", r.offHeapBytes() / 1e6, 0);
        row(w, "peak_rss_mb", r.peakRssBytes() / 1e6, 0);
        if (ref != null && !ref.encodeSteady()) {
            w.println("The reference's encoding is one call of 1,000 images (its own --bench-steps figure); "
                    + "scripts/reference-encode.py adds a steady one (make bench-compare runs it).");
        }
        w.println("Written: " + out);
        w.flush();
        return ExitCode.OK.code();
    }

    private static void row(PrintWriter w, String name, double ours, double theirs) {
        if (theirs > 0) {
            w.printf(Locale.ROOT, "%-32s %12.2f %12.2f %7.2fx%n", name, ours, theirs, ours / theirs);
        } else {
            w.printf(Locale.ROOT, "%-32s %12.2f %12s %8s%n", name, ours, "", "");
        }
    }
}
