package io.github.jrl.examples.bench;

import io.github.jrl.algorithms.preference.Kto;
import io.github.jrl.algorithms.preference.KtoConfig;
import io.github.jrl.algorithms.preference.PairGenerator;
import io.github.jrl.algorithms.preference.TokenExample;
import io.github.jrl.algorithms.preference.TokenPair;
import io.github.jrl.core.metrics.MultiSink;
import io.github.jrl.core.random.Rng;
import io.github.jrl.envs.text.CharTokenizer;
import io.github.jrl.envs.text.PromptDataset;
import io.github.jrl.envs.text.TextRewards;
import io.github.jrl.examples.preference.TextPreferenceSetup;
import io.github.jrl.nd4j.token.Sampling;
import io.github.jrl.nd4j.token.TokenPolicy;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * KTO on two-digit addition from the SFT policy of {@link TextPreferenceSetup}, on exactly the
 * offline pairs of {@code bench dpo} (same seeds, same draws), unpaired as the KTO paper does to
 * compare with DPO: each chosen completion a desirable example, each rejected one undesirable.
 * Prints held-out greedy accuracy per seed.
 */
@Command(name = "kto", mixinStandardHelpOptions = true,
        description = "KTO on the offline pairs of bench dpo, unpaired; per-seed held-out accuracy on two-digit addition.")
public final class KtoBenchmark implements Callable<Integer> {

    @Option(names = "--seeds", defaultValue = "5", description = "Seeds 0..n-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--pairs", defaultValue = "512", description = "Preference pairs, 2 examples each (default: ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--samples", defaultValue = "4", description = "Completions sampled per prompt (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--beta", defaultValue = "0.1", description = "KTO beta (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--desirable-weight", defaultValue = "1", description = "lambda_D (default: ${DEFAULT-VALUE}).")
    double desirableWeight;

    @Option(names = "--undesirable-weight", defaultValue = "1", description = "lambda_U (default: ${DEFAULT-VALUE}).")
    double undesirableWeight;

    @Option(names = "--lr", defaultValue = "1e-4", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--epochs", defaultValue = "2", description = "Epochs over the examples (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "64",
            description = "Examples per update; 64 = the sequences of 32 DPO pairs (default: ${DEFAULT-VALUE}).")
    int batch;

    @Override
    public Integer call() throws IOException {
        TextPreferenceSetup setup = new TextPreferenceSetup(2, 1000, 0.2, 1000, 32, 1e-3, 500);
        PromptDataset data = setup.dataset();
        TextRewards verifier = setup.rewards(data);
        System.out.printf(Locale.ROOT, "# KTO on 2-digit addition, SFT as bench dpo; the offline pairs of bench dpo (%d, %d "
                + "samples/prompt) unpaired; beta %.3f, lambda_D %.2f, lambda_U %.2f, lr %.0e, %d epochs, batch %d%n", pairs,
                samples, beta, desirableWeight, undesirableWeight, learningRate, epochs, batch);
        System.out.println("| seed | SFT | KTO | gain | seconds |");
        System.out.println("|---:|---:|---:|---:|---:|");
        int hits = 0;
        for (int seed = 0; seed < seeds; seed++) {
            long start = System.nanoTime();
            TokenPolicy sft = setup.sftPolicy(data, seed);
            double base = setup.heldOutAccuracy(sft, data);
            TokenPolicy policy = TextPreferenceSetup.trainableCopy(sft);
            // the draws of bench dpo's offline pairs: same generator, judge and Rng(1000 + seed)
            PairGenerator generator = new PairGenerator(new Sampling(setup.maxNewTokens(data), 1.0, 0, CharTokenizer.EOS),
                    samples);
            List<TokenPair> offlinePairs = setup.trainCursor(data).pairs(policy, generator,
                    (p, c) -> TextPreferenceSetup.verifierScore(verifier, p, c), pairs, new Rng(1000 + seed));
            KtoConfig config = KtoConfig.builder().beta(beta).desirableWeight(desirableWeight)
                    .undesirableWeight(undesirableWeight).learningRate(learningRate).epochs(epochs).batchSize(batch).seed(seed)
                    .build();
            new Kto(config, policy, sft.frozenCopy()).train(TokenExample.unpaired(offlinePairs), new MultiSink());
            double accuracy = setup.heldOutAccuracy(policy, data);
            hits += accuracy - base >= 0.15 ? 1 : 0;
            System.out.printf(Locale.ROOT, "| %d | %.3f | %.3f | %+.3f | %.0f |%n", seed, base, accuracy, accuracy - base,
                    (System.nanoTime() - start) / 1e9);
        }
        System.out.printf(Locale.ROOT, "KTO gains >= 15 points in %d of %d seeds%n", hits, seeds);
        return 0;
    }
}
