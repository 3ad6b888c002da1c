package io.github.jrl.nd4j;

import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.nn.*;
import io.github.jrl.nd4j.optim.Adam;
import org.junit.jupiter.api.Test;

class TmpBench {
    @Test
    void bench() {
        ParameterSet ps = new ParameterSet();
        Mlp actor = new Mlp(new MlpSpec(4, new int[]{64, 64}, 2, Activation.TANH, Math.sqrt(2), 0.01), ps);
        Mlp critic = new Mlp(new MlpSpec(4, new int[]{64, 64}, 1, Activation.TANH, Math.sqrt(2), 1), ps);
        ps.allocate();
        actor.initialize(new Rng(0)); critic.initialize(new Rng(1));
        Adam adam = Adam.of(ps, 1e-3, 1e-5);
        int b = 256;
        float[] x = new float[b * 4];
        float[] g2 = new float[b * 2];
        float[] g1 = new float[b];
        float[] o2 = new float[b*2]; float[] o1 = new float[b];
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            int n = 2000;
            for (int i = 0; i < n; i++) {
                actor.forward(x, b);
                critic.forward(x, b);
                actor.backward(g2, false);
                critic.backward(g1, false);
                adam.clipGradientNorm(0.5);
                adam.step();
            }
            System.out.println("grad step us: " + (System.nanoTime() - t0) / 1e3 / n);
        }
    }
}
