package io.github.jrl.core.env;

import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import java.util.Map;

/**
 * A test environment: a walk on the integers starting uniformly in [-2, 2]; action 1 moves +1,
 * action 0 moves -1; reward is the new position; terminates at |position| >= 4. With
 * {@code rewardDim == 2} the reward is {@code [position, -1]}.
 */
public final class RandomWalk extends AbstractEnvironment<float[], Integer> implements SimulatorState {

    private static final Box OBSERVATIONS = Box.uniform(-4f, 4f, 1);
    private static final Discrete ACTIONS = new Discrete(2);
    private final int rewardDim;
    private int position;

    public RandomWalk() {
        this(1);
    }

    public RandomWalk(int rewardDim) {
        super("RandomWalk");
        this.rewardDim = rewardDim;
    }

    @Override
    public Box observationSpace() {
        return OBSERVATIONS;
    }

    @Override
    public Discrete actionSpace() {
        return ACTIONS;
    }

    @Override
    public int rewardDim() {
        return rewardDim;
    }

    @Override
    protected Reset<float[]> resetEpisode(Rng rng, Map<String, ?> options) {
        requireOptions(options);
        position = rng.nextInt(-2, 3);
        return Reset.of(new float[] {position});
    }

    @Override
    protected Step<float[]> applyAction(Integer action) {
        position += action == 1 ? 1 : -1;
        boolean terminated = Math.abs(position) >= 4;
        if (rewardDim == 2) {
            return Step.ofVector(new float[] {position}, new double[] {position, -1}, terminated, false, Map.of());
        }
        return Step.of(new float[] {position}, position, terminated);
    }

    @Override
    public double[] getState() {
        return new double[] {position};
    }

    @Override
    public void setState(double[] state) {
        position = (int) state[0];
        resumeEpisode();
    }
}
