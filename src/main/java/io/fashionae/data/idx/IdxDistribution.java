package io.fashionae.data.idx;

import io.fashionae.config.IdxDataset;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a data set of the MNIST family is published and what its files hash to.
 *
 * <p>Verification prefers the SHA-256 of the decompressed content: Debian's {@code
 * dataset-fashion-mnist} re-compressed Fashion-MNIST, so its {@code .gz} hashes differ from the
 * official download's while the content is the same. Where no hash of the decompressed content is
 * published (KMNIST), the official {@code .gz} file's SHA-256 is checked instead, so such a data
 * set must be kept as the downloaded {@code .gz} files. The values are the ones Zalando publishes
 * (Fashion-MNIST), and those TensorFlow Datasets and torchvision check (MNIST, KMNIST).
 *
 * @param dataset           the data set
 * @param downloadBase      folder URL holding {@code <file>.gz}, ending in a slash
 * @param systemDir         where a Debian package installs it, if one does
 * @param systemPackage     that package's name, if there is one
 * @param decompressedSha256 SHA-256 of each decompressed file, where published
 * @param gzSha256          SHA-256 of each official {@code .gz} file, where published
 */
public record IdxDistribution(
        IdxDataset dataset,
        URI downloadBase,
        Path systemDir,
        String systemPackage,
        Map<IdxFile, String> decompressedSha256,
        Map<IdxFile, String> gzSha256) {

    /** Copies the maps. */
    public IdxDistribution {
        decompressedSha256 = Map.copyOf(decompressedSha256);
        gzSha256 = Map.copyOf(gzSha256);
    }

    /** The distribution of {@code dataset}. */
    public static IdxDistribution of(IdxDataset dataset) {
        return switch (dataset) {
            case FASHION_MNIST ->
                new IdxDistribution(
                        dataset,
                        URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
                        Path.of("/usr/share/datasets/fashion-mnist"),
                        "dataset-fashion-mnist",
                        Map.of(
                                IdxFile.TRAIN_IMAGES,
                                "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                                IdxFile.TRAIN_LABELS,
                                "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                                IdxFile.TEST_IMAGES,
                                "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                                IdxFile.TEST_LABELS,
                                "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
                        Map.of());
            case MNIST ->
                new IdxDistribution(
                        dataset,
                        // torchvision's mirror: yann.lecun.com is often unreachable; the files are the same.
                        URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                        null,
                        null,
                        Map.of(
                                IdxFile.TRAIN_IMAGES,
                                "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
                                IdxFile.TRAIN_LABELS,
                                "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
                                IdxFile.TEST_IMAGES,
                                "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
                                IdxFile.TEST_LABELS,
                                "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
                        Map.of());
            case KMNIST ->
                new IdxDistribution(
                        dataset,
                        URI.create("http://codh.rois.ac.jp/kmnist/dataset/kmnist/"),
                        null,
                        null,
                        Map.of(),
                        Map.of(
                                IdxFile.TRAIN_IMAGES,
                                "51467d22d8cc72929e2a028a0428f2086b092bb31cfb79c69cc0a90ce135fde4",
                                IdxFile.TRAIN_LABELS,
                                "e38f9ebcd0f3ebcdec7fc8eabdcdaef93bb0df8ea12bee65224341c8183d8e17",
                                IdxFile.TEST_IMAGES,
                                "edd7a857845ad6bb1d0ba43fe7e794d164fe2dce499a1694695a792adfac43c5",
                                IdxFile.TEST_LABELS,
                                "20bb9a0ef54c7db3efc55a92eef5582c109615df22683c380526788f98e42a1c"));
        };
    }

    /** The Debian package's folder, when there is a package. */
    public Optional<Path> system() {
        return Optional.ofNullable(systemDir);
    }

    /** How a user gets the files, for error messages. */
    public String howToGet(Path localDir) {
        String put = "put the four files in " + localDir + " or pass --data DIR";
        return systemPackage != null
                ? "install Debian's package (sudo apt-get install " + systemPackage + "), or " + put
                : "download them from " + downloadBase + " (or let fashionae do it when online), or " + put;
    }
}
