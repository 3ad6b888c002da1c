package io.github.jrl.examples.bench;

import io.github.jrl.envs.text.ParsedCompletion;
import io.github.jrl.envs.text.Prompt;
import io.github.jrl.envs.text.TextFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Held-out addition results broken down by what makes a sum hard: whether it has one more digit
 * than its operands (a sum of two 3-digit numbers of 1,000 or more) and how many column carries it
 * needs; and what went wrong when an answer is wrong (no well-formed answer, an answer of the wrong
 * length, or the right length with a wrong digit). Used by {@code bench grpo --breakdown} to see
 * which prompts a plateaued policy never solves.
 */
final class AdditionBreakdown {

    /** Carries of 0, 1, 2 and 3 or more. */
    static final int CARRY_CLASSES = 4;

    /** Wrong greedy answers kept per sum length, to show what the errors look like. */
    static final int EXAMPLES = 4;

    private final int[] total = new int[2 * CARRY_CLASSES];
    private final int[] correct = new int[2 * CARRY_CLASSES];
    private final int[] solvedOnce = new int[2 * CARRY_CLASSES];
    private int malformed;
    private int wrongLength;
    private int wrongDigit;
    private final List<List<String>> examples = List.of(new ArrayList<>(), new ArrayList<>());

    /** Carries of the column sums of {@code a + b} (non-negative operands), counted from the units. */
    static int carries(long a, long b) {
        if (a < 0 || b < 0) {
            throw new IllegalArgumentException("operands must be non-negative, got " + a + " and " + b);
        }
        int carries = 0;
        int carry = 0;
        while (a > 0 || b > 0) {
            carry = (int) (a % 10 + b % 10 + carry) >= 10 ? 1 : 0;
            carries += carry;
            a /= 10;
            b /= 10;
        }
        return carries;
    }

    /** Whether the sum has more digits than the longer operand. */
    static boolean longerSum(long a, long b) {
        return Long.toString(a + b).length() > Math.max(Long.toString(a).length(), Long.toString(b).length());
    }

    private static int category(Prompt prompt) {
        String[] operands = prompt.question().split("\\+");
        if (operands.length != 2) {
            throw new IllegalArgumentException("not an addition prompt: " + prompt.question());
        }
        long a = Long.parseLong(operands[0]);
        long b = Long.parseLong(operands[1]);
        return (longerSum(a, b) ? CARRY_CLASSES : 0) + Math.min(CARRY_CLASSES - 1, carries(a, b));
    }

    /**
     * Adds one prompt's greedy completion and, optionally, whether any of its sampled completions
     * was correct.
     */
    void add(Prompt prompt, int[] greedy, TextFormat format, boolean anySampleCorrect) {
        int c = category(prompt);
        total[c]++;
        ParsedCompletion parsed = format.parse(greedy);
        if (parsed.answers(prompt)) {
            correct[c]++;
        } else if (!parsed.wellFormed()) {
            malformed++;
        } else if (parsed.length() - TextFormat.MARKUP_LENGTH != prompt.answer().length()) {
            wrongLength++;
        } else {
            wrongDigit++;
        }
        List<String> shown = examples.get(c / CARRY_CLASSES);
        if (!parsed.answers(prompt) && shown.size() < EXAMPLES) {
            shown.add(prompt.question() + "=" + prompt.answer() + " got " + format.tokenizer().decode(greedy));
        }
        if (anySampleCorrect) {
            solvedOnce[c]++;
        }
    }

    /** Greedy accuracy over the prompts of one category: {@code longer} sums with {@code carries} (3 for 3 or more). */
    double accuracy(boolean longer, int carries) {
        int c = (longer ? CARRY_CLASSES : 0) + carries;
        return total[c] == 0 ? Double.NaN : (double) correct[c] / total[c];
    }

    int prompts(boolean longer, int carries) {
        return total[(longer ? CARRY_CLASSES : 0) + carries];
    }

    int malformed() {
        return malformed;
    }

    int wrongLength() {
        return wrongLength;
    }

    int wrongDigit() {
        return wrongDigit;
    }

    /** One line per sum length: greedy accuracy (and pass@G where sampled) by carries, then the error kinds. */
    List<String> lines(boolean sampled, int g) {
        String[] rows = new String[3];
        for (int longer = 0; longer < 2; longer++) {
            StringBuilder line = new StringBuilder(longer == 1 ? "    longer sum:  " : "    same length: ");
            int n = 0;
            int ok = 0;
            int once = 0;
            for (int k = 0; k < CARRY_CLASSES; k++) {
                int c = longer * CARRY_CLASSES + k;
                n += total[c];
                ok += correct[c];
                once += solvedOnce[c];
                line.append(String.format(Locale.ROOT, " carries %s: %d/%d", k == CARRY_CLASSES - 1 ? k + "+" : k,
                        correct[c], total[c]));
                if (sampled) {
                    line.append(String.format(Locale.ROOT, " (pass@%d %d)", g, solvedOnce[c]));
                }
                line.append(';');
            }
            line.append(String.format(Locale.ROOT, " all %d/%d = %.1f %%", ok, n, n == 0 ? 0 : 100.0 * ok / n));
            if (sampled) {
                line.append(String.format(Locale.ROOT, ", pass@%d %.1f %%", g, n == 0 ? 0 : 100.0 * once / n));
            }
            if (!examples.get(longer).isEmpty()) {
                line.append("; e.g. ").append(String.join(", ", examples.get(longer)));
            }
            rows[longer] = line.toString();
        }
        rows[2] = String.format(Locale.ROOT, "    wrong answers: %d malformed, %d of the wrong length, %d with a wrong digit",
                malformed, wrongLength, wrongDigit);
        return List.of(rows);
    }
}
