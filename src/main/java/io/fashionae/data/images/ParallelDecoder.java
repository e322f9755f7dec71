package io.fashionae.data.images;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.datavec.api.records.Record;
import org.datavec.api.split.CollectionInputSplit;
import org.datavec.api.writable.BytesWritable;

/**
 * Decodes a list of image files into an {@link ImageCache}, one {@link ImageFolderRecordReader}
 * per core over an interleaved share of the files: decoding (inflate, IDCT, resize) is CPU-bound
 * and each file is independent, so the pass scales with the cores.
 */
final class ParallelDecoder {
    private final int side;
    private final int channels;
    private final List<String> classNames;
    private final boolean skipBad;

    ParallelDecoder(int side, int channels, List<String> classNames, boolean skipBad) {
        this.side = side;
        this.channels = channels;
        this.classNames = classNames;
        this.skipBad = skipBad;
    }

    /**
     * What a pass gave.
     *
     * @param cache   image {@code i} of the list at index {@code i}; a skipped image's record is left empty
     * @param skipped the files that could not be read (only with skipping on)
     * @param colour  whether some image has colour
     */
    record Result(ImageCache cache, List<Path> skipped, boolean colour) {}

    /** Decodes {@code entries}, the first {@code budgetBytes} worth into memory and the rest into {@code tempDir}. */
    Result decode(List<ImageFolder.Entry> entries, long budgetBytes, Path tempDir) {
        ImageCache cache = new ImageCache(entries.size(), channels * side * side, budgetBytes, tempDir);
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), entries.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "image-decoder");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ImageFolderRecordReader>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> decodeShare(entries, first, threads, cache)));
            }
            List<Path> skipped = new ArrayList<>();
            boolean colour = false;
            for (Future<ImageFolderRecordReader> part : parts) {
                ImageFolderRecordReader reader = join(part);
                skipped.addAll(reader.skipped());
                colour |= reader.sawColour();
            }
            skipped.sort(null);
            return new Result(cache, List.copyOf(skipped), colour);
        } catch (RuntimeException e) {
            // The other workers may still be writing: the cache is freed only once they have stopped.
            stop(pool);
            cache.close();
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Entries {@code first}, {@code first + step}, ... through one reader; each record to its index. */
    private ImageFolderRecordReader decodeShare(
            List<ImageFolder.Entry> entries, int first, int step, ImageCache cache) {
        Map<URI, Integer> index = new HashMap<>();
        List<URI> uris = new ArrayList<>();
        for (int i = first; i < entries.size(); i += step) {
            URI uri = entries.get(i).file().toUri();
            index.put(uri, i);
            uris.add(uri);
        }
        ImageFolderRecordReader reader = new ImageFolderRecordReader(side, channels, classNames, skipBad);
        reader.initialize(new CollectionInputSplit(uris));
        while (reader.hasNext() && !Thread.currentThread().isInterrupted()) {
            Record record = reader.nextRecord();
            byte[] bytes = ((BytesWritable) record.getRecord().get(0)).getContent();
            cache.write(index.get(record.getMetaData().getURI()), bytes, 0);
        }
        return reader;
    }

    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ImageFolderRecordReader join(Future<ImageFolderRecordReader> part) {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding images", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("decoding images failed", e.getCause());
        }
    }
}
