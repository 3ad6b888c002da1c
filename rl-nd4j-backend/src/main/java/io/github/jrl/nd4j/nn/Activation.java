package io.github.jrl.nd4j.nn;

/**
 * Hidden-layer activations, computed in plain Java over float arrays. ND4J's own element-wise
 * kernels cost ~200 µs for a 256 x 64 tanh here, against ~5 µs for the loop below (measured, see
 * docs/benchmarks.md), so networks run matrix products on ND4J and activations in Java.
 */
public enum Activation {
    /** The default of Stable-Baselines3's and CleanRL's PPO policies. */
    TANH {
        @Override
        public float apply(float z) {
            return FastTanh.tanh(z);
        }

        @Override
        float derivative(float z, float a) {
            return 1f - a * a;
        }
    },
    /** The default of SAC's reference networks. */
    RELU {
        @Override
        public float apply(float z) {
            return z > 0 ? z : 0f;
        }

        @Override
        float derivative(float z, float a) {
            return z > 0 ? 1f : 0f;
        }
    },
    IDENTITY {
        @Override
        public float apply(float z) {
            return z;
        }

        @Override
        float derivative(float z, float a) {
            return 1f;
        }
    };

    /** {@code f(z)}. */
    public abstract float apply(float z);

    /** {@code f'(z)}, given {@code z} and {@code a = f(z)}. */
    abstract float derivative(float z, float a);

    /** {@code a[i] = f(z[i])} for {@code i < n}. */
    void forward(float[] z, float[] a, int n) {
        for (int i = 0; i < n; i++) {
            a[i] = apply(z[i]);
        }
    }

    /** {@code dz[i] = f'(z[i]) * da[i]} for {@code i < n}. */
    void backward(float[] z, float[] a, float[] da, float[] dz, int n) {
        for (int i = 0; i < n; i++) {
            dz[i] = derivative(z[i], a[i]) * da[i];
        }
    }
}
