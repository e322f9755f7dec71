package io.fashionae.data;

import io.fashionae.common.Ints;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mini-batches over a {@link LabeledImages} split: features {@code [n, C, S, S]}, labels one-hot
 * {@code [n, classes]}. A shuffled iterator draws its order from {@code (seed, epoch)} alone, so an
 * epoch's order can be reproduced (for a resumed run) without replaying earlier epochs.
 *
 * <p>Each batch is a new array gathered from the split ({@link LabeledImages#gather}): padded and
 * scaled from the compact bytes for data read from files, one native {@code pullRows} for a dense
 * split; sequential batches of a dense split are views of it, with no copy at all.
 */
public final class BatchIterator implements DataSetIterator {
    private static final long serialVersionUID = 1L;

    private final transient LabeledImages data;
    private final int batchSize;
    private final int[] order;
    private int cursor;
    private transient DataSetPreProcessor preProcessor;

    private BatchIterator(LabeledImages data, int batchSize, int[] order) {
        this.data = data;
        this.batchSize = batchSize;
        this.order = order;
    }

    /** Batches in a random order that depends only on {@code seed} and {@code epoch}. */
    public static BatchIterator shuffled(LabeledImages data, int batchSize, long seed, int epoch) {
        return new BatchIterator(data, batchSize, permutation(data.size(), mix(seed, epoch)));
    }

    /** Batches in file order. */
    public static BatchIterator sequential(LabeledImages data, int batchSize) {
        return new BatchIterator(data, batchSize, null);
    }

    /** Skips the first {@code batches} batches of the pass, as if they had been read (for a resumed run). */
    public void skip(int batches) {
        cursor = (int) Math.min(data.size(), (long) batches * batchSize);
    }

    /** Number of batches in one pass. */
    public int batchCount() {
        return Ints.ceilDiv(data.size(), batchSize);
    }

    /** Number of images in one pass. */
    public int exampleCount() {
        return data.size();
    }

    /** The Fisher-Yates permutation of {@code 0..n-1} for {@code seed}. */
    static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static long mix(long seed, int epoch) {
        // SplittableRandom's own finaliser spreads nearby (seed, epoch) pairs over the whole range.
        return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (epoch + 1))).nextLong();
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException("epoch finished");
        }
        int n = Math.min(num, data.size() - cursor);
        int[] indices = new int[n];
        INDArray features;
        if (order == null) {
            for (int i = 0; i < n; i++) {
                indices[i] = cursor + i;
            }
            features = data.images(cursor, cursor + n);
        } else {
            System.arraycopy(order, cursor, indices, 0, n);
            features = data.gather(indices);
        }
        cursor += n;
        DataSet ds = new DataSet(features, oneHot(indices));
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }

    private INDArray oneHot(int[] indices) {
        INDArray labels = Nd4j.zeros(DataType.FLOAT, indices.length, data.classes());
        for (int i = 0; i < indices.length; i++) {
            labels.putScalar(i, data.label(indices[i]), 1f);
        }
        return labels;
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public boolean hasNext() {
        return cursor < data.size();
    }

    @Override
    public int inputColumns() {
        long[] shape = data.imageShape();
        return Math.toIntExact(shape[0] * shape[1] * shape[2]);
    }

    @Override
    public int totalOutcomes() {
        return data.classes();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return true;
    }

    /** Starts the same pass again, in the same order. */
    @Override
    public void reset() {
        cursor = 0;
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        // DataVec's contract asks for names; the data module knows them, the split only counts them.
        return java.util.stream.IntStream.range(0, data.classes())
                .mapToObj(Integer::toString)
                .toList();
    }
}
