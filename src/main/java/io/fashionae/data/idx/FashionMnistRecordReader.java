package io.fashionae.data.idx;

import io.fashionae.config.FashionMnistClasses;
import io.fashionae.config.IdxDataset;
import io.fashionae.config.ImagePadding;
import io.fashionae.data.LabeledImages;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.datavec.api.conf.Configuration;
import org.datavec.api.records.Record;
import org.datavec.api.records.metadata.RecordMetaData;
import org.datavec.api.records.metadata.RecordMetaDataIndex;
import org.datavec.api.records.reader.BaseRecordReader;
import org.datavec.api.split.InputSplit;
import org.datavec.api.writable.IntWritable;
import org.datavec.api.writable.NDArrayWritable;
import org.datavec.api.writable.Writable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A DataVec {@link org.datavec.api.records.reader.RecordReader} over one pair of Fashion-MNIST IDX
 * files (images and labels, gzipped or raw).
 *
 * <p>Initialise it with an {@link InputSplit} whose two locations are the images file and the
 * labels file (told apart by "images"/"labels" in their names). Both files are validated when
 * read: IDX header, 28x28 images, as many labels as images, labels 0..9, and, when hash checking
 * is on, the published SHA-256 of the decompressed content.
 *
 * <p>Records: {@link #next()} gives {@code [NDArrayWritable image [1, 1, S, S], IntWritable label]};
 * {@link #next(int)} gives one record holding a whole batch, {@code [NDArrayWritable [n, 1, S, S],
 * NDArrayWritable one-hot [n, 10]]}, the convention DataVec's image readers use, so
 * {@code RecordReaderDataSetIterator} works with either.
 */
public class FashionMnistRecordReader extends BaseRecordReader {
    private static final long serialVersionUID = 1L;

    private final ImagePadding padding;
    private final int limit;
    /** The hashes files named like the official ones must match; null checks none. */
    private final transient IdxDistribution verifyAs;

    private transient IdxArray images;
    private transient byte[] labels;
    private transient String labelsSha256;
    private transient URI imagesUri;
    private int size;
    private int cursor;

    /**
     * @param paddedSide   side of the produced images (32 pads 28x28 by 2 on each side)
     * @param limit        expose only the first N images (0 = all)
     * @param verifyHashes check the published SHA-256 of files named like the official ones
     */
    public FashionMnistRecordReader(int paddedSide, int limit, boolean verifyHashes) {
        this(paddedSide, limit, verifyHashes ? IdxDistribution.of(IdxDataset.FASHION_MNIST) : null);
    }

    /**
     * @param paddedSide side of the produced images (32 pads 28x28 by 2 on each side)
     * @param limit      expose only the first N images (0 = all)
     * @param verifyAs   check files named like the official ones against these published hashes;
     *                   null checks none
     */
    public FashionMnistRecordReader(int paddedSide, int limit, IdxDistribution verifyAs) {
        this.padding = new ImagePadding(FashionMnistClasses.IMAGE_SIDE, paddedSide);
        this.limit = limit;
        this.verifyAs = verifyAs;
    }

    @Override
    public void initialize(InputSplit split) throws IOException {
        this.inputSplit = split;
        URI[] locations = split.locations();
        URI imageLoc = pick(locations, "images");
        URI labelLoc = pick(locations, "labels");
        IdxReader reader = IdxReader.withDefaultLimit();
        IdxArray img = reader.read(Path.of(imageLoc), 3);
        IdxArray lab = reader.read(Path.of(labelLoc), 1);
        String imageName = Path.of(imageLoc).toString();
        String labelName = Path.of(labelLoc).toString();
        checkImages(img, imageName);
        checkLabels(lab, labelName, img.count());
        if (verifyAs != null) {
            verifyIfKnown(img, Path.of(imageLoc), imageName);
            verifyIfKnown(lab, Path.of(labelLoc), labelName);
        }
        this.images = img;
        this.labels = lab.data();
        this.labelsSha256 = lab.sha256();
        this.imagesUri = imageLoc;
        this.size = limit > 0 ? Math.min(limit, img.count()) : img.count();
        this.cursor = 0;
    }

    @Override
    public void initialize(Configuration conf, InputSplit split) throws IOException {
        initialize(split);
    }

    /** The SHA-256 of the decompressed images file that was read. */
    public String imagesSha256() {
        requireInitialised();
        return images.sha256();
    }

    /** The SHA-256 of the decompressed labels file that was read. */
    public String labelsSha256() {
        requireInitialised();
        return labelsSha256;
    }

    /** Number of records this reader exposes (after the limit). */
    public int size() {
        return size;
    }

    /** Records left before {@link #hasNext()} turns false. */
    public int remaining() {
        return size - cursor;
    }

    /**
     * Every record this reader exposes, kept compact (the file's bytes, padded and scaled only
     * when a batch is asked for): the form a run keeps a whole split in. Leaves the cursor alone.
     */
    public LabeledImages readAllCompact() {
        requireInitialised();
        int[] labelArray = new int[size];
        for (int i = 0; i < size; i++) {
            labelArray[i] = labels[i];
        }
        return LabeledImages.compact(images.data(), padding, labelArray);
    }

    @Override
    public boolean batchesSupported() {
        return true;
    }

    @Override
    public List<List<Writable>> next(int num) {
        requireInitialised();
        int n = Math.min(num, remaining());
        if (n <= 0) {
            throw new NoSuchElementException("no records left");
        }
        // Written image by image straight into the array's native memory: a whole split staged in a
        // float[] first would put 245 MB on the Java heap for the training split, twice resident.
        INDArray features =
                Nd4j.create(DataType.FLOAT, new long[] {n, 1, padding.paddedSide(), padding.paddedSide()}, 'c');
        FloatBuffer target =
                features.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
        float[] image = new float[padding.paddedPixels()];
        INDArray oneHot = Nd4j.zeros(DataType.FLOAT, n, FashionMnistClasses.COUNT);
        for (int i = 0; i < n; i++) {
            padding.padInto(images.data(), cursor + i, image, 0);
            target.put(i * image.length, image);
            oneHot.putScalar(i, labels[cursor + i], 1f);
        }
        cursor += n;
        List<Writable> batch = Arrays.asList(new NDArrayWritable(features), new NDArrayWritable(oneHot));
        return Collections.singletonList(batch);
    }

    @Override
    public List<Writable> next() {
        requireInitialised();
        if (!hasNext()) {
            throw new NoSuchElementException("no records left");
        }
        List<Writable> record = recordAt(cursor);
        cursor++;
        return record;
    }

    @Override
    public boolean hasNext() {
        return images != null && cursor < size;
    }

    @Override
    public List<String> getLabels() {
        return FashionMnistClasses.NAMES;
    }

    @Override
    public void reset() {
        cursor = 0;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public List<Writable> record(URI uri, DataInputStream dataInputStream) {
        throw new UnsupportedOperationException("IDX records are read from the whole file, not one stream per record");
    }

    @Override
    public Record nextRecord() {
        int index = cursor;
        List<Writable> record = next();
        return new org.datavec.api.records.impl.Record(
                record, new RecordMetaDataIndex(index, imagesUri, FashionMnistRecordReader.class));
    }

    @Override
    public Record loadFromMetaData(RecordMetaData recordMetaData) {
        int index = (int) ((RecordMetaDataIndex) recordMetaData).getIndex();
        return new org.datavec.api.records.impl.Record(recordAt(index), recordMetaData);
    }

    @Override
    public List<Record> loadFromMetaData(List<RecordMetaData> recordMetaDatas) {
        return recordMetaDatas.stream().map(this::loadFromMetaData).collect(Collectors.toList());
    }

    @Override
    public void close() {
        images = null;
        labels = null;
    }

    @Override
    public void setConf(Configuration conf) {
        // Nothing is configurable through DataVec's Configuration: everything is in the constructor.
    }

    @Override
    public Configuration getConf() {
        return new Configuration();
    }

    private List<Writable> recordAt(int index) {
        float[] pixels = new float[padding.paddedPixels()];
        padding.padInto(images.data(), index, pixels, 0);
        INDArray image = Nd4j.create(pixels, new long[] {1, 1, padding.paddedSide(), padding.paddedSide()}, 'c');
        return Arrays.asList(new NDArrayWritable(image), new IntWritable(labels[index]));
    }

    private void requireInitialised() {
        if (images == null) {
            throw new IllegalStateException("call initialize(InputSplit) first");
        }
    }

    private static URI pick(URI[] locations, String kind) {
        URI found = null;
        for (URI uri : locations) {
            String name = Path.of(uri).getFileName().toString();
            if (name.contains(kind)) {
                if (found != null) {
                    throw new IdxFormatException(name, "more than one " + kind + " file in the input split");
                }
                found = uri;
            }
        }
        if (found == null) {
            throw new IdxFormatException(Arrays.toString(locations), "no " + kind + " file in the input split");
        }
        return found;
    }

    private static void checkImages(IdxArray img, String name) {
        int[] d = img.dims();
        int side = FashionMnistClasses.IMAGE_SIDE;
        if (d[1] != side || d[2] != side) {
            throw new IdxFormatException(name, "images are " + d[1] + "x" + d[2] + ", expected " + side + "x" + side);
        }
    }

    private static void checkLabels(IdxArray lab, String name, int imageCount) {
        if (lab.count() != imageCount) {
            throw new IdxFormatException(name, lab.count() + " labels for " + imageCount + " images");
        }
        byte[] data = lab.data();
        for (int i = 0; i < data.length; i++) {
            int label = data[i] & 0xff;
            if (label >= FashionMnistClasses.COUNT) {
                throw new IdxFormatException(
                        name,
                        "label " + label + " at index " + i + " is outside 0.." + (FashionMnistClasses.COUNT - 1));
            }
        }
    }

    private void verifyIfKnown(IdxArray content, Path file, String name) {
        String fileName = file.getFileName().toString();
        for (IdxFile f : IdxFile.values()) {
            if (fileName.equals(f.fileName()) || fileName.equals(f.fileName() + ".gz")) {
                HashCheck.verify(verifyAs, f, content, file, name);
                return;
            }
        }
    }
}
