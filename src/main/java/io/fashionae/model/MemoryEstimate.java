package io.fashionae.model;

import io.fashionae.common.UserException;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.Precision;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * What a configuration needs in memory, worked out from the configuration alone (before any
 * array is allocated: ND4J's native code does not fail politely when an allocation is
 * impossible, it can crash the JVM), and the check that it fits in what this process may use.
 *
 * <p>The estimate is deliberately rough and on the low side: parameters with their gradients
 * and Adam's two moments (4 copies), and per image every layer's output, batch-norm and GELU
 * outputs kept for backprop and their gradients (about 6 copies of each feature map). A
 * configuration refused here could never have trained; one accepted can still be tight.
 *
 * @param parameters  parameters of the model
 * @param paramBytes  bytes for the parameters, gradients and Adam state
 * @param activationBytes bytes of activations and their gradients for one batch
 */
public record MemoryEstimate(long parameters, long paramBytes, long activationBytes) {
    private static final double GB = 1024.0 * 1024 * 1024;
    /** Parameters, gradients, Adam's first and second moments. */
    private static final int PARAM_COPIES = 4;
    /** Layer output, batch norm, GELU, and a gradient of each, per feature map. */
    private static final int ACTIVATION_COPIES = 6;

    /**
     * The estimate for training {@code config} at {@code batchSize} in {@code precision}: its
     * {@link ArchitecturePlan}'s parameters, and per image the output of every layer that makes a new
     * feature map or vector (convolutions, transposed convolutions before their crop, dense layers);
     * batch norm, GELU and dropout are in the copies.
     */
    public static MemoryEstimate of(ModelConfig config, int batchSize, Precision precision) {
        long bytes = precision == Precision.FP32 || precision == null ? 4 : 2;
        ArchitecturePlan plan = ArchitecturePlan.of(config);
        long perImage = plan.layers().stream()
                .filter(l -> l.kind() == LayerKind.CONVOLUTION
                        || l.kind() == LayerKind.DECONVOLUTION
                        || l.kind() == LayerKind.DENSE)
                .mapToLong(l -> l.out().size())
                .sum();
        long params = plan.parameterCount();
        return new MemoryEstimate(
                params, PARAM_COPIES * params * bytes, ACTIVATION_COPIES * perImage * bytes * Math.max(1, batchSize));
    }

    /** Parameters and activations together. */
    public long totalBytes() {
        return paramBytes + activationBytes;
    }

    /**
     * The bytes this process may use for ND4J's arrays: JavaCPP's off-heap limit
     * ({@code -Dorg.bytedeco.javacpp.maxbytes}, by default the heap's maximum), and never more
     * than the machine's physical memory.
     */
    public static long available() {
        long offHeap = parseBytes(
                System.getProperty("org.bytedeco.javacpp.maxbytes"),
                Runtime.getRuntime().maxMemory());
        long physical = physicalMemory();
        return physical > 0 ? Math.min(offHeap, physical) : offHeap;
    }

    /**
     * Refuses {@code config} at {@code batchSize} when it cannot fit in {@link #available()},
     * with the figures.
     *
     * @param what what is being done, for the message ("to train at batch 64")
     */
    public static void requireFits(ModelConfig config, int batchSize, Precision precision, String what) {
        MemoryEstimate e = of(config, batchSize, precision);
        long available = available();
        if (e.totalBytes() > available) {
            throw new UserException(
                    String.format(
                            Locale.ROOT,
                            "this configuration needs at least %.1f GB %s (%,d parameters with "
                                    + "gradients and Adam state: %.1f GB; "
                                    + "activations: %.1f GB), more than the %.1f GB this process "
                                    + "can use (ND4J's off-heap limit "
                                    + "-Dorg.bytedeco.javacpp.maxbytes, at most the physical memory)",
                            e.totalBytes() / GB,
                            what,
                            e.parameters(),
                            e.paramBytes() / GB,
                            e.activationBytes() / GB,
                            available / GB),
                    "use a smaller --latent-dim, --channels or --batch-size");
        }
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    /** JavaCPP's size syntax: a number with an optional k/m/g/t suffix (or a percentage, read as the default). */
    static long parseBytes(String text, long fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        char last = t.charAt(t.length() - 1);
        if ("kmgt".indexOf(last) >= 0) {
            unit = switch (last) {
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                case 'g' -> 1L << 30;
                default -> 1L << 40;
            };
            t = t.substring(0, t.length() - 1);
        }
        try {
            long value = Long.parseLong(t) * unit;
            return value > 0 ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
