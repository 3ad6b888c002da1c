package io.github.jrl.core.callbacks;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.metrics.MetricNames;
import io.github.jrl.core.metrics.MetricSink;
import io.github.jrl.core.policy.Policy;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the policy every N steps on an environment instance of its own, keeps the best mean
 * return and saves the model when it improves: Stable-Baselines3's {@code EvalCallback}, with its
 * defaults (every 10,000 steps, 5 episodes, deterministic actions).
 *
 * <p>Each evaluation is seeded from the callback's seed and the step count, so it sees fresh
 * episodes each time (like SB3's eval env, whose generator runs on) while a resumed run evaluates
 * exactly as the uninterrupted one. Results go to the log, optionally to a {@link MetricSink} as
 * {@code eval/mean_reward}, {@code eval/std_reward} and {@code eval/mean_ep_length}, and to
 * {@link #lastResult()}. The best mean is kept in memory only: after a resume, the first
 * evaluation sets it anew.
 *
 * @param <O> observation type of the evaluation env and the trained policy
 * @param <A> action type
 */
public final class EvalCallback<O, A> implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(EvalCallback.class);

    private final Environment<O, A> env;
    private final long seed;
    private final StepInterval interval;
    private final int episodes;
    private final boolean deterministic;
    private final ModelSaver bestModelSaver;
    private final MetricSink sink;
    private EvaluationResult lastResult;
    private double bestMean = Double.NEGATIVE_INFINITY;

    private EvalCallback(Builder<O, A> b) {
        this.env = b.env;
        this.seed = b.seed;
        this.interval = new StepInterval(b.everySteps, "everySteps");
        if (b.episodes < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + b.episodes);
        }
        this.episodes = b.episodes;
        this.deterministic = b.deterministic;
        this.bestModelSaver = b.bestModelSaver;
        this.sink = b.sink;
    }

    /** Starts configuring an evaluation on {@code evalEnv}, a separate instance from the training envs. */
    public static <O, A> Builder<O, A> builder(Environment<O, A> evalEnv, long seed) {
        return new Builder<>(evalEnv, seed);
    }

    @Override
    public void onTrainingStart(Trainer<?, ?> trainer) {
        interval.start(trainer.stepsDone());
    }

    @Override
    public boolean onUpdate(Trainer<?, ?> trainer) {
        long steps = trainer.stepsDone();
        if (interval.due(steps)) {
            evaluate(trainer, steps);
        }
        return true;
    }

    private void evaluate(Trainer<?, ?> trainer, long steps) {
        // the trainer's policy acts on this env's observations: the caller pairs them (see builder)
        @SuppressWarnings("unchecked")
        Policy<O, A> policy = (Policy<O, A>) trainer.policy();
        EvaluationResult result = Evaluation.evaluate(policy, env, episodes, deterministic,
                Rng.forStream(seed, steps).nextSeed());
        lastResult = result;
        LOG.info("eval at step {}: episode reward {}", steps, result);
        try {
            if (sink != null) {
                sink.write(steps, Map.of(MetricNames.EVAL_MEAN_REWARD, result.mean(), MetricNames.EVAL_STD_REWARD,
                        result.std(), MetricNames.EVAL_MEAN_EP_LENGTH, result.meanLength()));
            }
            if (result.mean() > bestMean) {
                bestMean = result.mean();
                if (bestModelSaver != null) {
                    bestModelSaver.save(trainer);
                    LOG.info("new best mean reward {} at step {}: model saved", bestMean, steps);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("evaluation at step " + steps + ": " + e.getMessage(), e);
        }
    }

    /** The latest evaluation, if one ran. */
    public Optional<EvaluationResult> lastResult() {
        return Optional.ofNullable(lastResult);
    }

    /** The best mean return so far, if an evaluation ran. */
    public OptionalDouble bestMeanReward() {
        return lastResult == null ? OptionalDouble.empty() : OptionalDouble.of(bestMean);
    }

    /** Configures an {@link EvalCallback}; the defaults are SB3's. */
    public static final class Builder<O, A> {

        private final Environment<O, A> env;
        private final long seed;
        private long everySteps = 10_000;
        private int episodes = 5;
        private boolean deterministic = true;
        private ModelSaver bestModelSaver;
        private MetricSink sink;

        private Builder(Environment<O, A> env, long seed) {
            this.env = Objects.requireNonNull(env, "evalEnv");
            this.seed = seed;
        }

        /** Evaluate at the first update at or past each multiple of {@code steps} (default 10,000). */
        public Builder<O, A> everySteps(long steps) {
            this.everySteps = steps;
            return this;
        }

        /** Episodes per evaluation (default 5). */
        public Builder<O, A> episodes(int count) {
            this.episodes = count;
            return this;
        }

        /** Act with the policy's mode (default) or sample its actions. */
        public Builder<O, A> deterministic(boolean value) {
            this.deterministic = value;
            return this;
        }

        /** Called when an evaluation beats the best mean so far, e.g. {@code ModelSaver.checkpointTo(run.resolve("best.ckpt"))}. */
        public Builder<O, A> saveBest(ModelSaver saver) {
            this.bestModelSaver = Objects.requireNonNull(saver, "saver");
            return this;
        }

        /** Also write each evaluation's {@code eval/*} metrics to {@code metrics}. */
        public Builder<O, A> metrics(MetricSink metrics) {
            this.sink = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /** @throws IllegalArgumentException if {@code everySteps} or {@code episodes} is below 1 */
        public EvalCallback<O, A> build() {
            return new EvalCallback<>(this);
        }
    }
}
