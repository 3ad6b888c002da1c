package io.github.jrl.core.metrics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a line-oriented log (CSV, JSON lines) for appending, as a resumed run continues its
 * predecessor's files. A process killed in the middle of a line leaves a final line without its
 * terminator; that fragment is cut off (and reported) so the next line does not fuse with it.
 */
final class AppendOnlyLog {

    private static final Logger LOG = LoggerFactory.getLogger(AppendOnlyLog.class);

    private AppendOnlyLog() {
    }

    /** A UTF-8 writer appending to {@code file} (created if absent) after its last complete line. */
    static Writer open(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            long end = endOfLastCompleteLine(channel);
            if (end < channel.size()) {
                LOG.warn("{}: dropping an interrupted final line of {} bytes (a previous run stopped while writing it)",
                        file, channel.size() - end);
                channel.truncate(end);
            }
            channel.position(end);
            return new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The offset just after the file's last {@code '\n'}, or 0 if it has none. */
    private static long endOfLastCompleteLine(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        long end = channel.size();
        while (end > 0) {
            long start = Math.max(0, end - buffer.capacity());
            buffer.clear().limit((int) (end - start));
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, start + buffer.position()) < 0) {
                    throw new IOException("file shrank while being read");
                }
            }
            for (int i = buffer.limit() - 1; i >= 0; i--) {
                if (buffer.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }
}
