package io.github.jrl.core.metrics;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes metrics as a TensorBoard event file, {@code events.out.tfevents.<seconds>.<host>} in a
 * log directory, as TensorFlow's {@code EventsWriter} and tensorboardX's {@code SummaryWriter}
 * name it: {@link TfRecord} records of {@link SummaryEvents}, the first holding the file version
 * {@code brain.Event:2}, then one event per write with its wall time, step and a summary with one
 * {@code simple_value} per metric. Point {@code tensorboard --logdir} at the run directory.
 *
 * <p>If a file of that name exists (a resumed run started in the same second), a counter is
 * appended ({@code .1}, {@code .2}, ...); TensorBoard reads every file whose name contains
 * {@code tfevents}. Each event is handed to the operating system as it is written, so a killed
 * run loses none; a crash can at worst leave a last record incomplete, which TensorBoard's reader
 * detects by its framing and skips.
 */
public final class TensorBoardSink implements MetricSink {

    private final Clock clock;
    private final Path file;
    private OutputStream out;

    /** A sink writing a new event file in {@code logDir} (created if needed), timed by the system clock. */
    public TensorBoardSink(Path logDir) throws IOException {
        this(logDir, Clock.systemUTC());
    }

    /** A sink whose events carry the wall time of {@code clock}. */
    public TensorBoardSink(Path logDir, Clock clock) throws IOException {
        this.clock = Objects.requireNonNull(clock, "clock");
        Files.createDirectories(logDir);
        String name = String.format(Locale.ROOT, "events.out.tfevents.%010d.%s", clock.instant().getEpochSecond(), hostName());
        Path candidate = logDir.resolve(name);
        for (int suffix = 1; ; suffix++) {
            try {
                out = new BufferedOutputStream(Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE));
                break;
            } catch (FileAlreadyExistsException e) {
                candidate = logDir.resolve(name + "." + suffix);
            }
        }
        file = candidate;
        try {
            out.write(TfRecord.frame(SummaryEvents.fileVersion(wallTime())));
        } catch (IOException e) {
            out.close();
            throw e;
        }
    }

    /** The event file this sink writes. */
    public Path file() {
        return file;
    }

    @Override
    public void write(long step, Map<String, Double> metrics) throws IOException {
        MetricNames.check(step, metrics);
        requireOpen();
        if (!metrics.isEmpty()) {
            out.write(TfRecord.frame(SummaryEvents.scalars(wallTime(), step, metrics)));
            out.flush();
        }
    }

    @Override
    public void flush() throws IOException {
        requireOpen();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    private void requireOpen() {
        if (out == null) {
            throw new IllegalStateException("TensorBoardSink for " + file + " is closed");
        }
    }

    /** Seconds since the epoch with sub-second precision, like Python's {@code time.time()}. */
    private double wallTime() {
        Instant now = clock.instant();
        return now.getEpochSecond() + now.getNano() / 1e9;
    }

    /** The host name in a form safe for a file name ({@code localhost} if it cannot be found). */
    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "_");
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
