package io.github.jrl.algorithms.offline;

import io.github.jrl.nd4j.nn.Mlp;

/**
 * A deterministic actor {@code a = offset + scale * tanh(mlp(s))} (TD3's {@code Actor}): the
 * forward pass into actions and the backward pass from their gradient through the squashing.
 * Shared by behaviour cloning, TD3+BC and PRDC, for the trained actor and TD3's target actor.
 */
final class SquashedActor {

    private final Mlp network;
    private final ActionBounds bounds;
    private float[] actions = new float[0];
    private float[] dOutputs = new float[0];
    private int rows;

    SquashedActor(Mlp network, ActionBounds bounds) {
        this.network = network;
        this.bounds = bounds;
    }

    Mlp network() {
        return network;
    }

    /** The actions of {@code n} (normalised) states, {@code n x d} in a buffer owned by this actor. */
    float[] act(float[] states, int n) {
        int d = bounds.size();
        if (actions.length != n * d) {
            actions = new float[n * d];
            dOutputs = new float[n * d];
        }
        float[] z = network.forward(states, n);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                actions[i * d + k] = bounds.squash(k, z[i * d + k]);
            }
        }
        rows = n;
        return actions;
    }

    /** Writes the network's parameter gradients from {@code dActions}, the loss gradient w.r.t. the last {@link #act}. */
    void backward(float[] dActions) {
        int d = bounds.size();
        float[] z = network.output();
        for (int j = 0; j < rows * d; j++) {
            dOutputs[j] = (float) (dActions[j] * bounds.derivative(j % d, z[j]));
        }
        network.backward(dOutputs, false);
    }
}
