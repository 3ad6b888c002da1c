package io.github.jrl.examples.bench;

import io.github.jrl.algorithms.grpo.CompletionEvaluation;
import io.github.jrl.algorithms.grpo.CompletionTask;
import io.github.jrl.algorithms.grpo.Grpo;
import io.github.jrl.algorithms.grpo.GrpoConfig;
import io.github.jrl.algorithms.grpo.LossType;
import io.github.jrl.algorithms.grpo.RewardCombination;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import io.github.jrl.envs.text.AdditionTask;
import io.github.jrl.envs.text.CharTokenizer;
import io.github.jrl.envs.text.Prompt;
import io.github.jrl.envs.text.PromptCompletion;
import io.github.jrl.envs.text.PromptDataset;
import io.github.jrl.envs.text.PromptSplit;
import io.github.jrl.envs.text.TextFormat;
import io.github.jrl.envs.text.TextRewards;
import io.github.jrl.nd4j.Backend;
import io.github.jrl.nd4j.nn.TransformerSpec;
import io.github.jrl.nd4j.token.SupervisedFineTuning;
import io.github.jrl.nd4j.token.TokenPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * GRPO on multi-digit addition, per seed: supervised fine-tuning on a scarce set of
 * demonstrations (a deliberately moderate starting policy), then GRPO with the standard text
 * rewards [correctness, format, length]; prints held-out greedy accuracy before and after, the
 * other reward means, completion tokens sampled per second, trained positions per second and the
 * achieved floating-point rate of the update phase. The experiment behind docs/grpo.md.
 */
@Command(name = "grpo", mixinStandardHelpOptions = true,
        description = "SFT to a moderate policy, then GRPO on addition; per-seed accuracy table and throughput.")
public final class GrpoBenchmark implements Callable<Integer> {

    @Option(names = "--seeds", split = ",", defaultValue = "0,1,2,3,4", description = "Seeds (default: ${DEFAULT-VALUE}).")
    long[] seeds;

    @Option(names = "--digits", defaultValue = "3", description = "Digits of each operand (default: ${DEFAULT-VALUE}).")
    int digits;

    @Option(names = "--test-size", defaultValue = "500", description = "Held-out prompts (default: ${DEFAULT-VALUE}).")
    int testSize;

    @Option(names = "--demos", defaultValue = "2000",
            description = "Distinct SFT demonstrations, the first of the train split (default: ${DEFAULT-VALUE}).")
    int demos;

    @Option(names = "--sft-steps", defaultValue = "400", description = "SFT steps (default: ${DEFAULT-VALUE}).")
    int sftSteps;

    @Option(names = "--sft-batch", defaultValue = "64", description = "SFT batch size (default: ${DEFAULT-VALUE}).")
    int sftBatch;

    @Option(names = "--sft-lr", defaultValue = "1e-3", description = "SFT learning rate (default: ${DEFAULT-VALUE}).")
    double sftLearningRate;

    @Option(names = "--sft-eval-every", defaultValue = "0",
            description = "SFT steps between held-out evaluations, 0 for none (default: ${DEFAULT-VALUE}).")
    int sftEvalEvery;

    @Option(names = "--updates", defaultValue = "200", description = "GRPO generation batches (default: ${DEFAULT-VALUE}).")
    int updates;

    @Option(names = "--prompts", defaultValue = "32", description = "Prompts per generation batch (default: ${DEFAULT-VALUE}).")
    int prompts;

    @Option(names = "--generations", defaultValue = "8", description = "Completions per prompt (default: ${DEFAULT-VALUE}).")
    int generations;

    @Option(names = "--lr", defaultValue = "3e-4", description = "GRPO learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--iterations", defaultValue = "1", description = "GRPO num_iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--epsilon-high", defaultValue = "0.2",
            description = "Upper clip range; DAPO's clip-higher uses 0.28 (default: ${DEFAULT-VALUE}).")
    double epsilonHigh;

    @Option(names = "--filter-zero-std", defaultValue = "false",
            description = "Train only on groups whose rewards differ (default: ${DEFAULT-VALUE}).")
    boolean filterZeroStd;

    @Option(names = "--beta", defaultValue = "0", description = "KL coefficient (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--loss", defaultValue = "DAPO", description = "GRPO, DAPO or DR_GRPO (default: ${DEFAULT-VALUE}).")
    LossType lossType;

    @Option(names = "--combination", defaultValue = "GRPO", description = "GRPO or GDPO (default: ${DEFAULT-VALUE}).")
    RewardCombination combination;

    @Option(names = "--weights", split = ",", defaultValue = "1,1,1",
            description = "Weights of correctness, format, length (default: ${DEFAULT-VALUE}).")
    double[] weights;

    @Option(names = "--dynamic-rate", defaultValue = "0", description = "Dynamic reward weighting rate (default: ${DEFAULT-VALUE}).")
    double dynamicRate;

    @Option(names = "--dim", defaultValue = "64", description = "Model width (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--layers", defaultValue = "2", description = "Transformer blocks (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--eval-every", defaultValue = "50", description = "Updates between held-out evaluations (default: ${DEFAULT-VALUE}).")
    int evalEvery;

    @Override
    public Integer call() {
        AdditionTask task = new AdditionTask(digits);
        TextFormat format = TextFormat.forTasks(task);
        PromptDataset data = new PromptDataset(task, format, 0L, testSize, PromptDataset.maxTrainSize(task, testSize));
        int maxCompletion = 2 * data.maxTargetLength();
        TextRewards rewards = TextRewards.standard(format, data.maxTargetLength(), maxCompletion);
        CompletionTask<Prompt, PromptCompletion> train = new CompletionTask<>(data.prompts(PromptSplit.TRAIN), Prompt::tokens,
                PromptCompletion::new, rewards);
        CompletionTask<Prompt, PromptCompletion> test = train.withPrompts(data.prompts(PromptSplit.TEST));
        TransformerSpec spec = new TransformerSpec(format.tokenizer().vocabSize(), data.maxPromptLength() + maxCompletion,
                dim, 4, layers, 4 * dim);
        System.out.printf(Locale.ROOT, "# GRPO on %d-digit addition: %s, %d parameters; SFT %d steps x %d on %d demos;"
                + " GRPO %d updates x %d prompts x %d, lr %g, %s, %s, weights %s, dynamic %g, epsilon_high %.2f, filter zero-std %b;"
                + " backend %s%n",
                digits, spec, spec.parameterCount(), sftSteps, sftBatch, demos, updates, prompts, generations, learningRate,
                lossType, combination, Arrays.toString(weights), dynamicRate, epsilonHigh, filterZeroStd, Backend.describe());
        List<String> rows = new ArrayList<>();
        for (long seed : seeds) {
            rows.add(runSeed(seed, spec, data, train, test, maxCompletion));
        }
        System.out.println();
        System.out.println("| seed | SFT accuracy | " + combination + " accuracy | gain (points) | format | length | SFT s | "
                + combination + " s | sampled tokens/s | trained positions/s | update GFLOP/s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        return 0;
    }

    private String runSeed(long seed, TransformerSpec spec, PromptDataset data, CompletionTask<Prompt, PromptCompletion> train,
            CompletionTask<Prompt, PromptCompletion> test, int maxCompletion) {
        long start = System.nanoTime();
        Rng rng = new Rng(seed);
        TokenPolicy policy = new TokenPolicy(spec, rng.split());
        SupervisedFineTuning sft = new SupervisedFineTuning(policy, sftLearningRate, 1.0);
        List<Prompt> demonstrations = data.prompts(PromptSplit.TRAIN).subList(0, demos);
        Rng demoRng = rng.split();
        for (int step = 0; step < sftSteps; step++) {
            int[][] batchPrompts = new int[sftBatch][];
            int[][] targets = new int[sftBatch][];
            for (int i = 0; i < sftBatch; i++) {
                Prompt p = demonstrations.get(demoRng.nextInt(demos));
                batchPrompts[i] = p.tokens();
                targets[i] = p.targetCompletion();
            }
            double loss = sft.step(batchPrompts, targets);
            if (sftEvalEvery > 0 && (step + 1) % sftEvalEvery == 0) {
                double[] held = CompletionEvaluation.greedyMeans(policy, test, maxCompletion, CharTokenizer.EOS);
                System.out.printf(Locale.ROOT, "  SFT step %d: loss %.3f, held-out accuracy %.3f%n", step + 1, loss, held[0]);
            }
        }
        double[] before = CompletionEvaluation.greedyMeans(policy, test, maxCompletion, CharTokenizer.EOS);
        double sftSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "seed %d: SFT held-out accuracy %.3f format %.3f length %.3f (%.1f s)%n", seed,
                before[0], before[1], before[2], sftSeconds);

        GrpoConfig config = GrpoConfig.builder().numGenerations(generations).promptsPerBatch(prompts)
                .numIterations(iterations).beta(beta).epsilonHigh(epsilonHigh).filterZeroStdGroups(filterZeroStd)
                .lossType(lossType).rewardCombination(combination)
                .rewardWeights(weights).dynamicWeightRate(dynamicRate).maxCompletionLength(maxCompletion)
                .learningRate(learningRate).seed(seed).build();
        Grpo<Prompt, PromptCompletion> grpo = new Grpo<>(config, policy, train, CharTokenizer.EOS);
        long grpoStart = System.nanoTime();
        grpo.learn((long) updates * config.batchSize(), new Callback() {
            @Override
            public boolean onUpdate(Trainer<?, ?> trainer) {
                if (grpo.updates() % evalEvery == 0) {
                    double[] held = CompletionEvaluation.greedyMeans(policy, test, maxCompletion, CharTokenizer.EOS);
                    var m = trainer.latestMetrics();
                    System.out.printf(Locale.ROOT, "  update %d (%.0f s): held-out accuracy %.3f format %.3f length %.3f;"
                            + " reward %.3f, frac_reward_zero_std %.2f, entropy %.3f, clip %.3f, mean length %.1f%n",
                            grpo.updates(), (System.nanoTime() - grpoStart) / 1e9, held[0], held[1], held[2],
                            m.get("reward"), m.get("frac_reward_zero_std"), m.get("entropy"),
                            m.get("clip_ratio/region_mean"), m.get("completions/mean_length"));
                }
                return true;
            }
        });
        double grpoSeconds = (System.nanoTime() - grpoStart) / 1e9;
        double[] after = CompletionEvaluation.greedyMeans(policy, test, maxCompletion, CharTokenizer.EOS);
        Grpo.Throughput t = grpo.throughput();
        double gflops = 3 * forwardFlopsPerPosition(spec) * t.trainedPositions() / t.trainSeconds() / 1e9;
        return String.format(Locale.ROOT, "| %d | %.1f %% | %.1f %% | %+.1f | %.3f | %.3f | %.0f | %.0f | %.0f | %.0f | %.1f |",
                seed, 100 * before[0], 100 * after[0], 100 * (after[0] - before[0]), after[1], after[2], sftSeconds,
                grpoSeconds, t.sampledTokens() / t.sampleSeconds(), t.trainedPositions() / t.trainSeconds(), gflops);
    }

    /**
     * Floating-point operations of one position's forward pass: two per weight of every matrix
     * product (attention projections, feed-forward, output head), plus the attention scores and
     * weighted values over the whole context (an upper bound for a causal pass). The backward pass
     * is counted as twice the forward, the usual estimate (Kaplan et al. 2020, "Scaling Laws for
     * Neural Language Models").
     */
    static double forwardFlopsPerPosition(TransformerSpec spec) {
        double d = spec.modelDim();
        double matmulWeights = spec.layers() * (4 * d * d + 2 * d * spec.ffnDim()) + d * spec.vocabSize();
        double attention = spec.layers() * 4.0 * spec.contextLength() * d;
        return 2 * matmulWeights + attention;
    }
}
