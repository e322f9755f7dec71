package io.fashionae.training;

import io.fashionae.data.BatchIterator;
import io.fashionae.model.Inference;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Mean squared reconstruction error over a split, in inference mode, per pixel: on the padded
 * images (32x32 for Fashion-MNIST: what the loss optimises), on the central unpadded crop (its
 * 28x28 original, comparable with published figures; the whole image for a folder's images), and
 * per class on the padded images.
 *
 * @param mse        MSE over all padded pixels
 * @param mse28      MSE over the central unpadded pixels
 * @param perClassMse MSE over padded pixels of each class's images (NaN for an absent class)
 * @param images     images evaluated
 */
public record ReconstructionError(double mse, double mse28, double[] perClassMse, long images) {

    /** Evaluates {@code model} on every batch of {@code batches}; reports each batch to {@code onBatch}. */
    public static ReconstructionError evaluate(Inference model, BatchIterator batches, int pad, BatchCallback onBatch) {
        double sumSq = 0;
        double sumSqCrop = 0;
        long pixels = 0;
        long cropPixels = 0;
        long images = 0;
        double[] classSumSq = new double[batches.totalOutcomes()];
        long[] classImages = new long[batches.totalOutcomes()];
        int batch = 0;
        batches.reset();
        while (batches.hasNext()) {
            DataSet ds = batches.next();
            INDArray x = ds.getFeatures();
            INDArray diff = model.reconstruct(x).subi(x);
            long side = x.size(3);
            INDArray crop = diff.get(
                    NDArrayIndex.all(),
                    NDArrayIndex.all(),
                    NDArrayIndex.interval(pad, side - pad),
                    NDArrayIndex.interval(pad, side - pad));
            double[] perImage;
            try (INDArray squared = diff.mul(diff)) {
                perImage = squared.sum(1, 2, 3).toDoubleVector();
            }
            int[] labels = ds.getLabels().argMax(1).toIntVector();
            for (int i = 0; i < perImage.length; i++) {
                sumSq += perImage[i];
                classSumSq[labels[i]] += perImage[i];
                classImages[labels[i]]++;
            }
            double cropNorm = crop.norm2Number().doubleValue();
            sumSqCrop += cropNorm * cropNorm;
            pixels += diff.length();
            cropPixels += crop.length();
            images += x.size(0);
            // Released here, where they were made: ND4J would otherwise free them only when the GC
            // collects their Java objects (2 MB each for a batch of 500).
            diff.close();
            ds.getLabels().close();
            x.close();
            batch++;
            onBatch.done(batch, images, sumSq / pixels);
        }
        long pixelsPerImage = images == 0 ? 1 : pixels / images;
        double[] perClass = new double[classSumSq.length];
        for (int c = 0; c < perClass.length; c++) {
            perClass[c] = classImages[c] == 0 ? Double.NaN : classSumSq[c] / (classImages[c] * pixelsPerImage);
        }
        return new ReconstructionError(sumSq / pixels, sumSqCrop / cropPixels, perClass, images);
    }

    /** Told after each evaluated batch. */
    @FunctionalInterface
    public interface BatchCallback {
        /** @param batch 1-based batch number; {@code runningMse} the MSE so far */
        void done(int batch, long imagesDone, double runningMse);
    }
}
