package io.fashionae.plot;

import io.fashionae.latent.LatentPoints;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYDotRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The seed's latent scatter plot with JFreeChart: one series per class in tab10 colours, 2-pixel
 * dots, a legend with the class names, axis labels and a title.
 */
public final class LatentScatter {
    private static final int DOT = 2;

    private LatentScatter() {}

    /**
     * Draws {@code plane} (2-D points), one series per class.
     *
     * @param classNames the legend's names, in label order
     * @param range      fixed axes, or null to fit the points
     * @param axisLabels x and y axis labels
     * @param grid       draw a light grid (the seed's final plot has one)
     */
    public static BufferedImage render(
            LatentPoints plane,
            List<String> classNames,
            String title,
            List<String> axisLabels,
            AxisRange range,
            boolean grid,
            int width,
            int height) {
        return renderWithArea(plane, classNames, title, axisLabels, range, grid, width, height)
                .image();
    }

    /**
     * A rendered plot and where its data area lies: pixel rectangle and axis ranges, so a page can
     * turn a pointer position back into latent coordinates.
     *
     * @param image    the plot
     * @param dataArea x, y, width, height of the data area in pixels
     * @param range    the axis ranges drawn
     */
    public record Rendered(BufferedImage image, double[] dataArea, AxisRange range) {}

    private static int[] countsPerClass(LatentPoints plane, int classes) {
        int[] counts = new int[classes];
        for (int label : plane.labels()) {
            counts[label]++;
        }
        return counts;
    }

    /** One series per class, in class order, so that series index = class = colour. */
    private static DefaultXYDataset seriesPerClass(LatentPoints plane, int[] counts, List<String> classNames) {
        double[][][] series = new double[counts.length][][];
        for (int c = 0; c < series.length; c++) {
            series[c] = new double[2][counts[c]];
        }
        int[] fill = new int[counts.length];
        for (int i = 0; i < plane.size(); i++) {
            int c = plane.labels()[i];
            series[c][0][fill[c]] = plane.get(i, 0);
            series[c][1][fill[c]] = plane.get(i, 1);
            fill[c]++;
        }
        DefaultXYDataset data = new DefaultXYDataset();
        for (int c = 0; c < series.length; c++) {
            data.addSeries(classNames.get(c), series[c]);
        }
        return data;
    }

    /** Dots in the class colours; the legend lists only the classes present, each as a round dot. */
    private static XYDotRenderer dotRenderer(int[] counts) {
        XYDotRenderer renderer = new XYDotRenderer();
        renderer.setDotWidth(DOT);
        renderer.setDotHeight(DOT);
        for (int c = 0; c < counts.length; c++) {
            renderer.setSeriesPaint(c, Palette.classColor(c, counts.length));
            renderer.setSeriesVisibleInLegend(c, counts[c] > 0);
        }
        renderer.setLegendShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        for (int c = 1; c < counts.length; c++) {
            renderer.setLegendShape(c, renderer.getLegendShape(0));
        }
        return renderer;
    }

    /** Like {@link #render} and also returns the data area's geometry. */
    public static Rendered renderWithArea(
            LatentPoints plane,
            List<String> classNames,
            String title,
            List<String> axisLabels,
            AxisRange range,
            boolean grid,
            int width,
            int height) {
        int[] counts = countsPerClass(plane, classNames.size());
        XYDotRenderer renderer = dotRenderer(counts);
        NumberAxis x = new NumberAxis(axisLabels.get(0));
        NumberAxis y = new NumberAxis(axisLabels.get(1));
        if (range != null) {
            x.setRange(range.xMin(), range.xMax());
            y.setRange(range.yMin(), range.yMax());
        } else {
            x.setAutoRangeIncludesZero(false);
            y.setAutoRangeIncludesZero(false);
        }
        XYPlot plot = new XYPlot(seriesPerClass(plane, counts, classNames), x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(grid);
        plot.setRangeGridlinesVisible(grid);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setDomainGridlineStroke(new BasicStroke(0.8f));
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.setOutlinePaint(Color.GRAY);
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(false);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, legendFontSize(classNames.size(), height)));
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(width, height, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        return new Rendered(
                image,
                new double[] {area.getX(), area.getY(), area.getWidth(), area.getHeight()},
                new AxisRange(x.getLowerBound(), x.getUpperBound(), y.getLowerBound(), y.getUpperBound()));
    }

    /**
     * The legend's font: 12 pt while one line per class fits the height, smaller down to 8 pt for
     * many classes (a 560-pixel plot lists 20 classes at 12 pt and about 40 at 8 pt).
     */
    static int legendFontSize(int classes, int height) {
        // A legend line is about 1.6 times the font's size; the title and margins take ~80 pixels.
        int fits = (int) ((height - 80) / (1.6 * Math.max(1, classes)));
        return Math.max(8, Math.min(12, fits));
    }
}
