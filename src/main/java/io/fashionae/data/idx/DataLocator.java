package io.fashionae.data.idx;

import io.fashionae.common.UserException;
import io.fashionae.config.DataConfig;
import io.fashionae.config.IdxDataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a data set of the MNIST family ({@code --dataset}, Fashion-MNIST by default), in this
 * order: {@code --data DIR}, its environment variable ({@code $FASHION_MNIST_DIR},
 * {@code $MNIST_DIR}, {@code $KMNIST_DIR}), the local folder ({@code ./data/<name>}), the Debian
 * package's folder where there is one ({@code /usr/share/datasets/fashion-mnist}); otherwise
 * downloads the official files into the local folder.
 *
 * <p>A folder the user named (option or variable) must be complete: we do not silently fall back
 * to another copy when the one they asked for is broken.
 */
public final class DataLocator {
    /** Environment variable naming the Fashion-MNIST folder. */
    public static final String ENV_VAR = IdxDataset.FASHION_MNIST.envVar();
    /** Where the default local copy of Fashion-MNIST (and a download) lives, relative to the working folder. */
    public static final Path LOCAL_DIR = IdxDataset.FASHION_MNIST.localDir();
    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final Path SYSTEM_DIR =
            IdxDistribution.of(IdxDataset.FASHION_MNIST).system().orElseThrow();

    private static final Logger LOG = LoggerFactory.getLogger(DataLocator.class);

    private final Map<String, String> env;
    private final IdxDataset dataset;
    private final Path localDir;
    private final Path systemDir;
    private final Downloader downloader;

    /** A Fashion-MNIST locator with explicit places, for tests and embedding. */
    public DataLocator(Map<String, String> env, Path localDir, Path systemDir, Downloader downloader) {
        this(env, IdxDataset.FASHION_MNIST, localDir, systemDir, downloader);
    }

    /**
     * A locator of {@code dataset} with explicit places, for tests and embedding.
     *
     * @param systemDir a system-wide folder to look in, or null
     */
    public DataLocator(
            Map<String, String> env, IdxDataset dataset, Path localDir, Path systemDir, Downloader downloader) {
        this.env = Map.copyOf(env);
        this.dataset = dataset;
        this.localDir = localDir;
        this.systemDir = systemDir;
        this.downloader = downloader;
    }

    /** The standard locator of {@code dataset}: real environment, default folders, official download. */
    public static DataLocator standard(IdxDataset dataset) {
        IdxDistribution d = IdxDistribution.of(dataset);
        return new DataLocator(
                System.getenv(), dataset, dataset.localDir(), d.system().orElse(null), Downloader.official(d));
    }

    /** Locates the data set {@code config} names, the standard way. */
    public static DataSource find(DataConfig config) {
        return standard(config.dataset()).locate(config);
    }

    /**
     * Returns the folder to read from.
     *
     * @throws UserException when the named folder is incomplete, or nothing is found and the download fails
     * @throws IllegalArgumentException when {@code config} names another data set than this locator's
     */
    public DataSource locate(DataConfig config) {
        if (config.dataset() != dataset) {
            throw new IllegalArgumentException("a locator of " + dataset + " asked for " + config.dataset());
        }
        Optional<Path> explicit = config.explicitDir();
        if (explicit.isPresent()) {
            return requireComplete(explicit.get(), "--data");
        }
        String fromEnv = env.get(dataset.envVar());
        if (fromEnv != null && !fromEnv.isBlank()) {
            return requireComplete(Path.of(fromEnv), "$" + dataset.envVar());
        }
        if (DataSource.isComplete(localDir)) {
            return new DataSource(localDir, "local folder");
        }
        if (systemDir != null && DataSource.isComplete(systemDir)) {
            return new DataSource(systemDir, "Debian package");
        }
        if (!config.download()) {
            throw new UserException(dataset.title() + " not found in " + searched(), howToGet());
        }
        return download();
    }

    private String searched() {
        return localDir + (systemDir != null ? " or " + systemDir : "");
    }

    private String howToGet() {
        return IdxDistribution.of(dataset).howToGet(localDir);
    }

    private DataSource download() {
        try {
            downloader.downloadAll(localDir);
            return new DataSource(localDir, "downloaded");
        } catch (IOException e) {
            LOG.debug("download failed", e);
            throw new UserException(
                    dataset.title() + " not found in " + searched() + " and the download failed (" + describe(e) + ")",
                    howToGet(),
                    e);
        }
    }

    private DataSource requireComplete(Path dir, String origin) {
        for (IdxFile f : IdxFile.values()) {
            if (DataSource.find(dir, f).isEmpty()) {
                throw new UserException(
                        origin + " " + dir + " has no " + f.fileName() + "[.gz]",
                        "point " + origin + " at the folder that holds the four " + dataset.title() + " files");
            }
        }
        return new DataSource(dir, origin);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
