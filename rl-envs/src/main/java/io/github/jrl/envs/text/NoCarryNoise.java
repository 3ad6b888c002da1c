package io.github.jrl.envs.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Systematically wrong demonstrations for {@link AdditionTask}: the answer computed without
 * carries, used to make a supervised starting policy <em>moderate</em> while it still learns every
 * skill of the task (the "noisy demonstrations" start of docs/grpo.md).
 *
 * <p><b>The no-carry answer.</b> For {@code a+b} with operands of {@code n} digits, the last
 * {@code n} digits of the answer are the digit-wise sums modulo 10 ({@code (a_i + b_i) mod 10},
 * no carry passed on), and the answer keeps the <em>correct answer's length</em>: when
 * {@code a + b} has {@code n + 1} digits it is prefixed with {@code 1}, as the correct answer is.
 * So {@code 179+253} (correct {@code 432}) gives {@code 322}, {@code 680+529} (correct
 * {@code 1209}) gives {@code 1109}, and a problem without any carry gives its correct answer.
 * The length rule is kept so that the error is in the carries only: which answers have four
 * digits, the skill the policy learns separately (docs/grpo.md, "two skills"), is demonstrated
 * correctly in every example. A carry out of the leading digit alone (e.g. {@code 500+600})
 * changes nothing, since the prefix {@code 1} is kept. The leading digit is never {@code 0} below
 * 1,000: without a carry into it, the leading digits' sum is below 10 and at least 1 (the leading
 * digit of an operand is not 0 when {@code n > 1}).
 *
 * <p><b>Which demonstrations.</b> {@link #corrupt} replaces exactly
 * {@code round(fraction * size)} of a list of problems by their no-carry versions, chosen by a
 * {@link SeededPermutation} of the list's positions: the first {@code round(fraction * size)}
 * positions of the permutation. The choice is fixed for a seed, so the same demonstration is
 * always shown with the same answer, and the fraction of <em>wrong</em> demonstrations is
 * {@code fraction} times the share of problems with a carry that changes the answer.
 *
 * <p>A systematic error, not a random one, is what keeps the correct answer likely: a policy
 * fitted to the mixture puts about {@code 1 - fraction} of its probability on the correct answer
 * and {@code fraction} on the no-carry one for a carry problem, so with {@code fraction > 1/2}
 * greedy decoding answers the carry problems wrongly while sampling still finds the correct
 * answer often, which is what GRPO's group-relative advantage amplifies (Shao et al. 2024,
 * "DeepSeekMath", arXiv:2402.03300, sec. 5.2.2: RL mostly raises the probability of answers the
 * model can already sample, Maj@K rather than Pass@K). Carry-free digit-wise addition is also the
 * classic systematic error of learners (Brown and VanLehn, "Repair Theory", Cognitive Science 4,
 * 1980: the "forgot to carry" bug).
 */
public final class NoCarryNoise {

    private NoCarryNoise() {
    }

    /**
     * The no-carry answer to an addition question {@code a+b} whose operands have the same number
     * of digits (the questions of {@link AdditionTask}).
     *
     * @throws IllegalArgumentException if the question is not two equally long digit strings
     *                                  joined by {@code +}
     */
    public static String answer(String question) {
        int plus = question.indexOf('+');
        if (plus <= 0 || plus != question.lastIndexOf('+') || 2 * plus + 1 != question.length()) {
            throw new IllegalArgumentException("not an addition of two equally long operands: '" + question + "'");
        }
        String a = question.substring(0, plus);
        String b = question.substring(plus + 1);
        StringBuilder digits = new StringBuilder(plus + 1);
        int carry = 0;
        for (int i = plus - 1; i >= 0; i--) {
            int x = digit(a.charAt(i), question);
            int y = digit(b.charAt(i), question);
            digits.append((char) ('0' + (x + y) % 10));
            carry = (x + y + carry) / 10;
        }
        // 'carry' followed the true sum: it is 1 exactly when a + b has one more digit than the operands
        if (carry == 1) {
            digits.append('1');
        }
        return digits.reverse().toString();
    }

    private static int digit(char c, String question) {
        if (c < '0' || c > '9') {
            throw new IllegalArgumentException("not an addition of two equally long operands: '" + question + "'");
        }
        return c - '0';
    }

    /** The problem with its answer replaced by the {@link #answer no-carry answer}. */
    public static Problem noCarry(Problem problem) {
        return new Problem(problem.question(), answer(problem.question()));
    }

    /**
     * A copy of {@code problems} in which exactly {@code round(fraction * size)} problems, chosen
     * by {@code seed} (class comment), have their no-carry answer; the others, and the order, are
     * unchanged.
     *
     * @param fraction in {@code [0, 1]}
     */
    public static List<Problem> corrupt(List<Problem> problems, double fraction, long seed) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("noise fraction must be in [0, 1], got " + fraction);
        }
        List<Problem> out = new ArrayList<>(problems);
        if (problems.isEmpty()) {
            return out;
        }
        long count = Math.round(fraction * problems.size());
        SeededPermutation order = new SeededPermutation(problems.size(), seed);
        for (long k = 0; k < count; k++) {
            int i = (int) order.apply(k);
            out.set(i, noCarry(problems.get(i)));
        }
        return out;
    }
}
