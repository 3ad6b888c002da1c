package io.github.jrl.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.random.Rng;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class RunningMeanStdTest {

    @Test
    void batchedUpdatesMatchTheDirectMomentsUpToThePriorCount() {
        Rng rng = new Rng(3);
        int rows = 1000;
        float[] data = new float[rows * 2];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (rng.nextGaussian() * (i % 2 == 0 ? 3 : 0.5) + (i % 2 == 0 ? 10 : -1));
        }
        RunningMeanStd rms = new RunningMeanStd(2);
        for (int start = 0; start < rows; start += 100) {
            rms.update(data, start * 2, 100);
        }
        for (int k = 0; k < 2; k++) {
            double mean = 0;
            for (int r = 0; r < rows; r++) {
                mean += data[r * 2 + k];
            }
            mean /= rows;
            double var = 0;
            for (int r = 0; r < rows; r++) {
                var += (data[r * 2 + k] - mean) * (data[r * 2 + k] - mean);
            }
            var /= rows;
            // the prior (mean 0, var 1, count 1e-4) shifts the result by O(1e-4 / rows) relative
            assertEquals(mean, rms.mean(k), 1e-5 * Math.max(1, Math.abs(mean)) + 1e-3 * mean * 1e-4);
            assertEquals(var, rms.var(k), 1e-4 * var + 1e-6);
        }
        assertEquals(rows + 1e-4, rms.count(), 1e-9);
    }

    @Test
    void snapshotRoundTripsThroughAStream() throws IOException {
        RunningMeanStd rms = new RunningMeanStd(3);
        rms.update(new float[] {1, 2, 3});
        rms.update(new float[] {-1, 0, 5});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        rms.snapshot().writeTo(new DataOutputStream(bytes));
        RunningMeanStd restored = new RunningMeanStd(3);
        restored.restore(RunningMeanStd.Snapshot.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        assertEquals(rms.snapshot(), restored.snapshot());
    }

    @Test
    void corruptSnapshotsAreRejected() {
        byte[] garbage = {1, 2, 3, 4, 5, 6, 7, 8};
        IOException e = assertThrows(IOException.class,
                () -> RunningMeanStd.Snapshot.readFrom(new DataInputStream(new ByteArrayInputStream(garbage))));
        assertTrue(e.getMessage().contains("not a RunningMeanStd snapshot"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RunningMeanStd.Snapshot(new double[] {0}, new double[] {-1}, 1));
        assertThrows(IllegalArgumentException.class, () -> new RunningMeanStd(2).restore(new RunningMeanStd(3).snapshot()));
    }
}
