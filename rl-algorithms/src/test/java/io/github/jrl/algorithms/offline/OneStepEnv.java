package io.github.jrl.algorithms.offline;

import io.github.jrl.core.env.AbstractEnvironment;
import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Space;
import java.util.Map;

/** {@link OneStepTasks}'s continuous task as an environment: {@code s ~ U(-1, 1)}, one action, the end. */
final class OneStepEnv extends AbstractEnvironment<float[], float[]> {

    private static final Box STATES = Box.uniform(-1, 1, 1);
    private float state;

    OneStepEnv() {
        super("OneStep");
    }

    @Override
    public Space<float[]> observationSpace() {
        return STATES;
    }

    @Override
    public Space<float[]> actionSpace() {
        return OneStepTasks.BOX;
    }

    @Override
    protected Reset<float[]> resetEpisode(Rng rng, Map<String, ?> options) {
        state = (float) rng.nextDouble(-1, 1);
        return Reset.of(new float[] {state});
    }

    @Override
    protected Step<float[]> applyAction(float[] action) {
        return Step.of(new float[] {0}, OneStepTasks.continuousReward(state, action[0]), true);
    }
}
