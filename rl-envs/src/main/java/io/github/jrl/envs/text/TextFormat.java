package io.github.jrl.envs.text;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * The fixed layout of prompts and completions shared by every text task, over one
 * {@link CharTokenizer}:
 *
 * <pre>
 * prompt:     [BOS] question [SEP]           e.g. [BOS]123+456[SEP]
 * completion: &lt; answer &gt; [EOS]               e.g. &lt;579&gt;[EOS]
 * </pre>
 *
 * <p>The answer markers {@code <} and {@code >} play the part of the {@code <answer>} tags of the
 * format rewards in TRL and in DeepSeek-R1-style training, at one token each so that a small
 * policy spends its capacity on the answer. No task's answers contain them, so the answer a
 * completion gives is unambiguous.
 */
public final class TextFormat {

    public static final char ANSWER_OPEN = '<';
    public static final char ANSWER_CLOSE = '>';
    /** Tokens a target completion adds to its answer: the two markers and {@code [EOS]}. */
    public static final int MARKUP_LENGTH = 3;

    private final CharTokenizer tokenizer;
    private final int open;
    private final int close;

    /**
     * @throws IllegalArgumentException if the tokenizer lacks an answer marker
     */
    public TextFormat(CharTokenizer tokenizer) {
        this.tokenizer = tokenizer;
        if (!tokenizer.contains(ANSWER_OPEN) || !tokenizer.contains(ANSWER_CLOSE)) {
            throw new IllegalArgumentException("the tokenizer alphabet \"" + tokenizer.alphabet() + "\" lacks the answer markers '"
                    + ANSWER_OPEN + "' and '" + ANSWER_CLOSE + "'; build it with TextFormat.forTasks");
        }
        this.open = tokenizer.id(ANSWER_OPEN);
        this.close = tokenizer.id(ANSWER_CLOSE);
    }

    /**
     * The format over the smallest tokenizer for {@code tasks}: their alphabets and the answer
     * markers, each character once, in ascending order, so the vocabulary depends only on the
     * set of characters.
     */
    public static TextFormat forTasks(TextTask... tasks) {
        if (tasks.length == 0) {
            throw new IllegalArgumentException("a text format needs at least one task to take its alphabet from");
        }
        TreeSet<Character> characters = new TreeSet<>();
        characters.add(ANSWER_OPEN);
        characters.add(ANSWER_CLOSE);
        for (TextTask task : tasks) {
            task.alphabet().chars().forEach(c -> characters.add((char) c));
        }
        StringBuilder alphabet = new StringBuilder(characters.size());
        characters.forEach(alphabet::append);
        return new TextFormat(new CharTokenizer(alphabet.toString()));
    }

    public CharTokenizer tokenizer() {
        return tokenizer;
    }

    /**
     * {@code problem} rendered as prompt tokens, answer tokens and target completion.
     *
     * @throws IllegalArgumentException if the question or answer has a character outside the
     *     tokenizer's alphabet or a special-token name, or the answer contains an answer marker
     *     or is empty
     */
    public Prompt prompt(Problem problem) {
        int[] question = plainTokens(problem.question(), "question");
        int[] answer = plainTokens(problem.answer(), "answer");
        for (int token : answer) {
            if (token == open || token == close) {
                throw new IllegalArgumentException("the answer \"" + problem.answer() + "\" contains an answer marker ('"
                        + ANSWER_OPEN + "' or '" + ANSWER_CLOSE + "'), so it could not be told apart from its markers");
            }
        }
        if (answer.length == 0) {
            throw new IllegalArgumentException("the answer to \"" + problem.question() + "\" is empty; a well-formed completion needs one token");
        }
        int[] tokens = new int[question.length + 2];
        tokens[0] = CharTokenizer.BOS;
        System.arraycopy(question, 0, tokens, 1, question.length);
        tokens[tokens.length - 1] = CharTokenizer.SEP;
        int[] target = new int[answer.length + MARKUP_LENGTH];
        target[0] = open;
        System.arraycopy(answer, 0, target, 1, answer.length);
        target[answer.length + 1] = close;
        target[answer.length + 2] = CharTokenizer.EOS;
        return new Prompt(problem, tokens, answer, target);
    }

    private int[] plainTokens(String text, String what) {
        int[] tokens = tokenizer.encode(text);
        for (int token : tokens) {
            if (tokenizer.isSpecial(token)) {
                throw new IllegalArgumentException("the " + what + " \"" + text + "\" contains a special token; "
                        + "questions and answers are plain text");
            }
        }
        return tokens;
    }

    /**
     * Reads {@code completion} for the rewards; the array is not copied and must not change
     * while the result is in use.
     *
     * @throws IllegalArgumentException if a token id is outside the vocabulary
     */
    public ParsedCompletion parse(int[] completion) {
        int end = -1;
        for (int i = 0; i < completion.length; i++) {
            tokenizer.requireInVocabulary(completion[i], i);
            if (completion[i] == CharTokenizer.EOS && end < 0) {
                end = i;
            }
        }
        int content = end >= 0 ? end : completion.length;
        int answerStart = indexOf(completion, open, 0, content);
        int answerEnd = answerStart < 0 ? -1 : indexOf(completion, close, answerStart + 1, content);
        boolean wellFormed = end >= 0 && answerStart == 0 && answerEnd == end - 1 && answerEnd >= 2
                && isPlain(completion, 1, answerEnd);
        return new ParsedCompletion(completion, end >= 0 ? end + 1 : completion.length, end >= 0, answerStart,
                answerEnd, wellFormed);
    }

    private boolean isPlain(int[] tokens, int from, int to) {
        return Arrays.stream(tokens, from, to).noneMatch(t -> tokenizer.isSpecial(t) || t == open || t == close);
    }

    private static int indexOf(int[] tokens, int token, int from, int to) {
        for (int i = from; i < to; i++) {
            if (tokens[i] == token) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "TextFormat(" + tokenizer + ")";
    }
}
