package io.github.jrl.examples;

import io.github.jrl.examples.bench.BenchCommand;
import io.github.jrl.examples.dataset.DatasetCommand;
import io.github.jrl.examples.plot.PlotCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The jrl command line. Without arguments it runs the main job: {@code train} with its defaults,
 * PPO on CartPole-v1 with the rl-baselines3-zoo preset for 100k steps.
 */
@Command(name = "jrl", mixinStandardHelpOptions = true, version = "jrl 0.1.0-SNAPSHOT",
        description = "Reinforcement learning on the JVM.",
        subcommands = {TrainCommand.class, EvalCommand.class, RandomRollout.class, PlotCommand.class, BenchCommand.class,
            ParetoQLearningCommand.class, DatasetCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        String[] effective = args.length == 0 ? new String[] {"train"} : args;
        System.exit(commandLine().execute(effective));
    }

    /** The command line, with invalid values found while running a command reported as usage errors (exit 2). */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        // an invalid value found while running a command reads like a usage error, not a crash
        cli.setExecutionExceptionHandler((e, command, parseResult) -> {
            if (e instanceof IllegalArgumentException) {
                command.getErr().println("error: " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            throw e;
        });
        return cli;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
