package io.fashionae.data.idx;

import io.fashionae.config.FashionMnistClasses;
import io.fashionae.config.IdxDataset;
import io.fashionae.config.ImagePadding;
import io.fashionae.data.DataModule;
import io.fashionae.data.DataSummary;
import io.fashionae.data.LabeledImages;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.datavec.api.split.CollectionInputSplit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data module of the MNIST family: from a located folder it reads and verifies both splits
 * once (through {@link FashionMnistRecordReader}), keeps them in memory as contiguous arrays, and
 * hands out batch iterators.
 */
public final class IdxDataModule implements DataModule {
    private static final Logger LOG = LoggerFactory.getLogger(IdxDataModule.class);

    private final DataSource source;
    private final IdxDistribution distribution;
    private final IdxDataset dataset;
    private final int paddedSide;
    private final int trainLimit;
    private final int valLimit;
    private final Map<String, String> verified = new TreeMap<>();
    private LabeledImages train;
    private LabeledImages validation;

    /**
     * @param source     the located folder
     * @param paddedSide side of the network input (32)
     * @param trainLimit first N training images only (0 = all)
     * @param valLimit   first N validation images only (0 = all)
     */
    public IdxDataModule(DataSource source, int paddedSide, int trainLimit, int valLimit) {
        this(source, IdxDataset.FASHION_MNIST, paddedSide, trainLimit, valLimit);
    }

    /**
     * @param source     the located folder
     * @param dataset    which data set of the MNIST family the folder holds (its hashes and class names)
     * @param paddedSide side of the network input (32)
     * @param trainLimit first N training images only (0 = all)
     * @param valLimit   first N validation images only (0 = all)
     */
    public IdxDataModule(DataSource source, IdxDataset dataset, int paddedSide, int trainLimit, int valLimit) {
        this(source, IdxDistribution.of(dataset), paddedSide, trainLimit, valLimit);
    }

    /**
     * A module whose files are checked against {@code distribution}'s hashes (tests give their
     * generated files' own).
     */
    public IdxDataModule(
            DataSource source, IdxDistribution distribution, int paddedSide, int trainLimit, int valLimit) {
        this.source = source;
        this.distribution = distribution;
        this.dataset = distribution.dataset();
        this.paddedSide = paddedSide;
        this.trainLimit = trainLimit;
        this.valLimit = valLimit;
    }

    /** A module over splits already in memory (tests, embedding): nothing is read or verified. */
    public static IdxDataModule inMemory(LabeledImages train, LabeledImages validation) {
        IdxDataModule module = new IdxDataModule(
                new DataSource(java.nio.file.Path.of("(memory)"), "memory"),
                IdxDataset.FASHION_MNIST,
                (int) train.imageShape()[2],
                0,
                0);
        module.train = train;
        module.validation = validation;
        return module;
    }

    /** The data set: what its classes are called, how it was verified. */
    public IdxDataset dataset() {
        return dataset;
    }

    @Override
    public String name() {
        return dataset.cliName();
    }

    @Override
    public List<String> classNames() {
        return dataset.classNames();
    }

    @Override
    public ImagePadding input() {
        return new ImagePadding(FashionMnistClasses.IMAGE_SIDE, paddedSide);
    }

    @Override
    public synchronized LabeledImages train() {
        if (train == null) {
            train = load(Split.TRAIN, trainLimit);
        }
        return train;
    }

    /** The validation (test) split, read and verified on first use. */
    @Override
    public synchronized LabeledImages validation() {
        if (validation == null) {
            validation = load(Split.TEST, valLimit);
        }
        return validation;
    }

    @Override
    public synchronized DataSummary summary() {
        return new DataSummary(
                dataset.cliName(),
                source.dir().toString(),
                source.origin(),
                train().size(),
                validation().size(),
                verified,
                dataset.classNames(),
                0);
    }

    private LabeledImages load(Split split, int limit) {
        try {
            return read(split, limit);
        } catch (IdxFormatException e) {
            throw new IdxFormatException(e, fixFor(source, dataset));
        }
    }

    /**
     * What to do about a bad file, by where the folder came from: 'make data' fills only
     * ./data/fashion-mnist, so it is the wrong advice for a folder the user named.
     */
    static String fixFor(DataSource source, IdxDataset dataset) {
        if (source.origin().equals("--data") || source.origin().equals("$" + dataset.envVar())) {
            return "replace it with a good copy of " + dataset.title() + ", or point " + source.origin()
                    + " at another folder (without it, 'make data' fetches a verified copy)";
        }
        if (source.origin().equals("Debian package")) {
            return "reinstall it: sudo apt-get install --reinstall "
                    + IdxDistribution.of(dataset).systemPackage();
        }
        return IdxFormatException.REFETCH;
    }

    private LabeledImages read(Split split, int limit) {
        long t0 = System.nanoTime();
        FashionMnistRecordReader reader = new FashionMnistRecordReader(paddedSide, limit, distribution);
        try {
            reader.initialize(new CollectionInputSplit(List.of(
                    source.file(split.images()).toUri(),
                    source.file(split.labels()).toUri())));
        } catch (IOException e) {
            throw new IdxFormatException(source.dir().toString(), "cannot read " + split + ": " + e.getMessage(), e);
        }
        verified.put(split.images().fileName(), reader.imagesSha256());
        verified.put(split.labels().fileName(), reader.labelsSha256());
        LabeledImages images = reader.readAllCompact();
        reader.close();
        LOG.info(
                "Loaded {} {} images from {} in {} ms",
                images.size(),
                split.name().toLowerCase(),
                source.dir(),
                (System.nanoTime() - t0) / 1_000_000);
        return images;
    }
}
