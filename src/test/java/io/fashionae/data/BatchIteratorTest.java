package io.fashionae.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class BatchIteratorTest {

    /** Image i is filled with the value i, so a batch tells which images it holds. */
    private static LabeledImages numbered(int n) {
        INDArray images = Nd4j.create(DataType.FLOAT, n, 1, 4, 4);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            images.slice(i).assign(i);
            labels[i] = i % 10;
        }
        return LabeledImages.dense(images, labels);
    }

    private static List<Integer> order(BatchIterator it) {
        List<Integer> ids = new ArrayList<>();
        while (it.hasNext()) {
            DataSet ds = it.next();
            for (int i = 0; i < ds.numExamples(); i++) {
                int id = (int) ds.getFeatures().getFloat(i, 0, 0, 0);
                ids.add(id);
                assertThat(ds.getLabels().getFloat(i, id % 10)).isEqualTo(1f);
                assertThat(ds.getFeatures().slice(i).minNumber().intValue()).isEqualTo(id);
            }
        }
        return ids;
    }

    @Test
    void shuffledEpochVisitsEveryImageOnce() {
        List<Integer> ids = order(BatchIterator.shuffled(numbered(50), 8, 42, 1));
        assertThat(ids).hasSize(50);
        assertThat(new HashSet<>(ids)).hasSize(50);
        assertThat(ids).isNotEqualTo(order(BatchIterator.sequential(numbered(50), 8)));
    }

    @Test
    void theSameSeedAndEpochGiveTheSameOrder() {
        assertThat(order(BatchIterator.shuffled(numbered(50), 8, 42, 3)))
                .isEqualTo(order(BatchIterator.shuffled(numbered(50), 7, 42, 3)));
    }

    @Test
    void otherEpochsAndSeedsGiveOtherOrders() {
        Set<List<Integer>> orders = new HashSet<>();
        for (int epoch = 1; epoch <= 3; epoch++) {
            orders.add(order(BatchIterator.shuffled(numbered(50), 8, 42, epoch)));
        }
        orders.add(order(BatchIterator.shuffled(numbered(50), 8, 43, 1)));
        assertThat(orders).hasSize(4);
    }

    @Test
    void sequentialBatchesAreInFileOrderWithAShortLastBatch() {
        BatchIterator it = BatchIterator.sequential(numbered(10), 4);
        assertThat(it.batchCount()).isEqualTo(3);
        List<Integer> ids = order(it);
        assertThat(ids).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        it.reset();
        it.next();
        it.next();
        assertThat(it.next().numExamples()).isEqualTo(2);
    }
}
