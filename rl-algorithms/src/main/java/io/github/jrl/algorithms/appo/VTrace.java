package io.github.jrl.algorithms.appo;

/**
 * V-trace off-policy targets (Espeholt et al. 2018, "IMPALA: Scalable Distributed Deep-RL with
 * Importance Weighted Actor-Learner Architectures", eq. 1 and section 4.2), as a pure function of
 * float arrays laid out like {@link io.github.jrl.core.buffer.RolloutBuffer}: {@code numSteps}
 * steps of {@code numEnvs} copies, row {@code t * numEnvs + i}.
 *
 * <pre>
 * rho_t   = pi(a_t|x_t) / mu(a_t|x_t)                      (target over behaviour policy)
 * delta_t = min(rhoBar, rho_t) (r_t + gamma V(x_{t+1}) - V(x_t))
 * v_t     = V(x_t) + delta_t + gamma lambda min(cBar, rho_t) (v_{t+1} - V(x_{t+1}))
 * A_t     = min(pgRhoBar, rho_t) (r_t + gamma v_{t+1} - V(x_t))   (policy-gradient advantage, eq. 4)
 * </pre>
 *
 * computed backwards per copy. The trace uses {@code c_t = lambda min(cBar, rho_t)}, the paper's
 * remark in section 4.2; with {@code lambda = 1} it is eq. 1 itself. Defaults of the paper and of
 * RLlib's {@code vtrace_torch} ({@code clip_rho_threshold}, {@code clip_pg_rho_threshold}): all
 * three thresholds 1.0.
 *
 * <p>Episode ends follow the rollout buffer's convention: {@code dones[t]} cuts the trace after
 * step {@code t} (nothing flows back across it, and {@code V(x_{t+1})} counts as 0), and a
 * truncated step's reward already holds {@code r + gamma V(final observation)}, which the
 * collector adds ({@link io.github.jrl.algorithms.onpolicy.RolloutCollector}). So a terminated
 * episode ends on its reward alone and a truncated one on its bootstrapped reward. After the last
 * step the trace bootstraps from {@code lastValues} (the value of the observation that follows
 * the rollout, per copy).
 *
 * <p>On-policy ({@code rho = 1}) and with the thresholds at 1, {@code v_t} is exactly the
 * GAE(lambda) return {@code A^GAE_t + V(x_t)} of the rollout buffer, and with {@code lambda = 1}
 * the advantage is the GAE(1) advantage, the discounted n-step return minus {@code V(x_t)}.
 */
public final class VTrace {

    private VTrace() {
    }

    /** The truncation levels of the importance weights; the paper requires {@code rhoBar >= cBar}. */
    public record Thresholds(double rhoBar, double cBar, double pgRhoBar) {

        /** The paper's and RLlib's defaults: 1.0 each. */
        public static final Thresholds DEFAULT = new Thresholds(1.0, 1.0, 1.0);

        public Thresholds {
            if (!(rhoBar > 0) || !(cBar > 0) || !(pgRhoBar > 0) || Double.isInfinite(rhoBar)
                    || Double.isInfinite(cBar) || Double.isInfinite(pgRhoBar)) {
                throw new IllegalArgumentException("V-trace thresholds must be finite and positive, got rhoBar=" + rhoBar
                        + ", cBar=" + cBar + ", pgRhoBar=" + pgRhoBar);
            }
            if (rhoBar < cBar) {
                throw new IllegalArgumentException("V-trace needs rhoBar >= cBar (Espeholt et al. 2018, section 4.1), got "
                        + rhoBar + " < " + cBar);
            }
        }
    }

    /** Mean statistics of the importance weights of one computation, for metrics. */
    public record Statistics(double meanRho, double clippedRhoFraction) {
    }

    /**
     * Writes the V-trace targets {@code v_t} into {@code vs} and the policy-gradient advantages into
     * {@code advantages} ({@code numSteps * numEnvs} rows each).
     *
     * @param logRhos {@code log pi(a_t|x_t) - log mu(a_t|x_t)} per row
     * @param values {@code V(x_t)} of the critic being trained, per row
     * @param lastValues {@code V} of the observation after the last step, per copy
     * @throws IllegalArgumentException if an array does not have {@code numSteps * numEnvs} rows
     *         ({@code numEnvs} for {@code lastValues}), or gamma or lambda is outside [0, 1]
     */
    public static Statistics compute(int numSteps, int numEnvs, float[] logRhos, float[] rewards, boolean[] dones,
            float[] values, float[] lastValues, double gamma, double lambda, Thresholds thresholds, float[] vs,
            float[] advantages) {
        if (numSteps <= 0 || numEnvs <= 0) {
            throw new IllegalArgumentException("V-trace needs positive steps and copies, got " + numSteps + " x " + numEnvs);
        }
        int rows = numSteps * numEnvs;
        if (logRhos.length < rows || rewards.length < rows || dones.length < rows || values.length < rows
                || vs.length < rows || advantages.length < rows || lastValues.length < numEnvs) {
            throw new IllegalArgumentException("V-trace over " + numSteps + " steps x " + numEnvs + " copies needs " + rows
                    + " rows in logRhos, rewards, dones, values, vs and advantages and " + numEnvs
                    + " last values; got " + logRhos.length + ", " + rewards.length + ", " + dones.length + ", "
                    + values.length + ", " + vs.length + ", " + advantages.length + " and " + lastValues.length);
        }
        if (!(gamma >= 0 && gamma <= 1) || !(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("gamma and lambda must be in [0, 1], got " + gamma + " and " + lambda);
        }
        double rhoSum = 0;
        int clipped = 0;
        for (int i = 0; i < numEnvs; i++) {
            // v_{t+1} - V(x_{t+1}), and v_{t+1} itself, of the step after the current one
            double nextCorrection = 0;
            double nextTarget = lastValues[i];
            double nextValue = lastValues[i];
            for (int t = numSteps - 1; t >= 0; t--) {
                int row = t * numEnvs + i;
                double continues = dones[row] ? 0 : 1;
                double rho = Math.exp(logRhos[row]);
                rhoSum += rho;
                if (rho > thresholds.rhoBar()) {
                    clipped++;
                }
                double value = values[row];
                double reward = rewards[row];
                double delta = Math.min(thresholds.rhoBar(), rho) * (reward + gamma * continues * nextValue - value);
                double correction = delta + gamma * continues * lambda * Math.min(thresholds.cBar(), rho) * nextCorrection;
                advantages[row] = (float) (Math.min(thresholds.pgRhoBar(), rho)
                        * (reward + gamma * continues * nextTarget - value));
                vs[row] = (float) (value + correction);
                nextCorrection = correction;
                nextTarget = value + correction;
                nextValue = value;
            }
        }
        return new Statistics(rhoSum / rows, (double) clipped / rows);
    }
}
