package io.github.jrl.examples.morl;

import io.github.jrl.algorithms.multiobjective.FrontReport;
import io.github.jrl.core.checkpoint.AtomicFile;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes a {@link FrontReport} into a run directory, every file atomically: {@code front.json}
 * (settings, metrics, the front, every evaluated point, the known front), {@code front.csv} (one
 * row per evaluated point, with whether it is on the front) and {@code front.png} (the evaluated
 * points, the front and the known front; with more than two objectives a grid of every pairwise
 * projection).
 */
public final class FrontFiles {

    private static final int PANEL = 480;

    private FrontFiles() {
    }

    /** Writes the three files into {@code dir}; {@code settings} go into the JSON as they are. */
    public static void write(Path dir, String title, Map<String, Object> settings, FrontReport report)
            throws IOException {
        AtomicFile.write(dir.resolve("front.json"), out -> writeText(out, json(settings, report)));
        AtomicFile.write(dir.resolve("front.csv"), out -> writeText(out, csv(report)));
        BufferedImage image = plot(title, report);
        AtomicFile.write(dir.resolve("front.png"), out -> ImageIO.write(image, "png", out));
    }

    private static void writeText(java.io.OutputStream out, String text) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(text);
        writer.flush();
    }

    static String json(Map<String, Object> settings, FrontReport report) {
        StringBuilder s = new StringBuilder("{\n  \"settings\": {");
        boolean first = true;
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            s.append(first ? "" : ",").append("\n    \"").append(e.getKey()).append("\": ");
            Object v = e.getValue();
            s.append(v instanceof Number || v instanceof Boolean ? v.toString() : "\"" + v + "\"");
            first = false;
        }
        s.append("\n  },\n");
        s.append("  \"reference_point\": ").append(vector(report.reference())).append(",\n");
        s.append("  \"hypervolume\": ").append(number(report.hypervolume())).append(",\n");
        s.append("  \"sparsity\": ").append(number(report.sparsity())).append(",\n");
        s.append("  \"expected_utility\": ").append(number(report.expectedUtility())).append(",\n");
        s.append("  \"igd\": ").append(Double.isNaN(report.igd()) ? "null" : number(report.igd())).append(",\n");
        s.append("  \"known_points_found\": ").append(report.knownPointsFound()).append(",\n");
        s.append("  \"outside_reference\": ").append(report.outsideReference()).append(",\n");
        s.append("  \"front\": ").append(vectors(report.front())).append(",\n");
        s.append("  \"points\": ").append(vectors(report.points())).append(",\n");
        s.append("  \"known_front\": ").append(vectors(report.knownFront())).append("\n}\n");
        return s.toString();
    }

    static String csv(FrontReport report) {
        int objectives = report.reference().length;
        StringBuilder s = new StringBuilder("index");
        for (int j = 0; j < objectives; j++) {
            s.append(",objective_").append(j);
        }
        s.append(",on_front\n");
        for (int i = 0; i < report.points().size(); i++) {
            double[] p = report.points().get(i);
            s.append(i);
            for (double v : p) {
                s.append(',').append(number(v));
            }
            s.append(',').append(report.front().stream().anyMatch(q -> java.util.Arrays.equals(p, q))).append('\n');
        }
        return s.toString();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String vector(double[] v) {
        StringBuilder s = new StringBuilder("[");
        for (int j = 0; j < v.length; j++) {
            s.append(j == 0 ? "" : ", ").append(number(v[j]));
        }
        return s.append(']').toString();
    }

    private static String vectors(List<double[]> points) {
        List<String> parts = new ArrayList<>();
        for (double[] p : points) {
            parts.add(vector(p));
        }
        return "[" + String.join(", ", parts) + "]";
    }

    /** One scatter per pair of objectives, in a grid. */
    static BufferedImage plot(String title, FrontReport report) {
        int objectives = report.reference().length;
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < objectives; a++) {
            for (int b = a + 1; b < objectives; b++) {
                pairs.add(new int[] {a, b});
            }
        }
        int columns = (int) Math.ceil(Math.sqrt(pairs.size()));
        int rows = (pairs.size() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(columns * PANEL, rows * PANEL, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int k = 0; k < pairs.size(); k++) {
            XYChart chart = chart(title, report, pairs.get(k)[0], pairs.get(k)[1]);
            g.drawImage(BitmapEncoder.getBufferedImage(chart), (k % columns) * PANEL, (k / columns) * PANEL, null);
        }
        g.dispose();
        return image;
    }

    private static XYChart chart(String title, FrontReport report, int a, int b) {
        XYChart chart = new XYChartBuilder().width(PANEL).height(PANEL).title(title)
                .xAxisTitle("objective " + a).yAxisTitle("objective " + b).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(8);
        addSeries(chart, "evaluated", report.points(), a, b, new Color(180, 180, 180), SeriesMarkers.CIRCLE);
        if (!report.knownFront().isEmpty()) {
            addSeries(chart, "known front", report.knownFront(), a, b, new Color(200, 40, 40), SeriesMarkers.DIAMOND);
        }
        addSeries(chart, "front", report.front(), a, b, new Color(30, 90, 200), SeriesMarkers.CIRCLE);
        return chart;
    }

    private static void addSeries(XYChart chart, String name, List<double[]> points, int a, int b, Color color,
            org.knowm.xchart.style.markers.Marker marker) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            x[i] = points.get(i)[a];
            y[i] = points.get(i)[b];
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarkerColor(color);
        series.setMarker(marker);
    }
}
