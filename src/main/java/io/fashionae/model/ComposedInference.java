package io.fashionae.model;

import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An {@link Inference} made of one function per pass: how {@link Inference#dl4j} and
 * {@link Inference#encodingThroughModel} put theirs together.
 *
 * @param encoder       images to row-major latents
 * @param reconstructor images to reconstructions
 * @param decoder       latents to images
 * @param engine        the engine's short name
 * @param closer        what {@link #close} releases
 */
record ComposedInference(
        Function<INDArray, float[]> encoder,
        UnaryOperator<INDArray> reconstructor,
        UnaryOperator<INDArray> decoder,
        String engine,
        Runnable closer)
        implements Inference {

    @Override
    public float[] encode(INDArray images) {
        return encoder.apply(images);
    }

    @Override
    public INDArray reconstruct(INDArray images) {
        return reconstructor.apply(images);
    }

    @Override
    public INDArray decode(INDArray latents) {
        return decoder.apply(latents);
    }

    @Override
    public void close() {
        closer.run();
    }
}
