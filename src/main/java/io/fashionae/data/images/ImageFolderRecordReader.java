package io.fashionae.data.images;

import io.fashionae.common.UserException;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.datavec.api.conf.Configuration;
import org.datavec.api.io.labels.ParentPathLabelGenerator;
import org.datavec.api.records.Record;
import org.datavec.api.records.metadata.RecordMetaData;
import org.datavec.api.records.metadata.RecordMetaDataURI;
import org.datavec.api.records.reader.BaseRecordReader;
import org.datavec.api.split.InputSplit;
import org.datavec.api.writable.BytesWritable;
import org.datavec.api.writable.IntWritable;
import org.datavec.api.writable.Writable;

/**
 * A DataVec {@link org.datavec.api.records.reader.RecordReader} over image files, decoded with
 * ImageIO ({@link ImageFile}) rather than DataVec's OpenCV-based {@code ImageRecordReader} (see
 * docs/data.md for the measured reasons). The label of a file comes from its parent folder's name
 * through DataVec's {@link ParentPathLabelGenerator}, as {@code ImageRecordReader} does it.
 *
 * <p>Records: {@code [BytesWritable image, IntWritable label]}, the image fitted into the side
 * given (aspect kept, black padding) as unsigned CHW bytes, and the label the index of the parent
 * folder's name in the class names (0 for every image when there are none). An image that cannot
 * be read stops the reader with a {@link UserException} naming it, or, when told to skip bad
 * images, is left out and listed in {@link #skipped()}.
 */
public class ImageFolderRecordReader extends BaseRecordReader {
    private static final long serialVersionUID = 1L;

    private final int side;
    private final int channels;
    private final List<String> classNames;
    private final boolean skipBad;
    private final ParentPathLabelGenerator labels = new ParentPathLabelGenerator();
    private final List<Path> skipped = new ArrayList<>();
    private transient List<URI> files = List.of();
    private int cursor;
    private transient Record pending;
    private boolean colour;

    /**
     * @param side       side the images are fitted into
     * @param channels   1 (BT.601 luma) or 3 (RGB)
     * @param classNames folder names in label order; empty for unlabelled images
     * @param skipBad    leave unreadable images out instead of failing
     */
    public ImageFolderRecordReader(int side, int channels, List<String> classNames, boolean skipBad) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        this.side = side;
        this.channels = channels;
        this.classNames = List.copyOf(classNames);
        this.skipBad = skipBad;
    }

    @Override
    public void initialize(InputSplit split) {
        files = new ArrayList<>(Arrays.asList(split.locations()));
        cursor = 0;
        pending = null;
        skipped.clear();
    }

    @Override
    public void initialize(Configuration conf, InputSplit split) {
        initialize(split);
    }

    /** Bytes of one record's image. */
    public int recordBytes() {
        return channels * side * side;
    }

    /** The files left out as unreadable so far. */
    public List<Path> skipped() {
        return List.copyOf(skipped);
    }

    /** Whether some image read so far has colour (only an RGB reader can tell). */
    public boolean sawColour() {
        return colour;
    }

    @Override
    public boolean hasNext() {
        return advance();
    }

    @Override
    public List<Writable> next() {
        return nextRecord().getRecord();
    }

    @Override
    public Record nextRecord() {
        if (!advance()) {
            throw new NoSuchElementException("no images left");
        }
        Record r = pending;
        pending = null;
        return r;
    }

    /** Reads ahead to the next readable image; false at the end. */
    private boolean advance() {
        while (pending == null && cursor < files.size()) {
            URI uri = files.get(cursor++);
            Path file = Path.of(uri);
            try {
                pending = new org.datavec.api.records.impl.Record(
                        read(file), new RecordMetaDataURI(uri, ImageFolderRecordReader.class));
            } catch (UserException e) {
                if (!skipBad) {
                    throw e;
                }
                skipped.add(file);
            }
        }
        return pending != null;
    }

    private List<Writable> read(Path file) {
        BufferedImage image = ImageFile.decode(file, side);
        byte[] bytes = ImageFile.toBytes(image, side, channels);
        if (channels == 3 && !colour) {
            colour = ImageFile.hasColour(bytes, 0, side * side);
        }
        return List.of(new BytesWritable(bytes), new IntWritable(labelOf(file)));
    }

    private int labelOf(Path file) {
        if (classNames.isEmpty()) {
            return 0;
        }
        String name = labels.getLabelForPath(file.toUri()).toString();
        int label = classNames.indexOf(name);
        if (label < 0) {
            throw new IllegalStateException(file + " is in no class folder of " + classNames);
        }
        return label;
    }

    @Override
    public List<String> getLabels() {
        return classNames;
    }

    @Override
    public void reset() {
        cursor = 0;
        pending = null;
        skipped.clear();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public List<Writable> record(URI uri, DataInputStream dataInputStream) {
        return read(Path.of(uri));
    }

    @Override
    public Record loadFromMetaData(RecordMetaData recordMetaData) {
        return new org.datavec.api.records.impl.Record(read(Path.of(recordMetaData.getURI())), recordMetaData);
    }

    @Override
    public List<Record> loadFromMetaData(List<RecordMetaData> recordMetaDatas) {
        return recordMetaDatas.stream().map(this::loadFromMetaData).collect(Collectors.toList());
    }

    @Override
    public void close() {
        files = List.of();
    }

    @Override
    public void setConf(Configuration conf) {
        // Nothing is configurable through DataVec's Configuration: everything is in the constructor.
    }

    @Override
    public Configuration getConf() {
        return new Configuration();
    }
}
