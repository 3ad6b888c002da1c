package io.github.jrl.algorithms.preference;

import io.github.jrl.nd4j.reward.SequenceRewardNetwork;
import java.util.List;

/**
 * A trained {@link SequenceRewardNetwork} as a {@link io.github.jrl.core.policy.RewardModel}: one
 * named reward per head (a Bradley–Terry model has one; a multi-head model one per objective,
 * e.g. {@code [correctness, format]}). Scores read the network's current parameters.
 */
public final class LearnedRewardModel implements BatchRewardModel<TokenCompletion> {

    private final SequenceRewardNetwork network;
    private final List<String> names;

    /**
     * @throws IllegalArgumentException if the number of names differs from the network's heads
     */
    public LearnedRewardModel(SequenceRewardNetwork network, List<String> names) {
        if (names.size() != network.heads()) {
            throw new IllegalArgumentException("need one reward name per head: " + network.heads() + " heads, got names "
                    + names);
        }
        this.network = network;
        this.names = List.copyOf(names);
    }

    public SequenceRewardNetwork network() {
        return network;
    }

    @Override
    public List<String> rewardNames() {
        return names;
    }

    @Override
    public double[] score(TokenCompletion input) {
        return scoreAll(List.of(input))[0];
    }

    @Override
    public double[][] scoreAll(List<TokenCompletion> inputs) {
        double[][] scores = new double[inputs.size()][names.size()];
        if (inputs.isEmpty()) {
            return scores;
        }
        int[][] prompts = new int[inputs.size()][];
        int[][] completions = new int[inputs.size()][];
        for (int i = 0; i < prompts.length; i++) {
            prompts[i] = inputs.get(i).prompt();
            completions[i] = inputs.get(i).completion();
        }
        float[] rewards = network.forward(prompts, completions);
        for (int i = 0; i < prompts.length; i++) {
            for (int h = 0; h < names.size(); h++) {
                scores[i][h] = rewards[i * names.size() + h];
            }
        }
        return scores;
    }
}
