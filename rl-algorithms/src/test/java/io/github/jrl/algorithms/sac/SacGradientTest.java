package io.github.jrl.algorithms.sac;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.nd4j.Buffers;
import io.github.jrl.nd4j.nn.Activation;
import io.github.jrl.nd4j.nn.ParameterSet;
import java.util.function.DoubleSupplier;
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

    /** Compares the gradient {@code compute} writes into {@code set} with central differences of the loss it returns. */
    private static void check(ParameterSet set, DoubleSupplier compute, String what) {
        compute.getAsDouble();
        float[] analytic = Buffers.toArray(set.gradients());
        float[] p = Buffers.toArray(set.params());
        double eps = 1e-2;
        for (int k = 0; k < p.length; k++) {
            float saved = p[k];
            p[k] = (float) (saved + eps);
            set.load(p);
            double plus = compute.getAsDouble();
            p[k] = (float) (saved - eps);
            set.load(p);
            double minus = compute.getAsDouble();
            p[k] = saved;
            set.load(p);
            double numeric = (plus - minus) / (2 * eps);
            assertEquals(numeric, analytic[k], 2e-3 + 2e-2 * Math.abs(numeric), what + " parameter " + k);
        }
    }

    @Test
    void continuousActorGradientFlowsThroughTheCriticsAndCriticGradientsMatchTheRegression() {
        ContinuousSacLearner learner = (ContinuousSacLearner) SacLearner.create(OBS, Box.uniform(-2, 2, 2), config(),
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
        DiscreteSacLearner learner = (DiscreteSacLearner) SacLearner.create(OBS, new Discrete(3), config(), new Rng(5));
        Rng rng = new Rng(6);
        float[] observations = gaussian(rng, N * OBS, 1);
        float[] actions = {0, 2, 1, 1, 0, 2};
        float[] targets = gaussian(rng, N, 2);
        check(learner.actorParams, () -> learner.actorGradient(observations, N, 0.3, null).loss(), "actor");
        check(learner.criticParams, () -> learner.criticGradient(observations, actions, targets, N).loss(), "critic");
    }
}
