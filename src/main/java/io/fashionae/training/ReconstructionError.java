package io.fashionae.training;

import io.fashionae.data.BatchIterator;
import io.fashionae.model.Autoencoder;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Mean squared reconstruction error over a split, in inference mode, per pixel: on the padded
 * 32x32 images (what the loss optimises) and on the central 28x28 crop (the original image,
 * comparable with published 28x28 figures).
 *
 * @param mse   MSE over all padded pixels
 * @param mse28 MSE over the central unpadded pixels
 * @param images images evaluated
 */
public record ReconstructionError(double mse, double mse28, long images) {

    /** Evaluates {@code model} on every batch of {@code batches}; reports each batch to {@code onBatch}. */
    public static ReconstructionError evaluate(Autoencoder model, BatchIterator batches, int pad, BatchCallback onBatch) {
        double sumSq = 0;
        double sumSqCrop = 0;
        long pixels = 0;
        long cropPixels = 0;
        long images = 0;
        int batch = 0;
        batches.reset();
        while (batches.hasNext()) {
            INDArray x = batches.next().getFeatures();
            INDArray diff = model.reconstruct(x).subi(x);
            long side = x.size(3);
            INDArray crop = diff.get(NDArrayIndex.all(), NDArrayIndex.all(),
                    NDArrayIndex.interval(pad, side - pad), NDArrayIndex.interval(pad, side - pad));
            double norm = diff.norm2Number().doubleValue();
            sumSq += norm * norm;
            double cropNorm = crop.norm2Number().doubleValue();
            sumSqCrop += cropNorm * cropNorm;
            pixels += diff.length();
            cropPixels += crop.length();
            images += x.size(0);
            batch++;
            onBatch.done(batch, images, sumSq / pixels);
        }
        return new ReconstructionError(sumSq / pixels, sumSqCrop / cropPixels, images);
    }

    /** Told after each evaluated batch. */
    @FunctionalInterface
    public interface BatchCallback {
        /** @param batch 1-based batch number; {@code runningMse} the MSE so far */
        void done(int batch, long imagesDone, double runningMse);
    }
}
