package io.github.jrl.algorithms.offline;

import static io.github.jrl.algorithms.GradientCheck.check;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.nd4j.nn.Activation;
import io.github.jrl.nd4j.nn.Mlp;
import io.github.jrl.nd4j.nn.ParameterSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour cloning's losses against values worked out by hand, and the squashed actor's gradient against finite differences. */
class BcLossTest {

    /** Errors (1, 0, -0.5, 0): mean square 1.25 / 4 = 0.3125; gradient 2 e / 4. */
    @Test
    void mseIsTheMeanOverEveryElement() {
        float[] gradient = new float[4];
        double loss = BcLoss.mse(new float[] {1, 2, 0.5f, -1}, new float[] {0, 2, 1, -1}, 2, 2, gradient);
        assertEquals(0.3125, loss, 1e-12);
        assertArrayEquals(new float[] {0.5f, 0, -0.25f, 0}, gradient, 1e-7f);
    }

    /**
     * Row 0: logits (0, ln 3), pi = (1/4, 3/4), target 1: -ln 3/4 = 0.2876821; row 1: logits
     * (0, 0), target 0: ln 2 = 0.6931472. Mean 0.4904146. Row 0's argmax is its target; row 1's
     * tie goes to action 0, also its target. Gradient (pi - onehot) / 2.
     */
    @Test
    void crossEntropyOfTheTakenActions() {
        float[] gradient = new float[4];
        BcLoss.CrossEntropy ce = BcLoss.crossEntropy(new float[] {0, (float) Math.log(3), 0, 0}, new float[] {1, 0}, 2,
                2, gradient);
        assertEquals(0.4904146, ce.loss(), 1e-6);
        assertEquals(1.0, ce.accuracy());
        assertArrayEquals(new float[] {0.125f, -0.125f, -0.25f, 0.25f}, gradient, 1e-6f);
    }

    @Test
    void squashedActorGradientMatchesFiniteDifferences() {
        ParameterSet parameters = new ParameterSet();
        Mlp network = LearnerParts.mlp(3, List.of(8, 8), Activation.TANH, 2, parameters);
        LearnerParts.initialize(parameters, new Rng(1), network);
        SquashedActor actor = new SquashedActor(network, new ActionBounds(Box.of(new float[] {-2, 0}, new float[] {2, 1})));
        Rng rng = new Rng(2);
        int n = 5;
        float[] states = new float[n * 3];
        float[] targets = new float[n * 2];
        for (int j = 0; j < states.length; j++) {
            states[j] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            targets[2 * i] = (float) rng.nextDouble(-2, 2);
            targets[2 * i + 1] = (float) rng.nextDouble(0, 1);
        }
        float[] gradient = new float[n * 2];
        check(parameters, () -> {
            double loss = BcLoss.mse(actor.act(states, n), targets, n, 2, gradient);
            actor.backward(gradient);
            return loss;
        }, "squashed actor");
    }
}
