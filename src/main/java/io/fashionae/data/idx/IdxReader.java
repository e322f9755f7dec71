package io.fashionae.data.idx;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files of unsigned bytes (the MNIST format), gzipped or raw, detected from the first
 * two bytes rather than the file name.
 *
 * <p>The header is checked before anything is allocated: the magic number, the number of
 * dimensions, each dimension, and the declared payload against {@code maxPayloadBytes}, so a
 * corrupt or hostile header cannot make us allocate gigabytes. The payload must then be exactly
 * as long as declared: a short file is "truncated" and a longer one (a gzip that expands beyond
 * the declared size) is refused too. Only {@link IdxFormatException} escapes.
 */
public final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private final long maxPayloadBytes;

    /** @param maxPayloadBytes the largest payload to accept; Fashion-MNIST's largest is 47,040,000 */
    public IdxReader(long maxPayloadBytes) {
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** A reader sized for Fashion-MNIST-like files (up to 256 MiB of payload). */
    public static IdxReader withDefaultLimit() {
        return new IdxReader(256L << 20);
    }

    /**
     * Reads {@code file}, which must hold {@code expectedDims} dimensions.
     *
     * @throws IdxFormatException if the file is missing, unreadable or not a valid IDX file
     */
    public IdxArray read(Path file, int expectedDims) {
        String name = file.toString();
        try (InputStream raw = Files.newInputStream(file)) {
            return read(raw, name, expectedDims);
        } catch (NoSuchFileException e) {
            throw new IdxFormatException(name, "file not found", e);
        } catch (IOException e) {
            throw new IdxFormatException(name, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads one IDX file from {@code in}; {@code name} only labels errors. */
    public IdxArray read(InputStream in, String name, int expectedDims) {
        MessageDigest sha = sha256();
        try (DigestInputStream data = new DigestInputStream(decompressed(in, name), sha)) {
            int[] dims = readHeader(data, name, expectedDims);
            long payload = payloadBytes(dims, name);
            byte[] bytes = data.readNBytes((int) payload);
            if (bytes.length < payload) {
                throw new IdxFormatException(
                        name, "truncated: header declares " + payload + " payload bytes, file has " + bytes.length);
            }
            if (data.read() != -1) {
                throw new IdxFormatException(name, "longer than its header declares (" + payload + " payload bytes)");
            }
            return new IdxArray(dims, bytes, HexFormat.of().formatHex(sha.digest()));
        } catch (EOFException e) {
            throw new IdxFormatException(name, "truncated inside the header or the compressed stream", e);
        } catch (ZipException e) {
            throw new IdxFormatException(name, "corrupt gzip data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IdxFormatException(name, "cannot read: " + e.getMessage(), e);
        }
    }

    private static InputStream decompressed(InputStream in, String name) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        if (b1 == -1) {
            throw new IdxFormatException(name, "file is empty");
        }
        if (b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2) {
            return new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16);
        }
        return buffered;
    }

    private static int[] readHeader(InputStream in, String name, int expectedDims) throws IOException {
        byte[] magic = readExactly(in, 4);
        if (magic[0] != 0 || magic[1] != 0) {
            throw new IdxFormatException(
                    name,
                    String.format("not an IDX file (magic %02x%02x%02x%02x)", magic[0], magic[1], magic[2], magic[3]));
        }
        if ((magic[2] & 0xff) != UNSIGNED_BYTE) {
            throw new IdxFormatException(
                    name, String.format("IDX data type 0x%02x, expected 0x08 (unsigned byte)", magic[2] & 0xff));
        }
        int ndims = magic[3] & 0xff;
        if (ndims != expectedDims) {
            throw new IdxFormatException(
                    name,
                    "has " + ndims + " dimensions, expected " + expectedDims
                            + " (are the images and labels files swapped?)");
        }
        byte[] header = readExactly(in, 4 * ndims);
        int[] dims = new int[ndims];
        for (int i = 0; i < ndims; i++) {
            dims[i] = ((header[4 * i] & 0xff) << 24)
                    | ((header[4 * i + 1] & 0xff) << 16)
                    | ((header[4 * i + 2] & 0xff) << 8)
                    | (header[4 * i + 3] & 0xff);
            if (dims[i] <= 0) {
                throw new IdxFormatException(
                        name,
                        "dimension " + i + " is " + Integer.toUnsignedString(dims[i]) + ", expected a positive size");
            }
        }
        return dims;
    }

    private long payloadBytes(int[] dims, String name) {
        long payload = 1;
        for (int d : dims) {
            payload *= d;
            if (payload > maxPayloadBytes) {
                throw new IdxFormatException(
                        name,
                        "header declares more than " + maxPayloadBytes
                                + " payload bytes, which no Fashion-MNIST file has");
            }
        }
        return payload;
    }

    private static byte[] readExactly(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new EOFException();
        }
        return b;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
