package io.github.jrl.algorithms.grpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.algorithms.preference.BatchRewardModel;
import io.github.jrl.algorithms.preference.LearnedRewardModel;
import io.github.jrl.algorithms.preference.TokenCompletion;
import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.nn.TransformerSpec;
import io.github.jrl.nd4j.reward.SequenceRewardNetwork;
import io.github.jrl.nd4j.token.TokenPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GRPO with a reward model in place of a verifier: a batch model scores each generation batch in one call. */
class RewardModelGrpoTest {

    private static final TransformerSpec SPEC = new TransformerSpec(8, 8, 16, 2, 1, 32);
    private static final int EOS = 2;

    /** Rewards the number of tokens equal to the prompt's last one, counting its calls. */
    private static final class RepeatCounter implements BatchRewardModel<TokenCompletion> {
        final List<Integer> batchSizes = new ArrayList<>();

        @Override
        public List<String> rewardNames() {
            return List.of("repeats");
        }

        @Override
        public double[] score(TokenCompletion input) {
            throw new AssertionError("GRPO must score the whole batch through scoreAll");
        }

        @Override
        public double[][] scoreAll(List<TokenCompletion> inputs) {
            batchSizes.add(inputs.size());
            double[][] scores = new double[inputs.size()][1];
            for (int i = 0; i < scores.length; i++) {
                int last = inputs.get(i).prompt()[inputs.get(i).prompt().length - 1];
                for (int t : inputs.get(i).completion()) {
                    scores[i][0] += t == last ? 1 : 0;
                }
            }
            return scores;
        }
    }

    private static CompletionTask<int[], TokenCompletion> task(BatchRewardModel<TokenCompletion> model) {
        return new CompletionTask<>(List.of(new int[] {1, 4}, new int[] {1, 5}, new int[] {1, 6}), p -> p,
                TokenCompletion::new, model);
    }

    private static GrpoConfig config() {
        return GrpoConfig.builder().numGenerations(4).promptsPerBatch(3).maxCompletionLength(4).learningRate(3e-3).seed(1)
                .build();
    }

    @Test
    void aBatchRewardModelScoresEachGenerationBatchInOneCall() {
        RepeatCounter model = new RepeatCounter();
        Grpo<int[], TokenCompletion> grpo = new Grpo<>(config(), new TokenPolicy(SPEC, new Rng(2)), task(model), EOS);
        grpo.learn(3 * 12L);
        assertEquals(List.of(12, 12, 12), model.batchSizes);
        double[] means = CompletionEvaluation.greedyMeans(grpo.policy().tokenPolicy(), task(model), 4, EOS);
        assertEquals(1, means.length);
        assertEquals(List.of(12, 12, 12, 3), model.batchSizes, "evaluation scores its prompts in one call too");
    }

    @Test
    void aLearnedRewardModelDrivesGrpo() {
        SequenceRewardNetwork network = new SequenceRewardNetwork(SPEC, 1, new Rng(3));
        LearnedRewardModel model = new LearnedRewardModel(network, List.of("reward"));
        Grpo<int[], TokenCompletion> grpo = new Grpo<>(config(), new TokenPolicy(SPEC, new Rng(2)), task(model), EOS);
        grpo.learn(12L);
        assertEquals(1, grpo.updates());
        assertTrue(grpo.latestMetrics().containsKey("rewards/reward/mean"), grpo.latestMetrics().toString());
    }
}
