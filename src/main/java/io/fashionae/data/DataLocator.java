package io.fashionae.data;

import io.fashionae.common.UserException;
import io.fashionae.config.DataConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds Fashion-MNIST, in this order: {@code --data DIR}, {@code $FASHION_MNIST_DIR}, the local
 * folder ({@code ./data/fashion-mnist} by default), Debian's {@code /usr/share/datasets/fashion-mnist};
 * otherwise downloads the official files into the local folder.
 *
 * <p>A folder the user named (option or variable) must be complete: we do not silently fall back
 * to another copy when the one they asked for is broken.
 */
public final class DataLocator {
    /** Environment variable naming the data folder. */
    public static final String ENV_VAR = "FASHION_MNIST_DIR";
    /** Where the default local copy (and a download) lives, relative to the working folder. */
    public static final Path LOCAL_DIR = Path.of("data", "fashion-mnist");
    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final Path SYSTEM_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    private static final Logger LOG = LoggerFactory.getLogger(DataLocator.class);
    private static final String HOW_TO_GET = "install Debian's package (sudo apt-get install dataset-fashion-mnist), "
            + "or put the four files in " + LOCAL_DIR + " or pass --data DIR";

    private final Map<String, String> env;
    private final Path localDir;
    private final Path systemDir;
    private final Downloader downloader;

    /** A locator with explicit places, for tests and embedding. */
    public DataLocator(Map<String, String> env, Path localDir, Path systemDir, Downloader downloader) {
        this.env = Map.copyOf(env);
        this.localDir = localDir;
        this.systemDir = systemDir;
        this.downloader = downloader;
    }

    /** The standard locator: real environment, default folders, official download. */
    public static DataLocator standard() {
        return new DataLocator(System.getenv(), LOCAL_DIR, SYSTEM_DIR, new Downloader(Downloader.OFFICIAL));
    }

    /**
     * Returns the folder to read from.
     *
     * @throws UserException when the named folder is incomplete, or nothing is found and the download fails
     */
    public DataSource locate(DataConfig config) {
        Optional<Path> explicit = config.explicitDir();
        if (explicit.isPresent()) {
            return requireComplete(explicit.get(), "--data");
        }
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return requireComplete(Path.of(fromEnv), "$" + ENV_VAR);
        }
        if (DataSource.isComplete(localDir)) {
            return new DataSource(localDir, "local folder");
        }
        if (DataSource.isComplete(systemDir)) {
            return new DataSource(systemDir, "Debian package");
        }
        if (!config.download()) {
            throw new UserException("Fashion-MNIST not found in " + localDir + " or " + systemDir, HOW_TO_GET);
        }
        return download();
    }

    private DataSource download() {
        try {
            downloader.downloadAll(localDir);
            return new DataSource(localDir, "downloaded");
        } catch (IOException e) {
            LOG.debug("download failed", e);
            throw new UserException(
                    "Fashion-MNIST not found in " + localDir + " or " + systemDir + " and the download failed ("
                            + describe(e) + ")",
                    HOW_TO_GET,
                    e);
        }
    }

    private static DataSource requireComplete(Path dir, String origin) {
        for (FashionMnistFile f : FashionMnistFile.values()) {
            if (DataSource.find(dir, f).isEmpty()) {
                throw new UserException(
                        origin + " " + dir + " has no " + f.fileName() + "[.gz]",
                        "point " + origin + " at the folder that holds the four Fashion-MNIST files");
            }
        }
        return new DataSource(dir, origin);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
