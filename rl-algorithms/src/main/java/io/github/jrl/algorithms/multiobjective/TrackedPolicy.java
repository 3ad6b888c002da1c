package io.github.jrl.algorithms.multiobjective;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.Step;
import java.util.List;

/**
 * Follows one vector of a {@link ParetoQLearning} front back to actions: the paper's policy
 * tracking (Van Moffaert and Nowé 2014). In each state it takes the action {@code a}
 * and future vector {@code q in ND(s, a)} whose Q-vector {@code R(s, a) + gamma * q} is nearest
 * (L1) to the current target, and {@code q} becomes the next target. Under deterministic
 * transitions the chosen vector matches the target exactly, so the episode returns it.
 *
 * <p>Stateful: the target moves along the episode; {@link #reset()} restores the initial one.
 * It reads the learner's current tables, so learning between steps changes what it follows.
 *
 * @param <O> observation type
 */
public final class TrackedPolicy<O> {

    private final ParetoQLearning<O> learner;
    private final double[] initialTarget;
    private double[] target;

    TrackedPolicy(ParetoQLearning<O> learner, double[] target) {
        this.learner = learner;
        this.initialTarget = target.clone();
        this.target = initialTarget;
    }

    /** The vector the rest of the episode is expected to return. */
    public double[] target() {
        return target.clone();
    }

    /** Restores the initial target, for a new episode. */
    public void reset() {
        target = initialTarget;
    }

    /**
     * The action that keeps following the target from {@code observation}; moves the target on.
     * Ties go to the lowest action and the first vector.
     *
     * @throws IllegalArgumentException if the learner never visited {@code observation}
     */
    public int act(O observation) {
        int state = learner.existingStateId(observation);
        double bestDistance = Double.POSITIVE_INFINITY;
        int bestAction = 0;
        double[] nextTarget = target;
        for (int a = 0; a < learner.numActions(); a++) {
            double[] reward = learner.meanReward(state, a);
            List<double[]> future = learner.futureSet(state, a);
            for (double[] q : future) {
                double distance = 0;
                for (int k = 0; k < q.length; k++) {
                    distance += Math.abs(reward[k] + learner.gamma() * q[k] - target[k]);
                }
                if (distance < bestDistance) {
                    bestDistance = distance;
                    bestAction = a;
                    nextTarget = q;
                }
            }
        }
        target = nextTarget;
        return bestAction;
    }

    /**
     * Plays one episode on {@code env} from {@code reset(seed)} with the initial target and returns
     * the undiscounted sum of its reward vectors. The environment must end its episodes (a time
     * limit, as registered environments have).
     */
    public double[] episodeReturn(Environment<O, Integer> env, long seed) {
        reset();
        double[] total = new double[target.length];
        O observation = env.reset(seed).observation();
        while (true) {
            Step<O> step = env.step(act(observation));
            for (int k = 0; k < total.length; k++) {
                total[k] += step.reward(k);
            }
            if (step.done()) {
                return total;
            }
            observation = step.observation();
        }
    }
}
