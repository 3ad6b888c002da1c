package io.github.jrl.envs.mo;

import io.github.jrl.core.env.Step;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import io.github.jrl.envs.classic.AbstractMountainCar;
import io.github.jrl.envs.classic.MountainCar;
import java.util.Map;

/**
 * Multi-objective mountain car, exactly as MO-Gymnasium 1.0.1's {@code mo-mountaincar-v0}
 * ({@code mo_gymnasium/envs/mountain_car/mountain_car.py}): the dynamics, actions, observations,
 * reset distribution and termination of {@link MountainCar} (Moore 1990; Gymnasium 0.29.1's
 * {@code MountainCar-v0}), with a reward of three components:
 * <ol>
 *   <li>time: -1 per step, 0 on the step that reaches the goal;</li>
 *   <li>reverse: -1 when the action is 0 (accelerate left), else 0;</li>
 *   <li>forward: -1 when the action is 2 (accelerate right), else 0.</li>
 * </ol>
 * The keyword argument {@code goal_velocity} (default 0) is {@link MountainCar}'s. Registered with
 * a time limit of 200 steps.
 */
public final class MoMountainCar extends AbstractMountainCar<Integer> {

    public static final String ID = "mo-mountaincar-v0";

    private static final Discrete ACTION_SPACE = new Discrete(3);

    public MoMountainCar() {
        this(DEFAULT_GOAL_VELOCITY);
    }

    /** @param goalVelocity the least velocity at the goal position that ends the episode */
    public MoMountainCar(double goalVelocity) {
        super(ID, MountainCar.GOAL_POSITION, goalVelocity);
    }

    @Override
    public Space<Integer> actionSpace() {
        return ACTION_SPACE;
    }

    @Override
    public int rewardDim() {
        return 3;
    }

    @Override
    protected Step<float[]> applyAction(Integer action) {
        int a = action;
        boolean terminated = move(MountainCar.push(a));
        double[] rewards = {terminated ? 0.0 : -1.0, a == 0 ? -1.0 : 0.0, a == 2 ? -1.0 : 0.0};
        return Step.ofVector(observation(), rewards, terminated, false, Map.of());
    }
}
