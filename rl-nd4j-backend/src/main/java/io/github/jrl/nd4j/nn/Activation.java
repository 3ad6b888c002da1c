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
    /**
     * GELU (Hendrycks and Gimpel 2016, "Gaussian Error Linear Units") in the tanh approximation
     * GPT-2 uses (PyTorch's {@code approximate="tanh"}):
     * {@code 0.5 z (1 + tanh(sqrt(2/pi) (z + 0.044715 z^3)))}. Smooth, unlike ReLU, so
     * finite-difference gradient checks hold everywhere.
     */
    GELU {
        @Override
        public float apply(float z) {
            return 0.5f * z * (1f + FastTanh.tanh(geluArgument(z)));
        }

        @Override
        float derivative(float z, float a) {
            float t = FastTanh.tanh(geluArgument(z));
            return 0.5f * (1f + t) + 0.5f * z * (1f - t * t) * GELU_SCALE * (1f + 3 * GELU_CUBIC * z * z);
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

    private static final float GELU_SCALE = (float) Math.sqrt(2 / Math.PI);
    private static final float GELU_CUBIC = 0.044715f;

    private static float geluArgument(float z) {
        return GELU_SCALE * (z + GELU_CUBIC * z * z * z);
    }

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
