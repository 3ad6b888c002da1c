package io.github.jrl.algorithms.offline;

import static io.github.jrl.algorithms.GradientCheck.check;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jrl.core.dataset.DatasetInfo;
import io.github.jrl.core.dataset.Episode;
import io.github.jrl.core.dataset.OfflineDataset;
import io.github.jrl.core.space.Box;
import io.github.jrl.nd4j.nn.Activation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TD3+BC's and PRDC's losses and targets against values worked out by hand, and the actor's gradient against finite differences. */
class Td3BcLossTest {

    private static final ActionBounds BOUNDS = new ActionBounds(Box.of(new float[] {-2, 0}, new float[] {2, 1}));

    /**
     * Box [-2, 2] x [0, 1]: scales 2 and 0.5, so sigma = (0.4, 0.1) and c = (1, 0.25). Row 0:
     * 1.5 + clip(1.2) = 2.5, clipped to 2; 0.9 - 0.1 = 0.8. Row 1: 0 + 0.2; 0.1 + clip(-0.4) =
     * -0.15, clipped to 0.
     */
    @Test
    void targetSmoothingClipsTheNoiseAndTheAction() {
        float[] out = new float[4];
        Td3BcLoss.smoothTargetActions(new float[] {1.5f, 0.9f, 0, 0.1f}, new float[] {3, -1, 0.5f, -4}, BOUNDS, 0.2, 0.5,
                2, out);
        assertArrayEquals(new float[] {2, 0.8f, 0.2f, 0}, out, 1e-6f);
    }

    /**
     * q = (2, -4): mean -1, mean |q| 3, lambda = 2.5 / 3; regulariser ((1 - 0)^2 + 0) / 2 = 0.5;
     * loss = 2.5 / 3 + 0.5 = 1.3333333; dL/dq = -lambda / 2; dL/dpi = 2 (pi - a) / 2.
     */
    @Test
    void actorLossWeighsQByAlphaOverMeanAbsoluteQ() {
        float[] dQ = new float[2];
        float[] dPi = new float[2];
        Td3BcLoss.ActorTerm term = Td3BcLoss.actorLoss(new float[] {2, -4}, new float[] {1, 0}, new float[] {0, 0}, 2, 1,
                2.5, dQ, dPi);
        assertEquals(4.0 / 3, term.loss(), 1e-12);
        assertEquals(2.5 / 3, term.lambda(), 1e-12);
        assertEquals(0.5, term.regularizer(), 1e-12);
        assertEquals(-1, term.meanQ(), 1e-12);
        assertArrayEquals(new float[] {(float) (-2.5 / 6), (float) (-2.5 / 6)}, dQ, 1e-7f);
        assertArrayEquals(new float[] {1, 0}, dPi, 1e-7f);
        assertThrows(ArithmeticException.class, () -> Td3BcLoss.actorLoss(new float[] {0, 0}, new float[] {1, 0},
                new float[] {0, 0}, 2, 1, 2.5, dQ, dPi));
    }

    /** One episode, states 0, 1, 2 with actions -1, 0.5, 1; keys (beta s, a). */
    private static OfflineDataset line() {
        DatasetInfo info = new DatasetInfo("test/line-v0", "Line", 1, 1, 0, 1, "hand", "", 0, Double.NaN, Double.NaN);
        Episode episode = new Episode(0, 1, 1, 1, new float[] {0, 1, 2, 3}, new float[] {-1, 0.5f, 1}, new float[3],
                new boolean[] {false, false, true}, new boolean[3]);
        return new OfflineDataset(info, List.of(episode));
    }

    /**
     * beta 2: the query (2 * 0.9, -1) = (1.8, -1) is at squared distance 3.24 from (0, -1), 2.29
     * from (2, 0.5) and 8.84 from (4, 1): the target is 0.5, the action of a neighbouring state.
     * beta 0 ignores the state: the nearest action to -1 is -1 itself.
     */
    @Test
    void prdcTargetIsTheActionOfTheNearestStateActionPoint() {
        float[] out = new float[1];
        new Prdc.NearestDatasetAction(line(), StateNormalizer.identity(1), 2).targets(new float[] {0.9f},
                new float[] {-1}, new float[] {7}, 1, out);
        assertEquals(0.5f, out[0]);
        new Prdc.NearestDatasetAction(line(), StateNormalizer.identity(1), 0).targets(new float[] {0.9f},
                new float[] {-1}, new float[] {7}, 1, out);
        assertEquals(-1f, out[0]);
    }

    /**
     * The actor's gradient through Q1's input gradient, the regulariser and the squashing, against
     * central differences of {@code -lambda0 mean Q1 + regulariser} with {@code lambda} held at its
     * value in the unperturbed pass (the reference detaches it). Smooth (tanh) networks. PRDC runs
     * the same code with other targets, which jump when a perturbation changes the nearest
     * neighbour (the gradient holds them constant, as the reference's {@code .detach()}): its
     * targets are checked by hand above instead.
     */
    @Test
    void actorGradientMatchesFiniteDifferences() {
        OfflineDataset dataset = Recorded.record("MountainCarContinuous-v0", Recorded::mountainCarExpert, 0.5, 1, 3,
                -33, 93);
        Box box = Box.uniform(-1, 1, 1);
        Td3BcConfig config = Td3BcConfig.defaults().withNetworks(List.of(8, 8), Activation.TANH).withSeed(4);
        Td3Bc learner = new Td3Bc(config, dataset, box);
        int n = 6;
        float[] observations = new float[n * 2];
        float[] actions = new float[n];
        Episode episode = dataset.episodes().get(0);
        for (int i = 0; i < n; i++) {
            System.arraycopy(episode.observation(10 * i), 0, observations, 2 * i, 2);
            actions[i] = episode.action(10 * i)[0];
        }
        learner.loadStates(observations, n);
        double lambda = learner.actorGradient(actions, n).lambda();
        check(learner.actorParameters(), () -> {
            Td3BcLoss.ActorTerm term = learner.actorGradient(actions, n);
            return -lambda * term.meanQ() + term.regularizer();
        }, "actor");
    }
}
