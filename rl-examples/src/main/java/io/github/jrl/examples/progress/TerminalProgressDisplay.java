package io.github.jrl.examples.progress;

import java.io.PrintStream;

/**
 * Redraws one line in place, {@code [#######-------] 43,008/100,000 steps (43%) | ...}: a carriage
 * return moves back to the line's start, and spaces blank what a longer previous line left.
 */
final class TerminalProgressDisplay implements ProgressDisplay {

    static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private int lastLength;

    TerminalProgressDisplay(PrintStream out) {
        this.out = out;
    }

    @Override
    public void update(Progress progress) {
        String line = bar(progress.fraction()) + " " + progress.summary();
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
    }

    @Override
    public void finish(Progress progress) {
        update(progress);
        out.println();
        lastLength = 0;
    }

    static String bar(double fraction) {
        int filled = (int) Math.floor(fraction * BAR_WIDTH);
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "]";
    }
}
