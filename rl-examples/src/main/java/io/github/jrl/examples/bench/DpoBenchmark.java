package io.github.jrl.examples.bench;

import io.github.jrl.algorithms.preference.Dpo;
import io.github.jrl.algorithms.preference.DpoConfig;
import io.github.jrl.algorithms.preference.DpoLossType;
import io.github.jrl.algorithms.preference.PairGenerator;
import io.github.jrl.algorithms.preference.PreferenceJsonl;
import io.github.jrl.algorithms.preference.PreferencePair;
import io.github.jrl.algorithms.preference.TokenPair;
import io.github.jrl.core.metrics.MultiSink;
import io.github.jrl.core.random.Rng;
import io.github.jrl.envs.text.CharTokenizer;
import io.github.jrl.envs.text.Prompt;
import io.github.jrl.envs.text.PromptDataset;
import io.github.jrl.envs.text.TextRewards;
import io.github.jrl.examples.preference.PromptCursor;
import io.github.jrl.examples.preference.TextPreferenceSetup;
import io.github.jrl.nd4j.token.Sampling;
import io.github.jrl.nd4j.token.TokenPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleBiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Issue 7's DPO experiment on two-digit addition: from a moderate SFT policy
 * ({@link TextPreferenceSetup}), offline DPO on pairs sampled once from it against iterative DPO
 * on the same number of pairs sampled from the current policy each round, pairs judged by the
 * verifier (correctness, then format); prints held-out greedy accuracy per seed.
 */
@Command(name = "dpo", mixinStandardHelpOptions = true,
        description = "Offline vs iterative DPO from an SFT policy on two-digit addition; per-seed held-out accuracy.")
public final class DpoBenchmark implements Callable<Integer> {

    @Option(names = "--seeds", defaultValue = "5", description = "Seeds 0..n-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--demonstrations", defaultValue = "1000", description = "SFT demonstrations (default: ${DEFAULT-VALUE}).")
    int demonstrations;

    @Option(names = "--noise", defaultValue = "0.2", description = "Share of SFT demonstrations with a wrong digit (default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--sft-steps", defaultValue = "1000", description = "SFT updates of 32 demonstrations (default: ${DEFAULT-VALUE}).")
    int sftSteps;

    @Option(names = "--pairs", defaultValue = "512", description = "Preference pairs per method (default: ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--rounds", defaultValue = "4", description = "Rounds of iterative DPO (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--samples", defaultValue = "4", description = "Completions sampled per prompt (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--loss", defaultValue = "SIGMOID", description = "Loss type: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    DpoLossType loss;

    @Option(names = "--beta", defaultValue = "0.1", description = "DPO beta (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--rpo-alpha", defaultValue = "0", description = "RPO's NLL weight (default: ${DEFAULT-VALUE}).")
    double rpoAlpha;

    @Option(names = "--lr", defaultValue = "1e-4", description = "DPO learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--epochs", defaultValue = "2", description = "DPO epochs over each set of pairs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "32", description = "Pairs per DPO update (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--update-reference", defaultValue = "true", arity = "1",
            description = "Iterative DPO: the reference is the policy at the start of each round (else the SFT policy) (default: ${DEFAULT-VALUE}).")
    boolean updateReference;

    @Option(names = "--save-pairs", description = "Directory to write each seed's offline pairs to, as TRL-style JSON lines.")
    Path savePairs;

    @Override
    public Integer call() throws IOException {
        TextPreferenceSetup setup = new TextPreferenceSetup(2, demonstrations, noise, sftSteps, 32, 1e-3, 500);
        PromptDataset data = setup.dataset();
        TextRewards verifier = setup.rewards(data);
        System.out.printf(Locale.ROOT, "# DPO on 2-digit addition: SFT %d demos (noise %.2f, %d steps); %d pairs (%d samples/prompt), "
                + "%s beta %.3f rpo %.2f lr %.0e, %d epochs, batch %d; iterative %d rounds, reference %s%n",
                demonstrations, noise, sftSteps, pairs, samples, loss, beta, rpoAlpha, learningRate, epochs, batch, rounds,
                updateReference ? "updated each round" : "SFT policy");
        System.out.println("| seed | SFT | offline DPO | iterative DPO | offline gain | iterative gain | seconds |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        int offlineHits = 0;
        for (int seed = 0; seed < seeds; seed++) {
            long start = System.nanoTime();
            TokenPolicy sft = setup.sftPolicy(data, seed);
            double base = setup.heldOutAccuracy(sft, data);
            Sampling sampling = new Sampling(setup.maxNewTokens(data), 1.0, 0, CharTokenizer.EOS);
            PairGenerator generator = new PairGenerator(sampling, samples);
            Rng rng = new Rng(1000 + seed);
            ToDoubleBiFunction<Prompt, int[]> judge = (prompt, completion) -> TextPreferenceSetup.verifierScore(verifier,
                    prompt, completion);

            TokenPolicy offline = TextPreferenceSetup.trainableCopy(sft);
            List<TokenPair> offlinePairs = setup.trainCursor(data).pairs(offline, generator, judge, pairs, rng);
            if (savePairs != null) {
                CharTokenizer tokenizer = data.format().tokenizer();
                PreferenceJsonl.writePairs(savePairs.resolve("offline-pairs-seed" + seed + ".jsonl"), offlinePairs.stream()
                        .map(p -> new PreferencePair(tokenizer.decode(p.prompt()), tokenizer.decode(p.chosen()),
                                tokenizer.decode(p.rejected())))
                        .toList());
            }
            new Dpo(config(seed), offline, sft.frozenCopy()).train(offlinePairs, new MultiSink());
            double offlineAccuracy = setup.heldOutAccuracy(offline, data);

            TokenPolicy iterative = TextPreferenceSetup.trainableCopy(sft);
            Dpo dpo = new Dpo(config(seed), iterative, sft.frozenCopy());
            PromptCursor cursor = setup.trainCursor(data);
            for (int round = 0; round < rounds; round++) {
                int roundPairs = pairs / rounds + (round < pairs % rounds ? 1 : 0);
                if (updateReference) {
                    dpo.setReference(iterative.frozenCopy());
                }
                dpo.train(cursor.pairs(iterative, generator, judge, roundPairs, rng), new MultiSink());
            }
            double iterativeAccuracy = setup.heldOutAccuracy(iterative, data);
            offlineHits += offlineAccuracy - base >= 0.15 ? 1 : 0;
            System.out.printf(Locale.ROOT, "| %d | %.3f | %.3f | %.3f | %+.3f | %+.3f | %.0f |%n", seed, base, offlineAccuracy,
                    iterativeAccuracy, offlineAccuracy - base, iterativeAccuracy - base, (System.nanoTime() - start) / 1e9);
        }
        System.out.printf(Locale.ROOT, "offline DPO gains >= 15 points in %d of %d seeds%n", offlineHits, seeds);
        return 0;
    }

    private DpoConfig config(long seed) {
        return DpoConfig.builder().lossType(loss).beta(beta).rpoAlpha(rpoAlpha).learningRate(learningRate).epochs(epochs)
                .batchSize(batch).seed(seed).build();
    }
}
