package io.fashionae.config;

import io.fashionae.common.Ints;
import io.fashionae.common.UserException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The autoencoder's architecture, validated on construction.
 *
 * <p>Encoder layer {@code i}: conv(kernels[i], stride strides[i], channels[i]) padded so that
 * each layer maps a side of {@code s} to {@code ceil(s / stride)} ({@link #padding} says where an
 * odd pixel of padding goes). The decoder mirrors it: deconvolutions with the kernels and strides
 * in reverse order, each multiplying the side by its stride. A configuration is accepted only if that
 * round trip returns exactly
 * {@code imageSize}; everything else (bottleneck side, flattened size) is derived here and
 * nowhere else.
 *
 * @param layers        number of conv (and deconv) layers
 * @param kernels       kernel side per encoder layer
 * @param channels      output channels per encoder layer
 * @param strides       stride per encoder layer
 * @param latentDim     size of the bottleneck vector
 * @param batchNorm     batch normalisation after each conv and each deconv but the last
 * @param dropout       spatial dropout (PyTorch's Dropout2d) after each activation
 * @param dropoutRate   probability of dropping a channel when {@code dropout} is on
 * @param imageSize     side of the (padded) square input image
 * @param imageChannels channels of the input image
 * @param gelu          the GELU formula of every activation; {@code null}, as read from a model
 *                      file written before this setting existed, means {@link GeluForm#SIGMOID},
 *                      the form those models were trained with
 * @param padding       where the odd pixel of padding (and of the decoder's cropping) goes;
 *                      {@code null}, as read from a model file written before this setting
 *                      existed, means {@link PaddingForm#SAME}, the form those models used
 * @param objective     the loss and, for a VAE, beta; {@code null}, as read from a model file
 *                      written before this setting existed, means {@link Objective#SEED}
 */
public record ModelConfig(
        int layers,
        List<Integer> kernels,
        List<Integer> channels,
        List<Integer> strides,
        int latentDim,
        boolean batchNorm,
        boolean dropout,
        double dropoutRate,
        int imageSize,
        int imageChannels,
        GeluForm gelu,
        PaddingForm padding,
        Objective objective) {

    /** The seed's input side: 28x28 Fashion-MNIST padded by 2 on every side. */
    public static final int SEED_IMAGE_SIZE = 32;
    /** The seed's dropout rate (Dropout2d(0.15)), used when dropout is turned on. */
    public static final double SEED_DROPOUT_RATE = 0.15;

    private static final int MAX_LAYERS = 8;
    /** Upper bounds of the size options: far above any useful value, low enough that no int overflows. */
    public static final int MAX_CHANNELS = 4096;
    /** A latent vector larger than this is no bottleneck for a 1,024-pixel image. */
    public static final int MAX_LATENT_DIM = 4096;

    /** Validates every field and the 32x32 round trip; throws {@link UserException} naming the problem. */
    public ModelConfig {
        kernels = List.copyOf(kernels);
        channels = List.copyOf(channels);
        strides = List.copyOf(strides);
        require(layers >= 1 && layers <= MAX_LAYERS, "layers must be between 1 and " + MAX_LAYERS + ", got " + layers);
        requireLength("kernels", kernels, layers);
        requireLength("channels", channels, layers);
        requireLength("strides", strides, layers);
        requirePositive("kernels", kernels);
        requirePositive("channels", channels);
        requirePositive("strides", strides);
        require(imageSize >= 1 && imageChannels >= 1, "image must be at least 1x1x1");
        requireAtMost("kernels", kernels, imageSize, "the image side");
        requireAtMost("channels", channels, MAX_CHANNELS, "the largest supported");
        requireAtMost("strides", strides, imageSize, "the image side");
        require(latentDim >= 1, "latent dim must be at least 1, got " + latentDim);
        require(
                latentDim <= MAX_LATENT_DIM,
                "latent dim must be at most " + MAX_LATENT_DIM + ", got " + latentDim + " (an image has "
                        + imageSize * imageSize * imageChannels + " pixels)");
        require(dropoutRate >= 0 && dropoutRate < 1, "dropout rate must be in [0, 1), got " + dropoutRate);
        checkRoundTrip(imageSize, strides);
        gelu = gelu == null ? GeluForm.SIGMOID : gelu;
        padding = padding == null ? PaddingForm.SAME : padding;
        objective = objective == null ? Objective.SEED : objective;
    }

    /**
     * The seed's configuration: 3 layers, kernels 3, channels 32/64/128, strides 2, latent 2, batch
     * norm on, erf GELU, PyTorch's padding.
     */
    public static ModelConfig seedDefaults() {
        return new ModelConfig(
                3,
                List.of(3, 3, 3),
                List.of(32, 64, 128),
                List.of(2, 2, 2),
                2,
                true,
                false,
                SEED_DROPOUT_RATE,
                SEED_IMAGE_SIZE,
                1,
                GeluForm.ERF,
                PaddingForm.TORCH,
                Objective.SEED);
    }

    /** A builder starting from the seed's configuration ({@link #seedDefaults()}). */
    public static Builder builder() {
        return seedDefaults().toBuilder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A copy with another latent size. */
    public ModelConfig withLatentDim(int dim) {
        return toBuilder().latentDim(dim).build();
    }

    /** A copy with another GELU formula. */
    public ModelConfig withGelu(GeluForm form) {
        return toBuilder().gelu(form).build();
    }

    /** A copy with another padding placement. */
    public ModelConfig withPadding(PaddingForm form) {
        return toBuilder().padding(form).build();
    }

    /** A copy for input images of {@code side x side} with {@code imageChannels} planes (validated again). */
    public ModelConfig withInput(int side, int imageChannels) {
        return toBuilder().input(side, imageChannels).build();
    }

    /** A copy with another training objective. */
    public ModelConfig withObjective(Objective other) {
        return toBuilder().objective(other).build();
    }

    /**
     * Builds a {@link ModelConfig} field by field; {@link #build} validates the whole, as the
     * constructor does. Not thread-safe.
     */
    public static final class Builder {
        /** The layer count when set apart from the lists (the CLI's --layers), else null: the lists' length. */
        private Integer layers;

        private List<Integer> kernels;
        private List<Integer> channels;
        private List<Integer> strides;
        private int latentDim;
        private boolean batchNorm;
        private boolean dropout;
        private double dropoutRate;
        private int imageSize;
        private int imageChannels;
        private GeluForm gelu;
        private PaddingForm padding;
        private Objective objective;

        private Builder(ModelConfig from) {
            kernels = from.kernels;
            channels = from.channels;
            strides = from.strides;
            latentDim = from.latentDim;
            batchNorm = from.batchNorm;
            dropout = from.dropout;
            dropoutRate = from.dropoutRate;
            imageSize = from.imageSize;
            imageChannels = from.imageChannels;
            gelu = from.gelu;
            padding = from.padding;
            objective = from.objective;
        }

        /** The encoder's layers, one kernel, channel count and stride each (their number is the layer count). */
        public Builder encoder(List<Integer> kernels, List<Integer> channels, List<Integer> strides) {
            this.layers = null;
            this.kernels = kernels;
            this.channels = channels;
            this.strides = strides;
            return this;
        }

        /**
         * The layer count, when it is given apart from the lists (as {@code --layers} is): a list of
         * another length is then refused by {@link #build}, naming both.
         */
        public Builder layers(int count) {
            this.layers = count;
            return this;
        }

        /** The size of the bottleneck vector. */
        public Builder latentDim(int dim) {
            this.latentDim = dim;
            return this;
        }

        /** Batch norm after each conv and each deconv but the last. */
        public Builder batchNorm(boolean on) {
            this.batchNorm = on;
            return this;
        }

        /** Spatial dropout after each activation, dropping a channel with probability {@code rate}. */
        public Builder dropout(boolean on, double rate) {
            this.dropout = on;
            this.dropoutRate = rate;
            return this;
        }

        /** Input images of {@code side x side} with {@code imageChannels} planes. */
        public Builder input(int side, int imageChannels) {
            this.imageSize = side;
            this.imageChannels = imageChannels;
            return this;
        }

        /** The GELU formula. */
        public Builder gelu(GeluForm form) {
            this.gelu = form;
            return this;
        }

        /** Where an odd pixel of padding goes. */
        public Builder padding(PaddingForm form) {
            this.padding = form;
            return this;
        }

        /** The loss and, for a VAE, beta. */
        public Builder objective(Objective value) {
            this.objective = value;
            return this;
        }

        /**
         * The configuration, validated.
         *
         * @throws UserException naming the first problem
         */
        public ModelConfig build() {
            return new ModelConfig(
                    layers != null ? layers : kernels.size(),
                    kernels,
                    channels,
                    strides,
                    latentDim,
                    batchNorm,
                    dropout,
                    dropoutRate,
                    imageSize,
                    imageChannels,
                    gelu,
                    padding,
                    objective);
        }
    }

    /** Values per image: channels x side x side (1,024 for the seed's padded 32x32 grey images). */
    public int pixelsPerImage() {
        return imageChannels * imageSize * imageSize;
    }

    /** Spatial side after each encoder layer, starting with the input: {@code [32, 16, 8, 4]} for the seed. */
    public List<Integer> encoderSides() {
        List<Integer> sides = new ArrayList<>(layers + 1);
        int side = imageSize;
        sides.add(side);
        for (int stride : strides) {
            side = Ints.ceilDiv(side, stride);
            sides.add(side);
        }
        return Collections.unmodifiableList(sides);
    }

    /** Side of the last encoder feature map, which the decoder reshapes its dense output to. */
    public int bottleneckSide() {
        return encoderSides().get(layers);
    }

    /** Channels of the last encoder feature map. */
    public int bottleneckChannels() {
        return channels.get(layers - 1);
    }

    /** Length of the flattened bottleneck feature map: channels x side x side (2048 for the seed). */
    public int flattenedSize() {
        int side = bottleneckSide();
        return bottleneckChannels() * side * side;
    }

    /** Input channels of decoder layer {@code i}: the encoder's channels reversed, starting from the bottleneck. */
    public int decoderInChannels(int i) {
        return i == 0 ? bottleneckChannels() : decoderOutChannels(i - 1);
    }

    /** Output channels of decoder layer {@code i}: {@code [128, 64, 32]} for the seed. */
    public int decoderOutChannels(int i) {
        return channels.get(layers - 1 - i);
    }

    /** Kernel of decoder layer {@code i} (the encoder's in reverse). */
    public int decoderKernel(int i) {
        return kernels.get(layers - 1 - i);
    }

    /** Stride of decoder layer {@code i} (the encoder's in reverse). */
    public int decoderStride(int i) {
        return strides.get(layers - 1 - i);
    }

    private static void checkRoundTrip(int imageSize, List<Integer> strides) {
        int side = imageSize;
        long product = 1;
        for (int stride : strides) {
            side = Ints.ceilDiv(side, stride);
            product *= stride;
        }
        long decoded = side * product;
        require(
                decoded == imageSize,
                "strides " + strides + " cannot reconstruct " + imageSize + "x" + imageSize
                        + ": the encoder shrinks it to " + side + "x" + side + " and the decoder grows that back to "
                        + decoded + "x" + decoded + "; the product of the strides must divide " + imageSize);
    }

    private static void requireLength(String name, List<Integer> values, int layers) {
        require(values.size() == layers, name + " must list one value per layer (" + layers + "), got " + values);
    }

    private static void requirePositive(String name, List<Integer> values) {
        for (Integer v : values) {
            require(v != null && v >= 1, name + " must all be at least 1, got " + values);
        }
    }

    private static void requireAtMost(String name, List<Integer> values, int max, String what) {
        for (Integer v : values) {
            require(v <= max, name + " must all be at most " + max + " (" + what + "), got " + values);
        }
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new UserException(
                    "invalid model configuration: " + problem,
                    "fix the option; the seed's values are --layers 3 --kernels 3,3,3 --channels "
                            + "32,64,128 --strides 2,2,2 --latent-dim 2");
        }
    }
}
