package io.github.jrl.algorithms.multiobjective;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.wrappers.OneHotComponents;
import io.github.jrl.core.wrappers.TimeLimit;
import io.github.jrl.envs.mo.DeepSeaTreasure;

/** Concave deep-sea-treasure as networks take it: the grid position one-hot per coordinate. */
final class DeepSeaTreasureGrid {

    private DeepSeaTreasureGrid() {
    }

    @SuppressWarnings("unchecked")
    static Environment<float[], Object> make() {
        Environment<?, ?> env = new OneHotComponents<>(
                new TimeLimit<>(DeepSeaTreasure.of(DeepSeaTreasure.TreasureMap.CONCAVE), 100));
        return (Environment<float[], Object>) env;
    }
}
