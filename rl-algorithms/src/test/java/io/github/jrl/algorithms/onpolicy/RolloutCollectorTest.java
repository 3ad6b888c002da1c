package io.github.jrl.algorithms.onpolicy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.buffer.RolloutBuffer;
import io.github.jrl.core.env.AbstractEnvironment;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.vector.SyncVectorEnv;
import io.github.jrl.core.wrappers.RecordEpisodeStatistics;
import io.github.jrl.core.wrappers.TimeLimit;
import io.github.jrl.nd4j.nn.Activation;
import io.github.jrl.nd4j.policy.ActorCritic;
import io.github.jrl.nd4j.policy.ActorCriticPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolloutCollectorTest {

    private static final float[] OBSERVATION = {0.5f};
    private static final double GAMMA = 0.9;

    /** Observation [0.5] and reward 1 forever; with {@code terminalAt > 0}, terminates at that step. */
    static final class Constant extends AbstractEnvironment<float[], Integer> {
        private final int terminalAt;
        private int t;

        Constant(int terminalAt) {
            super("Constant");
            this.terminalAt = terminalAt;
        }

        @Override
        public Box observationSpace() {
            return Box.uniform(0f, 1f, 1);
        }

        @Override
        public Discrete actionSpace() {
            return new Discrete(2);
        }

        @Override
        protected Reset<float[]> resetEpisode(Rng rng, Map<String, ?> options) {
            t = 0;
            return Reset.of(OBSERVATION.clone());
        }

        @Override
        protected Step<float[]> applyAction(Integer action) {
            t++;
            return Step.of(OBSERVATION.clone(), 1.0, t == terminalAt);
        }
    }

    private static RolloutBuffer collect(Environment<float[], Integer> env, ActorCriticPolicy policy) {
        SyncVectorEnv<float[], Integer> envs = new SyncVectorEnv<>(() -> new RecordEpisodeStatistics<>(env), 1);
        envs.reset(0);
        RolloutBuffer buffer = new RolloutBuffer(4, 1, 1, 1);
        new RolloutCollector(envs, buffer, GAMMA).collect(policy, new Rng(1), 0.95);
        return buffer;
    }

    private static ActorCriticPolicy policy() {
        ActorCritic model = new ActorCritic(1, new Discrete(2), new int[] {8}, Activation.TANH, 0, new Rng(3));
        return model.snapshot();
    }

    @Test
    void truncationIsBootstrappedFromTheFinalObservation() {
        ActorCriticPolicy policy = policy();
        double finalValue = policy.value(OBSERVATION);
        assertTrue(Math.abs(finalValue) > 1e-4, "the test needs a non-zero value to tell bootstrapping apart");
        RolloutBuffer buffer = collect(new TimeLimit<>(new Constant(0), 3), policy);
        assertArrayEquals(new float[] {1f, 1f, (float) (1 + GAMMA * finalValue), 1f}, buffer.rewards(), 1e-6f);
        assertArrayEquals(new boolean[] {false, false, true, false}, buffer.dones());
    }

    @Test
    void terminationIsNotBootstrapped() {
        RolloutBuffer buffer = collect(new Constant(3), policy());
        assertArrayEquals(new float[] {1f, 1f, 1f, 1f}, buffer.rewards());
        assertArrayEquals(new boolean[] {false, false, true, false}, buffer.dones());
    }

    @Test
    void terminationWinsOverTruncationOnTheSameStep() {
        RolloutBuffer buffer = collect(new TimeLimit<>(new Constant(3), 3), policy());
        assertEquals(1f, buffer.rewards()[2]);
    }
}
