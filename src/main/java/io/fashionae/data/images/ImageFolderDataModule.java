package io.fashionae.data.images;

import io.fashionae.common.UserException;
import io.fashionae.config.ColorMode;
import io.fashionae.config.ImagePadding;
import io.fashionae.config.ImageSource;
import io.fashionae.data.DataModule;
import io.fashionae.data.DataSummary;
import io.fashionae.data.LabeledImages;
import io.fashionae.data.PixelStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data module of {@code --images DIR}: the folder scanned and split (seeded, stratified; see
 * {@link ImageFolder}), every image decoded once, in parallel, through {@link ImageFolderRecordReader}
 * into an {@link ImageCache}, and both splits served from that cache for the whole run, so that no
 * epoch decodes a file again. Everything is read before the model is built or anything is written:
 * a bad image stops the run with nothing on disk touched.
 */
public final class ImageFolderDataModule implements DataModule {
    private static final Logger LOG = LoggerFactory.getLogger(ImageFolderDataModule.class);
    private static final long MIB = 1L << 20;

    private final ImageSource source;
    private final List<ImageFolder.Entry> trainEntries;
    private final List<ImageFolder.Entry> valEntries;
    private final Path tempDir;
    private DecodedImages decoded;
    private double decodeSeconds;
    private LabeledImages train;
    private LabeledImages validation;

    private ImageFolderDataModule(
            ImageSource source, List<ImageFolder.Entry> train, List<ImageFolder.Entry> val, Path tempDir) {
        this.source = source;
        this.trainEntries = train;
        this.valEntries = val;
        this.tempDir = tempDir;
    }

    /**
     * Scans {@code options.dir()} and splits it; decodes nothing yet.
     *
     * @param seed       the run's seed, which fixes the split
     * @param trainLimit first N training images only (0 = all)
     * @param valLimit   first N validation images only (0 = all)
     * @param tempDir    where the part of the cache beyond the memory budget goes
     * @throws UserException for a missing or empty folder, an empty class folder or a single class
     */
    public static ImageFolderDataModule open(
            ImageSource options, long seed, int trainLimit, int valLimit, Path tempDir) {
        ImageFolder folder = ImageFolder.scan(options.dir());
        List<List<ImageFolder.Entry>> split = folder.split(options.valFraction(), seed);
        if (split.get(1).isEmpty()) {
            throw new UserException(
                    options.dir() + " has too few images to hold any out for validation",
                    "add images (at least two per class)");
        }
        return new ImageFolderDataModule(
                options.scanned(folder.fingerprint(), folder.classNames()),
                limit(split.get(0), trainLimit),
                limit(split.get(1), valLimit),
                tempDir);
    }

    private static List<ImageFolder.Entry> limit(List<ImageFolder.Entry> entries, int n) {
        return n <= 0 || n >= entries.size() ? entries : entries.subList(0, n);
    }

    /** The options with what the scan found (the listing's fingerprint, the class names). */
    public ImageSource source() {
        return source;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public List<String> classNames() {
        return source.classNames();
    }

    /** Planes per image, once decoded: 3 for RGB, 1 for grey ({@code --color auto} decides on the pixels). */
    public int channels() {
        return decoded().cache.recordBytes() / (source.imageSize() * source.imageSize());
    }

    @Override
    public ImagePadding input() {
        return new ImagePadding(source.imageSize(), source.imageSize(), channels());
    }

    @Override
    public synchronized LabeledImages train() {
        if (train == null) {
            train = split(0, decoded().trainCount);
        }
        return train;
    }

    @Override
    public synchronized LabeledImages validation() {
        if (validation == null) {
            DecodedImages d = decoded();
            validation = split(d.trainCount, d.labels.length);
        }
        return validation;
    }

    /** How long the one decoding pass took (reading, decoding, fitting and caching every image), in seconds. */
    public synchronized double decodeSeconds() {
        decoded();
        return decodeSeconds;
    }

    /** Images held in memory by the cache; the others are read from its temporary file. */
    public int cachedInMemory() {
        return Math.min(decoded().cache.memoryImages(), decoded().cache.images());
    }

    /** Images left out as unreadable ({@code --skip-bad-images}). */
    public List<Path> skipped() {
        return decoded().skipped;
    }

    @Override
    public synchronized DataSummary summary() {
        DecodedImages d = decoded();
        Map<String, String> listing = new LinkedHashMap<>();
        listing.put("listing", source.fingerprint());
        return new DataSummary(
                name(),
                source.dir().toString(),
                "--images",
                train().size(),
                validation().size(),
                listing,
                classNames(),
                d.skipped.size());
    }

    private LabeledImages split(int from, int to) {
        DecodedImages d = decoded();
        int[] indices = new int[to - from];
        int[] labels = new int[to - from];
        for (int i = from; i < to; i++) {
            indices[i - from] = i;
            labels[i - from] = d.labels[i];
        }
        return LabeledImages.compact(
                PixelStore.select(d.kept, indices),
                input(),
                labels,
                Math.max(1, classNames().size()));
    }

    private synchronized DecodedImages decoded() {
        if (decoded == null) {
            decoded = decode();
        }
        return decoded;
    }

    private DecodedImages decode() {
        long t0 = System.nanoTime();
        List<ImageFolder.Entry> all = new ArrayList<>(trainEntries);
        all.addAll(valEntries);
        int side = source.imageSize();
        int channels = source.color() == ColorMode.GREY ? 1 : 3;
        long budget = budgetBytes();
        ParallelDecoder.Result result =
                new ParallelDecoder(side, channels, classNames(), source.skipBadImages()).decode(all, budget, tempDir);
        ImageCache cache = result.cache();
        if (source.color() == ColorMode.AUTO && !result.colour()) {
            // Every image is grey: one plane carries all of it, in a third of the memory.
            cache = cache.firstPlanes(1, 3, budget, tempDir);
        }
        try {
            return kept(all, cache, result.skipped(), seconds(t0));
        } catch (RuntimeException e) {
            cache.close();
            throw e;
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The readable images' places in the cache, training first, and their labels. */
    private DecodedImages kept(List<ImageFolder.Entry> all, ImageCache cache, List<Path> skippedFiles, double seconds) {
        Set<Path> skipped = new HashSet<>(skippedFiles);
        int trainKept = 0;
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!skipped.contains(all.get(i).file())) {
                kept.add(i);
                trainKept += i < trainEntries.size() ? 1 : 0;
            }
        }
        int[] at = kept.stream().mapToInt(Integer::intValue).toArray();
        int[] labels = new int[at.length];
        for (int i = 0; i < at.length; i++) {
            labels[i] = Math.max(0, all.get(at[i]).label());
        }
        if (trainKept == 0 || trainKept == at.length) {
            throw new UserException(
                    source.dir() + ": every " + (trainKept == 0 ? "training" : "validation") + " image was unreadable",
                    "replace them; fashionae data --images DIR --skip-bad-images lists the unreadable ones");
        }
        decodeSeconds = seconds;
        LOG.info(
                "Decoded {} images from {} in {} s ({} img/s), {} skipped, {} in memory, {} on disk",
                at.length,
                source.dir(),
                String.format("%.1f", seconds),
                String.format("%.0f", all.size() / seconds),
                skipped.size(),
                Math.min(cache.memoryImages(), cache.images()),
                cache.images() - cache.memoryImages());
        return new DecodedImages(cache, PixelStore.select(cache, at), labels, trainKept, List.copyOf(skippedFiles));
    }

    private long budgetBytes() {
        return source.cacheMb() < 0 ? defaultBudgetBytes() : source.cacheMb() * MIB;
    }

    /** A quarter of the machine's memory, at most 2 GiB: the rest is for ND4J, the JVM and the system. */
    public static long defaultBudgetBytes() {
        long physical = 8L << 30;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            physical = os.getTotalMemorySize();
        }
        return Math.min(2048 * MIB, physical / 4);
    }

    /**
     * @param cache   every decoded image, skipped ones included (their records stay empty)
     * @param kept    the readable ones, training first
     */
    private record DecodedImages(ImageCache cache, PixelStore kept, int[] labels, int trainCount, List<Path> skipped) {}

    /** Frees the cache's memory and deletes its file. */
    @Override
    public synchronized void close() {
        if (decoded != null) {
            decoded.cache.close();
        }
    }
}
