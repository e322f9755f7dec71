package io.fashionae.data.idx;

import java.util.Arrays;

/**
 * The content of one IDX file of unsigned bytes: its dimensions, its payload and the SHA-256 of
 * the whole decompressed file (header included), as published for Fashion-MNIST.
 *
 * @param dims   dimensions from the header, outermost first ({@code [60000, 28, 28]})
 * @param data   the payload, row-major, exactly the product of {@code dims} bytes
 * @param sha256 lower-case hex SHA-256 of the decompressed file
 */
public record IdxArray(int[] dims, byte[] data, String sha256) {

    /** Copies {@code dims} so the record stays immutable in shape; the payload is shared, never written. */
    public IdxArray {
        dims = dims.clone();
    }

    /** The outermost dimension: images or labels in the file. */
    public int count() {
        return dims[0];
    }

    /** Bytes per item: 784 for a 28x28 image, 1 for a label. */
    public int itemSize() {
        int size = 1;
        for (int i = 1; i < dims.length; i++) {
            size *= dims[i];
        }
        return size;
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdxArray other && Arrays.equals(dims, other.dims) && sha256.equals(other.sha256);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dims) + sha256.hashCode();
    }

    @Override
    public String toString() {
        return "IdxArray" + Arrays.toString(dims) + " sha256=" + sha256;
    }
}
