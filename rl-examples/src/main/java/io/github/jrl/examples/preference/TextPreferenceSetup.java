package io.github.jrl.examples.preference;

import io.github.jrl.core.random.Rng;
import io.github.jrl.envs.text.AdditionTask;
import io.github.jrl.envs.text.CharTokenizer;
import io.github.jrl.envs.text.Prompt;
import io.github.jrl.envs.text.PromptDataset;
import io.github.jrl.envs.text.PromptSplit;
import io.github.jrl.envs.text.TextFormat;
import io.github.jrl.envs.text.TextRewards;
import io.github.jrl.nd4j.nn.TransformerSpec;
import io.github.jrl.nd4j.token.Sampling;
import io.github.jrl.nd4j.token.SupervisedFineTuning;
import io.github.jrl.nd4j.token.TokenPolicy;
import java.util.List;

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
}
