package io.github.jrl.core.dataset;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.env.Wrapper;
import java.util.Map;

/**
 * Logs every step of whatever drives the environment (a trainer's vector env, an evaluation, a
 * hand-written loop) into an {@link EpisodeLog}: the reset observation, then per step the action
 * taken, the observation, the reward vector and the {@code terminated} and {@code truncated}
 * flags, in the flat encodings of the spaces ({@link io.github.jrl.core.space.Space#writeFlat}).
 * An episode goes to the log when a step ends it; one abandoned by a reset before its end goes
 * there too, flagged truncated on its last step (it was cut, not terminated). Made by
 * {@link EpisodeLog#wrap}.
 *
 * @param <O> observation type
 * @param <A> action type
 */
public final class RecordEpisodes<O, A> extends Wrapper<O, A> {

    private final EpisodeLog log;
    private final float[] observationRow;
    private final float[] actionRow;
    private final double[] rewardRow;
    private EpisodeBuilder running;

    RecordEpisodes(Environment<O, A> env, EpisodeLog log) {
        super(env);
        this.log = log;
        observationRow = new float[log.observationSize()];
        actionRow = new float[log.actionSize()];
        rewardRow = new double[log.rewardDim()];
    }

    @Override
    public Reset<O> reset(long seed, Map<String, ?> options) {
        return begin(env.reset(seed, options));
    }

    @Override
    public Reset<O> reset(Map<String, ?> options) {
        return begin(env.reset(options));
    }

    private Reset<O> begin(Reset<O> reset) {
        synchronized (log) {
            if (running != null && running.length() > 0) {
                log.add(running, true);
            }
            env.observationSpace().writeFlat(reset.observation(), observationRow, 0);
            running = new EpisodeBuilder(log.observationSize(), log.actionSize(), log.rewardDim(), observationRow);
        }
        return reset;
    }

    @Override
    public Step<O> step(A action) {
        Step<O> step = env.step(action);
        if (running == null) {
            throw new IllegalStateException("RecordEpisodes on " + env.id() + " saw a step without a reset first;"
                    + " wrap the environment before its first reset");
        }
        env.actionSpace().writeFlat(action, actionRow, 0);
        env.observationSpace().writeFlat(step.observation(), observationRow, 0);
        step.copyRewards(rewardRow, 0);
        synchronized (log) {
            running.add(actionRow, observationRow, rewardRow, step.terminated(), step.truncated());
            if (step.done()) {
                log.add(running, false);
                running = null;
            }
        }
        return step;
    }

    /** The episode being recorded, or null between episodes. */
    EpisodeBuilder running() {
        return running;
    }
}
