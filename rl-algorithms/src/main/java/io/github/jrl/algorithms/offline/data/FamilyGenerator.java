package io.github.jrl.algorithms.offline.data;

import io.github.jrl.algorithms.ppo.Ppo;
import io.github.jrl.algorithms.ppo.PpoConfig;
import io.github.jrl.algorithms.ppo.PpoConfigFile;
import io.github.jrl.algorithms.ppo.PpoPresets;
import io.github.jrl.algorithms.sac.Sac;
import io.github.jrl.algorithms.sac.SacConfig;
import io.github.jrl.algorithms.sac.SacPresets;
import io.github.jrl.core.callbacks.Evaluation;
import io.github.jrl.core.dataset.DatasetInfo;
import io.github.jrl.core.dataset.Episode;
import io.github.jrl.core.dataset.EpisodeLog;
import io.github.jrl.core.dataset.OfflineDataset;
import io.github.jrl.core.dataset.PolicyRecorder;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.policy.Policy;
import io.github.jrl.core.policy.RandomPolicy;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One generation of a {@link D4rlFamily}. The trainer runs with the family seed itself, every
 * environment copy it steps wrapped in one {@link EpisodeLog}; the evaluation, recording and
 * reference seeds are drawn in that order from {@code new Rng(seed)}. Every snapshot is evaluated
 * sampling its actions, as the datasets are recorded (a deterministic evaluation overrates the
 * recorded data: measured on CartPole-v1, a snapshot at 42% by its deterministic return recorded
 * a dataset at 30%), on the same seed each time (common random numbers).
 */
final class FamilyGenerator {

    /** A policy evaluated during training, and the replay stream up to it. */
    private record Snapshot(long steps, double evalReturn, Policy<float[], Object> policy, List<Episode> replay) {
    }

    private final D4rlFamily family;
    private final Function<String, ? extends Environment<float[], ?>> envs;
    private final long seed;
    private final long evalSeed;
    private final long randomSeed;
    private final long mediumSeed;
    private final long expertSeed;
    private final long referenceSeed;
    private final List<Snapshot> snapshots = new ArrayList<>();

    FamilyGenerator(D4rlFamily family, Function<String, ? extends Environment<float[], ?>> envs, long seed) {
        this.family = family;
        this.envs = envs;
        this.seed = seed;
        Rng seeds = new Rng(seed);
        evalSeed = seeds.nextSeed();
        randomSeed = seeds.nextSeed();
        mediumSeed = seeds.nextSeed();
        expertSeed = seeds.nextSeed();
        referenceSeed = seeds.nextSeed();
    }

    @SuppressWarnings("unchecked")
    private Environment<float[], Object> env() {
        // the action type is whatever the env takes: the policies act in its own action space
        return (Environment<float[], Object>) envs.apply(family.envId());
    }

    Map<String, OfflineDataset> generate() {
        EpisodeLog log = EpisodeLog.forEnv(env());
        Callback snapshotter = new Callback() {
            private long next = family.evalEvery();

            @Override
            @SuppressWarnings("unchecked")
            public boolean onUpdate(Trainer<?, ?> trainer) {
                if (trainer.stepsDone() >= next) {
                    Policy<float[], Object> policy = (Policy<float[], Object>) trainer.policy();
                    // sampling, as the medium dataset is recorded: its return is the candidate's
                    double evalReturn = Evaluation.evaluate(policy, env(), family.evalEpisodes(), false, evalSeed)
                            .mean();
                    snapshots.add(new Snapshot(trainer.stepsDone(), evalReturn, policy, log.episodes()));
                    next = (trainer.stepsDone() / family.evalEvery() + 1) * family.evalEvery();
                }
                return true;
            }
        };
        String trainerName = family.algorithm().name().toLowerCase(java.util.Locale.ROOT);
        Policy<float[], Object> expert;
        String config;
        switch (family.algorithm()) {
            case SAC -> {
                SacConfig sacConfig = SacPresets.forEnv(family.envId()).toBuilder().seed(seed).build();
                Sac sac = new Sac(sacConfig, () -> log.wrap(env()));
                sac.learn(family.trainSteps(), snapshotter);
                expert = sac.policy();
                config = sacConfig.toString();
            }
            case PPO -> {
                PpoConfig ppoConfig = PpoPresets.forEnv(family.envId()).toBuilder().seed(seed).build();
                Ppo ppo = new Ppo(ppoConfig, () -> log.wrap(env()));
                ppo.learn(family.trainSteps(), snapshotter);
                expert = ppo.policy();
                config = PpoConfigFile.toYaml(ppoConfig);
            }
            default -> throw new IllegalStateException("unhandled trainer " + family.algorithm());
        }

        Environment<float[], Object> probe = env();
        Policy<float[], Object> random = new RandomPolicy<>(probe.actionSpace());
        double randomReturn = Evaluation.evaluate(random, env(), family.referenceEpisodes(), false, referenceSeed)
                .mean();
        double expertReturn = Evaluation.evaluate(expert, env(), family.referenceEpisodes(), true, referenceSeed)
                .mean();
        Snapshot medium = nearest(randomReturn + D4rlFamily.MEDIUM_TARGET / 100 * (expertReturn - randomReturn));

        String trained = " of a " + family.trainSteps() + "-step " + trainerName + " run on " + family.envId() + "\n"
                + config;
        OfflineDataset randomData = PolicyRecorder.record(env(), random, false, family.datasetSteps(), randomSeed,
                id(D4rlDatasets.RANDOM), "random", "uniform over " + probe.actionSpace());
        DatasetInfo shape = randomData.info();
        OfflineDataset mediumData = PolicyRecorder.record(env(), medium.policy(), false, family.datasetSteps(),
                mediumSeed, id(D4rlDatasets.MEDIUM), "", "");
        OfflineDataset expertData = PolicyRecorder.record(env(), expert, false, family.datasetSteps(), expertSeed,
                id(D4rlDatasets.EXPERT), "", "");

        Map<String, OfflineDataset> datasets = new LinkedHashMap<>();
        datasets.put(D4rlDatasets.RANDOM, randomData.withInfo(info(shape, D4rlDatasets.RANDOM, "random",
                shape.recordingConfig(), randomReturn, expertReturn)));
        String mediumConfig = "snapshot after " + medium.steps() + " steps (evaluation return " + medium.evalReturn()
                + ")" + trained;
        datasets.put(D4rlDatasets.MEDIUM, mediumData.withInfo(info(shape, D4rlDatasets.MEDIUM, trainerName + "-medium",
                mediumConfig, randomReturn, expertReturn)));
        datasets.put(D4rlDatasets.EXPERT, expertData.withInfo(info(shape, D4rlDatasets.EXPERT, trainerName + "-expert",
                "final policy" + trained, randomReturn, expertReturn)));
        datasets.put(D4rlDatasets.MEDIUM_REPLAY, new OfflineDataset(info(shape, D4rlDatasets.MEDIUM_REPLAY,
                trainerName + "-training", "replay of the first " + medium.steps() + " steps" + trained, randomReturn,
                expertReturn), medium.replay()));
        datasets.put(D4rlDatasets.MEDIUM_EXPERT, OfflineDataset.concat(info(shape, D4rlDatasets.MEDIUM_EXPERT,
                trainerName + "-medium+" + trainerName + "-expert", mediumConfig, randomReturn, expertReturn),
                List.of(mediumData, expertData)));
        return datasets;
    }

    /** The earliest snapshot whose evaluation return is nearest {@code target}. */
    private Snapshot nearest(double target) {
        if (snapshots.isEmpty()) {
            throw new IllegalStateException("the run of " + family.trainSteps() + " steps was never evaluated (evalEvery "
                    + family.evalEvery() + ")");
        }
        Snapshot best = snapshots.get(0);
        for (Snapshot s : snapshots) {
            if (Math.abs(s.evalReturn() - target) < Math.abs(best.evalReturn() - target)) {
                best = s;
            }
        }
        return best;
    }

    private String id(String kind) {
        return family.namespace() + "/" + kind + "-v0";
    }

    private DatasetInfo info(DatasetInfo shape, String kind, String policy, String config, double randomReturn,
            double expertReturn) {
        return new DatasetInfo(id(kind), shape.envId(), shape.observationSize(), shape.actionSize(),
                shape.actionCount(), shape.rewardDim(), policy, config, seed, randomReturn, expertReturn);
    }
}
