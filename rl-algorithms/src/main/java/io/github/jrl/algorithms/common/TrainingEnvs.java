package io.github.jrl.algorithms.common;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.vector.SyncVectorEnv;
import io.github.jrl.core.vector.VectorEnv;
import io.github.jrl.core.wrappers.RecordEpisodeStatistics;
import java.util.function.Supplier;

/** The environment copies a trainer collects from, shared by every algorithm. */
public final class TrainingEnvs {

    private TrainingEnvs() {
    }

    /**
     * {@code numEnvs} copies made by {@code factory}, each recording its episodes' returns
     * ({@link RecordEpisodeStatistics}), stepped on the calling thread.
     */
    @SuppressWarnings("unchecked")
    public static VectorEnv vector(Supplier<? extends Environment<float[], ?>> factory, int numEnvs) {
        // the action type is whatever the env takes; the vector env decodes it from its space
        Supplier<Environment<float[], Object>> typed = (Supplier<Environment<float[], Object>>) factory;
        return new SyncVectorEnv<>(() -> new RecordEpisodeStatistics<>(typed.get()), numEnvs);
    }
}
