package io.github.jrl.algorithms.preference;

import io.github.jrl.core.policy.RewardModel;
import java.util.List;

/**
 * A {@link RewardModel} that scores many inputs at once: a network scores a batch in one pass
 * ({@link LearnedRewardModel}); any other model scores them one by one ({@link #of}).
 *
 * @param <I> what is scored
 */
public interface BatchRewardModel<I> extends RewardModel<I> {

    /** The reward vectors of {@code inputs}, in order. */
    default double[][] scoreAll(List<I> inputs) {
        double[][] scores = new double[inputs.size()][];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = score(inputs.get(i));
        }
        return scores;
    }

    /** {@code model} as a batch model scoring one input at a time. */
    static <I> BatchRewardModel<I> of(RewardModel<I> model) {
        if (model instanceof BatchRewardModel<I> batch) {
            return batch;
        }
        return new BatchRewardModel<>() {
            @Override
            public List<String> rewardNames() {
                return model.rewardNames();
            }

            @Override
            public double[] score(I input) {
                return model.score(input);
            }
        };
    }
}
