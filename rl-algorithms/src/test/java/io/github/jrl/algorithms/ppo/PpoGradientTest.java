package io.github.jrl.algorithms.ppo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.policy.ActionHead;
import io.github.jrl.nd4j.policy.CategoricalHead;
import io.github.jrl.nd4j.policy.GaussianHead;
import org.junit.jupiter.api.Test;

/**
 * The total PPO loss {@code policy + entCoef * (-entropy) + vfCoef * value} differentiated by the
 * heads and {@link PpoLoss}, against central finite differences in double precision of the
 * same loss, w.r.t. the actor outputs, the head parameters and the values.
 */
class PpoGradientTest {

    private static final int N = 5;
    private static final double CLIP = 0.2;
    private static final double ENT = 0.05;
    private static final double VF = 0.5;

    private record Batch(float[] actions, float[] oldLogProbs, float[] advantages, float[] oldValues, float[] returns) {
    }

    private static double loss(ActionHead head, float[] outputs, float[] headParams, float[] values, Batch b) {
        float[] logp = new float[N];
        double entropy = head.logProbs(outputs, b.actions, N, headParams, logp);
        double policy = PpoLoss.clippedSurrogate(logp, b.oldLogProbs, b.advantages, N, CLIP, new float[N]).loss();
        double value = PpoLoss.valueLoss(values, b.oldValues, b.returns, N, 0.3, new float[N]);
        return policy - ENT * entropy + VF * value;
    }

    private static void check(ActionHead head, float[] outputs, float[] headParams, Batch b) {
        Rng rng = new Rng(9);
        float[] values = new float[N];
        for (int i = 0; i < N; i++) {
            values[i] = (float) (b.oldValues[i] + 0.2 * rng.nextGaussian());
        }
        float[] logp = new float[N];
        head.logProbs(outputs, b.actions, N, headParams, logp);
        float[] dLogp = new float[N];
        PpoLoss.clippedSurrogate(logp, b.oldLogProbs, b.advantages, N, CLIP, dLogp);
        float[] dValues = new float[N];
        PpoLoss.valueLoss(values, b.oldValues, b.returns, N, 0.3, dValues);
        float[] dOutputs = new float[outputs.length];
        float[] dHead = new float[headParams.length];
        head.backward(outputs, b.actions, N, headParams, dLogp, ENT, dOutputs, dHead);

        double eps = 1e-3;
        for (int k = 0; k < outputs.length; k++) {
            assertEquals(numeric(head, outputs, headParams, outputs, k, values, b, eps), dOutputs[k], 2e-3, "d/d output " + k);
        }
        for (int k = 0; k < headParams.length; k++) {
            assertEquals(numeric(head, outputs, headParams, headParams, k, values, b, eps), dHead[k], 2e-3,
                    "d/d head parameter " + k);
        }
        for (int k = 0; k < N; k++) {
            float saved = values[k];
            values[k] = (float) (saved + eps);
            double plus = loss(head, outputs, headParams, values, b);
            values[k] = (float) (saved - eps);
            double minus = loss(head, outputs, headParams, values, b);
            values[k] = saved;
            assertEquals((plus - minus) / (2 * eps), VF * dValues[k], 2e-3, "d/d value " + k);
        }
    }

    /** Central difference of the loss in {@code varied[k]}, {@code varied} being outputs or headParams. */
    private static double numeric(ActionHead head, float[] outputs, float[] headParams, float[] varied, int k,
            float[] values, Batch b, double eps) {
        float saved = varied[k];
        varied[k] = (float) (saved + eps);
        double plus = loss(head, outputs, headParams, values, b);
        varied[k] = (float) (saved - eps);
        double minus = loss(head, outputs, headParams, values, b);
        varied[k] = saved;
        return (plus - minus) / (2 * eps);
    }

    private static Batch batch(float[] actions, Rng rng) {
        float[] old = new float[N];
        float[] adv = new float[N];
        float[] oldValues = new float[N];
        float[] returns = new float[N];
        for (int i = 0; i < N; i++) {
            old[i] = (float) (-1 + 0.3 * rng.nextGaussian());
            adv[i] = (float) rng.nextGaussian();
            oldValues[i] = (float) rng.nextGaussian();
            returns[i] = (float) rng.nextGaussian();
        }
        return new Batch(actions, old, adv, oldValues, returns);
    }

    @Test
    void categoricalHead() {
        Rng rng = new Rng(1);
        CategoricalHead head = new CategoricalHead(3);
        float[] logits = new float[N * 3];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (0.5 * rng.nextGaussian());
        }
        float[] actions = {0, 2, 1, 1, 0};
        check(head, logits, new float[0], batch(actions, rng));
    }

    @Test
    void gaussianHead() {
        Rng rng = new Rng(2);
        GaussianHead head = new GaussianHead(2, 0.0);
        float[] means = new float[N * 2];
        float[] actions = new float[N * 2];
        for (int i = 0; i < means.length; i++) {
            means[i] = (float) (0.3 * rng.nextGaussian());
            actions[i] = (float) (means[i] + 0.8 * rng.nextGaussian());
        }
        check(head, means, new float[] {-0.2f, 0.1f}, batch(actions, rng));
    }
}
