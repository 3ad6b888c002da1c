package io.github.jrl.examples;

import io.github.jrl.examples.bench.EnvStepBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The jrl command line. Until the first trainer lands, {@code rollout} (the default) runs a
 * random policy so that a fresh checkout has something to run end to end.
 */
@Command(name = "jrl", mixinStandardHelpOptions = true, version = "jrl 0.1.0-SNAPSHOT",
        description = "Reinforcement learning on the JVM.",
        subcommands = {RandomRollout.class, EnvStepBenchmark.class, io.github.jrl.examples.bench.PpoBenchmark.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        String[] effective = args.length == 0 ? new String[] {"rollout"} : args;
        System.exit(cli.execute(effective));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
