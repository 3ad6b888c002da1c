package io.github.jrl.examples.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.sweep.Asha;
import io.github.jrl.core.sweep.SweepResult;
import io.github.jrl.core.sweep.TrialResult;
import io.github.jrl.core.sweep.TrialSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepSpecTest {

    @TempDir
    Path dir;

    @Test
    void aSacSpecFileGivesEachTrialItsOverridesOverThePreset() throws IOException {
        Path file = dir.resolve("sac.yml");
        Files.writeString(file, """
                algo: sac
                env: Pendulum-v1
                config: {batchSize: 64}
                steps: 3000
                seeds: [3]
                space:
                  tau: {grid: [0.01, 0.02]}
                  learningRate: {logUniform: [0.0001, 0.001]}
                scheduler: asha
                """);
        SweepSpec spec = SweepSpec.read(file);
        assertEquals(300, spec.reportEvery());
        assertEquals(300, spec.gracePeriod());
        assertEquals(1, spec.concurrency());
        assertTrue(spec.trialScheduler() instanceof Asha);
        List<TrialSpec> trials = spec.trials();
        assertEquals(2, trials.size());
        AlgorithmTrials sac = new AlgorithmTrials(spec, dir.resolve("sweep"));
        sac.prepare(trials);
        String config = Files.readString(AlgorithmTrials.trialDir(dir.resolve("sweep"), 1).resolve("config.yml"));
        assertTrue(config.contains("tau: 0.02") && config.contains("batchSize: 64") && config.contains("seed: 3"), config);
        double lr = (Double) trials.get(1).params().get("learningRate");
        assertTrue(config.contains("learningRate: " + lr), config);

        // written and read back, the spec gives the same trials
        spec.write(dir);
        SweepSpec again = SweepSpec.read(dir.resolve(SweepSpec.FILE));
        assertEquals(spec.toYaml(), again.toYaml());
        for (TrialSpec t : trials) {
            assertEquals(sac.config(t), new AlgorithmTrials(again, dir).config(again.trials().get(t.index())));
        }
    }

    @Test
    void sacTrialsTrainAndReportNothingBeforeTheFirstEpisodeEnds() throws Exception {
        SweepSpec spec = SweepSpec.parse("""
                algo: sac
                env: Pendulum-v1
                config: {learningStarts: 50, batchSize: 32, hiddenSizes: [16, 16]}
                steps: 300
                reportEvery: 100
                seeds: [3]
                space:
                  tau: {grid: [0.01, 0.02]}
                concurrency: 2
                """, "test spec");
        SweepResult result = SweepCommand.run(spec, dir.resolve("sac"), SweepBackend.threadPool(),
                new PrintWriter(new StringWriter()));
        for (TrialResult t : result.trials()) {
            assertEquals(TrialResult.Status.COMPLETED, t.status(), t.toString());
            assertArrayEquals(new long[] {100, 200, 300}, t.history().steps());
            // Pendulum's episodes last 200 steps: no return before the first ends
            assertTrue(Double.isNaN(t.history().value(0)) && Double.isFinite(t.history().value(1)), t.toString());
        }
        assertEquals(3, Files.readAllLines(dir.resolve("sac").resolve(SweepTable.CSV)).size());
    }
}
