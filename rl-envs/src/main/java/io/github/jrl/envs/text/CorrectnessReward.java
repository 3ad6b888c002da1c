package io.github.jrl.envs.text;

/**
 * {@code correctness}: 1 if the answer extracted from the completion (the tokens between the
 * first opening marker and the first closing marker after it, before {@code [EOS]}) is exactly
 * the prompt's answer, else 0. The rule-based accuracy reward of "DeepSeek-R1: Incentivizing
 * Reasoning Capability in LLMs via Reinforcement Learning", trained there with the GRPO of
 * "DeepSeekMath: Pushing the Limits of Mathematical Reasoning in Open Language Models": a
 * verifier instead of a learned reward model. It does not ask for a well-formed completion,
 * which is {@link FormatReward}'s job, so that the two signals stay separate for multi-reward
 * training (GDPO).
 */
public final class CorrectnessReward implements CompletionReward {

    @Override
    public String name() {
        return "correctness";
    }

    @Override
    public double score(Prompt prompt, ParsedCompletion completion) {
        return completion.answers(prompt) ? 1 : 0;
    }
}
