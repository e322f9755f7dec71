package io.fashionae.model;

import io.fashionae.config.LossKind;
import io.fashionae.config.ModelConfig;
import io.fashionae.model.PlannedLayer.Param;
import io.fashionae.model.PlannedLayer.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The architecture, derived once from a {@link ModelConfig}: the ordered layers of the encoder
 * (image to latent, with a VAE's log-variance head) and of the decoder (latent to image), each with
 * its kind, input, shapes, padding, activation and parameters. Everything that needs the
 * architecture reads it here: the DL4J graph of either engine ({@link AutoencoderGraphBuilder}),
 * the ONNX exporter, oneDNN's direct encoder, the summary, the work count and the memory
 * estimate. A consumer meeting a kind it cannot handle fails naming it.
 *
 * <p>The training graph adds what only training has: a VAE's noise input and sampling layer
 * between the two halves, and the loss layer, which applies a BCE model's final sigmoid itself.
 *
 * @param config  the configuration it was derived from
 * @param encoder the encoder's layers in order; its first reads {@link GraphNames#IMAGE}, and
 *                {@link GraphNames#LATENT} (plus {@link GraphNames#LATENT_LOG_VAR}) end it
 * @param decoder the decoder's layers in order; the first reads {@link GraphNames#LATENT}
 */
public record ArchitecturePlan(ModelConfig config, List<PlannedLayer> encoder, List<PlannedLayer> decoder) {
    /** Copies the lists. */
    public ArchitecturePlan {
        encoder = List.copyOf(encoder);
        decoder = List.copyOf(decoder);
    }

    /** The plan of {@code config}. */
    public static ArchitecturePlan of(ModelConfig config) {
        return new ArchitecturePlan(config, new Planner(config).encoder(), new Planner(config).decoder());
    }

    /** Every layer: the encoder's, then the decoder's. */
    public List<PlannedLayer> layers() {
        return Stream.concat(encoder.stream(), decoder.stream()).toList();
    }

    /** The layer named {@code name}. */
    public PlannedLayer layer(String name) {
        return layers().stream()
                .filter(l -> l.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the plan has no layer " + name));
    }

    /** Values of every parameter, running statistics included. */
    public long parameterCount() {
        return layers().stream().mapToLong(PlannedLayer::parameterCount).sum();
    }

    /** Values that gradient descent changes (343,619 for the seed's model, as PyTorch counts). */
    public long trainableCount() {
        return layers().stream().mapToLong(PlannedLayer::trainableCount).sum();
    }

    /** Multiply-adds of one image's forward pass through both halves. */
    public long forwardMultiplyAdds() {
        return layers().stream().mapToLong(PlannedLayer::multiplyAdds).sum();
    }

    /** Walks the configuration once per half, naming and shaping each layer. */
    private static final class Planner {
        private final ModelConfig config;
        private final List<PlannedLayer> layers = new ArrayList<>();
        private String previous;
        private Shape shape;

        Planner(ModelConfig config) {
            this.config = config;
        }

        List<PlannedLayer> encoder() {
            previous = GraphNames.IMAGE;
            shape = Shape.map(config.imageChannels(), config.imageSize());
            List<Integer> sides = config.encoderSides();
            for (int i = 0; i < config.layers(); i++) {
                int block = i + 1;
                int k = config.kernels().get(i);
                int s = config.strides().get(i);
                int in = sides.get(i);
                int out = sides.get(i + 1);
                ConvGeometry geometry = ConvGeometry.convolution(config.padding(), k, s, in, out);
                int[] padding = ConvGeometry.asymmetricPadding(config.padding(), k, s, in, out);
                int channels = config.channels().get(i);
                long outSide = geometry.crops() ? (in + 2L * geometry.padding() - k) / s + 1 : out;
                convolution(GraphNames.encoder(block, GraphNames.CONV), k, s, channels, outSide, geometry, padding);
                crop(GraphNames.encoder(block, GraphNames.CROP), geometry);
                normActivationDropout(true, block, config.batchNorm());
            }
            String lastMap = previous;
            Shape mapShape = shape;
            dense(GraphNames.LATENT, config.latentDim());
            if (config.objective().variational()) {
                // Beside the mean's head, on the same feature map: the two heads' parameters follow each other.
                previous = lastMap;
                shape = mapShape;
                dense(GraphNames.LATENT_LOG_VAR, config.latentDim());
            }
            return layers;
        }

        List<PlannedLayer> decoder() {
            previous = GraphNames.LATENT;
            shape = Shape.vector(config.latentDim());
            dense(GraphNames.DECODER_DENSE, config.flattenedSize());
            // The dense output is read as the bottleneck map, channel-major as the encoder flattened it.
            shape = Shape.map(config.bottleneckChannels(), config.bottleneckSide());
            for (int i = 0; i < config.layers(); i++) {
                int block = i + 1;
                int k = config.decoderKernel(i);
                int s = config.decoderStride(i);
                ConvGeometry geometry = ConvGeometry.transposed(config.padding(), k, s);
                long full = geometry.crops() ? (shape.side() - 1) * s + k : shape.side() * s;
                add(
                                GraphNames.decoder(block, GraphNames.DECONV),
                                LayerKind.DECONVOLUTION,
                                Shape.map(config.decoderOutChannels(i), full))
                        .convolution(k, s, geometry, null)
                        .params(convParams(shape.channels(), config.decoderOutChannels(i), k, true))
                        .done();
                crop(GraphNames.decoder(block, GraphNames.CROP), geometry);
                boolean last = i == config.layers() - 1;
                normActivationDropout(false, block, config.batchNorm() && !last);
            }
            int side = config.imageSize();
            ConvGeometry pointwise = ConvGeometry.convolution(config.padding(), 1, 1, side, side);
            convolution(GraphNames.DECODER_OUTPUT, 1, 1, config.imageChannels(), side, pointwise, new int[] {0, 0});
            if (config.objective().loss() == LossKind.BCE) {
                add(GraphNames.DECODER_SIGMOID, LayerKind.SIGMOID, shape).done();
            }
            return layers;
        }

        private void convolution(
                String name, int k, int s, long channels, long outSide, ConvGeometry geometry, int[] padding) {
            add(name, LayerKind.CONVOLUTION, Shape.map(channels, outSide))
                    .convolution(k, s, geometry, padding)
                    .params(convParams(shape.channels(), channels, k, false))
                    .done();
        }

        private void crop(String name, ConvGeometry geometry) {
            if (geometry.crops()) {
                long side = shape.side() - geometry.cropStart() - geometry.cropEnd();
                add(name, LayerKind.CROP, Shape.map(shape.channels(), side))
                        .crop(geometry.cropStart(), geometry.cropEnd())
                        .done();
            }
        }

        private void normActivationDropout(boolean encoder, int block, boolean batchNorm) {
            if (batchNorm) {
                long c = shape.channels();
                add(name(encoder, block, GraphNames.BN), LayerKind.BATCH_NORM, shape)
                        .params(List.of(
                                new Param("gamma", new long[] {c}, true),
                                new Param("beta", new long[] {c}, true),
                                // Running statistics, state not parameters; DL4J keeps log10 of the std by default.
                                new Param("mean", new long[] {c}, false),
                                new Param("log10stdev", new long[] {c}, false)))
                        .done();
            }
            add(name(encoder, block, GraphNames.GELU), LayerKind.GELU, shape).done();
            if (config.dropout()) {
                add(name(encoder, block, GraphNames.DROPOUT), LayerKind.DROPOUT, shape)
                        .done();
            }
        }

        private void dense(String name, long out) {
            long in = shape.size();
            add(name, LayerKind.DENSE, Shape.vector(out))
                    .params(List.of(new Param("W", new long[] {in, out}, true), new Param("b", new long[] {out}, true)))
                    .done();
        }

        /**
         * DL4J's layouts: the bias {@code [out]} first, then a convolution's weights
         * {@code [out, in, k, k]} or a transposed convolution's {@code [in, out, k, k]}.
         */
        private static List<Param> convParams(long in, long out, int k, boolean transposed) {
            long[] w = transposed ? new long[] {in, out, k, k} : new long[] {out, in, k, k};
            return List.of(new Param("b", new long[] {out}, true), new Param("W", w, true));
        }

        private LayerDraft add(String name, LayerKind kind, Shape out) {
            return new LayerDraft(name, kind, out);
        }

        private static String name(boolean encoder, int block, String part) {
            return encoder ? GraphNames.encoder(block, part) : GraphNames.decoder(block, part);
        }

        /** One layer being described; {@link #done} appends it and makes it the next one's input. */
        private final class LayerDraft {
            private final String name;
            private final LayerKind kind;
            private final Shape out;
            private int kernel;
            private int stride;
            private ConvGeometry geometry;
            private int[] padding;
            private int[] crop;
            private List<Param> params = List.of();

            LayerDraft(String name, LayerKind kind, Shape out) {
                this.name = name;
                this.kind = kind;
                this.out = out;
            }

            LayerDraft convolution(int k, int s, ConvGeometry g, int[] pad) {
                kernel = k;
                stride = s;
                geometry = g;
                padding = pad;
                return this;
            }

            LayerDraft crop(int start, int end) {
                crop = new int[] {start, end};
                return this;
            }

            LayerDraft params(List<Param> list) {
                params = list;
                return this;
            }

            void done() {
                layers.add(new PlannedLayer(
                        name,
                        kind,
                        previous,
                        shape,
                        out,
                        kernel,
                        stride,
                        geometry,
                        padding,
                        crop,
                        kind == LayerKind.GELU ? config.gelu() : null,
                        kind == LayerKind.DROPOUT ? config.dropoutRate() : 0,
                        params));
                previous = name;
                shape = out;
            }
        }
    }
}
