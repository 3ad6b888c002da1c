package io.github.jrl.algorithms.preference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.algorithms.preference.RewardModelTrainer.Comparison;
import io.github.jrl.core.checkpoint.CorruptCheckpointException;
import io.github.jrl.core.metrics.MultiSink;
import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.nn.ParameterSet;
import io.github.jrl.nd4j.nn.TransformerSpec;
import io.github.jrl.nd4j.reward.SequenceRewardNetwork;
import io.github.jrl.nd4j.token.TokenPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints of DPO, KTO and reward-model training: a run restored into a fresh trainer continues
 * bit-identically (parameters and metrics) to the run that wrote it; damaged files and checkpoints
 * of another config are refused and leave the trainer as it was.
 */
class TrainerCheckpointTest {

    private static final TransformerSpec SPEC = new TransformerSpec(8, 8, 16, 2, 1, 32);
    private static final int EOS = 2;

    @TempDir
    Path dir;

    private static List<TokenPair> pairs(int from, int to) {
        List<TokenPair> pairs = new ArrayList<>();
        for (int a = from; a < to; a++) {
            for (int b = 4; b < 8; b++) {
                if (b != a) {
                    pairs.add(new TokenPair(new int[] {1, a}, new int[] {a, EOS}, new int[] {b, EOS}));
                }
            }
        }
        return pairs;
    }

    private static float[] values(ParameterSet parameters) {
        return parameters.params().toFloatVector();
    }

    /** Iterative DPO over two rounds; the checkpoint between them holds the replaced reference. */
    @Test
    void dpoResumesBitIdentically() throws IOException {
        DpoConfig config = DpoConfig.builder().beta(0.5).learningRate(3e-3).batchSize(4).epochs(2).rpoAlpha(0.5).build();
        TokenPolicy policy = new TokenPolicy(SPEC, new Rng(1));
        Dpo dpo = new Dpo(config, policy, policy.frozenCopy());
        dpo.train(pairs(4, 6), new MultiSink());
        dpo.setReference(policy.frozenCopy());
        Path file = dir.resolve("dpo.ckpt");
        dpo.saveCheckpoint(file);
        var uninterrupted = dpo.train(pairs(6, 8), new MultiSink());

        TokenPolicy fresh = new TokenPolicy(SPEC, new Rng(9));
        Dpo resumed = new Dpo(config, fresh, fresh.frozenCopy());
        resumed.restore(file);
        assertEquals(4, resumed.updates(), "6 pairs in batches of 4 for 2 epochs");
        assertEquals(uninterrupted, resumed.train(pairs(6, 8), new MultiSink()));
        assertArrayEquals(values(policy.parameters()), values(fresh.parameters()));
        assertEquals(dpo.updates(), resumed.updates());
    }

    @Test
    void ktoResumesBitIdentically() throws IOException {
        KtoConfig config = KtoConfig.builder().beta(0.5).learningRate(3e-3).batchSize(5).epochs(2).build();
        TokenPolicy policy = new TokenPolicy(SPEC, new Rng(1));
        Kto kto = new Kto(config, policy, policy.frozenCopy());
        kto.train(TokenExample.unpaired(pairs(4, 6)), new MultiSink());
        Path file = dir.resolve("kto.ckpt");
        kto.saveCheckpoint(file);
        var uninterrupted = kto.train(TokenExample.unpaired(pairs(6, 8)), new MultiSink());

        TokenPolicy fresh = new TokenPolicy(SPEC, new Rng(9));
        Kto resumed = new Kto(config, fresh, fresh.frozenCopy());
        resumed.restore(file);
        assertEquals(uninterrupted, resumed.train(TokenExample.unpaired(pairs(6, 8)), new MultiSink()));
        assertArrayEquals(values(policy.parameters()), values(fresh.parameters()));
    }

    @Test
    void rewardModelTrainingResumesBitIdentically() throws IOException {
        List<Comparison> first = pairs(4, 6).stream().map(p -> new Comparison(p, 0)).toList();
        List<Comparison> second = pairs(6, 8).stream().map(p -> new Comparison(p, 0)).toList();
        SequenceRewardNetwork network = new SequenceRewardNetwork(SPEC, 1, new Rng(3));
        RewardModelTrainer trainer = new RewardModelTrainer(network, 3e-3, 4, 1.0, 5);
        trainer.train(first, 2);
        Path file = dir.resolve("rm.ckpt");
        trainer.saveCheckpoint(file);
        double uninterrupted = trainer.train(second, 2);

        SequenceRewardNetwork fresh = new SequenceRewardNetwork(SPEC, 1, new Rng(8));
        RewardModelTrainer resumed = new RewardModelTrainer(fresh, 3e-3, 4, 1.0, 5);
        resumed.restore(file);
        assertEquals(uninterrupted, resumed.train(second, 2));
        assertArrayEquals(values(network.parameters()), values(fresh.parameters()));
        assertEquals(trainer.updates(), resumed.updates());
    }

    @Test
    void damagedOrForeignCheckpointsAreRefusedAndChangeNothing() throws IOException {
        DpoConfig config = DpoConfig.builder().learningRate(3e-3).batchSize(4).epochs(1).build();
        TokenPolicy policy = new TokenPolicy(SPEC, new Rng(1));
        Dpo dpo = new Dpo(config, policy, policy.frozenCopy());
        dpo.train(pairs(4, 6), new MultiSink());
        Path file = dir.resolve("dpo.ckpt");
        dpo.saveCheckpoint(file);
        byte[] bytes = Files.readAllBytes(file);

        TokenPolicy fresh = new TokenPolicy(SPEC, new Rng(9));
        float[] before = values(fresh.parameters());
        Dpo target = new Dpo(config, fresh, fresh.frozenCopy());

        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 1;
        Path damaged = Files.write(dir.resolve("flipped.ckpt"), flipped);
        CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class, () -> target.restore(damaged));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        Path truncated = Files.write(dir.resolve("truncated.ckpt"), Arrays.copyOf(bytes, bytes.length - 10));
        e = assertThrows(CorruptCheckpointException.class, () -> target.restore(truncated));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());

        Dpo otherConfig = new Dpo(config.toBuilder().beta(0.3).build(), fresh, fresh.frozenCopy());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> otherConfig.restore(file));
        assertTrue(other.getMessage().contains("beta=0.3"), other.getMessage());

        Path rewardFile = dir.resolve("rm.ckpt");
        new RewardModelTrainer(new SequenceRewardNetwork(SPEC, 1, new Rng(3)), 3e-3, 4, 1.0, 5).saveCheckpoint(rewardFile);
        assertThrows(IllegalArgumentException.class, () -> target.restore(rewardFile));
        assertArrayEquals(before, values(fresh.parameters()));
        assertEquals(0, target.updates());
    }
}
