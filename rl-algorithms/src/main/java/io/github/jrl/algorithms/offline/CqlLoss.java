package io.github.jrl.algorithms.offline;

import static io.github.jrl.algorithms.offline.IqlLoss.requireFinite;

/**
 * CQL's losses as pure functions of float arrays (Kumar et al. 2020, "Conservative Q-Learning for
 * Offline Reinforcement Learning"), each returning its value and adding or writing its gradient:
 * the continuous CQL(H) gap with importance-sampled log-sum-exp (appendix F, as CORL's
 * {@code algorithms/offline/cql.py} after Geng's reference {@code young-geng/CQL}), its Lagrangian
 * weight (eq. 30 of the paper's appendix; CORL's {@code cql_lagrange}), and discrete CQL on a
 * double-DQN critic (d3rlpy's {@code DiscreteCQL}): the log-sum-exp over actions minus the data
 * action's value, beside a Huber TD loss.
 */
public final class CqlLoss {

    /** CORL's upper clamp of the Lagrangian weight {@code alpha'}. */
    static final double MAX_ALPHA_PRIME = 1e6;

    private CqlLoss() {
    }

    /**
     * One critic's CQL(H) gap {@code mean_i clamp(T logsumexp_j((q_ij - logDensity_ij) / T) - qData_i,
     * clipMin, clipMax)} over {@code m} sampled actions per row ({@code qSampled} and
     * {@code logDensities} are {@code n x m}): with importance sampling the proposal's log density
     * is subtracted ({@code log 0.5^d} for uniform actions, {@code log pi} for the policy's), so
     * the log-sum-exp estimates {@code log integral exp Q(s, a) da}. {@code temperature} is CORL's
     * {@code cql_temp}. <em>Adds</em> {@code scale} times the gradient to {@code dData} ({@code n})
     * and {@code dSampled} ({@code n x m}), where the TD regression's gradient already is; a
     * clipped row contributes none, as {@code torch.clamp}.
     */
    public static double conservativeGap(float[] qData, float[] qSampled, float[] logDensities, int n, int m,
            double temperature, double clipMin, double clipMax, double scale, float[] dData, float[] dSampled) {
        double[] shifted = new double[m];
        double gap = 0;
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                shifted[j] = ((double) qSampled[i * m + j] - logDensities[i * m + j]) / temperature;
                max = Math.max(max, shifted[j]);
            }
            double sum = 0;
            for (int j = 0; j < m; j++) {
                sum += Math.exp(shifted[j] - max);
            }
            double raw = temperature * (max + Math.log(sum)) - qData[i];
            boolean clipped = raw < clipMin || raw > clipMax;
            gap += Math.max(clipMin, Math.min(clipMax, raw));
            if (!clipped) {
                for (int j = 0; j < m; j++) {
                    dSampled[i * m + j] += (float) (scale * Math.exp(shifted[j] - max) / sum / n);
                }
                dData[i] += (float) (-scale / n);
            }
        }
        return requireFinite(gap / n, "CQL gap");
    }

    /** The Lagrangian weight's loss and its gradient w.r.t. {@code log alpha'}. */
    public record LagrangeTerm(double alphaPrime, double loss, double gradient) {
    }

    /**
     * CQL-Lagrange (the paper's eq. 30; CORL's {@code cql_lagrange}): the conservative weight is
     * {@code alpha' * cqlAlpha} with {@code alpha' = clamp(exp(logAlphaPrime), 0, 1e6)}, and
     * {@code alpha'} ascends {@code cqlAlpha alpha' (gap - targetGap)}, i.e. minimises
     * {@code -0.5 cqlAlpha alpha' ((gap1 - targetGap) + (gap2 - targetGap))}: it grows while the
     * critics' gaps exceed the target and shrinks below it. The gradient is w.r.t.
     * {@code logAlphaPrime} (0 where the clamp is active).
     */
    public static LagrangeTerm lagrange(double logAlphaPrime, double cqlAlpha, double gap1, double gap2,
            double targetGap) {
        double alphaPrime = alphaPrime(logAlphaPrime);
        double loss = -0.5 * cqlAlpha * alphaPrime * ((gap1 - targetGap) + (gap2 - targetGap));
        return new LagrangeTerm(alphaPrime, loss, Math.exp(logAlphaPrime) > MAX_ALPHA_PRIME ? 0 : loss);
    }

    /** {@code clamp(exp(logAlphaPrime), 0, 1e6)}, CORL's {@code alpha_prime}. */
    public static double alphaPrime(double logAlphaPrime) {
        return Math.min(Math.exp(logAlphaPrime), MAX_ALPHA_PRIME);
    }

    /**
     * Discrete CQL's term {@code mean_i(logsumexp_a q(s_i, a) - q(s_i, a_i))} (Kumar et al. 2020,
     * eq. 4 for a finite action set; d3rlpy's {@code DiscreteCQLImpl._compute_conservative_loss}).
     * {@code q} is {@code n x numActions}; <em>adds</em>
     * {@code scale (softmax(q_i) - onehot(a_i)) / n} to {@code dQ}.
     */
    public static double discreteGap(float[] q, float[] actions, int n, int numActions, double scale, float[] dQ) {
        double gap = 0;
        for (int i = 0; i < n; i++) {
            int row = i * numActions;
            double max = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < numActions; a++) {
                max = Math.max(max, q[row + a]);
            }
            double sum = 0;
            for (int a = 0; a < numActions; a++) {
                sum += Math.exp(q[row + a] - max);
            }
            int action = (int) actions[i];
            gap += max + Math.log(sum) - q[row + action];
            for (int a = 0; a < numActions; a++) {
                double softmax = Math.exp(q[row + a] - max) / sum;
                dQ[row + a] += (float) (scale * (softmax - (a == action ? 1 : 0)) / n);
            }
        }
        return requireFinite(gap / n, "discrete CQL gap");
    }

    /**
     * Double-DQN targets {@code y = r + gamma (1 - terminated) qTarget(s', argmax_a qOnline(s', a))}
     * (van Hasselt et al. 2016; d3rlpy's {@code DoubleDQNImpl.compute_target}, which
     * {@code DiscreteCQL} extends); the first maximum wins ties, as {@code argmax}. Truncated
     * transitions bootstrap.
     */
    public static void doubleDqnTargets(float[] rewards, boolean[] terminated, float[] nextQOnline,
            float[] nextQTarget, int n, int numActions, double gamma, float[] targets) {
        for (int i = 0; i < n; i++) {
            int row = i * numActions;
            int best = 0;
            for (int a = 1; a < numActions; a++) {
                if (nextQOnline[row + a] > nextQOnline[row + best]) {
                    best = a;
                }
            }
            targets[i] = (float) (rewards[i] + (terminated[i] ? 0 : gamma * nextQTarget[row + best]));
        }
    }

    /**
     * The Huber TD loss {@code mean(huber(q(s_i, a_i) - y_i))} with threshold 1 (d3rlpy's
     * {@code compute_huber_loss}, which its discrete Q-functions use). {@code q} is
     * {@code n x numActions}; <em>writes</em> the gradient into {@code dQ} (zero off the data
     * actions).
     */
    public static double huberTd(float[] q, float[] actions, float[] targets, int n, int numActions, float[] dQ) {
        java.util.Arrays.fill(dQ, 0, n * numActions, 0f);
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int j = i * numActions + (int) actions[i];
            double error = q[j] - targets[i];
            double magnitude = Math.abs(error);
            loss += magnitude < 1 ? 0.5 * error * error : magnitude - 0.5;
            dQ[j] = (float) ((magnitude < 1 ? error : Math.signum(error)) / n);
        }
        return requireFinite(loss / n, "discrete CQL TD loss");
    }
}
