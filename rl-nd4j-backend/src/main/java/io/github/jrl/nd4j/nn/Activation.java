package io.github.jrl.nd4j.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.TanhDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.ThresholdReluBp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/** Hidden-layer activations, each with its ND4J forward and backward and a plain-Java forward. */
public enum Activation {
    /** The default of Stable-Baselines3's and CleanRL's PPO policies. */
    TANH {
        @Override
        void forward(INDArray z, INDArray a) {
            Nd4j.exec(new Tanh(z, a));
        }

        @Override
        void backward(INDArray z, INDArray a, INDArray dA, INDArray dZ) {
            Nd4j.exec(new TanhDerivative(z, dA, dZ));
        }

        @Override
        public float apply(float z) {
            return (float) Math.tanh(z);
        }
    },
    /** The default of SAC's reference networks. */
    RELU {
        @Override
        void forward(INDArray z, INDArray a) {
            Nd4j.exec(new RectifiedLinear(z, a, 0.0));
        }

        @Override
        void backward(INDArray z, INDArray a, INDArray dA, INDArray dZ) {
            Nd4j.exec(new ThresholdReluBp(z, dA, dZ, 0.0));
        }

        @Override
        public float apply(float z) {
            return z > 0 ? z : 0f;
        }
    },
    IDENTITY {
        @Override
        void forward(INDArray z, INDArray a) {
            a.assign(z);
        }

        @Override
        void backward(INDArray z, INDArray a, INDArray dA, INDArray dZ) {
            dZ.assign(dA);
        }

        @Override
        public float apply(float z) {
            return z;
        }
    };

    /** {@code a = f(z)}. */
    abstract void forward(INDArray z, INDArray a);

    /** {@code dZ = f'(z) * dA}, given the forward's {@code z} and {@code a}. */
    abstract void backward(INDArray z, INDArray a, INDArray dA, INDArray dZ);

    /** {@code f(z)} in plain Java, for the small-batch inference path. */
    public abstract float apply(float z);
}
