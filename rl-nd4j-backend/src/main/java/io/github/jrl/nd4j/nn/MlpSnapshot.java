package io.github.jrl.nd4j.nn;

/**
 * A plain-Java copy of an {@link Mlp}'s weights with a forward pass in Java loops: acting on a
 * handful of environments costs microseconds here versus ~0.2 ms per ND4J forward
 * (shared/DESIGN.md). {@link Mlp#refresh} keeps it in sync after each update; tests check it
 * equal to the ND4J forward within float tolerance.
 */
public final class MlpSnapshot {

    private final MlpSpec spec;
    private final int[] widths;
    private final float[][] weights;
    private final float[][] biases;
    private float[] scratchA = new float[0];
    private float[] scratchB = new float[0];

    MlpSnapshot(MlpSpec spec, float[][] weights, float[][] biases) {
        this.spec = spec;
        this.widths = spec.widths();
        this.weights = weights;
        this.biases = biases;
    }

    public MlpSpec spec() {
        return spec;
    }

    /** Writes the spec and weights; {@link #readFrom} restores an identical snapshot. */
    public void writeTo(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(spec.inputSize());
        out.writeInt(spec.hiddenSizes().length);
        for (int h : spec.hiddenSizes()) {
            out.writeInt(h);
        }
        out.writeInt(spec.outputSize());
        out.writeUTF(spec.activation().name());
        out.writeDouble(spec.hiddenGain());
        out.writeDouble(spec.outputGain());
        for (int l = 0; l < spec.layers(); l++) {
            for (float w : weights[l]) {
                out.writeFloat(w);
            }
            for (float b : biases[l]) {
                out.writeFloat(b);
            }
        }
    }

    /** Reads a snapshot written by {@link #writeTo}; malformed input raises an {@code IOException}. */
    public static MlpSnapshot readFrom(java.io.DataInputStream in) throws java.io.IOException {
        try {
            int inputSize = in.readInt();
            int depth = in.readInt();
            if (depth < 0 || depth > 64) {
                throw new java.io.IOException("implausible number of hidden layers: " + depth);
            }
            int[] hidden = new int[depth];
            for (int i = 0; i < depth; i++) {
                hidden[i] = in.readInt();
            }
            int outputSize = in.readInt();
            Activation activation = Activation.valueOf(in.readUTF());
            MlpSpec spec = new MlpSpec(inputSize, hidden, outputSize, activation, in.readDouble(), in.readDouble());
            if (spec.parameterCount() > (1L << 28)) {
                throw new java.io.IOException("implausible network size: " + spec);
            }
            int[] widths = spec.widths();
            float[][] w = new float[spec.layers()][];
            float[][] b = new float[spec.layers()][];
            for (int l = 0; l < spec.layers(); l++) {
                w[l] = new float[widths[l] * widths[l + 1]];
                b[l] = new float[widths[l + 1]];
                for (int i = 0; i < w[l].length; i++) {
                    w[l][i] = in.readFloat();
                }
                for (int i = 0; i < b[l].length; i++) {
                    b[l][i] = in.readFloat();
                }
            }
            return new MlpSnapshot(spec, w, b);
        } catch (IllegalArgumentException e) {
            throw new java.io.IOException("malformed network: " + e.getMessage(), e);
        }
    }

    float[] weights(int layer) {
        return weights[layer];
    }

    float[] biases(int layer) {
        return biases[layer];
    }

    /**
     * Forward pass of {@code rows} inputs ({@code rows x inputSize}, row-major, from
     * {@code input[inputOffset]}) into {@code output[outputOffset..]} ({@code rows x outputSize}).
     * Not thread-safe (it reuses scratch buffers).
     */
    public void forward(float[] input, int inputOffset, int rows, float[] output, int outputOffset) {
        int maxWidth = 0;
        for (int w : widths) {
            maxWidth = Math.max(maxWidth, w);
        }
        if (scratchA.length < maxWidth) {
            scratchA = new float[maxWidth];
            scratchB = new float[maxWidth];
        }
        Activation activation = spec.activation();
        int layers = spec.layers();
        for (int r = 0; r < rows; r++) {
            float[] in = scratchA;
            System.arraycopy(input, inputOffset + r * widths[0], in, 0, widths[0]);
            float[] out = scratchB;
            for (int l = 0; l < layers; l++) {
                int n = widths[l + 1];
                int k = widths[l];
                float[] w = weights[l];
                System.arraycopy(biases[l], 0, out, 0, n);
                // saxpy order (row of W innermost) so the JIT vectorises the inner loop
                for (int i = 0; i < k; i++) {
                    float x = in[i];
                    int base = i * n;
                    for (int j = 0; j < n; j++) {
                        out[j] += x * w[base + j];
                    }
                }
                if (l < layers - 1) {
                    for (int j = 0; j < n; j++) {
                        out[j] = activation.apply(out[j]);
                    }
                }
                float[] t = in;
                in = out;
                out = t;
            }
            System.arraycopy(in, 0, output, outputOffset + r * widths[layers], widths[layers]);
        }
    }
}
