package io.github.jrl.algorithms.offline;

import io.github.jrl.core.dataset.DatasetInfo;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import io.github.jrl.nd4j.nn.Activation;
import io.github.jrl.nd4j.nn.Mlp;
import io.github.jrl.nd4j.nn.MlpSpec;
import io.github.jrl.nd4j.nn.ParameterSet;
import java.util.List;

/** Checks and network construction the offline learners share. */
final class LearnerParts {

    private LearnerParts() {
    }

    static void requireLearningRate(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
    }

    static List<Integer> requireHiddenSizes(List<Integer> hiddenSizes) {
        List<Integer> copy = List.copyOf(hiddenSizes);
        if (copy.isEmpty() || copy.stream().anyMatch(h -> h <= 0)) {
            throw new IllegalArgumentException("hiddenSizes must be non-empty and positive, got " + hiddenSizes);
        }
        return copy;
    }

    /**
     * @throws IllegalArgumentException unless {@code actionSpace} is the dataset's: a bounded box
     *     of its action size for continuous data, as many discrete actions for discrete data
     */
    static void requireActionSpace(DatasetInfo info, Space<?> actionSpace, boolean continuousOnly) {
        boolean fits = info.discreteActions()
                ? actionSpace instanceof Discrete d && d.n() == info.actionCount()
                : actionSpace instanceof Box b && b.isBounded() && b.size() == info.actionSize();
        if (!fits) {
            throw new IllegalArgumentException("action space " + actionSpace + " does not fit dataset "
                    + info.datasetId() + ", which holds " + (info.discreteActions() ? info.actionCount()
                            + " discrete actions" : info.actionSize() + "-dimensional actions of a bounded box"));
        }
        if (continuousOnly && info.discreteActions()) {
            throw new IllegalArgumentException("this algorithm needs continuous (bounded Box) actions; dataset "
                    + info.datasetId() + " has " + info.actionCount() + " discrete actions");
        }
    }

    /**
     * An MLP with {@code activation} between its layers, reserved in {@code parameters} (allocate the set, then call
     * {@link #initialize}), with PyTorch's default {@code nn.Linear} initialisation as the
     * references keep it.
     */
    static Mlp mlp(int inputSize, List<Integer> hiddenSizes, Activation activation, int outputSize,
            ParameterSet parameters) {
        int[] hidden = hiddenSizes.stream().mapToInt(Integer::intValue).toArray();
        return new Mlp(new MlpSpec(inputSize, hidden, outputSize, activation, 1, 1), parameters);
    }

    /** Allocates {@code parameters} and initialises each network from its own split of {@code rng}. */
    static void initialize(ParameterSet parameters, Rng rng, Mlp... networks) {
        parameters.allocate();
        for (Mlp network : networks) {
            network.initializeUniform(rng.split());
        }
    }

    /** Raises if {@code value} is not finite: a diverged loss must stop the run, not poison the networks. */
    static double requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new ArithmeticException(name + " is " + value + "; training diverged");
        }
        return value;
    }
}
