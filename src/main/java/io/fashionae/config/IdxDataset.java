package io.fashionae.config;

import io.fashionae.common.UserException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The data sets of the MNIST family that {@code --dataset} chooses between: four IDX files each
 * (60,000 training and 10,000 test images of 28x28 grey pixels, labels 0..9), told apart by what
 * the images show and so by their class names. Where each is found and how it is verified is the
 * data package's business ({@code data/IdxDistribution}); this is what plots, the report and the
 * export need to know.
 */
public enum IdxDataset {
    /** Zalando's clothing images, the original article's data set; the default. */
    FASHION_MNIST("fashion-mnist", "Fashion-MNIST", "FASHION_MNIST_DIR", FashionMnistClasses.NAMES),
    /** LeCun, Cortes and Burges' handwritten digits. */
    MNIST("mnist", "MNIST", "MNIST_DIR", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
    /**
     * Kuzushiji-MNIST (Clanuwat et al. 2018): ten cursive hiragana, named by their romanisation
     * as in the data set's class map (お き す つ な は ま や れ を).
     */
    KMNIST(
            "kmnist",
            "Kuzushiji-MNIST",
            "KMNIST_DIR",
            List.of("o", "ki", "su", "tsu", "na", "ha", "ma", "ya", "re", "wo"));

    private final String cliName;
    private final String title;
    private final String envVar;
    private final List<String> classNames;

    IdxDataset(String cliName, String title, String envVar, List<String> classNames) {
        this.cliName = cliName;
        this.title = title;
        this.envVar = envVar;
        this.classNames = classNames;
    }

    /** The name {@code --dataset} takes and folders use: {@code fashion-mnist}, {@code mnist}, {@code kmnist}. */
    public String cliName() {
        return cliName;
    }

    /** The name people know it by. */
    public String title() {
        return title;
    }

    /** The environment variable that may name its folder. */
    public String envVar() {
        return envVar;
    }

    /** Class names in label order. */
    public List<String> classNames() {
        return classNames;
    }

    /** The default local folder, relative to the working folder: {@code data/<cli name>}. */
    public Path localDir() {
        return Path.of("data", cliName);
    }

    @Override
    public String toString() {
        return cliName;
    }

    /**
     * The data set named {@code name} (its CLI name, case-insensitive).
     *
     * @throws UserException naming the ones there are
     */
    public static IdxDataset parse(String name) {
        for (IdxDataset d : values()) {
            if (d.cliName.equalsIgnoreCase(name.strip())) {
                return d;
            }
        }
        throw new UserException("unknown data set '" + name + "'", "use --dataset " + names());
    }

    /** The CLI names, joined with "|". */
    public static String names() {
        return Arrays.stream(values()).map(IdxDataset::cliName).collect(Collectors.joining("|"));
    }

    /** The data set whose CLI name (or enum name) {@code name} is, or Fashion-MNIST for null (older files). */
    public static IdxDataset orDefault(String name) {
        if (name == null || name.isBlank()) {
            return FASHION_MNIST;
        }
        for (IdxDataset d : values()) {
            if (d.cliName.equalsIgnoreCase(name) || d.name().equalsIgnoreCase(name)) {
                return d;
            }
        }
        return parse(name.toLowerCase(Locale.ROOT));
    }
}
