package io.github.jrl.algorithms.preference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.algorithms.preference.RewardEnsemble.Aggregation;
import io.github.jrl.algorithms.preference.RewardModelTrainer.Comparison;
import io.github.jrl.core.policy.RewardModel;
import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.nn.TransformerSpec;
import io.github.jrl.nd4j.reward.SequenceRewardNetwork;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RewardModelTest {

    @Test
    void bradleyTerryByHandAndByFiniteDifferences() {
        double[] dc = new double[2];
        double[] dr = new double[2];
        // margins 1 and -2: (log(1 + e^-1) + log(1 + e^2)) / 2
        double loss = BradleyTerryLoss.loss(new double[] {1, 0}, new double[] {0, 2}, 2, dc, dr);
        assertEquals((0.31326168751822286 + 2.1269280110429727) / 2, loss, 1e-12);
        assertEquals(-0.2689414213699951 / 2, dc[0], 1e-12);
        assertEquals(0.8807970779778823 / 2, dr[1], 1e-12);
        double fd = (BradleyTerryLoss.loss(new double[] {1 + 1e-6, 0}, new double[] {0, 2}, 2, new double[2], new double[2])
                - BradleyTerryLoss.loss(new double[] {1 - 1e-6, 0}, new double[] {0, 2}, 2, new double[2], new double[2]))
                / 2e-6;
        assertEquals(fd, dc[0], 1e-8);
        assertEquals(0.5, BradleyTerryLoss.accuracy(new double[] {1, 0}, new double[] {0, 2}, 2));
    }

    @Test
    void ensembleAggregationsByHand() {
        double[] members = {1, 2, 6};
        assertEquals(3, RewardEnsemble.aggregate(Aggregation.MEAN, 0, members), 1e-12);
        assertEquals(1, RewardEnsemble.aggregate(Aggregation.WORST_CASE, 0, members), 1e-12);
        // population variance (4 + 1 + 9) / 3; UWO with lambda 0.5
        assertEquals(3 - 0.5 * 14.0 / 3, RewardEnsemble.aggregate(Aggregation.UNCERTAINTY_WEIGHTED, 0.5, members), 1e-12);

        BatchRewardModel<String> a = fixed(List.of("x", "y"), new double[] {1, 10});
        BatchRewardModel<String> b = fixed(List.of("x", "y"), new double[] {3, 4});
        RewardEnsemble<String> ensemble = new RewardEnsemble<>(List.of(a, b), Aggregation.WORST_CASE, 0);
        assertArrayEquals(new double[] {1, 4}, ensemble.score("anything"), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new RewardEnsemble<>(List.of(a), Aggregation.MEAN, 0));

        // standardised on two inputs: member "shifted" is 3 x member "base" + 100, so they agree exactly
        BatchRewardModel<Double> base = affine(1, 0);
        BatchRewardModel<Double> shifted = affine(3, 100);
        RewardEnsemble<Double> raw = new RewardEnsemble<>(List.of(base, shifted), Aggregation.UNCERTAINTY_WEIGHTED, 1);
        assertEquals(0.5 * (2 + 106) - 52 * 52, raw.score(2.0)[0], 1e-9);
        RewardEnsemble<Double> standardized = raw.standardizedOn(List.of(0.0, 4.0));
        // over {0, 4} each member has mean 2 (resp. 106) and std 2 (resp. 6): 2.0 maps to 0 for both
        assertEquals(0, standardized.score(2.0)[0], 1e-12);
        assertEquals(1, standardized.score(4.0)[0], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> raw.standardizedOn(List.of(1.0, 1.0)));
        assertThrows(IllegalArgumentException.class,
                () -> new RewardEnsemble<>(List.of(a, fixed(List.of("z", "y"), new double[2])), Aggregation.MEAN, 0));
    }

    /** A one-component model scoring {@code x} as {@code scale x + shift}. */
    private static BatchRewardModel<Double> affine(double scale, double shift) {
        return BatchRewardModel.of(new RewardModel<Double>() {
            @Override
            public List<String> rewardNames() {
                return List.of("r");
            }

            @Override
            public double[] score(Double input) {
                return new double[] {scale * input + shift};
            }
        });
    }

    private static BatchRewardModel<String> fixed(List<String> names, double[] values) {
        return BatchRewardModel.of(new RewardModel<String>() {
            @Override
            public List<String> rewardNames() {
                return names;
            }

            @Override
            public double[] score(String input) {
                return values.clone();
            }
        });
    }

    /**
     * A two-head model learns two synthetic objectives from labelled pairs: head 0 prefers
     * completions that repeat the prompt's last token, head 1 prefers shorter completions.
     * Held-out pairwise accuracy of each head is high after a few seconds of training.
     */
    @Test
    void aMultiHeadModelLearnsTwoObjectives() {
        Rng rng = new Rng(11);
        List<Comparison> train = comparisons(rng, 400);
        List<Comparison> heldOut = comparisons(rng, 200);
        SequenceRewardNetwork network = new SequenceRewardNetwork(new TransformerSpec(8, 8, 16, 2, 1, 32), 2, new Rng(3));
        RewardModelTrainer trainer = new RewardModelTrainer(network, 3e-3, 32, 1.0, 5);
        double before = RewardModelTrainer.pairwiseAccuracy(network, heldOut);
        trainer.train(train, 8);
        double after = RewardModelTrainer.pairwiseAccuracy(network, heldOut);
        assertTrue(after >= 0.9 && after > before, "held-out pairwise accuracy " + before + " -> " + after);
        LearnedRewardModel model = new LearnedRewardModel(network, List.of("match", "brevity"));
        assertEquals(2, model.score(new TokenCompletion(new int[] {1, 4}, new int[] {4, 2})).length);
        assertThrows(IllegalArgumentException.class, () -> new LearnedRewardModel(network, List.of("one")));
    }

    /** More comparisons than one forward pass takes: the chunked accuracy counts each pair as scoring it alone does. */
    @Test
    void pairwiseAccuracyOfManyComparisonsCountsEveryPair() {
        List<Comparison> many = comparisons(new Rng(12), 2500);
        SequenceRewardNetwork network = new SequenceRewardNetwork(new TransformerSpec(8, 8, 16, 2, 1, 32), 2, new Rng(4));
        LearnedRewardModel model = new LearnedRewardModel(network, List.of("match", "brevity"));
        int correct = 0;
        for (Comparison c : many) {
            double chosen = model.score(new TokenCompletion(c.pair().prompt(), c.pair().chosen()))[c.objective()];
            double rejected = model.score(new TokenCompletion(c.pair().prompt(), c.pair().rejected()))[c.objective()];
            correct += chosen > rejected ? 1 : 0;
        }
        assertEquals(correct / 2500.0, RewardModelTrainer.pairwiseAccuracy(network, many), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> RewardModelTrainer.pairwiseAccuracy(network, List.of()));
    }

    private static List<Comparison> comparisons(Rng rng, int count) {
        List<Comparison> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int last = 4 + rng.nextInt(4);
            int[] prompt = {1, 4 + rng.nextInt(4), last};
            int other = 4 + (last - 4 + 1 + rng.nextInt(3)) % 4;
            if (i % 2 == 0) {
                list.add(new Comparison(new TokenPair(prompt, new int[] {last, 2}, new int[] {other, 2}), 0));
            } else {
                list.add(new Comparison(new TokenPair(prompt, new int[] {other, 2}, new int[] {other, other, 2}), 1));
            }
        }
        return list;
    }
}
