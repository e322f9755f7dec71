package io.fashionae.training;

import io.fashionae.data.BatchIterator;
import io.fashionae.data.DataModule;
import io.fashionae.data.LabeledImages;
import io.fashionae.latent.FigureData;
import io.fashionae.latent.ImageSet;
import io.fashionae.latent.LatentPoints;
import io.fashionae.latent.Plane;
import io.fashionae.model.Inference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Computes the {@link FigureData} of a trained model: final validation latents, the plotting
 * plane, a training batch's first images, reconstructions, random decodes and the manifold grid.
 */
public final class FigureDataBuilder {
    private static final int SAMPLES = 4;
    private static final int RANDOM_POINTS = 8;
    private static final int GRID = 15;
    /** Real images for the report's explorer: 1,000 of 32x32 make a ~0.4 MB sprite. */
    private static final int VALIDATION_SAMPLE = 1000;

    private FigureDataBuilder() {}

    /** Computes every figure's data; {@code seed} fixes the training batch and the random points. */
    public static FigureData compute(Inference model, int latentDim, DataModule data, long seed) {
        LabeledImages val = data.validation();
        LatentPoints latents = new LatentPoints(model.encode(val.images()), latentDim, val.labels());
        Plane plane = Plane.of(latents);
        LatentPoints onPlane = plane.project(latents);
        float[] xr = onPlane.range(0);
        float[] yr = onPlane.range(1);
        double[] xRange = {xr[0], xr[1]};
        double[] yRange = {yr[0], yr[1]};
        return new FigureData(
                latents,
                plane,
                samples(data, seed),
                reconstructions(model, val, data.legendNames()),
                randomDecodes(model, latentDim, plane, xRange, yRange, seed),
                manifold(model, latentDim, plane, xRange, yRange),
                GRID,
                xRange,
                yRange,
                validationSample(val, data.legendNames()),
                data.legendNames());
    }

    private static ImageSet validationSample(LabeledImages val, List<String> names) {
        LabeledImages first = val.first(Math.min(VALIDATION_SAMPLE, val.size()));
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            titles.add(names.get(first.label(i)));
        }
        return images(first.images(), titles);
    }

    private static ImageSet samples(DataModule data, long seed) {
        BatchIterator batches = data.trainBatches(SAMPLES, seed, 1);
        var batch = batches.next();
        int[] labels = batch.getLabels().argMax(1).toIntVector();
        List<String> titles = new ArrayList<>();
        for (int label : labels) {
            titles.add(data.legendNames().get(label));
        }
        return images(batch.getFeatures(), titles);
    }

    private static ImageSet reconstructions(Inference model, LabeledImages val, List<String> names) {
        List<Integer> firstOfClass = new ArrayList<>();
        for (int c = 0; c < val.classes(); c++) {
            for (int i = 0; i < val.size(); i++) {
                if (val.label(i) == c) {
                    firstOfClass.add(i);
                    break;
                }
            }
        }
        int[] rows = firstOfClass.stream().mapToInt(Integer::intValue).toArray();
        INDArray inputs = val.gather(rows);
        INDArray both = Nd4j.concat(0, inputs, model.reconstruct(inputs));
        List<String> titles = new ArrayList<>();
        for (int i : rows) {
            titles.add(names.get(val.label(i)));
        }
        for (int i : rows) {
            titles.add("reconstruction");
        }
        return images(both, titles);
    }

    private static ImageSet randomDecodes(Inference model, int dim, Plane plane, double[] xr, double[] yr, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] z = new float[RANDOM_POINTS * dim];
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < RANDOM_POINTS; i++) {
            double x = xr[0] + rng.nextDouble() * (xr[1] - xr[0]);
            double y = yr[0] + rng.nextDouble() * (yr[1] - yr[0]);
            System.arraycopy(plane.lift(x, y, dim), 0, z, i * dim, dim);
            titles.add(String.format(Locale.ROOT, "(%.2f, %.2f)", x, y));
        }
        return images(model.decode(Nd4j.create(z, new long[] {RANDOM_POINTS, dim}, 'c')), titles);
    }

    private static ImageSet manifold(Inference model, int dim, Plane plane, double[] xr, double[] yr) {
        float[] z = new float[GRID * GRID * dim];
        List<String> titles = new ArrayList<>();
        for (int row = 0; row < GRID; row++) {
            double y = yr[1] - (yr[1] - yr[0]) * row / (GRID - 1);
            for (int col = 0; col < GRID; col++) {
                double x = xr[0] + (xr[1] - xr[0]) * col / (GRID - 1);
                System.arraycopy(plane.lift(x, y, dim), 0, z, (row * GRID + col) * dim, dim);
                titles.add(String.format(Locale.ROOT, "(%.2f, %.2f)", x, y));
            }
        }
        return images(model.decode(Nd4j.create(z, new long[] {GRID * GRID, dim}, 'c')), titles);
    }

    private static ImageSet images(INDArray batch, List<String> titles) {
        INDArray flat = batch.castTo(DataType.FLOAT).dup('c');
        return new ImageSet(flat.ravel().toFloatVector(), (int) batch.size(3), (int) batch.size(1), titles);
    }
}
