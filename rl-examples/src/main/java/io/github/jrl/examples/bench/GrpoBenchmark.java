package io.github.jrl.examples.bench;

import io.github.jrl.algorithms.grpo.CompletionEvaluation;
import io.github.jrl.algorithms.grpo.CompletionTask;
import io.github.jrl.algorithms.grpo.Grpo;
import io.github.jrl.algorithms.grpo.GrpoConfig;
import io.github.jrl.algorithms.grpo.LossType;
import io.github.jrl.algorithms.grpo.RewardCombination;
import io.github.jrl.core.metrics.ProcessCpu;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import io.github.jrl.envs.text.AdditionTask;
import io.github.jrl.envs.text.CharTokenizer;
import io.github.jrl.envs.text.NoCarryNoise;
import io.github.jrl.envs.text.Problem;
import io.github.jrl.envs.text.Prompt;
import io.github.jrl.envs.text.PromptCompletion;
import io.github.jrl.envs.text.PromptDataset;
import io.github.jrl.envs.text.PromptSplit;
import io.github.jrl.envs.text.TextFormat;
import io.github.jrl.envs.text.TextRewards;
import io.github.jrl.nd4j.Backend;
import io.github.jrl.nd4j.nn.TransformerSpec;
import io.github.jrl.nd4j.token.Sampling;
import io.github.jrl.nd4j.token.SupervisedFineTuning;
import io.github.jrl.nd4j.token.TokenPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * GRPO on multi-digit addition, per seed: a deliberately moderate starting policy made by
 * supervised fine-tuning, then GRPO with the standard text rewards [correctness, format, length];
 * prints held-out greedy accuracy before, during and after, the other reward means, process CPU
 * time, completion tokens sampled per second, trained positions per second and the achieved
 * floating-point rate of the update phase. The start is moderate in one of two ways: by default
 * SFT runs a fixed {@code --sft-steps} (long enough to learn every skill) on demonstrations of
 * which {@code --noise-fraction} carry the systematic no-carry error ({@code --demo-noise
 * NO_CARRY}, {@link NoCarryNoise}); or, with {@code --demo-noise NONE --sft-stop-accuracy a},
 * SFT on correct demonstrations stops as soon as greedy accuracy on validation prompts of the
 * train split reaches {@code a}. The defaults are the configuration of docs/grpo.md's
 * three-digit table; {@code --breakdown} splits held-out accuracy by sum length and carries.
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

    @Option(names = "--demos", defaultValue = "128000",
            description = "Distinct SFT demonstrations, the first of the train split (default: ${DEFAULT-VALUE}).")
    int demos;

    @Option(names = "--balance-lengths", defaultValue = "false",
            description = "Draw each SFT demonstration from a uniformly chosen answer length, so that sums as long as"
                    + " their operands and one digit longer are seen equally often (default: ${DEFAULT-VALUE}).")
    boolean balanceLengths;

    /** How SFT demonstrations are corrupted. */
    enum DemoNoise {
        /** Every demonstration correct. */
        NONE,
        /** {@code --noise-fraction} of the demonstrations with their no-carry answer ({@link NoCarryNoise}). */
        NO_CARRY
    }

    @Option(names = "--demo-noise", defaultValue = "NO_CARRY",
            description = "NONE, or NO_CARRY: --noise-fraction of the demonstrations (chosen by the seed) answered without"
                    + " carries, keeping the correct answer's length (default: ${DEFAULT-VALUE}).")
    DemoNoise demoNoise;

    @Option(names = "--noise-fraction", defaultValue = "0.55",
            description = "With --demo-noise NO_CARRY, the fraction of demonstrations corrupted (default: ${DEFAULT-VALUE}).")
    double noiseFraction;

    @Option(names = "--sft-steps", defaultValue = "2000",
            description = "SFT steps, the most when --sft-stop-accuracy stops it earlier (default: ${DEFAULT-VALUE}).")
    int sftSteps;

    @Option(names = "--sft-batch", defaultValue = "64", description = "SFT batch size (default: ${DEFAULT-VALUE}).")
    int sftBatch;

    @Option(names = "--sft-lr", defaultValue = "1e-3", description = "SFT learning rate (default: ${DEFAULT-VALUE}).")
    double sftLearningRate;

    @Option(names = "--sft-stop-accuracy", defaultValue = "0",
            description = "Stop SFT as soon as greedy accuracy on the validation prompts (the last --test-size prompts of"
                    + " the train split, never demonstrations) reaches this, checked every --sft-check-every steps;"
                    + " --sft-steps is then the most steps; 0 for a fixed number of steps (default: ${DEFAULT-VALUE}).")
    double sftStopAccuracy;

    @Option(names = "--sft-check-every", defaultValue = "5",
            description = "SFT steps between validation checks of --sft-stop-accuracy (default: ${DEFAULT-VALUE}).")
    int sftCheckEvery;

    @Option(names = "--sft-eval-every", defaultValue = "0",
            description = "SFT steps between held-out evaluations, 0 for none (default: ${DEFAULT-VALUE}).")
    int sftEvalEvery;

    @Option(names = "--updates", defaultValue = "800", description = "GRPO generation batches (default: ${DEFAULT-VALUE}).")
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

    @Option(names = "--max-gen-rounds", defaultValue = "1",
            description = "With --filter-zero-std, generation batches an update may sample to fill its batch with groups"
                    + " whose rewards differ (DAPO's dynamic sampling); 1 for no refill (default: ${DEFAULT-VALUE}).")
    int maxGenerationRounds;

    @Option(names = "--temperature", defaultValue = "1.0", description = "GRPO sampling temperature (default: ${DEFAULT-VALUE}).")
    double temperature;

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

    @Option(names = "--eval-every", defaultValue = "100", description = "Updates between held-out evaluations (default: ${DEFAULT-VALUE}).")
    int evalEvery;

    @Option(names = "--breakdown", defaultValue = "false",
            description = "At each evaluation, print held-out accuracy by sum length and carries, and the kinds of error"
                    + " (default: ${DEFAULT-VALUE}).")
    boolean breakdown;

    @Option(names = "--pass-at", defaultValue = "0",
            description = "With --breakdown, also sample this many completions per held-out prompt (the run's temperature)"
                    + " and count the prompts solved at least once, 0 for none (default: ${DEFAULT-VALUE}).")
    int passAt;

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
                + " GRPO %d updates x %d prompts x %d, lr %g, temperature %g, %s, %s, weights %s, dynamic %g, epsilon_high %.2f,"
                + " filter zero-std %b, generation rounds %d; demonstration noise %s %g;"
                + " backend %s%n",
                digits, spec, spec.parameterCount(), sftSteps, sftBatch, demos, updates, prompts, generations, learningRate,
                temperature, lossType, combination, Arrays.toString(weights), dynamicRate, epsilonHigh, filterZeroStd,
                maxGenerationRounds, demoNoise, noiseFraction, Backend.describe());
        List<String> rows = new ArrayList<>();
        for (long seed : seeds) {
            rows.add(runSeed(seed, spec, data, train, test, maxCompletion));
        }
        System.out.println();
        System.out.println("| seed | SFT accuracy | " + combination + " accuracy | gain (points) | format | length | SFT s | "
                + combination + " s | CPU s | sampled tokens/s | trained positions/s | update GFLOP/s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        return 0;
    }

    private String runSeed(long seed, TransformerSpec spec, PromptDataset data, CompletionTask<Prompt, PromptCompletion> train,
            CompletionTask<Prompt, PromptCompletion> test, int maxCompletion) {
        long start = System.nanoTime();
        double cpuStart = ProcessCpu.seconds();
        Rng rng = new Rng(seed);
        TokenPolicy policy = new TokenPolicy(spec, rng.split());
        SupervisedFineTuning sft = new SupervisedFineTuning(policy, sftLearningRate, 1.0);
        List<Prompt> demonstrations = demonstrations(data, seed);
        List<List<Prompt>> byLength = byAnswerLength(demonstrations);
        Rng demoRng = rng.split();
        List<Prompt> trainPrompts = data.prompts(PromptSplit.TRAIN);
        if (sftStopAccuracy > 0 && demos + testSize > trainPrompts.size()) {
            throw new IllegalArgumentException("--demos " + demos + " leaves no " + testSize + " validation prompts in the "
                    + trainPrompts.size() + " train prompts");
        }
        CompletionTask<Prompt, PromptCompletion> validation = train.withPrompts(
                trainPrompts.subList(trainPrompts.size() - testSize, trainPrompts.size()));
        int stepsTaken = 0;
        double validationAccuracy = Double.NaN;
        for (int step = 0; step < sftSteps; step++) {
            int[][] batchPrompts = new int[sftBatch][];
            int[][] targets = new int[sftBatch][];
            for (int i = 0; i < sftBatch; i++) {
                List<Prompt> pool = balanceLengths ? byLength.get(demoRng.nextInt(byLength.size())) : demonstrations;
                Prompt p = pool.get(demoRng.nextInt(pool.size()));
                batchPrompts[i] = p.tokens();
                targets[i] = p.targetCompletion();
            }
            double loss = sft.step(batchPrompts, targets);
            stepsTaken = step + 1;
            if (sftEvalEvery > 0 && (step + 1) % sftEvalEvery == 0) {
                double[] held = CompletionEvaluation.greedyMeans(policy, test, maxCompletion, CharTokenizer.EOS);
                System.out.printf(Locale.ROOT, "  SFT step %d: loss %.3f, held-out accuracy %.3f%n", step + 1, loss, held[0]);
                if (breakdown) {
                    printBreakdown(policy, data, maxCompletion, new Rng(seed).split().split());
                }
            }
            if (sftStopAccuracy > 0 && stepsTaken % sftCheckEvery == 0) {
                validationAccuracy = CompletionEvaluation.greedyMeans(policy, validation, maxCompletion, CharTokenizer.EOS)[0];
                if (validationAccuracy >= sftStopAccuracy) {
                    break;
                }
            }
        }
        double[] before = CompletionEvaluation.greedyMeans(policy, test, maxCompletion, CharTokenizer.EOS);
        double sftSeconds = (System.nanoTime() - start) / 1e9;
        double sftCpuSeconds = ProcessCpu.seconds() - cpuStart;
        System.out.printf(Locale.ROOT, "seed %d: SFT held-out accuracy %.3f format %.3f length %.3f after %d steps"
                + " (validation %.3f; %.1f s, process CPU %.1f s)%n", seed, before[0], before[1], before[2], stepsTaken,
                validationAccuracy, sftSeconds, sftCpuSeconds);
        Rng passRng = new Rng(seed).split().split();
        if (breakdown) {
            printBreakdown(policy, data, maxCompletion, passRng);
        }

        GrpoConfig config = GrpoConfig.builder().numGenerations(generations).promptsPerBatch(prompts)
                .numIterations(iterations).beta(beta).epsilonHigh(epsilonHigh).filterZeroStdGroups(filterZeroStd)
                .maxGenerationRounds(maxGenerationRounds).temperature(temperature)
                .lossType(lossType).rewardCombination(combination)
                .rewardWeights(weights).dynamicWeightRate(dynamicRate).maxCompletionLength(maxCompletion)
                .learningRate(learningRate).seed(seed).build();
        Grpo<Prompt, PromptCompletion> grpo = new Grpo<>(config, policy, train, CharTokenizer.EOS);
        long grpoStart = System.nanoTime();
        // counted in updates, not completions: with dynamic sampling an update may sample several batches
        grpo.learn(Long.MAX_VALUE, new Callback() {
            @Override
            public boolean onUpdate(Trainer<?, ?> trainer) {
                if (grpo.updates() % evalEvery == 0) {
                    double[] held = CompletionEvaluation.greedyMeans(policy, test, maxCompletion, CharTokenizer.EOS);
                    var m = trainer.latestMetrics();
                    System.out.printf(Locale.ROOT, "  update %d (%.0f s): held-out accuracy %.3f format %.3f length %.3f;"
                            + " reward %.3f, frac_reward_zero_std %.2f, entropy %.3f, clip %.3f, mean length %.1f, generation batches %s,"
                            + " completions %d%n",
                            grpo.updates(), (System.nanoTime() - grpoStart) / 1e9, held[0], held[1], held[2],
                            m.get("reward"), m.get("frac_reward_zero_std"), m.get("entropy"),
                            m.get("clip_ratio/region_mean"), m.get("completions/mean_length"),
                            m.getOrDefault("num_gen_batches", 1.0), grpo.stepsDone());
                    if (breakdown) {
                        printBreakdown(policy, data, maxCompletion, passRng);
                    }
                }
                return grpo.updates() < updates;
            }
        });
        double grpoSeconds = (System.nanoTime() - grpoStart) / 1e9;
        double grpoCpuSeconds = ProcessCpu.seconds() - cpuStart - sftCpuSeconds;
        double[] after = CompletionEvaluation.greedyMeans(policy, test, maxCompletion, CharTokenizer.EOS);
        Grpo.Throughput t = grpo.throughput();
        double gflops = 3 * forwardFlopsPerPosition(spec) * t.trainedPositions() / t.trainSeconds() / 1e9;
        System.out.printf(Locale.ROOT, "seed %d: done, process CPU %.0f s (SFT %.0f s, GRPO with evaluations %.0f s)%n", seed,
                sftCpuSeconds + grpoCpuSeconds, sftCpuSeconds, grpoCpuSeconds);
        return String.format(Locale.ROOT, "| %d | %.1f %% | %.1f %% | %+.1f | %.3f | %.3f | %.0f | %.0f | %.0f | %.0f | %.0f"
                + " | %.1f |", seed, 100 * before[0], 100 * after[0], 100 * (after[0] - before[0]), after[1], after[2],
                sftSeconds, grpoSeconds, sftCpuSeconds + grpoCpuSeconds, t.sampledTokens() / t.sampleSeconds(),
                t.trainedPositions() / t.trainSeconds(), gflops);
    }

    /**
     * The SFT demonstrations: the first {@code --demos} prompts of the train split, with
     * {@code --noise-fraction} of them answered without carries under {@code --demo-noise NO_CARRY}
     * (which ones: {@link NoCarryNoise#corrupt} with the run's seed).
     */
    List<Prompt> demonstrations(PromptDataset data, long seed) {
        List<Prompt> clean = data.prompts(PromptSplit.TRAIN).subList(0, demos);
        if (demoNoise == DemoNoise.NONE) {
            return clean;
        }
        List<Problem> noisy = NoCarryNoise.corrupt(clean.stream().map(Prompt::problem).toList(), noiseFraction, seed);
        return noisy.stream().map(data.format()::prompt).toList();
    }

    /** The demonstrations grouped by answer length, shortest first, without empty groups. */
    static List<List<Prompt>> byAnswerLength(List<Prompt> demonstrations) {
        TreeMap<Integer, List<Prompt>> groups = new TreeMap<>();
        for (Prompt p : demonstrations) {
            groups.computeIfAbsent(p.answer().length(), k -> new ArrayList<>()).add(p);
        }
        return List.copyOf(groups.values());
    }

    private void printBreakdown(TokenPolicy policy, PromptDataset data, int maxCompletion, Rng rng) {
        List<Prompt> prompts = data.prompts(PromptSplit.TEST);
        TextFormat format = data.format();
        int[][] tokens = prompts.stream().map(Prompt::tokens).toArray(int[][]::new);
        int[][] greedy = policy.sample(tokens, Sampling.greedy(maxCompletion, CharTokenizer.EOS), null);
        boolean[] solved = new boolean[prompts.size()];
        if (passAt > 0) {
            int[][] repeated = new int[prompts.size() * passAt][];
            for (int p = 0; p < prompts.size(); p++) {
                Arrays.fill(repeated, p * passAt, (p + 1) * passAt, tokens[p]);
            }
            int[][] samples = policy.sample(repeated, new Sampling(maxCompletion, 1.0, 0, CharTokenizer.EOS), rng);
            for (int i = 0; i < samples.length; i++) {
                solved[i / passAt] |= format.parse(samples[i]).answers(prompts.get(i / passAt));
            }
        }
        AdditionBreakdown counts = new AdditionBreakdown();
        for (int p = 0; p < prompts.size(); p++) {
            counts.add(prompts.get(p), greedy[p], format, solved[p]);
        }
        counts.lines(passAt > 0, passAt).forEach(System.out::println);
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
