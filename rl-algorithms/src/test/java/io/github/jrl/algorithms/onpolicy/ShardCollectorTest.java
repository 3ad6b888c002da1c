package io.github.jrl.algorithms.onpolicy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.envs.Envs;
import io.github.jrl.nd4j.nn.Activation;
import io.github.jrl.nd4j.policy.ActorCritic;
import io.github.jrl.nd4j.policy.ActorCriticPolicy;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ShardCollectorTest {

    private static final Supplier<Environment<float[], Object>> CART_POLE = () -> Envs.make("CartPole-v1");

    @Test
    void aShardRestoredElsewhereContinuesExactly() {
        ActorCriticPolicy policy = new ActorCritic(4, new Discrete(2), new int[] {8}, Activation.TANH, 0, new Rng(1))
                .snapshot();
        ShardCollector original = new ShardCollector(CART_POLE, 2, 3, 6, 40, 0.99);
        original.reset(7);
        original.collect(policy, new Rng(2), 0.95);
        ShardCollector moved = new ShardCollector(CART_POLE, 2, 3, 6, 40, 0.99);
        moved.reset(7);
        moved.restore(original.saveState());

        RolloutShard expected = original.collect(policy, new Rng(3), 0.95);
        RolloutShard actual = moved.collect(policy, new Rng(3), 0.95);
        assertArrayEquals(expected.observations(), actual.observations());
        assertArrayEquals(expected.actions(), actual.actions());
        assertArrayEquals(expected.rewards(), actual.rewards());
        assertArrayEquals(expected.dones(), actual.dones());
        assertArrayEquals(expected.lastValues(), actual.lastValues());
        assertEquals(expected.episodes(), actual.episodes());

        ShardCollector otherShard = new ShardCollector(CART_POLE, 0, 2, 6, 40, 0.99);
        assertThrows(IllegalArgumentException.class, () -> otherShard.restore(original.saveState()));
        assertThrows(IllegalArgumentException.class, () -> new ShardCollector(CART_POLE, 5, 2, 6, 40, 0.99));
    }
}
