package io.github.jrl.sweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jrl.core.sweep.SweepResult;
import io.github.jrl.core.sweep.TrialResult;
import io.github.jrl.examples.sweep.AlgorithmTrials;
import io.github.jrl.examples.sweep.SweepBackend;
import io.github.jrl.examples.sweep.SweepCommand;
import io.github.jrl.examples.sweep.SweepSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same PPO sweep on Spark (local[2]) and on the thread pool: every trial the same, ASHA's decisions too. */
class SparkSweepTest {

    @TempDir
    Path dir;

    private static final String SPEC = """
            algo: ppo
            env: CartPole-v1
            preset: CartPole-v1
            config: {numEnvs: 2, numSteps: 64, batchSize: 64, numEpochs: 2}
            steps: 768
            reportEvery: 256
            seeds: [0, 1]
            space:
              learningRate: {grid: [0.001, 0.0003]}
              numEpochs: {choice: [1, 2]}
            scheduler: asha
            concurrency: 2
            """;

    @Test
    void sparkTasksGiveTheThreadPoolsResults() throws Exception {
        SweepSpec spec = SweepSpec.parse(SPEC, "test spec");
        PrintWriter console = new PrintWriter(new StringWriter());
        SweepResult threads = SweepCommand.run(spec, dir.resolve("threads"), SweepBackend.threadPool(), console);
        SweepResult spark;
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("SparkSweepTest")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        try (JavaSparkContext context = new JavaSparkContext(conf)) {
            spark = SweepCommand.run(spec, dir.resolve("spark"), new SparkSweep(context), console);
        }
        assertEquals(List.of(TrialResult.Status.COMPLETED, TrialResult.Status.STOPPED, TrialResult.Status.COMPLETED,
                TrialResult.Status.STOPPED), spark.trials().stream().map(TrialResult::status).toList());
        for (int i = 0; i < 4; i++) {
            assertEquals(threads.trials().get(i).history(), spark.trials().get(i).history(), "trial " + i);
            assertEquals(threads.trials().get(i).status(), spark.trials().get(i).status(), "trial " + i);
            try (Stream<Path> files = Files.list(AlgorithmTrials.trialDir(dir.resolve("spark"), i))) {
                assertEquals(List.of("config.yml", "metrics.csv"), files.map(f -> f.getFileName().toString()).sorted()
                        .toList(), "trial " + i + "'s checkpoint is deleted when it ends");
            }
        }
    }
}
