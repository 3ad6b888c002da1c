package io.github.jrl.nd4j.nn;

import io.github.jrl.core.random.Rng;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Orthogonal initialisation (Saxe et al. 2014, "Exact solutions to the nonlinear dynamics of
 * learning in deep linear neural networks"), computed as PyTorch's {@code nn.init.orthogonal_}:
 * QR of a Gaussian matrix with the signs of R's diagonal folded into Q, scaled by a gain. The PPO
 * reference implementations (Stable-Baselines3, CleanRL) use gain sqrt(2) for hidden layers,
 * 0.01 for the policy head and 1 for the value head ("The 37 Implementation Details of PPO").
 */
public final class Orthogonal {

    private Orthogonal() {
    }

    /**
     * An {@code in x out} matrix (row-major) whose rows or columns, whichever are fewer, are
     * orthonormal, times {@code gain}.
     */
    public static float[] matrix(int in, int out, double gain, Rng rng) {
        // PyTorch initialises its [out, in] weight; ours is the transpose, equally orthogonal.
        int rows = Math.max(in, out);
        int cols = Math.min(in, out);
        double[][] gaussian = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                gaussian[r][c] = rng.nextGaussian();
            }
        }
        QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(gaussian, false));
        RealMatrix q = qr.getQ();
        RealMatrix r = qr.getR();
        float[] w = new float[in * out];
        for (int c = 0; c < cols; c++) {
            double sign = Math.signum(r.getEntry(c, c));
            if (sign == 0) {
                sign = 1;
            }
            for (int row = 0; row < rows; row++) {
                double value = gain * sign * q.getEntry(row, c);
                // the tall factor is [rows x cols]; lay it out as [in x out]
                if (in >= out) {
                    w[row * out + c] = (float) value;
                } else {
                    w[c * out + row] = (float) value;
                }
            }
        }
        return w;
    }
}
