package io.github.jrl.algorithms.offline.data;

import io.github.jrl.core.dataset.MinariHdf5;
import io.github.jrl.core.dataset.OfflineDataset;
import io.github.jrl.core.env.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * D4RL-style dataset families (Fu et al. 2020) for {@code Pendulum-v1},
 * {@code MountainCarContinuous-v0} and {@code CartPole-v1}, generated on first use and cached as
 * Minari HDF5 files ({@link MinariHdf5}):
 *
 * <pre>{@code
 * D4rlDatasets datasets = new D4rlDatasets(Path.of("datasets"), Envs::make);
 * OfflineDataset medium = datasets.load("Pendulum-v1", "medium", 0);
 * double score = medium.info().normalizedScore(episodeReturn);
 * }</pre>
 *
 * <p>The kinds ({@link #KINDS}), after D4RL's MuJoCo datasets: {@code random} (a uniformly random
 * policy), {@code medium} (a policy at about 5/12 of the way from random to expert, recorded
 * sampling its actions), {@code expert} (the fully trained policy, sampling), {@code medium-replay}
 * (every step the training run took until the medium policy was snapshotted, episode boundaries
 * kept) and {@code medium-expert} ({@code medium} then {@code expert}). See {@link D4rlFamily} for
 * the runs and {@link FamilyGenerator} for the seeds. Every dataset carries the family's reference
 * returns, so {@code info().normalizedScore} is D4RL's normalised score.
 *
 * <p>The same family and seed give the same files, bit for bit, on the same thread count.
 */
public final class D4rlDatasets {

    public static final String RANDOM = "random";
    public static final String MEDIUM = "medium";
    public static final String EXPERT = "expert";
    public static final String MEDIUM_REPLAY = "medium-replay";
    public static final String MEDIUM_EXPERT = "medium-expert";
    /** Every kind of a family, in the order D4RL lists them. */
    public static final List<String> KINDS = List.of(RANDOM, MEDIUM, EXPERT, MEDIUM_REPLAY, MEDIUM_EXPERT);

    private final Path cacheDir;
    private final Function<String, ? extends Environment<float[], ?>> envs;

    /**
     * @param cacheDir where generated families are kept, one directory per family and budget
     * @param envs makes an environment from its id ({@code Envs::make}); rl-algorithms does not
     *     depend on rl-envs, so the caller supplies it
     */
    public D4rlDatasets(Path cacheDir, Function<String, ? extends Environment<float[], ?>> envs) {
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
        this.envs = Objects.requireNonNull(envs, "envs");
    }

    /** Dataset {@code kind} of the standard family of {@code envId} ({@link D4rlFamily#forEnv}) from {@code seed}. */
    public OfflineDataset load(String envId, String kind, long seed) throws IOException {
        return load(D4rlFamily.forEnv(envId), kind, seed);
    }

    /**
     * Dataset {@code kind} of {@code family} from {@code seed}: read from the cache, or the whole
     * family generated and written there first.
     *
     * @throws IllegalArgumentException if {@code kind} is not one of {@link #KINDS}
     * @throws io.github.jrl.core.dataset.DatasetFormatException if a cached file is corrupt
     */
    public OfflineDataset load(D4rlFamily family, String kind, long seed) throws IOException {
        Path file = file(family, kind, seed);
        if (!Files.exists(file)) {
            generate(family, seed);
        }
        return MinariHdf5.read(file);
    }

    /** Where dataset {@code kind} of {@code family} from {@code seed} is cached. */
    public Path file(D4rlFamily family, String kind, long seed) {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown dataset kind '" + kind + "'; the kinds are " + KINDS);
        }
        return cacheDir.resolve(family.cacheName()).resolve(kind + "-seed" + seed + ".hdf5");
    }

    /** Generates every kind of {@code family} from {@code seed}, writes them to the cache (replacing any) and returns them. */
    public Map<String, OfflineDataset> generate(D4rlFamily family, long seed) throws IOException {
        Map<String, OfflineDataset> datasets = new FamilyGenerator(family, envs, seed).generate();
        for (Map.Entry<String, OfflineDataset> e : datasets.entrySet()) {
            MinariHdf5.write(e.getValue(), file(family, e.getKey(), seed));
        }
        return datasets;
    }
}
