package io.fashionae.config;

import io.fashionae.common.Json;
import io.fashionae.common.UserException;

/**
 * How to train: optimiser settings, run length and the seed of every random choice.
 *
 * @param epochs       passes over the training set
 * @param batchSize    images per training step
 * @param learningRate Adam learning rate
 * @param weightDecay  decoupled weight decay (AdamW's), applied after the Adam step
 * @param seed         seeds weight initialisation and the per-epoch shuffle
 * @param trainLimit   use only the first N training images (0 = all)
 * @param valLimit     use only the first N validation images (0 = all)
 * @param precision    the network's floating-point type (null reads as FP32, as files written before it existed)
 * @param dataset      the data set of the MNIST family trained on (null reads as Fashion-MNIST, as files written
 *                     before it existed); with {@code images} it stays Fashion-MNIST and means nothing
 * @param images       the folder of images trained on instead of the MNIST family, or null
 */
public record TrainingConfig(
        int epochs,
        int batchSize,
        double learningRate,
        double weightDecay,
        long seed,
        int trainLimit,
        int valLimit,
        Precision precision,
        IdxDataset dataset,
        ImageSource images) {

    /** The largest batch: the whole Fashion-MNIST training set. */
    public static final int MAX_BATCH = 60_000;

    /** Validates every field; throws {@link UserException} naming the bad one. */
    public TrainingConfig {
        require(epochs >= 1, "--epochs must be at least 1, got " + epochs);
        require(batchSize >= 1, "--batch-size must be at least 1, got " + batchSize);
        require(
                batchSize <= MAX_BATCH,
                "--batch-size must be at most " + MAX_BATCH + " (the training set), got " + batchSize);
        require(
                learningRate > 0 && Double.isFinite(learningRate),
                "--lr must be a positive number, got " + learningRate);
        require(weightDecay >= 0 && Double.isFinite(weightDecay), "--weight-decay must be >= 0, got " + weightDecay);
        require(trainLimit >= 0, "--train-limit must be >= 0 (0 = all), got " + trainLimit);
        require(valLimit >= 0, "--val-limit must be >= 0 (0 = all), got " + valLimit);
        precision = precision == null ? Precision.FP32 : precision;
        dataset = dataset == null ? IdxDataset.FASHION_MNIST : dataset;
    }

    /** A copy on another data set of the MNIST family. */
    public TrainingConfig withDataset(IdxDataset other) {
        return new TrainingConfig(
                epochs, batchSize, learningRate, weightDecay, seed, trainLimit, valLimit, precision, other, images);
    }

    /** A copy that trains on {@code source} instead. */
    public TrainingConfig withImages(ImageSource source) {
        return new TrainingConfig(
                epochs, batchSize, learningRate, weightDecay, seed, trainLimit, valLimit, precision, dataset, source);
    }

    /**
     * The training settings stored as JSON (a model file's or an ONNX file's), or null when there
     * are none or they cannot be read.
     */
    public static TrainingConfig readOrNull(String trainingJson) {
        if (trainingJson == null) {
            return null;
        }
        try {
            return Json.read(trainingJson, TrainingConfig.class);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** Settings on Fashion-MNIST. */
    public TrainingConfig(
            int epochs,
            int batchSize,
            double learningRate,
            double weightDecay,
            long seed,
            int trainLimit,
            int valLimit,
            Precision precision) {
        this(
                epochs,
                batchSize,
                learningRate,
                weightDecay,
                seed,
                trainLimit,
                valLimit,
                precision,
                IdxDataset.FASHION_MNIST,
                null);
    }

    /** Settings in 32-bit floats. */
    public TrainingConfig(
            int epochs,
            int batchSize,
            double learningRate,
            double weightDecay,
            long seed,
            int trainLimit,
            int valLimit) {
        this(epochs, batchSize, learningRate, weightDecay, seed, trainLimit, valLimit, Precision.FP32);
    }

    /**
     * The data set named by training settings stored as JSON (a model file's or an ONNX file's);
     * Fashion-MNIST when there are none or they predate the option.
     */
    public static IdxDataset datasetIn(String trainingJson) {
        if (trainingJson == null) {
            return IdxDataset.FASHION_MNIST;
        }
        try {
            return Json.read(trainingJson, TrainingConfig.class).dataset();
        } catch (java.io.IOException | RuntimeException e) {
            return IdxDataset.FASHION_MNIST;
        }
    }

    /** The seed's settings: 3 epochs, batch 64, lr 5e-4, weight decay 1e-5, seed 42, all data. */
    public static TrainingConfig seedDefaults() {
        return new TrainingConfig(3, 64, 5e-4, 1e-5, 42, 0, 0);
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new UserException("invalid training option: " + problem, "see 'fashionae train --help'");
        }
    }
}
