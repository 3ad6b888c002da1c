package io.github.jrl.core.metrics;

import io.github.jrl.core.checkpoint.AtomicFile;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes metrics to a CSV file in the {@link MetricsCsv} layout, one row per write, like
 * Stable-Baselines3's {@code CSVOutputFormat} ({@code progress.csv}).
 *
 * <p><b>Metrics that appear later</b> (an evaluation's {@code eval/*} after the first update,
 * a loss that starts after warm-up) get new columns at the end of the header, in sorted order:
 * as in SB3, the file is rewritten with the extended header and the earlier rows padded with
 * empty cells, so no value is lost and every row has as many fields as the header. Unlike SB3,
 * the rewrite is atomic ({@link AtomicFile}): a kill during it leaves the previous file.
 *
 * <p>Each row is handed to the operating system as it is written (SB3 flushes its CSV file
 * likewise), so a killed run's file holds every row it logged, up to its latest checkpoint and
 * beyond. An existing file is continued (a resumed run appends to its log): its header gives the
 * columns, and an interrupted final line is dropped first.
 */
public final class CsvSink implements MetricSink {

    private final Path file;
    private final List<String> columns = new ArrayList<>();
    private Writer writer;
    private boolean hasHeader;

    /** A sink appending to {@code file}, creating it (and its directories) if needed. */
    public CsvSink(Path file) throws IOException {
        this.file = file;
        this.writer = AppendOnlyLog.open(file);
        try {
            if (Files.size(file) > 0) {
                columns.addAll(MetricsCsv.read(file).metricNames());
                hasHeader = true;
            }
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    @Override
    public void write(long step, Map<String, Double> metrics) throws IOException {
        MetricNames.check(step, metrics);
        requireOpen();
        if (metrics.isEmpty()) {
            return;
        }
        TreeSet<String> added = new TreeSet<>(metrics.keySet());
        added.removeAll(columns);
        if (!hasHeader) {
            columns.addAll(added);
            writeLine(writer, MetricsCsv.formatLine(header(columns)));
            hasHeader = true;
        } else if (!added.isEmpty()) {
            addColumns(added);
        }
        List<String> row = new ArrayList<>(columns.size() + 1);
        row.add(Long.toString(step));
        for (String column : columns) {
            Double value = metrics.get(column);
            row.add(value == null ? "" : Double.toString(value));
        }
        writeLine(writer, MetricsCsv.formatLine(row));
        writer.flush();
    }

    /** Rewrites the file atomically with {@code added} appended to the header and empty cells in the old rows. */
    private void addColumns(TreeSet<String> added) throws IOException {
        writer.close();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> extended = new ArrayList<>(columns);
            extended.addAll(added);
            String padding = ",".repeat(added.size());
            AtomicFile.write(file, stream -> {
                Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                writeLine(out, MetricsCsv.formatLine(header(extended)));
                for (String row : lines.subList(1, lines.size())) {
                    writeLine(out, row + padding);
                }
                out.flush();
            });
            columns.addAll(added);
        } finally {
            writer = AppendOnlyLog.open(file);
        }
    }

    private static List<String> header(List<String> columns) {
        List<String> header = new ArrayList<>(columns.size() + 1);
        header.add(MetricNames.STEP);
        header.addAll(columns);
        return header;
    }

    private static void writeLine(Writer out, String line) throws IOException {
        out.write(line);
        out.write('\n');
    }

    private void requireOpen() {
        if (writer == null) {
            throw new IllegalStateException("CsvSink for " + file + " is closed");
        }
    }

    @Override
    public void flush() throws IOException {
        requireOpen();
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
