package io.github.jrl.examples.bench;

import static io.github.jrl.examples.preference.TextPreferenceSetup.comparisons;
import static io.github.jrl.examples.preference.TextPreferenceSetup.testCursor;

import io.github.jrl.algorithms.preference.BatchRewardModel;
import io.github.jrl.algorithms.preference.BestOfN;
import io.github.jrl.algorithms.preference.Dpo;
import io.github.jrl.algorithms.preference.DpoConfig;
import io.github.jrl.algorithms.preference.LearnedRewardModel;
import io.github.jrl.algorithms.preference.PairGenerator;
import io.github.jrl.algorithms.preference.RewardEnsemble;
import io.github.jrl.algorithms.preference.RewardEnsemble.Aggregation;
import io.github.jrl.algorithms.preference.RewardModelTrainer;
import io.github.jrl.algorithms.preference.RewardModelTrainer.Comparison;
import io.github.jrl.algorithms.preference.TokenCompletion;
import io.github.jrl.core.metrics.MultiSink;
import io.github.jrl.core.random.Rng;
import io.github.jrl.envs.text.CharTokenizer;
import io.github.jrl.envs.text.Prompt;
import io.github.jrl.envs.text.PromptDataset;
import io.github.jrl.envs.text.PromptSplit;
import io.github.jrl.envs.text.TextRewards;
import io.github.jrl.examples.preference.PromptCursor;
import io.github.jrl.examples.preference.TextPreferenceSetup;
import io.github.jrl.nd4j.reward.SequenceRewardNetwork;
import io.github.jrl.nd4j.token.Sampling;
import io.github.jrl.nd4j.token.TokenPolicy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleBiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Issue 7's reward-model experiments on two-digit addition, from the SFT policy of
 * {@link TextPreferenceSetup}: (1) held-out pairwise accuracy of a Bradley–Terry model and of a
 * two-head (correctness, format) model trained on verifier-labelled pairs of the policy's samples;
 * (2) over-optimisation: iterative DPO driven by reward models trained on a length-biased
 * labeller, the proxy reward against the true (verifier) accuracy round by round, for one model
 * and for ensembles (worst-case, uncertainty-weighted), with a weak and a strong KL (DPO's beta).
 */
@Command(name = "reward-model", mixinStandardHelpOptions = true,
        description = "Reward-model accuracy and over-optimisation on two-digit addition; per-seed tables.")
public final class RewardModelBenchmark implements Callable<Integer> {

    @Option(names = "--seeds", defaultValue = "5", description = "Seeds 0..n-1 of the accuracy table (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--pairs", defaultValue = "6000", description = "Training pairs of a reward model, fewer if the training prompts run out (default: ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--epochs", defaultValue = "15", description = "Reward-model epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Reward-model learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--pairing", defaultValue = "BEST_VS_WORST",
            description = "Training pairs of the Bradley–Terry model: ${COMPLETION-CANDIDATES} (held-out pairs are always "
                    + "best vs worst of 4) (default: ${DEFAULT-VALUE}).")
    PairGenerator.Pairing pairing;

    @Option(names = "--samples", defaultValue = "4",
            description = "Samples per training prompt of the Bradley–Terry model (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--overopt-seeds", defaultValue = "1", description = "Seeds of the over-optimisation table (default: ${DEFAULT-VALUE}).")
    int overoptSeeds;

    @Option(names = "--length-bias", defaultValue = "0.5",
            description = "Flawed labeller: verifier score + this x completion length (default: ${DEFAULT-VALUE}).")
    double lengthBias;

    @Option(names = "--flawed-pairs", defaultValue = "300", description = "Training pairs of each flawed member (default: ${DEFAULT-VALUE}).")
    int flawedPairs;

    @Option(names = "--members", defaultValue = "3", description = "Ensemble members (default: ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--rounds", defaultValue = "6", description = "Iterative DPO rounds against the proxy (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--round-pairs", defaultValue = "128", description = "Pairs per round (default: ${DEFAULT-VALUE}).")
    int roundPairs;

    /** Samples per prompt of the best-of-N column. */
    private static final int BEST_OF = 8;

    private final TextPreferenceSetup setup = new TextPreferenceSetup(2, 1000, 0.2, 1000, 32, 1e-3, 500);

    @Override
    public Integer call() throws IOException {
        PromptDataset data = setup.dataset();
        TextRewards verifier = setup.rewards(data);
        System.out.printf(Locale.ROOT, "# Reward models on 2-digit addition, SFT policy as in bench dpo; %d training pairs (%s of %d "
                + "samples), %d epochs%n", pairs, pairing, samples, epochs);
        System.out.println("| seed | BT pairs (train / held-out) | BT held-out accuracy | 2-head: correctness acc. (pairs) "
                + "| 2-head: format acc. (pairs) | SFT greedy accuracy | best-of-" + BEST_OF + " by the BT model | seconds |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int seed = 0; seed < seeds; seed++) {
            accuracyRow(data, verifier, seed);
        }
        for (int seed = 0; seed < overoptSeeds; seed++) {
            overoptimisation(data, verifier, seed);
        }
        return 0;
    }

    private void accuracyRow(PromptDataset data, TextRewards verifier, long seed) {
        long start = System.nanoTime();
        TokenPolicy sft = setup.sftPolicy(data, seed);
        PairGenerator generator = setup.pairGenerator(data);
        Rng rng = new Rng(2000 + seed);
        TextPreferenceSetup.TrainedRewardModel bt = setup.trainRewardModel(data, sft,
                (p, c) -> TextPreferenceSetup.verifierScore(verifier, p, c), setup.pairGenerator(data, samples, pairing), pairs,
                epochs, learningRate, seed, rng);

        // two heads: each trained on the pairs that differ in its own objective
        List<Comparison> multiTrain = new ArrayList<>();
        List<Comparison> multiHeldOut = new ArrayList<>();
        for (int head = 0; head < 2; head++) {
            int objective = head;
            ToDoubleBiFunction<Prompt, int[]> one = (p, c) -> verifier.score(p, c)[objective];
            multiTrain.addAll(comparisons(setup.trainCursor(data).pairs(sft, generator, one, pairs / 2, rng), objective));
            multiHeldOut.addAll(comparisons(testCursor(data).pairs(sft, generator, one, Integer.MAX_VALUE, rng), objective));
        }
        SequenceRewardNetwork twoHeads = TextPreferenceSetup.rewardNetwork(sft, 2, seed);
        new RewardModelTrainer(twoHeads, learningRate, 32, 1.0, seed).train(multiTrain, epochs);
        String[] perHead = new String[2];
        for (int head = 0; head < 2; head++) {
            int objective = head;
            List<Comparison> own = multiHeldOut.stream().filter(c -> c.objective() == objective).toList();
            perHead[head] = own.isEmpty() ? "no pairs"
                    : String.format(Locale.ROOT, "%.3f (%d)", RewardModelTrainer.pairwiseAccuracy(twoHeads, own), own.size());
        }
        double bestOfN = bestOfNAccuracy(sft, data, verifier, new LearnedRewardModel(bt.network(), List.of("reward")), seed);
        System.out.printf(Locale.ROOT, "| %d | %d / %d | %.3f | %s | %s | %.3f | %.3f | %.0f |%n", seed, bt.trainPairs(),
                bt.heldOutPairs(), bt.accuracy(), perHead[0], perHead[1], setup.heldOutAccuracy(sft, data), bestOfN,
                (System.nanoTime() - start) / 1e9);
    }

    private void overoptimisation(PromptDataset data, TextRewards verifier, long seed) throws IOException {
        TokenPolicy sft = setup.sftPolicy(data, seed);
        PairGenerator generator = setup.pairGenerator(data);
        Rng rng = new Rng(3000 + seed);
        ToDoubleBiFunction<Prompt, int[]> flawed = (p, c) -> TextPreferenceSetup.verifierScore(verifier, p, c)
                + lengthBias * data.format().parse(c).length();
        PromptCursor cursor = setup.trainCursor(data);
        List<LearnedRewardModel> proxies = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            SequenceRewardNetwork network = TextPreferenceSetup.rewardNetwork(sft, 1, 100 * seed + m);
            new RewardModelTrainer(network, learningRate, 32, 1.0, 100 * seed + m)
                    .train(comparisons(cursor.pairs(sft, generator, flawed, flawedPairs, rng), 0), epochs);
            proxies.add(new LearnedRewardModel(network, List.of("proxy")));
        }
        System.out.printf(Locale.ROOT, "%n# Over-optimisation, seed %d: %d reward models trained on %d pairs each from a labeller "
                + "that adds %.2f x completion length to the verifier's score; iterative DPO (lr 1e-4, 2 epochs, reference "
                + "updated each round) on %d proxy-judged pairs per round.%n", seed, members, flawedPairs, lengthBias, roundPairs);
        System.out.println("| proxy | beta | round | proxy reward (optimised) | single-model proxy | true accuracy | mean length |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        // members are standardised on the SFT policy's samples of held-out prompts, the distribution they were trained on
        List<TokenCompletion> reference = setup.heldOutSamples(sft, data, new Rng(6000 + seed));
        record Variant(String name, BatchRewardModel<TokenCompletion> proxy, double beta) {
        }
        List<Variant> variants = List.of(new Variant("single", proxies.get(0), 0.1),
                new Variant("single", proxies.get(0), 1.0),
                new Variant("worst-case ensemble", new RewardEnsemble<>(proxies, Aggregation.WORST_CASE, 0)
                        .standardizedOn(reference), 0.1),
                new Variant("uncertainty-weighted ensemble (lambda 1)",
                        new RewardEnsemble<>(proxies, Aggregation.UNCERTAINTY_WEIGHTED, 1.0).standardizedOn(reference), 0.1));
        for (Variant variant : variants) {
            TokenPolicy policy = TextPreferenceSetup.trainableCopy(sft);
            Dpo dpo = new Dpo(DpoConfig.builder().beta(variant.beta()).learningRate(1e-4).epochs(2).batchSize(32).seed(seed)
                    .build(), policy, sft.frozenCopy());
            PromptCursor roundCursor = setup.trainCursor(data);
            Rng roundRng = new Rng(4000 + seed);
            ToDoubleBiFunction<Prompt, int[]> judge = (p, c) -> variant.proxy().score(new TokenCompletion(p.tokens(), c))[0];
            for (int round = 0; round <= rounds; round++) {
                if (round > 0) {
                    dpo.setReference(policy.frozenCopy());
                    dpo.train(roundCursor.pairs(policy, generator, judge, roundPairs, roundRng), new MultiSink());
                }
                double[] heldOut = heldOutRewards(policy, data, verifier, variant.proxy(), proxies.get(0));
                System.out.printf(Locale.ROOT, "| %s | %.1f | %d | %.3f | %.3f | %.3f | %.2f |%n", variant.name(), variant.beta(),
                        round, heldOut[0], heldOut[1], heldOut[2], heldOut[3]);
            }
        }
    }

    /** Held-out accuracy of the completion the reward model ranks first among {@link #BEST_OF} samples. */
    private double bestOfNAccuracy(TokenPolicy policy, PromptDataset data, TextRewards verifier,
            BatchRewardModel<TokenCompletion> model, long seed) {
        List<Prompt> test = data.prompts(PromptSplit.TEST);
        int[][] prompts = test.stream().map(Prompt::tokens).toArray(int[][]::new);
        int[][] best = new BestOfN(new Sampling(setup.maxNewTokens(data), 1.0, 0, CharTokenizer.EOS), BEST_OF)
                .select(policy, prompts, model, 0, new Rng(5000 + seed));
        double correct = 0;
        for (int i = 0; i < prompts.length; i++) {
            correct += verifier.score(test.get(i), best[i])[0];
        }
        return correct / prompts.length;
    }

    /** Mean proxy reward, mean single-model reward, verifier accuracy and mean length of greedy held-out completions. */
    private double[] heldOutRewards(TokenPolicy policy, PromptDataset data, TextRewards verifier,
            BatchRewardModel<TokenCompletion> proxy, BatchRewardModel<TokenCompletion> single) {
        List<Prompt> test = data.prompts(PromptSplit.TEST);
        int[][] prompts = new int[test.size()][];
        for (int i = 0; i < prompts.length; i++) {
            prompts[i] = test.get(i).tokens();
        }
        int[][] completions = policy.sample(prompts, Sampling.greedy(setup.maxNewTokens(data), CharTokenizer.EOS), new Rng(0));
        List<TokenCompletion> inputs = new ArrayList<>();
        double correct = 0;
        double length = 0;
        for (int i = 0; i < prompts.length; i++) {
            inputs.add(new TokenCompletion(prompts[i], completions[i]));
            correct += verifier.score(test.get(i), completions[i])[0];
            length += completions[i].length;
        }
        return new double[] {mean(proxy.scoreAll(inputs)), mean(single.scoreAll(inputs)), correct / prompts.length,
                length / prompts.length};
    }

    private static double mean(double[][] scores) {
        double sum = 0;
        for (double[] s : scores) {
            sum += s[0];
        }
        return sum / scores.length;
    }
}
