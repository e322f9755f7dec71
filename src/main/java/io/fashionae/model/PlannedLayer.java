package io.fashionae.model;

import io.fashionae.config.GeluForm;
import java.util.List;

/**
 * One layer of the {@link ArchitecturePlan}: what it computes, where its input comes from, the
 * shapes, and the parameters every engine lays out for it. Fields that a kind does not use are 0
 * or null.
 *
 * @param name      the graph vertex's name, as in {@code encoder1_conv} ({@link GraphNames})
 * @param kind      what it computes
 * @param input     the vertex it reads ({@link GraphNames#IMAGE} or {@link GraphNames#LATENT} first)
 * @param in        its input's shape, without the batch
 * @param out       its output's shape, without the batch
 * @param kernel    (transposed) convolution: the square kernel's side
 * @param stride    (transposed) convolution: the stride
 * @param geometry  (transposed) convolution: how DL4J reproduces the padding form (mode, padding, crop)
 * @param padding   convolution: the asymmetric padding {@code {before, after}} it stands for, as
 *                  oneDNN and ONNX can express it
 * @param crop      crop: rows and columns dropped {@code {start, end}}
 * @param gelu      GELU: its formula
 * @param dropout   dropout: the probability of dropping a channel
 * @param params    the parameters, in DL4J's order within the layer
 */
public record PlannedLayer(
        String name,
        LayerKind kind,
        String input,
        Shape in,
        Shape out,
        int kernel,
        int stride,
        ConvGeometry geometry,
        int[] padding,
        int[] crop,
        GeluForm gelu,
        double dropout,
        List<Param> params) {

    /** Copies the parameter list. */
    public PlannedLayer {
        params = List.copyOf(params);
    }

    /**
     * A shape without the batch: {@code [channels, height, width]} for a feature map,
     * {@code [size]} for a vector.
     *
     * @param dims the sizes
     */
    public record Shape(long... dims) {
        /** A feature map. */
        public static Shape map(long channels, long side) {
            return new Shape(channels, side, side);
        }

        /** A vector. */
        public static Shape vector(long size) {
            return new Shape(size);
        }

        /** Whether it is a feature map (rank 3). */
        public boolean isMap() {
            return dims.length == 3;
        }

        /** Values per image. */
        public long size() {
            return product(dims);
        }

        /** The channels of a feature map, the size of a vector. */
        public long channels() {
            return dims[0];
        }

        /** The side of a (square) feature map. */
        public long side() {
            return dims[1];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Shape s && java.util.Arrays.equals(dims, s.dims);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(dims);
        }

        /** {@code [-1,128,4,4]}, with the batch as -1, as the summary shows it. */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("[-1");
            for (long d : dims) {
                sb.append(',').append(d);
            }
            return sb.append(']').toString();
        }
    }

    /**
     * One parameter array.
     *
     * @param key       DL4J's key within the layer ({@code W}, {@code b}, {@code gamma}, ...)
     * @param shape     its shape in DL4J
     * @param trainable whether gradient descent changes it (batch norm's running statistics are state)
     */
    public record Param(String key, long[] shape, boolean trainable) {
        /** Values it holds. */
        public long size() {
            return product(shape);
        }
    }

    private static long product(long[] dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    /** Values of all its parameters, trainable or not. */
    public long parameterCount() {
        return params.stream().mapToLong(Param::size).sum();
    }

    /** Values of its trainable parameters. */
    public long trainableCount() {
        return params.stream().filter(Param::trainable).mapToLong(Param::size).sum();
    }

    /** Multiply-adds of one image's forward pass (0 for elementwise kinds). */
    public long multiplyAdds() {
        return switch (kind) {
            // Each output pixel meets every tap of every input channel once.
            case CONVOLUTION -> out.size() * in.channels() * kernel * (long) kernel;
            // Counted by the input: each input pixel meets every kernel tap once.
            case DECONVOLUTION -> in.size() * out.channels() * kernel * (long) kernel;
            case DENSE -> in.size() * out.size();
            case CROP, BATCH_NORM, GELU, DROPOUT, SIGMOID -> 0;
        };
    }
}
