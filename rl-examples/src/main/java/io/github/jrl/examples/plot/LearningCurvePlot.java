package io.github.jrl.examples.plot;

import io.github.jrl.core.checkpoint.AtomicFile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws learning curves with XChart: a metric (by default {@code charts/episodic_return})
 * against environment steps. One run is a single line; several runs (seeds) are drawn as thin
 * lines overlaid with their mean (thick, black) and a shaded band of their spread
 * ({@link Spread}), the usual figure of RL papers and of SB3's and CleanRL's benchmark reports;
 * with {@link Spread#NONE}, as for a sweep's trials, only the lines.
 */
public final class LearningCurvePlot {

    /** Qualitative colours (Okabe and Ito's colour-blind-safe palette) for the individual runs. */
    private static final Color[] RUN_COLORS = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442)};
    private static final Color BAND_COLOR = new Color(0, 0, 0, 40);

    private LearningCurvePlot() {
    }

    /**
     * The chart of {@code runs}.
     *
     * @param metric the plotted metric, the y-axis title
     * @throws IllegalArgumentException if there are no runs, the size is not positive, or several
     *         runs share no range of steps
     */
    public static XYChart chart(List<LearningCurve> runs, String metric, Spread spread, String title, int width,
            int height) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to plot");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("width and height must be positive, got " + width + "x" + height);
        }
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle("environment steps")
                .yAxisTitle(metric).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS).setLegendLayout(Styler.LegendLayout.Horizontal)
                .setChartBackgroundColor(Color.WHITE);
        // steps from 0 with thousands separators (XChart's default is 2.048E3); for evenly logged steps XChart
        // puts the ticks on logged steps (e.g. 18,432 = 9 x 2,048) rather than on round numbers
        chart.getStyler().setXAxisMin(0.0).setXAxisDecimalPattern("#,###");
        // drawn in this order, so the band lies behind the runs and the mean on top
        CurveBand band = runs.size() > 1 && spread != Spread.NONE ? CurveBand.of(runs, spread) : null;
        if (band != null) {
            addBand(chart, band, spread);
        }
        addRuns(chart, runs);
        if (band != null) {
            XYSeries mean = chart.addSeries("mean of " + runs.size() + " runs", band.steps(), band.mean());
            mean.setMarker(SeriesMarkers.NONE);
            mean.setLineColor(Color.BLACK);
            mean.setLineStyle(new BasicStroke(2.5f));
        }
        return chart;
    }

    /** The band as one closed polygon: along the upper bound, then back along the lower one. */
    private static void addBand(XYChart chart, CurveBand band, Spread spread) {
        int n = band.steps().length;
        double[] xs = new double[2 * n];
        double[] ys = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xs[i] = band.steps()[i];
            ys[i] = band.upper()[i];
            xs[2 * n - 1 - i] = band.steps()[i];
            ys[2 * n - 1 - i] = band.lower()[i];
        }
        XYSeries area = chart.addSeries(spread == Spread.STD ? "mean ± std" : "min to max", xs, ys);
        area.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        area.setFillColor(BAND_COLOR);
        area.setLineColor(BAND_COLOR);
        area.setMarker(SeriesMarkers.NONE);
    }

    private static void addRuns(XYChart chart, List<LearningCurve> runs) {
        Set<String> labels = new HashSet<>();
        for (int r = 0; r < runs.size(); r++) {
            LearningCurve run = runs.get(r);
            // XChart needs distinct series names; two runs of the same name get a counter
            String label = run.label();
            for (int k = 2; !labels.add(label); k++) {
                label = run.label() + " #" + k;
            }
            XYSeries line = chart.addSeries(label, run.steps(), run.values());
            // a run of one point (a sweep's trial stopped at its first report) would not show as a line
            line.setMarker(run.steps().length == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            line.setLineColor(RUN_COLORS[r % RUN_COLORS.length]);
            line.setLineWidth(runs.size() > 1 ? 1f : 2f);
        }
    }

    /** Writes {@code chart} as a PNG, atomically (a reader never sees a half-written image). */
    public static void savePng(XYChart chart, Path file) throws IOException {
        AtomicFile.write(file, out -> ChartEncoder.saveChart(chart, out, "png"));
    }
}
