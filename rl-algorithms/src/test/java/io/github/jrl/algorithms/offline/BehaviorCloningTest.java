package io.github.jrl.algorithms.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.dataset.OfflineDataset;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.envs.Envs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour cloning learns scripted experts from small recorded datasets, with fixed seeds. */
class BehaviorCloningTest {

    private static final BcConfig SMALL = BcConfig.defaults().withHiddenSizes(List.of(64, 64));

    /**
     * 10 episodes of the scripted CartPole expert with 10% random actions; the expert balances to
     * the 500-step limit, a random policy lasts about 22 steps. 1500 gradient steps.
     */
    @Test
    void discreteBcClonesTheCartPoleExpert() {
        OfflineDataset dataset = Recorded.record("CartPole-v1", Recorded::cartPoleExpert, 0.1, 10, 3, 22, 500);
        Environment<float[], Object> env = Envs.make("CartPole-v1");
        OfflineTrainer trainer = new OfflineTrainer(new BehaviorCloning(SMALL, dataset, env.actionSpace()), dataset, env,
                new OfflineTrainerConfig(1500, 10, 500, 0));
        trainer.learn(1500);
        OfflineEvaluation last = trainer.lastEvaluation().orElseThrow();
        assertEquals(500.0, last.meanReturn());
        assertEquals(100.0, last.normalizedScore(), 1e-9);
        // a tenth of the actions are random, half of those disagree with the expert
        assertTrue(trainer.latestMetrics().get("losses/accuracy") > 0.85, trainer.latestMetrics().toString());
    }

    /**
     * 10 episodes of the scripted MountainCarContinuous expert (full throttle the way the car
     * moves) with 10% random actions; a random policy never reaches the goal (about -33).
     */
    @Test
    void continuousBcClonesTheMountainCarExpert() {
        OfflineDataset dataset = Recorded.record("MountainCarContinuous-v0", Recorded::mountainCarExpert, 0.1, 10, 5,
                -33, 93);
        Environment<float[], Object> env = Envs.make("MountainCarContinuous-v0");
        OfflineTrainer trainer = new OfflineTrainer(new BehaviorCloning(SMALL, dataset, env.actionSpace()), dataset, env,
                new OfflineTrainerConfig(1500, 10, 500, 0));
        trainer.learn(1500);
        OfflineEvaluation last = trainer.lastEvaluation().orElseThrow();
        assertTrue(last.meanReturn() > 80, last.toString());
    }

    @Test
    void refusesAnActionSpaceThatDoesNotFitTheDataset() {
        OfflineDataset dataset = Recorded.record("CartPole-v1", Recorded::cartPoleExpert, 0, 1, 3, 22, 500);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BehaviorCloning(SMALL, dataset, new Discrete(3)));
        assertTrue(e.getMessage().contains("2 discrete actions"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BehaviorCloning(SMALL, dataset, Box.uniform(-1, 1, 1)));
    }
}
