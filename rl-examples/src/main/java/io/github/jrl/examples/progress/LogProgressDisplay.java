package io.github.jrl.examples.progress;

import java.util.function.Consumer;

/** Writes each update as a plain line for logs that cannot redraw (CI, files, pipes). */
final class LogProgressDisplay implements ProgressDisplay {

    private final Consumer<String> log;

    LogProgressDisplay(Consumer<String> log) {
        this.log = log;
    }

    @Override
    public void update(Progress progress) {
        log.accept(progress.summary());
    }

    @Override
    public void finish(Progress progress) {
        log.accept("training ended at " + progress.summary());
    }
}
