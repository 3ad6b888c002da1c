package io.github.jrl.algorithms.grpo;

import io.github.jrl.core.checkpoint.Checkpoint;
import io.github.jrl.core.checkpoint.CheckpointWriter;
import io.github.jrl.core.checkpoint.StateCodec;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import io.github.jrl.core.train.TrainingLoop;
import io.github.jrl.nd4j.optim.Adam;
import io.github.jrl.nd4j.token.CompletionLogProbs;
import io.github.jrl.nd4j.token.CompletionPolicy;
import io.github.jrl.nd4j.token.Sampling;
import io.github.jrl.nd4j.token.TokenPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Group Relative Policy Optimization ("DeepSeekMath: Pushing the Limits of Mathematical
 * Reasoning in Open Language Models", Shao et al. 2024) in the form of TRL's {@code GRPOTrainer}:
 * each generation batch samples {@code numGenerations} completions of each of
 * {@code promptsPerBatch} prompts, scores them with the task's reward model, turns the rewards
 * into group-relative advantages ({@link GrpoLoss#combinedAdvantages}: GRPO's weighted sum or
 * GDPO), and takes {@code numIterations x minibatches} Adam steps on {@link GrpoLoss#policyLoss}.
 * No critic. The reference policy of the KL penalty is a frozen copy of the starting policy,
 * made only when {@code beta > 0} (as TRL skips loading it).
 *
 * <p>The ratio's denominator ("old" log-probs) is the policy at sampling time; as in TRL, it is
 * computed by a separate pass only when the policy changes before a minibatch is trained
 * ({@code numIterations > 1} or {@code minibatches > 1}), otherwise the training pass's own values
 * are used (ratio 1, the gradient of the plain policy-gradient loss). Log-probs are taken at the
 * sampling temperature (logits divided by it), as TRL does, so the ratio compares the
 * distribution the completions were drawn from.
 *
 * <p>Prompts are drawn without replacement in a seeded order reshuffled every epoch (TRL's
 * {@code RepeatSampler}). {@link #stepsDone()} counts sampled completions (one single-turn
 * episode each). Same seed and thread count give identical runs.
 *
 * @param <P> prompt type
 * @param <I> what the reward model scores
 */
public final class Grpo<P, I> implements Trainer<int[], int[]> {

    private final GrpoConfig config;
    private final TokenPolicy policy;
    private final TokenPolicy reference;
    private final CompletionTask<P, I> task;
    private final Sampling sampling;
    private final Adam optimizer;
    private final DynamicRewardWeights weights;
    private final GrpoLoss.Objective objective;
    private final CompletionPolicy actingPolicy;
    private Rng sampleRng;
    private Rng promptRng;
    private int[] promptOrder;
    private int promptCursor;
    private final TrainingLoop loop = new TrainingLoop();
    private long stepsDone;
    private int updates;
    private Map<String, Double> metrics = Map.of();
    private final Throughput throughput = new Throughput();

    /**
     * @param policy the policy to train (its current parameters are the reference of the KL penalty)
     * @param endToken the token that ends a completion
     * @throws IllegalArgumentException for a frozen policy, or weights that do not match the rewards
     */
    public Grpo(GrpoConfig config, TokenPolicy policy, CompletionTask<P, I> task, int endToken) {
        if (policy.isFrozen()) {
            throw new IllegalArgumentException("GRPO needs a trainable policy, got a frozen reference copy");
        }
        this.config = config;
        this.policy = policy;
        this.task = task;
        this.reference = config.beta() > 0 ? policy.frozenCopy() : null;
        this.sampling = new Sampling(config.maxCompletionLength(), config.temperature(), config.topK(), endToken);
        this.optimizer = Adam.of(policy.parameters(), config.learningRate(), config.adamEpsilon());
        this.weights = new DynamicRewardWeights(config.weightsFor(task.rewards().rewardDim()), config.dynamicWeightRate());
        this.objective = new GrpoLoss.Objective(config.epsilon(), config.epsilonHigh(), config.beta(), config.lossType(),
                config.maxCompletionLength());
        this.actingPolicy = new CompletionPolicy(policy, sampling);
        Rng root = new Rng(config.seed());
        this.sampleRng = root.split();
        this.promptRng = root.split();
    }

    public GrpoConfig config() {
        return config;
    }

    /** Trains until {@code totalCompletions} completions have been sampled in all. */
    public void learn(long totalCompletions, Callback... callbacks) {
        learn(totalCompletions, List.of(callbacks));
    }

    public void learn(long totalCompletions, List<Callback> callbacks) {
        loop.run(this, totalCompletions, callbacks, total -> update());
    }

    /**
     * One update: sample, score, advantages, then the policy steps. With
     * {@code maxGenerationRounds > 1} (DAPO's dynamic sampling) generation batches are sampled until
     * {@code promptsPerBatch} groups whose rewards differ are gathered or the rounds run out; the
     * update trains on those groups only, with advantages computed over them, while the reward
     * metrics describe every completion sampled.
     */
    public void update() {
        long start = System.nanoTime();
        int g = config.numGenerations();
        boolean refill = config.maxGenerationRounds() > 1;
        Generation sampledAll = new Generation();
        Generation kept = new Generation();
        double sampleSeconds = 0;
        int rounds = 0;
        do {
            long roundStart = System.nanoTime();
            List<P> groupPrompts = nextPrompts();
            int[][] prompts = new int[groupPrompts.size() * g][];
            for (int p = 0; p < groupPrompts.size(); p++) {
                int[] tokens = task.promptTokens().apply(groupPrompts.get(p));
                Arrays.fill(prompts, p * g, (p + 1) * g, tokens);
            }
            int[][] completions = policy.sample(prompts, sampling, sampleRng);
            sampleSeconds += (System.nanoTime() - roundStart) * 1e-9;
            double[][] rewards = task.scoreAll(groupPrompts, completions, g);
            rounds++;
            sampledAll.add(prompts, completions, rewards, 0, groupPrompts.size(), g);
            if (refill) {
                boolean[] zero = GrpoLoss.zeroSpreadGroups(GrpoLoss.weightedSums(rewards, weights.weights()), g);
                for (int group = 0; group < zero.length && kept.groups(g) < config.promptsPerBatch(); group++) {
                    if (!zero[group]) {
                        kept.add(prompts, completions, rewards, group, group + 1, g);
                    }
                }
            }
        } while (refill && kept.groups(g) < config.promptsPerBatch() && rounds < config.maxGenerationRounds());

        int[][] allCompletions = sampledAll.completions();
        double[][] allRewards = sampledAll.rewards();
        RewardStatistics stats = new RewardStatistics(allRewards);
        double[] w = weights.update(stats.means, stats.stds);
        double[] scalar = GrpoLoss.weightedSums(allRewards, w);
        boolean[] zeroSpread = GrpoLoss.zeroSpreadGroups(scalar, g);

        Map<String, Double> m = new LinkedHashMap<>();
        Generation trained = refill ? kept : sampledAll;
        if (trained.size() > 0) {
            double[][] trainedRewards = trained.rewards();
            double[] advantages = GrpoLoss.combinedAdvantages(trainedRewards, w, g, config.rewardCombination(),
                    config.scaleRewards());
            // refilled groups were kept for their spread; otherwise the trained rows are all the sampled ones
            int[] groups = refill ? IntStream.range(0, trained.groups(g)).toArray() : trainedGroups(zeroSpread);
            if (groups.length > 0) {
                train(trained.prompts(), trained.completions(), advantages, groups, m);
            }
        }
        long done = System.nanoTime();

        stepsDone += allCompletions.length;
        updates++;
        int completionTokens = Arrays.stream(allCompletions).mapToInt(c -> c.length).sum();
        throughput.add(completionTokens, sampleSeconds, (done - start) * 1e-9 - sampleSeconds);
        metrics = metrics(m, stats, scalar, zeroSpread, allCompletions, w);
        if (refill) {
            metrics = withRounds(metrics, rounds);
        }
    }

    private static Map<String, Double> withRounds(Map<String, Double> metrics, int rounds) {
        Map<String, Double> m = new LinkedHashMap<>(metrics);
        m.put("num_gen_batches", (double) rounds);
        return Map.copyOf(m);
    }

    /** The next {@code promptsPerBatch} prompts of the epoch's shuffled order. */
    private List<P> nextPrompts() {
        List<P> all = task.prompts();
        P[] chosen = newArray(config.promptsPerBatch());
        for (int p = 0; p < chosen.length; p++) {
            if (promptOrder == null || promptCursor == promptOrder.length) {
                promptOrder = promptRng.permutation(all.size());
                promptCursor = 0;
            }
            chosen[p] = all.get(promptOrder[promptCursor++]);
        }
        return Arrays.asList(chosen);
    }

    @SuppressWarnings("unchecked")
    private P[] newArray(int n) {
        return (P[]) new Object[n];
    }

    /** Indices of the groups to train on: all, or those with a spread when filtering. */
    private int[] trainedGroups(boolean[] zeroSpread) {
        return IntStream.range(0, zeroSpread.length)
                .filter(group -> !config.filterZeroStdGroups() || !zeroSpread[group])
                .toArray();
    }

    private void train(int[][] prompts, int[][] completions, double[] advantages, int[] groups, Map<String, Double> m) {
        int g = config.numGenerations();
        int minibatches = Math.min(config.minibatches(), groups.length);
        Minibatch[] parts = new Minibatch[minibatches];
        for (int part = 0; part < minibatches; part++) {
            int from = part * groups.length / minibatches;
            int to = (part + 1) * groups.length / minibatches;
            parts[part] = new Minibatch(prompts, completions, advantages, Arrays.copyOfRange(groups, from, to), g);
        }
        boolean separateOldPass = config.numIterations() > 1 || minibatches > 1;
        for (Minibatch part : parts) {
            if (separateOldPass) {
                part.oldLogProbs = policy.logProbs(part.prompts, part.completions, config.temperature()).logProbs().clone();
            }
            if (reference != null) {
                part.refLogProbs = reference.logProbs(part.prompts, part.completions, config.temperature()).logProbs();
            }
        }
        double loss = 0;
        double kl = 0;
        double low = 0;
        double high = 0;
        double entropy = 0;
        long tokens = 0;
        int steps = 0;
        for (int iteration = 0; iteration < config.numIterations(); iteration++) {
            for (Minibatch part : parts) {
                CompletionLogProbs current = policy.logProbs(part.prompts, part.completions, config.temperature());
                float[] logProbs = current.logProbs();
                float[] gradient = new float[logProbs.length];
                int[] lengths = new int[current.batchSize()];
                for (int b = 0; b < lengths.length; b++) {
                    lengths[b] = current.length(b);
                    for (int t = 0; t < lengths[b]; t++) {
                        entropy += current.entropies()[b * current.maxLength() + t];
                    }
                }
                GrpoLoss.PolicyTerm term = GrpoLoss.policyLoss(logProbs, separateOldPass ? part.oldLogProbs : logProbs,
                        part.refLogProbs, part.advantages, lengths, current.maxLength(), objective, gradient);
                policy.backward(gradient);
                optimizer.clipGradientNorm(config.maxGradNorm());
                optimizer.step();
                loss += term.loss();
                kl += term.kl() * term.tokens();
                low += term.clipRatioLow() * term.tokens();
                high += term.clipRatioHigh() * term.tokens();
                tokens += term.tokens();
                steps++;
                throughput.addTrainedPositions(part.positions());
            }
        }
        m.put("loss", loss / steps);
        if (reference != null) {
            m.put("kl", kl / tokens);
        }
        m.put("clip_ratio/low_mean", low / tokens);
        m.put("clip_ratio/high_mean", high / tokens);
        m.put("clip_ratio/region_mean", (low + high) / tokens);
        m.put("entropy", entropy / tokens);
    }

    private Map<String, Double> metrics(Map<String, Double> training, RewardStatistics stats, double[] scalar,
            boolean[] zeroSpread, int[][] completions, double[] w) {
        int g = config.numGenerations();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("reward", GrpoLoss.mean(scalar, 0, scalar.length));
        double groupStd = 0;
        for (int start = 0; start < scalar.length; start += g) {
            groupStd += GrpoLoss.std(scalar, start, g);
        }
        m.put("reward_std", groupStd / zeroSpread.length);
        List<String> names = task.rewards().rewardNames();
        for (int k = 0; k < names.size(); k++) {
            m.put("rewards/" + names.get(k) + "/mean", stats.means[k]);
            m.put("rewards/" + names.get(k) + "/std", stats.stds[k]);
            if (config.dynamicWeightRate() > 0) {
                m.put("reward_weights/" + names.get(k), w[k]);
            }
        }
        int zero = 0;
        for (boolean z : zeroSpread) {
            zero += z ? 1 : 0;
        }
        m.put("frac_reward_zero_std", (double) zero / zeroSpread.length);
        m.putAll(training);
        IntSummary lengths = new IntSummary(completions);
        m.put("completions/mean_length", lengths.mean);
        m.put("completions/min_length", (double) lengths.min);
        m.put("completions/max_length", (double) lengths.max);
        m.put("completions/clipped_ratio", lengths.clippedRatio(sampling));
        m.put("num_tokens", (double) throughput.sampledTokens);
        m.put("tokens/sampled_per_s", throughput.sampledTokens / throughput.sampleSeconds);
        m.put("tokens/trained_per_s", throughput.trainedPositions / throughput.trainSeconds);
        return Map.copyOf(m);
    }

    @Override
    public long stepsDone() {
        return stepsDone;
    }

    /** Generation batches trained so far. */
    public int updates() {
        return updates;
    }

    @Override
    public Map<String, Double> latestMetrics() {
        return metrics;
    }

    /** The trained policy: samples with the run's sampling settings, decodes greedily in {@code actDeterministic}. */
    @Override
    public CompletionPolicy policy() {
        return actingPolicy;
    }

    /** Cumulative sampling and training throughput of the run. */
    public Throughput throughput() {
        return throughput;
    }

    /** The current reward weights (fixed unless {@code dynamicWeightRate > 0}). */
    public double[] rewardWeights() {
        return weights.weights();
    }

    /**
     * Writes the policy's parameters, Adam's state, the generators and counters to {@code file}
     * atomically; {@link #restore} reads them back into a run made with the same config, policy
     * shape and task. The dynamic weights' history and the reference copy are not saved: a resumed
     * run restarts them (a documented difference from the uninterrupted run).
     */
    @Override
    public void saveCheckpoint(Path file) throws IOException {
        try (CheckpointWriter writer = CheckpointWriter.create(file)) {
            writer.section(Checkpoint.CONFIG, config.toString().getBytes(StandardCharsets.UTF_8));
            writer.section(Checkpoint.PARAMS, policy.parameters()::writeTo);
            writer.section(Checkpoint.OPTIMIZER, optimizer::writeTo);
            writer.section(Checkpoint.RNG, out -> {
                StateCodec.writeRng(out, sampleRng);
                StateCodec.writeRng(out, promptRng);
            });
            writer.section(Checkpoint.COUNTERS, out -> {
                out.writeLong(stepsDone);
                out.writeInt(updates);
                out.writeInt(promptCursor);
                out.writeInt(promptOrder == null ? -1 : promptOrder.length);
                if (promptOrder != null) {
                    for (int index : promptOrder) {
                        out.writeInt(index);
                    }
                }
            });
            writer.commit();
        }
    }

    /**
     * Restores what {@link #saveCheckpoint} wrote into this run, which must have been made with the
     * same config; every section is decoded before anything changes.
     *
     * @throws IllegalArgumentException if the checkpoint was written with another config
     */
    public void restore(Path file) throws IOException {
        Checkpoint checkpoint = Checkpoint.read(file);
        String saved = new String(checkpoint.bytes(Checkpoint.CONFIG), StandardCharsets.UTF_8);
        if (!saved.equals(config.toString())) {
            throw new IllegalArgumentException("checkpoint " + file + " was written with another config: " + saved);
        }
        float[] params = checkpoint.read(Checkpoint.PARAMS, in -> policy.parameters().readValues(in, "policy parameters"));
        Adam.State moments = checkpoint.read(Checkpoint.OPTIMIZER, in -> optimizer.readState(in, "Adam moments"));
        Rng[] rngs = checkpoint.read(Checkpoint.RNG, in -> new Rng[] {
            StateCodec.readRng(in, "sampling generator"), StateCodec.readRng(in, "prompt generator")});
        long[] counters = new long[3];
        int[][] order = new int[1][];
        checkpoint.read(Checkpoint.COUNTERS, in -> {
            counters[0] = in.readLong();
            counters[1] = in.readInt();
            counters[2] = in.readInt();
            int n = in.readInt();
            if (n > 0) {
                order[0] = new int[n];
                for (int i = 0; i < n; i++) {
                    order[0][i] = in.readInt();
                }
            }
            return null;
        });
        policy.parameters().load(params);
        optimizer.restore(moments);
        sampleRng = rngs[0];
        promptRng = rngs[1];
        stepsDone = counters[0];
        updates = (int) counters[1];
        promptCursor = (int) counters[2];
        promptOrder = order[0];
    }

    @Override
    public String toString() {
        return "Grpo[" + config + ", " + updates + " updates, " + stepsDone + " completions]";
    }

    /** Sampled completion tokens and trained (prompt + completion) positions, with the seconds spent on each. */
    public static final class Throughput {
        private long sampledTokens;
        private long trainedPositions;
        private double sampleSeconds;
        private double trainSeconds;

        private void add(int completionTokens, double sampling, double training) {
            sampledTokens += completionTokens;
            sampleSeconds += sampling;
            trainSeconds += training;
        }

        private void addTrainedPositions(long positions) {
            trainedPositions += positions;
        }

        public long sampledTokens() {
            return sampledTokens;
        }

        /** Positions (padded batch x length) run through forward and backward in the policy updates. */
        public long trainedPositions() {
            return trainedPositions;
        }

        public double sampleSeconds() {
            return sampleSeconds;
        }

        /** Seconds of everything after sampling: scoring, advantages, old/reference passes, forward, backward, Adam. */
        public double trainSeconds() {
            return trainSeconds;
        }
    }

    /** The rows of some whole groups, with their advantages and, once computed, old and reference log-probs. */
    private static final class Minibatch {
        final int[][] prompts;
        final int[][] completions;
        final double[] advantages;
        float[] oldLogProbs;
        float[] refLogProbs;

        Minibatch(int[][] allPrompts, int[][] allCompletions, double[] allAdvantages, int[] groups, int g) {
            int n = groups.length * g;
            prompts = new int[n][];
            completions = new int[n][];
            advantages = new double[n];
            for (int j = 0; j < groups.length; j++) {
                for (int i = 0; i < g; i++) {
                    int row = groups[j] * g + i;
                    prompts[j * g + i] = allPrompts[row];
                    completions[j * g + i] = allCompletions[row];
                    advantages[j * g + i] = allAdvantages[row];
                }
            }
        }

        /** Padded positions the teacher-forced pass runs over: rows x (longest prompt + completion - 1). */
        long positions() {
            int length = 1;
            for (int b = 0; b < prompts.length; b++) {
                length = Math.max(length, prompts[b].length + completions[b].length - 1);
            }
            return (long) prompts.length * length;
        }
    }

    /** Per-reward batch mean and standard deviation (unbiased). */
    private static final class RewardStatistics {
        final double[] means;
        final double[] stds;

        RewardStatistics(double[][] rewards) {
            int k = rewards[0].length;
            means = new double[k];
            stds = new double[k];
            double[] column = new double[rewards.length];
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < rewards.length; i++) {
                    column[i] = rewards[i][j];
                }
                means[j] = GrpoLoss.mean(column, 0, column.length);
                stds[j] = GrpoLoss.std(column, 0, column.length);
            }
        }
    }

    /** Completion length statistics. */
    private static final class IntSummary {
        final double mean;
        final int min;
        final int max;
        private final int[][] completions;

        IntSummary(int[][] completions) {
            this.completions = completions;
            this.mean = Arrays.stream(completions).mapToInt(c -> c.length).average().orElse(0);
            this.min = Arrays.stream(completions).mapToInt(c -> c.length).min().orElse(0);
            this.max = Arrays.stream(completions).mapToInt(c -> c.length).max().orElse(0);
        }

        /** Share of completions cut at the maximum length without an end token (TRL's {@code completions/clipped_ratio}). */
        double clippedRatio(Sampling sampling) {
            long clipped = Arrays.stream(completions)
                    .filter(c -> c.length == 0 || c[c.length - 1] != sampling.endToken())
                    .count();
            return (double) clipped / completions.length;
        }
    }

    /** Rows of whole groups gathered from one or more generation batches. */
    private static final class Generation {
        private final List<int[]> prompts = new ArrayList<>();
        private final List<int[]> completions = new ArrayList<>();
        private final List<double[]> rewards = new ArrayList<>();

        /** Appends the rows of groups {@code [fromGroup, toGroup)}. */
        void add(int[][] p, int[][] c, double[][] r, int fromGroup, int toGroup, int g) {
            for (int i = fromGroup * g; i < toGroup * g; i++) {
                prompts.add(p[i]);
                completions.add(c[i]);
                rewards.add(r[i]);
            }
        }

        int size() {
            return prompts.size();
        }

        int groups(int g) {
            return prompts.size() / g;
        }

        int[][] prompts() {
            return prompts.toArray(int[][]::new);
        }

        int[][] completions() {
            return completions.toArray(int[][]::new);
        }

        double[][] rewards() {
            return rewards.toArray(double[][]::new);
        }
    }
}
