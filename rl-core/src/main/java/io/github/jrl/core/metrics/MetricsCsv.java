package io.github.jrl.core.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CSV layout {@link CsvSink} writes and its reader, kept together so the two cannot drift.
 *
 * <p>The first line is the header: {@code step} and then one column per metric in the order the
 * metrics first appeared. Each further line is one write: the step, then each metric's value
 * ({@link Double#toString}, so {@code NaN} and {@code Infinity} round-trip) or an empty cell where
 * the metric was not written at that step. Fields containing a comma or a quote are quoted as in
 * RFC 4180; names have no line breaks ({@link MetricSink}), so every record is one line.
 */
public final class MetricsCsv {

    /** The name of a run's metrics CSV in its run directory. */
    public static final String FILE_NAME = "metrics.csv";

    private static final Logger LOG = LoggerFactory.getLogger(MetricsCsv.class);

    /** The values of one metric at the steps where it was written, in file order. */
    public record Series(String name, long[] steps, double[] values) {
    }

    private final Path file;
    private final List<String> metricNames;
    private final Map<String, Series> series;

    private MetricsCsv(Path file, List<String> metricNames, Map<String, Series> series) {
        this.file = file;
        this.metricNames = metricNames;
        this.series = series;
    }

    /**
     * Reads a metrics CSV. A final line without its line terminator is the trace of a run killed
     * while writing it: it is skipped with a warning.
     *
     * @throws NoSuchFileException if there is no such file
     * @throws IOException naming the line and what was expected, if the content is not a metrics CSV
     */
    public static MetricsCsv read(Path file) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(content.split("\n", -1)));
        String fragment = lines.remove(lines.size() - 1);
        if (!fragment.isEmpty()) {
            LOG.warn("{}: skipping an interrupted final line without a line terminator: {}", file, fragment);
        }
        if (lines.isEmpty()) {
            throw new IOException(file + ": no header line; a metrics CSV starts with a header 'step,<metric>,...'");
        }
        List<String> header = parseLine(lines.get(0), file, 1);
        if (!header.get(0).equals(MetricNames.STEP)) {
            throw new IOException(file + ", line 1: the first column must be '" + MetricNames.STEP + "', got '"
                    + header.get(0) + "'");
        }
        List<String> names = header.subList(1, header.size());
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IOException(file + ", line 1: column '" + name + "' appears twice");
            }
        }
        int rows = lines.size() - 1;
        long[] steps = new long[rows];
        double[][] values = new double[names.size()][rows];
        boolean[][] present = new boolean[names.size()][rows];
        for (int r = 0; r < rows; r++) {
            int lineNumber = r + 2;
            List<String> fields = parseLine(lines.get(r + 1), file, lineNumber);
            if (fields.size() != header.size()) {
                throw new IOException(file + ", line " + lineNumber + ": " + fields.size() + " fields, but the header has "
                        + header.size());
            }
            try {
                steps[r] = Long.parseLong(fields.get(0));
            } catch (NumberFormatException e) {
                throw new IOException(file + ", line " + lineNumber + ": step '" + fields.get(0) + "' is not an integer", e);
            }
            for (int c = 0; c < names.size(); c++) {
                String cell = fields.get(c + 1);
                if (cell.isEmpty()) {
                    continue;
                }
                try {
                    values[c][r] = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new IOException(file + ", line " + lineNumber + ", column '" + names.get(c) + "': '" + cell
                            + "' is not a number", e);
                }
                present[c][r] = true;
            }
        }
        Map<String, Series> series = new LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) {
            series.put(names.get(c), compact(names.get(c), steps, values[c], present[c]));
        }
        return new MetricsCsv(file, List.copyOf(names), series);
    }

    private static Series compact(String name, long[] steps, double[] values, boolean[] present) {
        int n = 0;
        for (boolean p : present) {
            n += p ? 1 : 0;
        }
        long[] s = new long[n];
        double[] v = new double[n];
        for (int r = 0, i = 0; r < present.length; r++) {
            if (present[r]) {
                s[i] = steps[r];
                v[i++] = values[r];
            }
        }
        return new Series(name, s, v);
    }

    /** The metric columns, in file order (without {@code step}). */
    public List<String> metricNames() {
        return metricNames;
    }

    /**
     * The steps and values of metric {@code name} where it was written.
     *
     * @throws IllegalArgumentException naming the file and its columns if there is no such column
     */
    public Series series(String name) {
        Series s = series.get(name);
        if (s == null) {
            throw new IllegalArgumentException(file + " has no column '" + name + "'; its metrics are " + metricNames);
        }
        return s;
    }

    /** One CSV record (without the line terminator) of {@code fields}, quoted where needed. */
    public static String formatLine(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            if (i > 0) {
                line.append(',');
            }
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0) {
                line.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                line.append(field);
            }
        }
        return line.toString();
    }

    /** The fields of one CSV record, unquoted (RFC 4180 quoting; a trailing {@code \r} is ignored). */
    static List<String> parseLine(String line, Path file, int lineNumber) throws IOException {
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < text.length() && text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new IOException(file + ", line " + lineNumber + ": unterminated quoted field");
                    }
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < text.length() && text.charAt(i) != ',') {
                    throw new IOException(file + ", line " + lineNumber + ": unexpected '" + text.charAt(i)
                            + "' after a quoted field at column " + (i + 1));
                }
            } else {
                while (i < text.length() && text.charAt(i) != ',') {
                    field.append(text.charAt(i++));
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= text.length()) {
                return fields;
            }
            i++; // the comma
        }
    }
}
