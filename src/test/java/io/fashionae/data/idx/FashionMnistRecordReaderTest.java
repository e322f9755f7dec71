package io.fashionae.data.idx;

import static io.fashionae.testing.IdxFixtures.idx;
import static io.fashionae.testing.IdxFixtures.imagesPayload;
import static io.fashionae.testing.IdxFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fashionae.config.IdxDataset;
import io.fashionae.data.LabeledImages;
import io.fashionae.testing.IdxFixtures;
import java.nio.file.Path;
import java.util.List;
import org.datavec.api.split.CollectionInputSplit;
import org.datavec.api.writable.IntWritable;
import org.datavec.api.writable.NDArrayWritable;
import org.datavec.api.writable.Writable;
import org.deeplearning4j.datasets.datavec.RecordReaderDataSetIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

class FashionMnistRecordReaderTest {

    private static FashionMnistRecordReader open(Path images, Path labels, int limit) throws Exception {
        FashionMnistRecordReader r = new FashionMnistRecordReader(32, limit, true);
        r.initialize(new CollectionInputSplit(List.of(images.toUri(), labels.toUri())));
        return r;
    }

    @Test
    void scalesToUnitRangeAndPadsByTwoZeros(@TempDir Path dir) throws Exception {
        Path[] files = IdxFixtures.writePair(dir, "x", 5, true);
        FashionMnistRecordReader r = open(files[0], files[1], 0);
        r.next();
        List<Writable> second = r.next();
        INDArray image = ((NDArrayWritable) second.get(0)).get();
        assertThat(image.shape()).containsExactly(1, 1, 32, 32);
        assertThat(image.getFloat(0, 0, 0, 0)).isZero();
        assertThat(image.getFloat(0, 0, 1, 31)).isZero();
        assertThat(image.getFloat(0, 0, 31, 5)).isZero();
        // pixel (r, c) of image 1 is (1 + r + c) % 256, at (r + 2, c + 2) after padding
        assertThat(image.getFloat(0, 0, 2, 2)).isEqualTo(1 / 255f);
        assertThat(image.getFloat(0, 0, 2 + 10, 2 + 20)).isEqualTo(31 / 255f);
        assertThat(image.sumNumber().doubleValue()).isGreaterThan(0);
        assertThat(((IntWritable) second.get(1)).get()).isEqualTo(1);
    }

    @Test
    void theCompactSplitGivesTheSameImagesAndLabelsAsTheRecords(@TempDir Path dir) throws Exception {
        Path[] files = IdxFixtures.writePair(dir, "x", 9, false);
        LabeledImages compact = open(files[0], files[1], 7).readAllCompact();
        List<Writable> batch = open(files[0], files[1], 7).next(7).get(0);
        INDArray records = ((NDArrayWritable) batch.get(0)).get();

        assertThat(compact.size()).isEqualTo(7);
        assertThat(compact.imageShape()).containsExactly(1, 32, 32);
        assertThat(compact.images()).isEqualTo(records);
        assertThat(compact.images(2, 5)).isEqualTo(records.get(NDArrayIndex.interval(2, 5)));
        assertThat(compact.gather(new int[] {6, 0, 3}).slice(0)).isEqualTo(records.slice(6));
        assertThat(compact.gather(new int[] {6, 0, 3}).slice(2)).isEqualTo(records.slice(3));
        assertThat(compact.first(3).images()).isEqualTo(records.get(NDArrayIndex.interval(0, 3)));
        assertThat(compact.labels())
                .containsExactly(
                        ((NDArrayWritable) batch.get(1)).get().argMax(1).toIntVector());
        assertThatThrownBy(() -> compact.gather(new int[] {7})).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aBatchHoldsTheSameImagesAsSingleRecords(@TempDir Path dir) throws Exception {
        Path[] files = IdxFixtures.writePair(dir, "x", 7, false);
        FashionMnistRecordReader single = open(files[0], files[1], 0);
        FashionMnistRecordReader batched = open(files[0], files[1], 0);
        List<Writable> batch = batched.next(7).get(0);
        INDArray images = ((NDArrayWritable) batch.get(0)).get();
        INDArray oneHot = ((NDArrayWritable) batch.get(1)).get();
        assertThat(images.shape()).containsExactly(7, 1, 32, 32);
        for (int i = 0; i < 7; i++) {
            List<Writable> rec = single.next();
            assertThat(images.slice(i))
                    .isEqualTo(((NDArrayWritable) rec.get(0)).get().slice(0));
            assertThat(oneHot.getFloat(i, ((IntWritable) rec.get(1)).get())).isEqualTo(1f);
        }
        assertThat(batched.hasNext()).isFalse();
    }

    @Test
    void feedsDl4jsRecordReaderDataSetIterator(@TempDir Path dir) throws Exception {
        Path[] files = IdxFixtures.writePair(dir, "x", 10, true);
        RecordReaderDataSetIterator it = new RecordReaderDataSetIterator(open(files[0], files[1], 0), 4, 1, 10);
        DataSet first = it.next();
        assertThat(first.getFeatures().shape()).containsExactly(4, 1, 32, 32);
        assertThat(first.getLabels().shape()).containsExactly(4, 10);
        assertThat(first.getLabels().getFloat(3, 3)).isEqualTo(1f);
        int total = 4;
        while (it.hasNext()) {
            total += (int) it.next().numExamples();
        }
        assertThat(total).isEqualTo(10);
    }

    @Test
    void limitExposesOnlyTheFirstImages(@TempDir Path dir) throws Exception {
        Path[] files = IdxFixtures.writePair(dir, "x", 10, true);
        FashionMnistRecordReader r = open(files[0], files[1], 3);
        assertThat(r.size()).isEqualTo(3);
        r.next(100);
        assertThat(r.hasNext()).isFalse();
        r.reset();
        assertThat(r.remaining()).isEqualTo(3);
    }

    @Test
    void rejectsImagesAndLabelsThatDisagree(@TempDir Path dir) throws Exception {
        Path images = write(dir.resolve("a-images"), idx(new int[] {3, 28, 28}, imagesPayload(3)));
        Path labels = write(dir.resolve("a-labels"), idx(new int[] {2}, new byte[] {1, 2}));
        assertThatThrownBy(() -> open(images, labels, 0))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("2 labels for 3 images");
    }

    @Test
    void rejectsLabelsOutOfRange(@TempDir Path dir) throws Exception {
        Path images = write(dir.resolve("a-images"), idx(new int[] {2, 28, 28}, imagesPayload(2)));
        Path labels = write(dir.resolve("a-labels"), idx(new int[] {2}, new byte[] {1, 12}));
        assertThatThrownBy(() -> open(images, labels, 0)).hasMessageContaining("label 12 at index 1 is outside 0..9");
    }

    @Test
    void rejectsImagesThatAreNot28x28(@TempDir Path dir) throws Exception {
        Path images = write(dir.resolve("a-images"), idx(new int[] {1, 27, 29}, new byte[27 * 29]));
        Path labels = write(dir.resolve("a-labels"), idx(new int[] {1}, new byte[] {1}));
        assertThatThrownBy(() -> open(images, labels, 0)).hasMessageContaining("27x29, expected 28x28");
    }

    @Test
    void aFileWithTheOfficialNameMustHaveTheOfficialHash(@TempDir Path dir) throws Exception {
        Path[] files = IdxFixtures.writePair(dir, "t10k", 4, true);
        assertThatThrownBy(() -> open(files[0], files[1], 0))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("t10k-images-idx3-ubyte.gz")
                .hasMessageContaining(IdxDistribution.of(IdxDataset.FASHION_MNIST)
                        .decompressedSha256()
                        .get(IdxFile.TEST_IMAGES));
    }

    @Test
    void mnistFilesAreCheckedAgainstMnistsHashesAndKmnistOnesAgainstTheirGzHash(@TempDir Path dir) throws Exception {
        Path[] files = IdxFixtures.writePair(dir, "t10k", 4, true);
        assertThatThrownBy(() -> new FashionMnistRecordReader(32, 0, IdxDistribution.of(IdxDataset.MNIST))
                        .initialize(new CollectionInputSplit(List.of(files[0].toUri(), files[1].toUri()))))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("MNIST's t10k-images-idx3-ubyte")
                .hasMessageContaining(IdxDistribution.of(IdxDataset.MNIST)
                        .decompressedSha256()
                        .get(IdxFile.TEST_IMAGES));
        assertThatThrownBy(() -> new FashionMnistRecordReader(32, 0, IdxDistribution.of(IdxDataset.KMNIST))
                        .initialize(new CollectionInputSplit(List.of(files[0].toUri(), files[1].toUri()))))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("Kuzushiji-MNIST's t10k-images-idx3-ubyte.gz")
                .hasMessageContaining(
                        IdxDistribution.of(IdxDataset.KMNIST).gzSha256().get(IdxFile.TEST_IMAGES));
    }

    @Test
    void aRawKmnistFileCannotBeVerifiedAndSaysToKeepTheGz(@TempDir Path dir) throws Exception {
        Path[] files = IdxFixtures.writePair(dir, "t10k", 4, false);
        assertThatThrownBy(() -> new FashionMnistRecordReader(32, 0, IdxDistribution.of(IdxDataset.KMNIST))
                        .initialize(new CollectionInputSplit(List.of(files[0].toUri(), files[1].toUri()))))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("publishes the SHA-256 of its .gz files only")
                .hasMessageContaining("keep the downloaded t10k-images-idx3-ubyte.gz");
    }
}
