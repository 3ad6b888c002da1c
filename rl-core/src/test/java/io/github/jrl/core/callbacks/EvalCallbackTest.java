package io.github.jrl.core.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.env.RandomWalk;
import io.github.jrl.core.metrics.MetricNames;
import io.github.jrl.core.metrics.CsvSink;
import io.github.jrl.core.metrics.MetricsCsv;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCallbackTest {

    @TempDir
    Path run;

    @Test
    void evaluatesEveryNStepsKeepsTheBestAndSavesItsModel() throws IOException {
        FakeTrainer trainer = new FakeTrainer(0, 2048, Walkers.always(0));
        Path best = run.resolve("best.ckpt");
        Path csv = run.resolve("metrics.csv");
        try (CsvSink sink = new CsvSink(csv)) {
            EvalCallback<float[], Integer> eval = EvalCallback.builder(new RandomWalk(), 9)
                    .everySteps(5000).episodes(4).saveBest(ModelSaver.checkpointTo(best)).metrics(sink).build();
            // switches the policy before each evaluation: left (bad), right (good), left again
            Callback schedule = new Callback() {
                @Override
                public boolean onUpdate(Trainer<?, ?> t) {
                    trainer.policy = Walkers.always(trainer.steps >= 10240 && trainer.steps < 16384 ? 1 : 0);
                    return true;
                }
            };
            trainer.learn(16384, schedule, eval);
            assertTrue(eval.lastResult().orElseThrow().mean() < 0, "the last evaluation went left");
            assertTrue(eval.bestMeanReward().orElseThrow() > 0, "the best one went right");
        }
        assertEquals(List.of(best, best), trainer.checkpointsSaved, "saved at the first evaluation and the better one");
        assertEquals(10240, FakeTrainer.savedStep(best));
        MetricsCsv metrics = MetricsCsv.read(csv);
        assertEquals(List.of(MetricNames.EVAL_MEAN_EP_LENGTH, MetricNames.EVAL_MEAN_REWARD, MetricNames.EVAL_STD_REWARD),
                metrics.metricNames());
        assertEquals(List.of(6144L, 10240L, 16384L),
                Arrays.stream(metrics.series(MetricNames.EVAL_MEAN_REWARD).steps()).boxed().toList());
    }

    @Test
    void aResumedRunEvaluatesAtTheSameStepsWithTheSameEpisodes() {
        EvalCallback<float[], Integer> uninterrupted = EvalCallback.builder(new RandomWalk(), 3).everySteps(5000)
                .deterministic(false).build();
        FakeTrainer full = new FakeTrainer(0, 1000, Walkers.coin());
        full.learn(15000, uninterrupted);

        EvalCallback<float[], Integer> resumed = EvalCallback.builder(new RandomWalk(), 3).everySteps(5000)
                .deterministic(false).build();
        FakeTrainer second = new FakeTrainer(10000, 1000, Walkers.coin());
        assertEquals(5, second.learn(15000, resumed));
        assertEquals(uninterrupted.lastResult(), resumed.lastResult(), "the evaluation at step 15000 is the same");
    }

    @Test
    void noEvaluationBeforeTheFirstInterval() {
        EvalCallback<float[], Integer> eval = EvalCallback.builder(new RandomWalk(), 1).everySteps(10_000).build();
        new FakeTrainer(0, 2048, Walkers.always(1)).learn(8192, eval);
        assertTrue(eval.lastResult().isEmpty());
        assertTrue(eval.bestMeanReward().isEmpty());
    }

    @Test
    void refusesInvalidSettings() {
        assertThrows(IllegalArgumentException.class, () -> EvalCallback.builder(new RandomWalk(), 1).everySteps(0).build());
        assertThrows(IllegalArgumentException.class, () -> EvalCallback.builder(new RandomWalk(), 1).episodes(0).build());
    }
}
