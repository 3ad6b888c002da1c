package io.github.jrl.envs.toytext;

/**
 * One outcome of taking an action in a state of a tabular environment: an entry of the lists in
 * Gymnasium's {@code P[state][action]}, which hold {@code (probability, next_state, reward,
 * terminated)} tuples.
 *
 * @param probability probability of this outcome, in {@code [0, 1]}
 * @param nextState the state the environment moves to
 * @param reward the reward received on this outcome
 * @param terminated whether the episode terminates on this outcome
 */
public record Transition(double probability, int nextState, double reward, boolean terminated) {

    public Transition {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("transition probability must be in [0, 1], got " + probability);
        }
        if (nextState < 0) {
            throw new IllegalArgumentException("next state must be a non-negative index, got " + nextState);
        }
        if (!Double.isFinite(reward)) {
            throw new IllegalArgumentException("transition reward must be finite, got " + reward);
        }
    }
}
