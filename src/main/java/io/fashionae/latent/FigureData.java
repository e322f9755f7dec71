package io.fashionae.latent;

import java.util.List;

/**
 * The numbers behind the end-of-training figures, computed with the trained model: the final
 * validation latents, a training batch's first images, reconstructions, random decodes and the
 * decoded manifold grid. Plain arrays: drawing them is the plot package's job.
 *
 * @param validation     latent vectors of the validation set (full latent dimension)
 * @param plane          the plotting plane (identity in 2-D, PCA above)
 * @param samples        the first 4 images of the first training batch, titled with their class
 * @param reconstructions one validation image per class, then their reconstructions (2 rows)
 * @param randomDecodes  8 decodes of points drawn uniformly in the validation latents' range
 * @param manifold       decodes on a regular {@code gridSize x gridSize} grid over the same range, top row first
 * @param gridSize       manifold grid side
 * @param xRange         plane x range the random points and the grid cover
 * @param yRange         plane y range the random points and the grid cover
 * @param validationSample the first validation images (the first points of {@code validation}),
 *                       titled with their class: the real images the report shows beside the
 *                       explorer and at the ends of an interpolation
 * @param classNames     class names in label order, for legends and titles
 */
public record FigureData(
        LatentPoints validation,
        Plane plane,
        ImageSet samples,
        ImageSet reconstructions,
        ImageSet randomDecodes,
        ImageSet manifold,
        int gridSize,
        double[] xRange,
        double[] yRange,
        ImageSet validationSample,
        List<String> classNames) {}
