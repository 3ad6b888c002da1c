package io.github.jrl.envs.mo;

import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.multiobjective.Dominance;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.IntBox;
import io.github.jrl.core.space.Space;
import java.util.List;
import java.util.Map;

/**
 * Resource gathering of MO-Gymnasium 1.0.1
 * ({@code mo_gymnasium/envs/resource_gathering/resource_gathering.py}), after Barrett and
 * Narayanan, "Learning all optimal policies with multiple criteria" (ICML 2008): starting from
 * home, fetch gold and/or a gem and bring them back, past two cells where an enemy may attack.
 *
 * <pre>
 *   .  .  R1 E2 .        R1 gold, R2 gem, E1/E2 enemy, H home (start)
 *   .  .  E1 .  R2
 *   .  .  .  .  .
 *   .  .  .  .  .
 *   .  .  H  .  .
 * </pre>
 *
 * <p>Actions: 0 up, 1 down, 2 left, 3 right; a move off the 5x5 grid leaves the agent in place.
 * The reward is {@code [enemy, gold, gem]}. Stepping onto a resource picks it up. On an enemy
 * cell the enemy attacks with probability {@value #ATTACK_PROBABILITY}: reward
 * {@code [-1, 0, 0]} and the episode terminates, so the resources carried are lost. Being on the
 * home cell after a step (also by bumping into the edge from there) terminates with reward
 * {@code [0, hasGold, hasGem]}.
 *
 * <p>This follows the reference's code. The paper, and the docstrings of some re-implementations,
 * describe an attack as sending the agent home without its resources and the episode going on;
 * the reference ends the episode instead, leaving the agent (and its flags) on the enemy cell.
 *
 * <p>Observation and state: {@code [row, col, hasGold, hasGem]} as int32, in an {@link IntBox}
 * with bounds {@code [0, 5]}. Registered as {@code resource-gathering-v0} with a limit of 100
 * steps; no keyword arguments.
 */
public final class ResourceGathering extends GridWorld<int[]> {

    /** Chance that the enemy attacks when the agent is on an enemy cell after a step. */
    public static final double ATTACK_PROBABILITY = 0.1;

    private static final int SIZE = 5;
    private static final int HOME_ROW = 4;
    private static final int HOME_COL = 2;
    private static final int GOLD = 0;
    private static final int GEM = 1;
    private static final IntBox OBSERVATIONS = IntBox.uniform(0, SIZE, 4);

    public ResourceGathering() {
        this("resource-gathering-v0");
    }

    /** @param id the id this environment reports */
    public ResourceGathering(String id) {
        super(id, SIZE, SIZE, UP_DOWN_LEFT_RIGHT, 2);
    }

    @Override
    public Space<int[]> observationSpace() {
        return OBSERVATIONS;
    }

    @Override
    public int rewardDim() {
        return 3;
    }

    @Override
    boolean isBlocked(int r, int c) {
        return false;
    }

    @Override
    protected Reset<int[]> resetEpisode(Rng rng, Map<String, ?> options) {
        requireOptions(options);
        startAt(HOME_ROW, HOME_COL);
        return Reset.of(positionAndFlags());
    }

    @Override
    protected Step<int[]> applyAction(Integer action) {
        move(action);
        int r = row();
        int c = col();
        double[] reward = new double[3];
        boolean terminated = false;
        if (r == 0 && c == 2) {
            setFlag(GOLD);
        } else if (r == 1 && c == 4) {
            setFlag(GEM);
        } else if ((r == 1 && c == 2) || (r == 0 && c == 3)) {
            if (rng().nextDouble() < ATTACK_PROBABILITY) {
                reward[0] = -1.0;
                terminated = true;
            }
        } else if (r == HOME_ROW && c == HOME_COL) {
            reward[1] = flag(GOLD);
            reward[2] = flag(GEM);
            terminated = true;
        }
        return Step.ofVector(positionAndFlags(), reward, terminated, false, Map.of());
    }

    /**
     * The Pareto front of expected discounted returns, as the reference's
     * {@code pareto_front(gamma)}: the six candidate routes it lists (straight to the gem; both
     * resources through both enemies; gold through E1 both ways; both resources through E2 only;
     * gold avoiding the enemies; gold through E1 once), with their attack risks, reduced to the
     * non-dominated ones, each once (the reference's filter also keeps one of equal candidates).
     * Candidates are kept in that order (the reference returns them from a set, in no defined
     * order).
     *
     * @param gamma discount factor in {@code [0, 1]}
     */
    public static List<double[]> paretoFront(double gamma) {
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
        double p = ATTACK_PROBABILITY;
        double q = 1 - p;
        List<double[]> candidates = List.of(
                new double[] {0, 0, Math.pow(gamma, 10)},
                new double[] {-p * Math.pow(gamma, 7) - q * p * Math.pow(gamma, 9),
                        q * q * Math.pow(gamma, 12), q * q * Math.pow(gamma, 12)},
                new double[] {-p * Math.pow(gamma, 3) - q * p * Math.pow(gamma, 5), q * q * Math.pow(gamma, 8), 0},
                new double[] {-p * Math.pow(gamma, 7), q * Math.pow(gamma, 14), q * Math.pow(gamma, 14)},
                new double[] {0, Math.pow(gamma, 12), 0},
                new double[] {-p * Math.pow(gamma, 7), q * Math.pow(gamma, 10), 0});
        return Dominance.nonDominated(candidates);
    }
}
