package io.github.jrl.examples.bench;

import io.github.jrl.algorithms.grpo.CompletionTask;
import io.github.jrl.algorithms.grpo.Grpo;
import io.github.jrl.algorithms.grpo.GrpoConfig;
import io.github.jrl.algorithms.grpo.RewardScaling;
import io.github.jrl.algorithms.preference.BatchRewardModel;
import io.github.jrl.algorithms.preference.LearnedRewardModel;
import io.github.jrl.algorithms.preference.PairGenerator;
import io.github.jrl.algorithms.preference.RewardEnsemble;
import io.github.jrl.algorithms.preference.RewardEnsemble.Aggregation;
import io.github.jrl.algorithms.preference.TokenCompletion;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import io.github.jrl.envs.text.CharTokenizer;
import io.github.jrl.envs.text.Prompt;
import io.github.jrl.envs.text.PromptCompletion;
import io.github.jrl.envs.text.PromptDataset;
import io.github.jrl.envs.text.PromptSplit;
import io.github.jrl.envs.text.TextRewards;
import io.github.jrl.examples.preference.PromptCursor;
import io.github.jrl.examples.preference.TextPreferenceSetup;
import io.github.jrl.nd4j.token.TokenPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleBiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Issue 7's GRPO driven by a learned reward model, on two-digit addition from the SFT policy of
 * {@link TextPreferenceSetup}: a Bradley–Terry model trained on verifier-labelled pairs of the
 * policy's samples (as in {@code bench reward-model}; with {@code --members > 1} an
 * uncertainty-weighted ensemble, whose members' disagreement is subtracted as a penalty) is the
 * only reward of GRPO; the same GRPO run with the verifier's score instead (the weighted sum
 * {@code 2 correctness + format} the pairs were labelled with) gives the gap. With
 * {@code --refresh-every} the reward model is refreshed during GRPO on the current policy's
 * verifier-labelled samples (iterated RLHF); every verifier label the reward model took is counted
 * beside the verifier run's. Held-out greedy accuracy per seed.
 */
@Command(name = "grpo-reward-model", mixinStandardHelpOptions = true,
        description = "GRPO with a learned reward model vs with the verifier, on two-digit addition; per-seed accuracy.")
public final class RewardModelGrpoBenchmark implements Callable<Integer> {

    @Option(names = "--seeds", split = ",", defaultValue = "0,1,2,3,4", description = "Seeds (default: ${DEFAULT-VALUE}).")
    long[] seeds;

    @Option(names = "--pairs", defaultValue = "6000", description = "Training pairs of a reward model (default: ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--rm-epochs", defaultValue = "15", description = "Reward-model epochs (default: ${DEFAULT-VALUE}).")
    int rmEpochs;

    @Option(names = "--rm-lr", defaultValue = "1e-3", description = "Reward-model learning rate (default: ${DEFAULT-VALUE}).")
    double rmLearningRate;

    @Option(names = "--rm-labels", defaultValue = "VERIFIER",
            description = "What labels the reward model's pairs: VERIFIER (2 correctness + format, as bench reward-model) or "
                    + "CORRECTNESS (exact match only, so that a pair's rejected answer is any wrong one) "
                    + "(default: ${DEFAULT-VALUE}).")
    Labels rmLabels;

    /** The judge of the reward model's training pairs. */
    enum Labels {
        VERIFIER, CORRECTNESS
    }

    @Option(names = "--rm-pairing", defaultValue = "BEST_VS_WORST",
            description = "The reward model's training pairs: ${COMPLETION-CANDIDATES} (held-out pairs are always best vs "
                    + "worst of 4) (default: ${DEFAULT-VALUE}).")
    PairGenerator.Pairing rmPairing;

    @Option(names = "--rm-samples", defaultValue = "4",
            description = "Samples per prompt of the reward model's training pairs (default: ${DEFAULT-VALUE}).")
    int rmSamples;

    @Option(names = "--refresh-every", defaultValue = "0",
            description = "Iterated RLHF: GRPO updates between refreshes of the reward model on the current policy's "
                    + "verifier-labelled samples; 0: never (default: ${DEFAULT-VALUE}).")
    int refreshEvery;

    @Option(names = "--refresh-pairs", defaultValue = "512",
            description = "New pairs of each refresh, trained with as many earlier ones (default: ${DEFAULT-VALUE}).")
    int refreshPairs;

    @Option(names = "--refresh-epochs", defaultValue = "2", description = "Epochs of each refresh (default: ${DEFAULT-VALUE}).")
    int refreshEpochs;

    @Option(names = "--members", defaultValue = "1",
            description = "Reward models; more than 1 makes an uncertainty-weighted ensemble (default: ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--uncertainty-weight", defaultValue = "1",
            description = "Ensemble penalty lambda on the members' variance (default: ${DEFAULT-VALUE}).")
    double uncertaintyWeight;

    @Option(names = "--updates", defaultValue = "150", description = "GRPO generation batches (default: ${DEFAULT-VALUE}).")
    int updates;

    @Option(names = "--prompts", defaultValue = "16", description = "Prompts per generation batch (default: ${DEFAULT-VALUE}).")
    int prompts;

    @Option(names = "--generations", defaultValue = "8", description = "Completions per prompt (default: ${DEFAULT-VALUE}).")
    int generations;

    @Option(names = "--lr", defaultValue = "3e-4", description = "GRPO learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--epsilon-high", defaultValue = "0.2",
            description = "Upper clip range (DAPO's clip-higher: 0.28) (default: ${DEFAULT-VALUE}).")
    double epsilonHigh;

    @Option(names = "--scale-rewards", defaultValue = "GROUP",
            description = "Advantage scaling: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    RewardScaling scaleRewards;

    @Option(names = "--beta", defaultValue = "0", description = "KL coefficient (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--verifier-run", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also run GRPO on the verifier for the gap; --no-verifier-run to screen reward-model settings "
                    + "faster (default: ${DEFAULT-VALUE}).")
    boolean verifierRun;

    @Option(names = "--eval-every", defaultValue = "50", description = "Updates between held-out evaluations (default: ${DEFAULT-VALUE}).")
    int evalEvery;

    private final TextPreferenceSetup setup = new TextPreferenceSetup(2, 1000, 0.2, 1000, 32, 1e-3, 500);

    @Override
    public Integer call() {
        PromptDataset data = setup.dataset();
        TextRewards verifier = setup.rewards(data);
        List<Prompt> train = data.prompts(PromptSplit.TRAIN);
        List<Prompt> grpoPrompts = train.subList(setup.demonstrations(), train.size());
        System.out.printf(Locale.ROOT, "# GRPO on 2-digit addition from the bench-dpo SFT policy: %d reward model(s) on %d "
                + "pairs labelled by %s, %d epochs%s; GRPO %d updates x %d prompts x %d, lr %g, epsilon_high %.2f, beta %g, scale_rewards %s%n",
                members, pairs, rmLabels, rmEpochs, members > 1 ? ", uncertainty-weighted (lambda " + uncertaintyWeight + ")" : "",
                updates, prompts, generations, learningRate, epsilonHigh, beta, scaleRewards);
        System.out.printf(Locale.ROOT, "# reward-model pairs: %s of %d samples per prompt; refresh every %d updates (%d new pairs, "
                + "%d epochs)%n", rmPairing, rmSamples, refreshEvery, refreshPairs, refreshEpochs);
        if (refreshEvery < 0 || (refreshEvery > 0 && members > 1)) {
            throw new IllegalArgumentException("--refresh-every must be >= 0 and refreshes one reward model, not an ensemble "
                    + "(whose standardisation would go stale): got --refresh-every " + refreshEvery + " with --members "
                    + members);
        }
        ToDoubleBiFunction<Prompt, int[]> judge = (p, c) -> rmLabels == Labels.VERIFIER
                ? TextPreferenceSetup.verifierScore(verifier, p, c) : verifier.score(p, c)[0];
        PairGenerator rmPairs = setup.pairGenerator(data, rmSamples, rmPairing);
        List<String> rows = new ArrayList<>();
        for (long seed : seeds) {
            long start = System.nanoTime();
            TokenPolicy sft = setup.sftPolicy(data, seed);
            double base = setup.heldOutAccuracy(sft, data);
            Rng rng = new Rng(2000 + seed);
            List<TextPreferenceSetup.TrainedRewardModel> trained = new ArrayList<>();
            for (int m = 0; m < members; m++) {
                trained.add(setup.trainRewardModel(data, sft, judge, rmPairs, pairs, rmEpochs, rmLearningRate, seed + 1000L * m,
                        rng));
            }
            double[] accuracies = trained.stream().mapToDouble(TextPreferenceSetup.TrainedRewardModel::accuracy).toArray();
            List<LearnedRewardModel> models = trained.stream()
                    .map(t -> new LearnedRewardModel(t.network(), List.of("reward"))).toList();
            BatchRewardModel<TokenCompletion> proxy = members == 1 ? models.get(0)
                    : new RewardEnsemble<>(models, Aggregation.UNCERTAINTY_WEIGHTED, uncertaintyWeight)
                            .standardizedOn(setup.heldOutSamples(sft, data, new Rng(6000 + seed)));
            System.out.printf(Locale.ROOT, "seed %d: SFT held-out accuracy %.3f; reward model(s) held-out pairwise accuracy %s%n",
                    seed, base, Arrays.toString(accuracies));
            double groupAccuracy = setup.heldOutGroupAccuracy(trained.get(0).network(), sft, data, judge, generations,
                    new Rng(7000 + seed));
            long rmLabelCount = trained.stream().mapToLong(TextPreferenceSetup.TrainedRewardModel::trainLabels).sum();
            System.out.printf(Locale.ROOT, "seed %d: %d held-out pairs; trained on %d pairs, %d verifier labels; first model "
                    + "on all pairs of %d held-out samples %.3f (%.0f s)%n", seed, trained.get(0).heldOutPairs(),
                    trained.get(0).trainPairs(), rmLabelCount, generations, groupAccuracy, (System.nanoTime() - start) / 1e9);

            AfterUpdate refresh = (update, policy) -> { };
            long[] refreshLabels = {0};
            if (refreshEvery > 0) {
                TextPreferenceSetup.TrainedRewardModel model = trained.get(0);
                PromptCursor cursor = setup.trainCursor(data);
                Rng refreshRng = new Rng(8000 + seed);
                refresh = (update, policy) -> {
                    if (update % refreshEvery == 0 && update < updates) {
                        refreshLabels[0] += setup.refreshRewardModel(model, cursor, policy, judge, rmPairs,
                                refreshPairs, refreshEpochs, refreshRng);
                    }
                };
            }
            double learned = grpo("reward model", seed, sft, data, new CompletionTask<>(grpoPrompts, Prompt::tokens,
                    (p, c) -> new TokenCompletion(p.tokens(), c), proxy), new double[] {1}, refresh);
            double verified = !verifierRun ? Double.NaN : grpo("verifier", seed, sft, data, new CompletionTask<>(grpoPrompts, Prompt::tokens,
                    PromptCompletion::new, verifier), new double[] {2, 1, 0}, (update, policy) -> { });
            long rmLabels = rmLabelCount + refreshLabels[0];
            long verifierLabels = (long) updates * prompts * generations;
            rows.add(String.format(Locale.ROOT, "| %d | %.3f | %.3f | %.3f | %.3f | %.3f | %+.3f | %+.3f | %+.3f | %d | %d | %.0f |",
                    seed, base, mean(accuracies), groupAccuracy, learned, verified, learned - base, verified - base,
                    learned - verified, rmLabels, verifierLabels, (System.nanoTime() - start) / 1e9));
        }
        System.out.println();
        System.out.println("| seed | SFT | RM pairwise acc. | RM acc., all pairs of " + generations + " | GRPO with RM "
                + "| GRPO with verifier | RM gain | verifier gain | RM - verifier | verifier labels (RM) "
                + "| verifier labels (GRPO) | seconds |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        return 0;
    }

    /** Called after each GRPO update with the update count and the policy being trained. */
    @FunctionalInterface
    private interface AfterUpdate {
        void accept(int update, TokenPolicy policy);
    }

    /**
     * GRPO from a copy of {@code sft} on {@code task}'s rewards, {@code afterUpdate} called with
     * the update count after each update; returns held-out greedy accuracy by the verifier.
     */
    private <I> double grpo(String name, long seed, TokenPolicy sft, PromptDataset data, CompletionTask<Prompt, I> task,
            double[] weights, AfterUpdate afterUpdate) {
        TokenPolicy policy = TextPreferenceSetup.trainableCopy(sft);
        GrpoConfig config = GrpoConfig.builder().numGenerations(generations).promptsPerBatch(prompts).beta(beta)
                .scaleRewards(scaleRewards).epsilonHigh(epsilonHigh).rewardWeights(weights).maxCompletionLength(setup.maxNewTokens(data))
                .learningRate(learningRate).seed(seed).build();
        Grpo<Prompt, I> grpo = new Grpo<>(config, policy, task, CharTokenizer.EOS);
        long start = System.nanoTime();
        grpo.learn((long) updates * config.batchSize(), new Callback() {
            @Override
            public boolean onUpdate(Trainer<?, ?> trainer) {
                if (grpo.updates() % evalEvery == 0) {
                    var m = trainer.latestMetrics();
                    System.out.printf(Locale.ROOT, "  %s update %d (%.0f s): held-out accuracy %.3f; reward %.3f, "
                            + "frac_reward_zero_std %.2f, entropy %.3f%n", name, grpo.updates(),
                            (System.nanoTime() - start) / 1e9, setup.heldOutAccuracy(policy, data), m.get("reward"),
                            m.get("frac_reward_zero_std"), m.get("entropy"));
                }
                afterUpdate.accept(grpo.updates(), policy);
                return true;
            }
        });
        return setup.heldOutAccuracy(policy, data);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
