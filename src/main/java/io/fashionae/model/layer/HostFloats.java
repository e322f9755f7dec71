package io.fashionae.model.layer;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Elementwise work on ND4J arrays done in Java, chunk by chunk: each chunk is copied from native
 * memory into a Java array small enough to stay in a core's cache, computed there by a loop that
 * HotSpot's C2 compiler vectorises, and copied back.
 *
 * <p>Why: for the cheap per-element work of an activation map (a GELU, a per-channel affine),
 * libnd4j M2.1 makes one pass over memory per operation, and some of its kernels are slow (erf
 * about 2.6 ns a float; oneDNN's batch norm on plain NCHW arrays is its reference C++ code). One
 * read and one write of the map, with the arithmetic between them, costs less than either.
 */
final class HostFloats {
    /** Floats per chunk: 16 KB, so a chunk's two scratch arrays stay in a core's L2 cache. */
    static final int CHUNK = 4096;

    /** Arrays of fewer floats are done on the calling thread alone (see {@link #forEachChunk}). */
    private static final int PARALLEL_FROM = 512 * 1024;

    private HostFloats() {}

    /** The work on one chunk: {@code length} floats from element {@code start}, in two scratch arrays. */
    @FunctionalInterface
    interface ChunkWork {
        void apply(int start, int length, float[] first, float[] second);
    }

    /**
     * Whether these arrays can be read and written here: floats in host memory (the CPU backend),
     * dense in C order. Null entries are ignored.
     */
    static boolean supports(INDArray... arrays) {
        if (!Nd4j.getEnvironment().isCPU()) {
            return false;
        }
        for (INDArray a : arrays) {
            if (a != null && !isDenseFloat(a)) {
                return false;
            }
        }
        return true;
    }

    /** The array's floats in place, indexed from its first element; see {@link #supports}. */
    static FloatBuffer floats(INDArray a) {
        FloatBuffer all = a.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
        return all.position(Math.toIntExact(a.offset())).slice();
    }

    /**
     * Runs {@code work} over {@code [0, n)} in chunks of {@code chunk} floats (the last one shorter)
     * on the common fork-join pool and the calling thread, a few runs of whole chunks per core so
     * that no thread waits long for another.
     */
    static void forEachChunk(int n, int chunk, ChunkWork work) {
        int chunks = (int) (((long) n + chunk - 1) / chunk);
        int blocks = Math.min(chunks, 4 * Runtime.getRuntime().availableProcessors());
        IntStream range = IntStream.range(0, blocks);
        // Handing work to another thread costs about 0.1 ms: more than small arrays take alone.
        (n < PARALLEL_FROM ? range : range.parallel()).forEach(b -> {
            float[] first = new float[chunk];
            float[] second = new float[chunk];
            int end = (int) ((long) chunks * (b + 1) / blocks);
            for (int c = (int) ((long) chunks * b / blocks); c < end; c++) {
                int start = c * chunk;
                work.apply(start, Math.min(chunk, n - start), first, second);
            }
        });
    }

    private static boolean isDenseFloat(INDArray a) {
        return a.dataType() == DataType.FLOAT
                && a.ordering() == 'c'
                && Shape.hasDefaultStridesForShape(a)
                && a.length() > 0
                && fitsOneByteBuffer(a);
    }

    /** {@link #floats} maps the whole buffer behind the array (a view's parent too) as one ByteBuffer. */
    private static boolean fitsOneByteBuffer(INDArray a) {
        long floats = Math.max(a.data().length(), a.data().underlyingLength());
        return floats <= Integer.MAX_VALUE / Float.BYTES;
    }
}
