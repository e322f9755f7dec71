package io.fashionae.cli;

import io.fashionae.bench.BenchmarkResult;
import io.fashionae.bench.ThroughputBenchmark;
import io.fashionae.common.Json;
import io.fashionae.config.ModelConfig;
import io.fashionae.data.DataLocator;
import io.fashionae.data.FashionMnistDataModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fashionae bench}: throughput and memory on real Fashion-MNIST batches. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training/encoding/decoding throughput and peak memory; writes bench.json.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ModelOptions modelOptions;
    @Mixin
    DataOptions dataOptions;

    @Option(names = "--batch-size", paramLabel = "N", description = "Training batch (default: ${DEFAULT-VALUE}).")
    int batchSize;
    @Option(names = "--steps", paramLabel = "N", defaultValue = "20", description = "Timed training steps per repeat (default: ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3", description = "Repeats; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeats;
    @Option(names = "--out", paramLabel = "FILE", defaultValue = "reports/bench.json", description = "Result file (default: ${DEFAULT-VALUE}).")
    Path out;
    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        if (steps < 1 || repeats < 1 || batchSize < 1) {
            throw new io.fashionae.common.UserException("--steps, --repeats and --batch-size must be at least 1", "see 'fashionae bench --help'");
        }
        ModelConfig model = modelOptions.toConfig();
        FashionMnistDataModule data = new FashionMnistDataModule(DataLocator.standard().locate(dataOptions.toConfig()),
                model.imageSize(), 0, 10_000);
        BenchmarkResult r = new ThroughputBenchmark(model, batchSize, steps, repeats).run(data.validation(), "fashion-mnist");
        Json.writeFile(out, r);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%-28s %12s%n", "measure", "value");
        w.printf(Locale.ROOT, "%-28s %12.1f%n", "train_images_per_s (bs " + batchSize + ")", r.trainImagesPerS());
        w.printf(Locale.ROOT, "%-28s %12.1f%n", "encode_images_per_s", r.encodeImagesPerS());
        w.printf(Locale.ROOT, "%-28s %12.1f%n", "decode_dl4j_images_per_s", r.decodeDl4jImagesPerS());
        w.printf(Locale.ROOT, "%-28s %12.0f%n", "peak_heap_mb", r.peakHeapBytes() / 1e6);
        w.printf(Locale.ROOT, "%-28s %12.0f%n", "peak_rss_mb", r.peakRssBytes() / 1e6);
        w.println("Written: " + out);
        w.flush();
        return ExitCode.OK.code();
    }
}
