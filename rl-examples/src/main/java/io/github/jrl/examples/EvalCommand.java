package io.github.jrl.examples;

import io.github.jrl.core.callbacks.Evaluation;
import io.github.jrl.core.callbacks.EvaluationResult;
import io.github.jrl.envs.Envs;
import io.github.jrl.core.policy.Policy;
import io.github.jrl.nd4j.policy.PolicyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Loads a saved policy and reports its mean return over N episodes. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a saved policy (a run directory or a policy file) on an environment.")
public final class EvalCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "Run directory (holding " + TrainCommand.POLICY_FILE + ") or policy file.")
    Path source;

    @Option(names = "--env", required = true, description = "Environment id to evaluate on.")
    String envId;

    @Option(names = "--episodes", defaultValue = "20", description = "Episodes (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the evaluation env (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--stochastic", description = "Sample actions instead of taking the policy's mode.")
    boolean stochastic;

    @Override
    public Integer call() throws IOException {
        if (episodes <= 0) {
            throw new IllegalArgumentException("--episodes must be positive, got " + episodes);
        }
        Path file = Files.isDirectory(source) ? source.resolve(TrainCommand.POLICY_FILE) : source;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no policy file at " + file);
        }
        Policy<float[], Object> policy = PolicyFiles.load(file);
        EvaluationResult result = Evaluation.evaluate(policy, Envs.<float[], Object>make(envId), episodes, !stochastic, seed);
        System.out.printf(Locale.ROOT, "%s on %s: mean return %.2f +- %.2f over %d %s episodes (mean length %.1f)%n", file,
                envId, result.mean(), result.std(), episodes, stochastic ? "stochastic" : "deterministic",
                result.meanLength());
        return 0;
    }
}
