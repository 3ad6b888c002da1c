package io.github.jrl.algorithms.preference;

import io.github.jrl.core.random.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The minibatches of one pass over a dataset, as every trainer of this package draws them. */
final class Minibatches {

    private Minibatches() {
    }

    /**
     * The indices {@code 0..size-1} in an order drawn from {@code rng}, cut into batches of
     * {@code batchSize} (the last one may be smaller), as PyTorch's shuffling {@code DataLoader}
     * that TRL's trainers use.
     */
    static List<int[]> shuffled(Rng rng, int size, int batchSize) {
        int[] order = rng.permutation(size);
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < size; start += batchSize) {
            batches.add(Arrays.copyOfRange(order, start, Math.min(size, start + batchSize)));
        }
        return batches;
    }
}
