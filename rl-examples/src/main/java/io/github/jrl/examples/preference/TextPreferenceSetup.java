package io.github.jrl.examples.preference;

import io.github.jrl.algorithms.preference.PairGenerator;
import io.github.jrl.algorithms.preference.RewardModelTrainer;
import io.github.jrl.algorithms.preference.RewardModelTrainer.Comparison;
import io.github.jrl.algorithms.preference.TokenCompletion;
import io.github.jrl.algorithms.preference.TokenPair;
import io.github.jrl.core.random.Rng;
import io.github.jrl.envs.text.AdditionTask;
import io.github.jrl.envs.text.CharTokenizer;
import io.github.jrl.envs.text.Prompt;
import io.github.jrl.envs.text.PromptDataset;
import io.github.jrl.envs.text.PromptSplit;
import io.github.jrl.envs.text.TextFormat;
import io.github.jrl.envs.text.TextRewards;
import io.github.jrl.nd4j.nn.TransformerSpec;
import io.github.jrl.nd4j.reward.SequenceRewardNetwork;
import io.github.jrl.nd4j.token.Sampling;
import io.github.jrl.nd4j.token.SupervisedFineTuning;
import io.github.jrl.nd4j.token.TokenPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;

/**
 * The text task of the preference experiments and its moderate SFT starting point: two-digit
 * addition, a small transformer fine-tuned on scarce, noisy demonstrations (a few hundred
 * training prompts, a share of them with a wrong answer one digit off), so that greedy held-out
 * accuracy starts well below its ceiling and sampled completions of one prompt often differ in
 * correctness, which is what pairs need.
 *
 * @param digits digits of each addend
 * @param demonstrations distinct training prompts shown to SFT
 * @param noise share of demonstrations whose answer has one digit replaced by another
 * @param sftSteps SFT updates, minibatches of {@code sftBatch} demonstrations
 * @param sftBatch demonstrations per SFT update
 * @param sftLearningRate Adam step size of SFT
 * @param testPrompts held-out prompts of the evaluation
 */
public record TextPreferenceSetup(int digits, int demonstrations, double noise, int sftSteps, int sftBatch,
        double sftLearningRate, int testPrompts) {

    /** Extra tokens a sampled completion may take beyond the longest target, so wrong formats show. */
    private static final int SLACK = 2;

    public PromptDataset dataset() {
        AdditionTask task = new AdditionTask(digits);
        return new PromptDataset(task, TextFormat.forTasks(task), 0L, testPrompts,
                PromptDataset.maxTrainSize(task, testPrompts));
    }

    public TextRewards rewards(PromptDataset data) {
        return TextRewards.standard(data.format(), data.maxTargetLength(), maxNewTokens(data));
    }

    public int maxNewTokens(PromptDataset data) {
        return data.maxTargetLength() + SLACK;
    }

    /**
     * GPT-2's layout at toy size: width 32, 4 heads, 2 layers, feed-forward 64. The context holds
     * a whole prompt and completion, one position more than sampling needs, so that a reward
     * model of the same spec reads every sequence and can start from the policy's parameters.
     */
    public TransformerSpec spec(PromptDataset data) {
        return new TransformerSpec(data.format().tokenizer().vocabSize(), data.maxPromptLength() + maxNewTokens(data), 32,
                4, 2, 64);
    }

    /**
     * A freshly initialised policy fine-tuned on {@link #demonstrations} training prompts, the
     * first ones of the training split (disjoint from everything the preference stages read,
     * which start after them), a seeded {@link #noise} share of them with a corrupted answer.
     */
    public TokenPolicy sftPolicy(PromptDataset data, long seed) {
        Rng rng = new Rng(seed);
        TokenPolicy policy = new TokenPolicy(spec(data), rng.split());
        List<Prompt> train = data.prompts(PromptSplit.TRAIN);
        int[][] prompts = new int[demonstrations][];
        int[][] targets = new int[demonstrations][];
        for (int i = 0; i < demonstrations; i++) {
            Prompt prompt = train.get(i);
            prompts[i] = prompt.tokens();
            targets[i] = prompt.targetCompletion();
            if (rng.nextDouble() < noise) {
                corruptOneDigit(targets[i], data.format(), rng);
            }
        }
        SupervisedFineTuning sft = new SupervisedFineTuning(policy, sftLearningRate, 1.0);
        int[][] batchPrompts = new int[sftBatch][];
        int[][] batchTargets = new int[sftBatch][];
        for (int step = 0; step < sftSteps; step++) {
            for (int b = 0; b < sftBatch; b++) {
                int i = rng.nextInt(demonstrations);
                batchPrompts[b] = prompts[i];
                batchTargets[b] = targets[i];
            }
            sft.step(batchPrompts, batchTargets);
        }
        return policy;
    }

    /** Replaces one answer digit (between the markers) by a different digit. */
    private static void corruptOneDigit(int[] target, TextFormat format, Rng rng) {
        int position = 1 + rng.nextInt(target.length - 3); // target is '<' answer '>' [EOS]
        int digit = format.tokenizer().decode(new int[] {target[position]}).charAt(0) - '0';
        int replacement = (digit + 1 + rng.nextInt(9)) % 10;
        target[position] = format.tokenizer().id((char) ('0' + replacement));
    }

    /** The training prompts after the SFT demonstrations, from which preference pairs are drawn. */
    public PromptCursor trainCursor(PromptDataset data) {
        return new PromptCursor(data.prompts(PromptSplit.TRAIN), demonstrations);
    }

    /** The verifier's preference: correctness first, format as a tie-breaker. */
    public static double verifierScore(TextRewards rewards, Prompt prompt, int[] completion) {
        double[] r = rewards.score(prompt, completion);
        return 2 * r[0] + r[1];
    }

    /** A trainable policy with {@code policy}'s parameters. */
    public static TokenPolicy trainableCopy(TokenPolicy policy) {
        TokenPolicy copy = new TokenPolicy(policy.spec(), new Rng(0)); // initial draw overwritten
        copy.parameters().copyFrom(policy.parameters());
        return copy;
    }

    /** Share of held-out prompts answered correctly with greedy decoding, as GRPO reports accuracy. */
    public double heldOutAccuracy(TokenPolicy policy, PromptDataset data) {
        List<Prompt> test = data.prompts(PromptSplit.TEST);
        int[][] prompts = new int[test.size()][];
        for (int i = 0; i < prompts.length; i++) {
            prompts[i] = test.get(i).tokens();
        }
        int[][] completions = policy.sample(prompts, Sampling.greedy(maxNewTokens(data), CharTokenizer.EOS),
                new Rng(0));
        TextRewards rewards = rewards(data);
        double correct = 0;
        for (int i = 0; i < prompts.length; i++) {
            correct += rewards.score(test.get(i), completions[i])[0];
        }
        return correct / prompts.length;
    }

    /** Best-vs-worst pairs from 4 samples per prompt at temperature 1, as every preference experiment here draws them. */
    public PairGenerator pairGenerator(PromptDataset data) {
        return pairGenerator(data, 4, PairGenerator.Pairing.BEST_VS_WORST);
    }

    /** Pairs made by {@code pairing} from {@code samples} samples per prompt at temperature 1. */
    public PairGenerator pairGenerator(PromptDataset data, int samples, PairGenerator.Pairing pairing) {
        return new PairGenerator(new Sampling(maxNewTokens(data), 1.0, 0, CharTokenizer.EOS), samples, pairing);
    }

    /** The held-out prompts, from the first, for held-out pairs. */
    public static PromptCursor testCursor(PromptDataset data) {
        return new PromptCursor(data.prompts(PromptSplit.TEST), 0);
    }

    public static List<Comparison> comparisons(List<TokenPair> pairs, int objective) {
        return pairs.stream().map(p -> new Comparison(p, objective)).toList();
    }

    /** A reward network of the policy's architecture, its encoder starting from the SFT policy (Ouyang et al. 2022). */
    public static SequenceRewardNetwork rewardNetwork(TokenPolicy sft, int heads, long seed) {
        SequenceRewardNetwork network = new SequenceRewardNetwork(sft.spec(), heads, new Rng(seed));
        network.initializeEncoder(sft.parameters());
        return network;
    }

    /**
     * A trained Bradley–Terry model, the trainer that can go on training it, the comparisons it was
     * trained on (a mutable list that {@link #refreshRewardModel} extends), its number of held-out
     * pairs, its held-out pairwise accuracy, and the verifier labels its initial training pairs
     * cost (every sample judged, paired or not).
     */
    public record TrainedRewardModel(SequenceRewardNetwork network, RewardModelTrainer trainer, List<Comparison> train,
            int heldOutPairs, double accuracy, long trainLabels) {

        public int trainPairs() {
            return train.size();
        }
    }

    /**
     * A Bradley–Terry model trained (Adam at {@code learningRate}, batches of 32) on up to
     * {@code pairs} pairs made by {@code training} from the SFT policy's samples of training
     * prompts judged by {@code judge}, with its pairwise accuracy on best-vs-worst pairs of 4
     * samples ({@link #pairGenerator(PromptDataset)}) of every held-out prompt, whatever the
     * training pairs.
     */
    public TrainedRewardModel trainRewardModel(PromptDataset data, TokenPolicy sft, ToDoubleBiFunction<Prompt, int[]> judge,
            PairGenerator training, int pairs, int epochs, double learningRate, long seed, Rng rng) {
        CountingJudge counted = new CountingJudge(judge);
        List<Comparison> train = comparisons(trainCursor(data).pairs(sft, training, counted, pairs, rng), 0);
        List<Comparison> heldOut = comparisons(testCursor(data).pairs(sft, pairGenerator(data), judge, Integer.MAX_VALUE,
                rng), 0);
        SequenceRewardNetwork network = rewardNetwork(sft, 1, seed);
        RewardModelTrainer trainer = new RewardModelTrainer(network, learningRate, 32, 1.0, seed);
        trainer.train(train, epochs);
        return new TrainedRewardModel(network, trainer, new ArrayList<>(train), heldOut.size(),
                RewardModelTrainer.pairwiseAccuracy(network, heldOut), counted.labels);
    }

    /**
     * Iterated RLHF's reward-model step (Ouyang et al. 2022 collect comparisons of the current
     * policy's samples and retrain; Bai et al. 2022, "Training a Helpful and Harmless Assistant with
     * RLHF", section 4.5, refresh the preference model weekly on the latest policy's samples so
     * that it stays accurate where the policy now puts its mass): {@code count} new pairs of
     * {@code policy}'s samples of training prompts judged by {@code judge}, from {@code cursor}
     * ({@link PromptCursor#restart restarted} when it runs out), trained {@code epochs} epochs
     * together with as many earlier pairs drawn at random, so that the model does not forget the
     * SFT policy's mistakes. The new pairs join {@code model.train()}.
     *
     * @return the verifier labels it took: every sample judged
     * @throws IllegalArgumentException if {@code count} or {@code epochs} is not positive
     */
    public long refreshRewardModel(TrainedRewardModel model, PromptCursor cursor, TokenPolicy policy,
            ToDoubleBiFunction<Prompt, int[]> judge, PairGenerator generator, int count, int epochs, Rng rng) {
        if (count <= 0 || epochs <= 0) {
            throw new IllegalArgumentException("a refresh needs positive pairs and epochs, got " + count + " and " + epochs);
        }
        CountingJudge counted = new CountingJudge(judge);
        List<TokenPair> fresh = cursor.pairs(policy, generator, counted, count, rng);
        if (fresh.size() < count) {
            cursor.restart();
            fresh.addAll(cursor.pairs(policy, generator, counted, count - fresh.size(), rng));
        }
        List<Comparison> freshComparisons = comparisons(fresh, 0);
        List<Comparison> batch = new ArrayList<>(freshComparisons);
        for (int i = 0; i < fresh.size() && !model.train().isEmpty(); i++) {
            batch.add(model.train().get(rng.nextInt(model.train().size())));
        }
        model.trainer().train(batch, epochs);
        model.train().addAll(freshComparisons);
        return counted.labels;
    }

    /**
     * Pairwise accuracy of {@code network} on the comparisons GRPO's advantages rest on: every two
     * of {@code samples} temperature-1 samples of the SFT policy for each held-out prompt that
     * {@code judge} scores differently ({@link PairGenerator.Pairing#ALL_PAIRS}).
     */
    public double heldOutGroupAccuracy(SequenceRewardNetwork network, TokenPolicy sft, PromptDataset data,
            ToDoubleBiFunction<Prompt, int[]> judge, int samples, Rng rng) {
        List<Comparison> pairs = comparisons(testCursor(data).pairs(sft, pairGenerator(data, samples,
                PairGenerator.Pairing.ALL_PAIRS), judge, Integer.MAX_VALUE, rng), 0);
        return RewardModelTrainer.pairwiseAccuracy(network, pairs);
    }

    /**
     * One completion of {@code policy} per held-out prompt at temperature 1: the inputs on which
     * ensemble members are standardised ({@link io.github.jrl.algorithms.preference.RewardEnsemble#standardizedOn}).
     */
    public List<TokenCompletion> heldOutSamples(TokenPolicy policy, PromptDataset data, Rng rng) {
        int[][] prompts = data.prompts(PromptSplit.TEST).stream().map(Prompt::tokens).toArray(int[][]::new);
        int[][] completions = policy.sample(prompts, new Sampling(maxNewTokens(data), 1.0, 0, CharTokenizer.EOS), rng);
        List<TokenCompletion> samples = new ArrayList<>();
        for (int i = 0; i < prompts.length; i++) {
            samples.add(new TokenCompletion(prompts[i], completions[i]));
        }
        return samples;
    }

    /** A judge that counts the labels it gives: every sample judged costs one verifier label. */
    private static final class CountingJudge implements ToDoubleBiFunction<Prompt, int[]> {
        private final ToDoubleBiFunction<Prompt, int[]> judge;
        private long labels;

        CountingJudge(ToDoubleBiFunction<Prompt, int[]> judge) {
            this.judge = judge;
        }

        @Override
        public double applyAsDouble(Prompt prompt, int[] completion) {
            labels++;
            return judge.applyAsDouble(prompt, completion);
        }
    }
}
