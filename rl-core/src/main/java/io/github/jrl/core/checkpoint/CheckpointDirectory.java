package io.github.jrl.core.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's {@code checkpoints/} directory: one file per saved step, {@code step-<N>.ckpt}, written
 * atomically, and a resume that takes the newest file that verifies, skipping (and reporting)
 * damaged ones, as a run killed at any point must resume from its last complete checkpoint.
 * Other files in the directory are left alone.
 */
public final class CheckpointDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointDirectory.class);
    private static final Pattern FILE_NAME = Pattern.compile("step-(\\d{1,18})\\.ckpt");

    /** A checkpoint file of this directory and the step it was saved at. */
    public record Entry(long step, Path file) {
    }

    /**
     * The newest valid checkpoint, with the newer files that were refused on the way.
     *
     * @param skipped why each newer file was refused, newest first
     */
    public record Latest(long step, Checkpoint checkpoint, List<CorruptCheckpointException> skipped) {
    }

    private final Path dir;

    public CheckpointDirectory(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Where the checkpoint of {@code step} goes. */
    public Path fileFor(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        return dir.resolve("step-" + step + ".ckpt");
    }

    /** The checkpoint files, oldest step first; empty if the directory does not exist. */
    public List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(file -> {
                Matcher m = FILE_NAME.matcher(file.getFileName().toString());
                if (m.matches()) {
                    entries.add(new Entry(Long.parseLong(m.group(1)), file));
                }
            });
        } catch (NoSuchFileException e) {
            return List.of();
        }
        entries.sort(Comparator.comparingLong(Entry::step));
        return entries;
    }

    /**
     * The newest checkpoint that reads and verifies; newer damaged files are logged and listed in
     * {@link Latest#skipped()}.
     *
     * @return empty if there is no checkpoint file at all
     * @throws CorruptCheckpointException if there are checkpoint files but none is valid (each
     *         refusal attached as suppressed): starting afresh over them would silently lose the run
     */
    public Optional<Latest> latestValid() throws IOException {
        List<Entry> entries = entries();
        List<CorruptCheckpointException> skipped = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i);
            try {
                Checkpoint checkpoint = Checkpoint.read(entry.file());
                return Optional.of(new Latest(entry.step(), checkpoint, List.copyOf(skipped)));
            } catch (CorruptCheckpointException e) {
                LOG.warn("skipping {}", e.getMessage());
                skipped.add(e);
            }
        }
        if (skipped.isEmpty()) {
            return Optional.empty();
        }
        CorruptCheckpointException none = new CorruptCheckpointException(dir, "none of its " + skipped.size()
                + " checkpoint files is valid");
        skipped.forEach(none::addSuppressed);
        throw none;
    }

    /** Deletes all but the {@code keep} newest checkpoint files. */
    public void keepLatest(int keep) throws IOException {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be >= 1, got " + keep);
        }
        List<Entry> entries = entries();
        for (Entry old : entries.subList(0, Math.max(0, entries.size() - keep))) {
            Files.deleteIfExists(old.file());
        }
    }

    /**
     * Deletes the temporary files of interrupted writes ({@link AtomicFile#isTemporary}). Call it
     * only while no write to this directory is in progress, e.g. before training starts.
     *
     * @return the files deleted
     */
    public List<Path> deleteTemporaryFiles() throws IOException {
        List<Path> deleted = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (AtomicFile.isTemporary(file) && Files.isRegularFile(file)) {
                    Files.delete(file);
                    deleted.add(file);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        if (!deleted.isEmpty()) {
            LOG.info("deleted {} temporary file(s) of interrupted checkpoint writes in {}", deleted.size(), dir);
        }
        return deleted;
    }
}
