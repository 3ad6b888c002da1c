package io.github.jrl.examples.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code jrl bench ...}: the benchmarks behind docs/benchmarks.md under one command, one
 * subcommand each; without one it lists them.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: environment stepping, PPO and SAC training, GRPO on addition, DPO, KTO, reward models,"
                + " GRPO with a reward model, offline RL.",
        subcommands = {EnvStepBenchmark.class, PpoBenchmark.class, SacBenchmark.class, GrpoBenchmark.class,
            DpoBenchmark.class, RewardModelBenchmark.class, RewardModelGrpoBenchmark.class, KtoBenchmark.class,
            OfflineBenchmark.class, OfflineFineTuneBenchmark.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "bench needs a benchmark: one of "
                + spec.subcommands().keySet());
    }
}
