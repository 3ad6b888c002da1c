package io.github.jrl.core.checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The process {@link CheckpointKillTest} kills: it writes a small checkpoint at step 1, says
 * {@code READY}, then writes a large one at step 2 slowly (1 MiB sections with pauses), saying
 * {@code WRITING} once the first section is out, so that the kill lands in the middle of it.
 */
public final class CheckpointWriterProcess {

    static final int SECTIONS = 2000;
    static final int SECTION_BYTES = 1 << 20;

    private CheckpointWriterProcess() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        CheckpointDirectory checkpoints = new CheckpointDirectory(Path.of(args[0]));
        try (CheckpointWriter writer = CheckpointWriter.create(checkpoints.fileFor(1))) {
            writer.section(Checkpoint.COUNTERS, out -> out.writeLong(1)).commit();
        }
        System.out.println("READY");
        byte[] chunk = new byte[SECTION_BYTES];
        Arrays.fill(chunk, (byte) 0x5A);
        try (CheckpointWriter writer = CheckpointWriter.create(checkpoints.fileFor(2))) {
            writer.section(Checkpoint.COUNTERS, out -> out.writeLong(2));
            for (int i = 0; i < SECTIONS; i++) {
                writer.section(Checkpoint.REPLAY + "/" + i, chunk);
                if (i == 0) {
                    System.out.println("WRITING");
                }
                Thread.sleep(5);
            }
            writer.commit();
        }
        System.out.println("DONE");
    }
}
