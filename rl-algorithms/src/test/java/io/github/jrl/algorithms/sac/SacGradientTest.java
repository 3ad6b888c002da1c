package io.github.jrl.algorithms.sac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static io.github.jrl.algorithms.GradientCheck.check;

import io.github.jrl.core.buffer.ReplayBuffer;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import io.github.jrl.nd4j.Buffers;
import io.github.jrl.nd4j.nn.Activation;
import org.junit.jupiter.api.Test;

/**
 * The learners' parameter gradients against central finite differences of the losses they
 * return, through the real networks: the continuous actor's gradient flows through both critics'
 * input gradients, the squashing and the log-probability; the discrete actor's through the
 * expectation over actions; the critics' through the twin regression. Smooth (tanh) networks,
 * so the differences are not spoiled by ReLU kinks.
 */
class SacGradientTest {

    private static final int N = 6;
    private static final int OBS = 3;

    private static SacConfig config() {
        return SacConfig.builder().hiddenSizes(8, 8).activation(Activation.TANH).build();
    }

    private static float[] gaussian(Rng rng, int n, double scale) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (scale * rng.nextGaussian());
        }
        return x;
    }

    @Test
    void continuousActorGradientFlowsThroughTheCriticsAndCriticGradientsMatchTheRegression() {
        ContinuousSacLearner learner = (ContinuousSacLearner) SacLearner.create(OBS, Box.uniform(-2, 2, 2), config(), 1,
                new Rng(1));
        Rng rng = new Rng(2);
        float[] observations = gaussian(rng, N * OBS, 1);
        float[] noise = gaussian(rng, N * 2, 1);
        float[] actions = gaussian(rng, N * 2, 0.5);
        float[] targets = gaussian(rng, N, 2);
        check(learner.actorParams, () -> learner.actorGradient(observations, noise, N, 0.2).loss(), "actor");
        check(learner.criticParams, () -> learner.criticGradient(observations, actions, targets, N).loss(), "critic");
    }

    @Test
    void discreteActorAndCriticGradients() {
        DiscreteSacLearner learner = (DiscreteSacLearner) SacLearner.create(OBS, new Discrete(3), config(), 1,
                new Rng(5));
        Rng rng = new Rng(6);
        float[] observations = gaussian(rng, N * OBS, 1);
        float[] actions = {0, 2, 1, 1, 0, 2};
        float[] targets = gaussian(rng, N, 2);
        check(learner.actorParams, () -> learner.actorGradient(observations, N, 0.3, null).loss(), "actor");
        check(learner.criticParams, () -> learner.criticGradient(observations, actions, targets, N).loss(), "critic");
    }

    /** Running the twin critics on two threads changes nothing: the parameters stay bit-identical. */
    @Test
    void twoCriticThreadsGiveBitIdenticalSteps() {
        Space<?>[] spaces = {Box.uniform(-1, 1, 2), new Discrete(3)};
        for (Space<?> space : spaces) {
            SacLearner one = SacLearner.create(OBS, space, config(), 1, new Rng(7));
            SacLearner two = SacLearner.create(OBS, space, config(), 2, new Rng(7));
            int actionSize = one.actionSize();
            ReplayBuffer buffer = new ReplayBuffer(64, OBS, actionSize);
            Rng rng = new Rng(8);
            for (int t = 0; t < 64; t++) {
                float[] action = space instanceof Discrete ? new float[] {rng.nextInt(3)} : gaussian(rng, 2, 0.5);
                buffer.add(1, gaussian(rng, OBS, 1), action, gaussian(rng, 1, 1), gaussian(rng, OBS, 1),
                        new boolean[] {t % 9 == 0}, new boolean[] {t % 13 == 0});
            }
            ReplayBuffer.Batch batch = buffer.newBatch(N);
            Sac.Timings timings = new Sac.Timings();
            Rng noiseOne = new Rng(9);
            Rng noiseTwo = new Rng(9);
            for (int step = 0; step < 3; step++) {
                buffer.sample(new Rng(step), batch);
                one.gradientStep(batch, 0.2, noiseOne, timings);
                two.gradientStep(batch, 0.2, noiseTwo, timings);
            }
            assertArrayEquals(Buffers.toArray(one.actorParams.params()), Buffers.toArray(two.actorParams.params()));
            assertArrayEquals(Buffers.toArray(one.criticParams.params()), Buffers.toArray(two.criticParams.params()));
        }
    }
}
