package io.github.jrl.core.callbacks;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.policy.Policy;
import io.github.jrl.core.random.Rng;

/**
 * Runs a policy for whole episodes and reports their returns, as Stable-Baselines3's
 * {@code evaluate_policy}. The environment is reset with {@code seed} before the first episode and
 * continues its own generator for the next ones (Gymnasium's seeding), so the same seed gives the
 * same episodes. The environment must end its episodes (a time limit, as registered envs have)
 * and is used as given: evaluate on an instance of its own, with normalisation statistics frozen
 * if it has any.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * Runs {@code episodes} episodes of {@code policy} on {@code env}.
     *
     * @param deterministic act with {@link Policy#actDeterministic} (the mode); otherwise sample with
     *        {@link Policy#act} from a generator derived from {@code seed}
     * @throws IllegalArgumentException if {@code episodes < 1} or the env has vector rewards
     */
    public static <O, A> EvaluationResult evaluate(Policy<O, A> policy, Environment<O, A> env, int episodes,
            boolean deterministic, long seed) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        }
        if (env.rewardDim() != 1) {
            throw new IllegalArgumentException(env.id() + " has " + env.rewardDim()
                    + " reward components; evaluate a scalarised env (e.g. wrapped in LinearScalarization)");
        }
        // a stream of its own: the env's generator is seeded with seed itself
        Rng actionRng = Rng.forStream(seed, 1);
        double[] returns = new double[episodes];
        int[] lengths = new int[episodes];
        O observation = env.reset(seed).observation();
        for (int episode = 0; episode < episodes; episode++) {
            if (episode > 0) {
                observation = env.reset().observation();
            }
            while (true) {
                A action = deterministic ? policy.actDeterministic(observation) : policy.act(observation, actionRng);
                Step<O> step = env.step(action);
                returns[episode] += step.reward();
                lengths[episode]++;
                if (step.done()) {
                    break;
                }
                observation = step.observation();
            }
        }
        return new EvaluationResult(returns, lengths);
    }
}
